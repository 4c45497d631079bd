"""Figures for ambassadors, ombudsmen and coordinators (everyone whose role may view them)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from db.store import Store
from roles import catalog, statistics
from roles.model import LANGUAGES, Actor, Permission


async def audience(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
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


def build_router() -> Router:
    router = Router(name="statistics")
    router.message.filter(Requires(Permission.VIEW_STATISTICS))
    router.callback_query.filter(Requires(Permission.VIEW_STATISTICS))
    router.message.register(audience, Command("stats"))
    return router
