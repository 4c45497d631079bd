"""Figures for ambassadors, ombudsmen and coordinators (everyone whose role may view them): the
audience, and tips and appeals of a period as a short text and a chart."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.charts import Section, render_bar_chart
from bot.filters import Requires
from bot.i18n import join
from db.store import Store
from handlers.keyboards import StatisticsPeriod, period_buttons, rows
from handlers.render import shortened, status_name
from roles import analytics, catalog, statistics
from roles.appeals import AppealRules
from roles.clock import Clock
from roles.model import LANGUAGES, Actor, Permission

DEFAULT_DAYS = 30


async def audience(
    message: Message,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    figures = await statistics.audience(store, actor)
    names = await catalog.region_names(store, i18n.locale)
    lines = [
        i18n.get("stats-people", count=figures.people),
        i18n.get("stats-subscribers", count=figures.subscribers),
        i18n.get(
            "stats-languages",
            **{language: figures.by_language.get(language, 0) for language in LANGUAGES},
            unset=figures.without_language,
        ),
        i18n.get(
            "stats-volunteers",
            commissars=figures.by_role.get("commissar", 0),
            ambassadors=figures.by_role.get("ambassador", 0),
            ombudsmen=figures.by_role.get("ombudsman", 0),
            coordinators=figures.by_role.get("coordinator", 0),
        ),
    ]
    if figures.by_region:
        top = join(
            ", ",
            (
                i18n.get("stats-region-count", region=names.get(code, code), count=count)
                for code, count in figures.by_region[:5]
            ),
        )
        lines.append(i18n.get("stats-regions", regions=top))
    await message.answer(join("\n\n", [i18n.get("stats-title"), join("\n", lines)]))
    await tip_figures(message, actor, store, i18n, appeal_rules, clock, DEFAULT_DAYS)


def duration(i18n: I18nContext, value: timedelta | None) -> str:
    if value is None:
        return i18n.get("stats-duration-none")
    minutes = int(value.total_seconds() // 60)
    return i18n.get(
        "stats-duration", days=minutes // 1440, hours=minutes % 1440 // 60, minutes=minutes % 60
    )


def counts(i18n: I18nContext, pairs: list[tuple[str, int]]) -> str:
    if not pairs:
        return i18n.get("stats-none")
    return join(" · ", [i18n.get("stats-count", name=name, count=count) for name, count in pairs])


def by_count(figures: dict[str, int], names: dict[str, str]) -> list[tuple[str, int]]:
    return [
        (names.get(code, code), count)
        for code, count in sorted(figures.items(), key=lambda item: (-item[1], item[0]))
    ]


async def tip_figures(
    target: Message | CallbackQuery,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
    days: int,
) -> None:
    """Tips by status, region and category, the medians, what is overdue and appeals per body:
    a short text, then the same as a chart."""
    view = await analytics.statistics(store, actor, days, appeal_rules.zone, clock)
    figures = view.figures
    regions = await catalog.region_names(store, i18n.locale)
    categories = await catalog.category_names(store, i18n.locale)
    statuses = {status: status_name(i18n, status) for status in figures.by_status}
    by_status = by_count(figures.by_status, statuses)
    by_region = by_count(figures.by_region, regions)
    by_category = by_count(figures.by_category, categories)
    bodies = [
        i18n.get(
            "stats-appeals-body",
            body=shortened(row.addressee, 60),
            answered=row.answered,
            overdue=row.overdue,
        )
        for row in figures.appeals_by_body[:10]
    ]
    text = join(
        "\n",
        [
            i18n.get("stats-tips-title", period=view.period.text(), count=figures.total),
            i18n.get("stats-by-status", counts=counts(i18n, by_status)),
            i18n.get("stats-by-region", counts=counts(i18n, by_region)),
            i18n.get("stats-by-category", counts=counts(i18n, by_category)),
            i18n.get(
                "stats-medians",
                take=duration(i18n, figures.median_take),
                resolve=duration(i18n, figures.median_resolve),
            ),
            i18n.get(
                "stats-overdue",
                assignments=figures.overdue_assignments,
                awaiting=figures.appeals_awaiting,
                appeals=figures.appeals_overdue,
            ),
            *([i18n.get("stats-appeals-bodies"), *bodies] if bodies else []),
        ],
    )
    markup = rows(
        period_buttons(
            i18n, analytics.STATISTICS_DAYS, days, lambda number: StatisticsPeriod(days=number)
        )
    )
    # Chart labels are plain text: people's words go in as they are, not through the
    # HTML-escaping translations.
    answered, overdue = i18n.get("stats-chart-answered"), i18n.get("stats-chart-overdue")
    chart = await render_bar_chart(
        i18n.get("stats-chart-title", period=view.period.text()),
        [
            Section(i18n.get("stats-chart-status"), [(n, c) for n, c in by_status]),
            Section(i18n.get("stats-chart-category"), [(n, c) for n, c in by_category]),
            Section(i18n.get("stats-chart-region"), [(n, c) for n, c in by_region]),
            Section(
                i18n.get("stats-chart-appeals"),
                [
                    bar
                    for row in figures.appeals_by_body[:4]
                    for bar in (
                        (f"{row.addressee}: {answered}", row.answered),
                        (f"{row.addressee}: {overdue}", row.overdue),
                    )
                ],
            ),
        ],
    )
    photo = BufferedInputFile(chart, filename=f"statistics-{view.period.first:%Y%m%d}.png")
    if isinstance(target, CallbackQuery):
        await target.answer()
        if target.bot is not None:
            await target.bot.send_message(target.from_user.id, text, reply_markup=markup)
            await target.bot.send_photo(target.from_user.id, photo)
        return
    await target.answer(text, reply_markup=markup)
    await target.answer_photo(photo)


async def period_chosen(
    query: CallbackQuery,
    callback_data: StatisticsPeriod,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await tip_figures(query, actor, store, i18n, appeal_rules, clock, callback_data.days)


def build_router() -> Router:
    router = Router(name="statistics")
    router.message.filter(Requires(Permission.VIEW_STATISTICS))
    router.callback_query.filter(Requires(Permission.VIEW_STATISTICS))
    router.message.register(audience, Command("stats"))
    router.callback_query.register(period_chosen, StatisticsPeriod.filter())
    return router
