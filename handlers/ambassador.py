"""Ambassadors of change: the risk picture with its drill-down, and the register of pain points
and corruption risks with the violations and tips behind each entry (its appeals are in
handlers/appeals.py)."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import MESSAGE_LIMIT, Answer, show, split_lines
from db.appeals import AppealRow
from db.fieldwork import ViolationRow
from db.risks import EntryRow
from db.store import Store
from handlers.commissar import only_region_or_ask
from handlers.keyboards import (
    AppealAction,
    EntriesPage,
    EntryAction,
    EntryKindChoice,
    EntryLink,
    RegionChoice,
    RiskDrill,
    RiskPeriod,
    SeverityChoice,
    button,
    paging,
    period_buttons,
    rows,
    step_buttons,
    steps_only,
)
from handlers.render import calendar_day, shortened, status_name
from handlers.report import text_expected, use_buttons
from roles import catalog, risks
from roles.appeals import AppealRules
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Role
from roles.risks import EntryDraft, PictureView
from roles.tips import check_choice

PER_PAGE = 8
DEFAULT_DAYS = 90
DRILL_BUTTONS = 6


class EntryFlow(StatesGroup):
    region = State()
    body = State()
    kind = State()
    level = State()
    description = State()


class LinkFlow(StatesGroup):
    violation = State()
    tip = State()


def labelled(text: str, data: CallbackData) -> InlineKeyboardButton:
    """A button whose label is people's own words (a body's name): button labels are not HTML,
    so these do not go through the escaping translations."""
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def below(query: CallbackQuery) -> Answer:
    """Where to write after a press that has been answered already: its chat."""
    return query.message if isinstance(query.message, Message) else query


async def send_long(target: Answer, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """A new message (in pieces when long) below whatever the person did; buttons on the last.
    A pressed button is answered here, once the workflow has run."""
    if isinstance(target, CallbackQuery):
        await target.answer()
        if target.bot is None:
            return
        pieces = split_lines(text)
        for number, piece in enumerate(pieces, start=1):
            await target.bot.send_message(
                target.from_user.id, piece, reply_markup=markup if number == len(pieces) else None
            )
        return
    pieces = split_lines(text)
    for number, piece in enumerate(pieces, start=1):
        await target.answer(piece, reply_markup=markup if number == len(pieces) else None)


# ------------------------------------------------------------------ the risk picture


def trend(current: int, previous: int) -> str:
    if current == previous:
        return "＝"
    return f"▲ +{current - previous}" if current > previous else f"▼ −{previous - current}"


def counts_line(i18n: I18nContext, key: str, counts: list[tuple[str, int]]) -> str:
    """A heading with "name — count" pairs separated by dots."""
    return i18n.get(
        key,
        counts=join(" · ", [i18n.get("risks-count", name=name, count=n) for name, n in counts]),
    )


async def picture_text(i18n: I18nContext, store: Store, view: PictureView) -> str:
    picture = view.picture
    regions = await catalog.region_names(store, i18n.locale)
    categories = await catalog.category_names(store, i18n.locale)
    parts = [i18n.get("risks-title", period=view.period.text(), days=view.period.days)]
    if not picture.by_region:
        parts.append(i18n.get("risks-empty"))
        return join("\n\n", parts)
    parts.append(
        join(
            "\n",
            [i18n.get("risks-by-region")]
            + [
                i18n.get(
                    "risks-line",
                    name=regions.get(row.region_code, row.region_code),
                    violations=row.violations,
                    violations_trend=trend(row.violations, row.previous_violations),
                    tips=row.tips,
                    tips_trend=trend(row.tips, row.previous_tips),
                )
                for row in picture.by_region
            ],
        )
    )
    parts.append(
        join(
            "\n",
            [i18n.get("risks-by-body")]
            + [
                i18n.get(
                    "risks-line",
                    name=shortened(row.body, 60),
                    violations=row.violations,
                    violations_trend=trend(row.violations, row.previous_violations),
                    tips=row.tips,
                    tips_trend=trend(row.tips, row.previous_tips),
                )
                for row in picture.by_body
            ],
        )
    )
    if picture.by_severity:
        severities = [
            (i18n.get(f"severity-{level}"), picture.by_severity[level])
            for level in risks.LEVELS
            if level in picture.by_severity
        ]
        parts.append(counts_line(i18n, "risks-by-severity", severities))
    if picture.by_category:
        most_first = sorted(picture.by_category.items(), key=lambda item: -item[1])
        named = [(categories.get(code, code), count) for code, count in most_first]
        parts.append(counts_line(i18n, "risks-by-category", named))
    parts.append(
        join(
            "\n",
            [i18n.get("risks-by-month")]
            + [
                i18n.get(
                    "risks-month-line",
                    month=f"{month:%m.%Y}",
                    violations=violations,
                    tips=tips,
                )
                for month, violations, tips in picture.by_month
            ],
        )
    )
    parts.append(i18n.get("risks-trend-note"))
    return join("\n\n", parts)


async def show_picture(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
    days: int,
) -> None:
    view = await risks.risk_picture(store, actor, days, appeal_rules.zone, clock)
    regions = await catalog.region_names(store, i18n.locale)
    drills = [
        [
            labelled(
                f"🔎 {regions.get(row.region_code, row.region_code)}",
                RiskDrill(days=days, region=row.region_code),
            )
        ]
        for row in view.picture.by_region[:DRILL_BUTTONS]
        if row.violations
    ] + [
        [labelled(f"🔎 {shortened(row.body, 40)}", RiskDrill(days=days, body=rank))]
        for rank, row in enumerate(view.picture.by_body[:DRILL_BUTTONS])
        if row.violations
    ]
    markup = rows(
        period_buttons(i18n, risks.PICTURE_DAYS, days, lambda number: RiskPeriod(days=number)),
        *drills,
    )
    text = await picture_text(i18n, store, view)
    if isinstance(target, CallbackQuery) and len(text) <= MESSAGE_LIMIT:
        await show(target, text, reply_markup=markup)
        return
    await send_long(target, text, markup)


async def risks_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await state.clear()
    await show_picture(message, actor, store, i18n, appeal_rules, clock, DEFAULT_DAYS)


async def picture_period(
    query: CallbackQuery,
    callback_data: RiskPeriod,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await show_picture(query, actor, store, i18n, appeal_rules, clock, callback_data.days)


def violation_details(
    i18n: I18nContext, violations: list[ViolationRow], rules: AppealRules
) -> list[str]:
    return [
        i18n.get(
            "risks-violation-line",
            number=violation.id,
            severity=i18n.get(f"severity-{violation.severity}"),
            body=violation.body,
            date=calendar_day(violation.created_at.astimezone(rules.zone).date()),
            description=shortened(violation.description, 200),
        )
        for violation in violations
    ]


async def drill_down(
    query: CallbackQuery,
    callback_data: RiskDrill,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    by_region = bool(callback_data.region)
    body, violations = await risks.violations_behind(
        store, actor, callback_data.days, appeal_rules.zone, clock,
        region_code=callback_data.region if by_region else None,
        body_rank=None if by_region else callback_data.body,
    )  # fmt: skip
    if by_region:
        names = await catalog.region_names(store, i18n.locale)
        what = names.get(callback_data.region, callback_data.region)
    else:
        what = body or "—"
    lines = [i18n.get("risks-behind", what=what, count=len(violations))]
    lines += violation_details(i18n, violations, appeal_rules)
    await send_long(query, join("\n\n", lines))


# ------------------------------------------------------------------ the register


def named(i18n: I18nContext, prefix: str, code: str) -> str:
    """The text of a code kept with underscores (pain_point) under a key with hyphens."""
    return i18n.get(f"{prefix}-{code.replace('_', '-')}")


def entry_line(i18n: I18nContext, entry: EntryRow, regions: dict[str, str]) -> str:
    return i18n.get(
        "register-line",
        number=entry.id,
        kind=named(i18n, "entry-kind", entry.kind),
        level=i18n.get(f"severity-{entry.level}"),
        status=named(i18n, "entry-status", entry.status),
        region=regions.get(entry.region_code, entry.region_code),
        body=shortened(entry.body, 60),
    )


async def show_register(
    target: Answer, actor: Actor, store: Store, i18n: I18nContext, page: int
) -> None:
    listed, total = await risks.entries(store, actor, page=page, per_page=PER_PAGE)
    regions = await catalog.region_names(store, i18n.locale)
    lines = [i18n.get("register-title", count=total) if total else i18n.get("register-empty")]
    lines += [entry_line(i18n, entry, regions) for entry in listed]
    buttons = [
        [button(i18n, "button-entry-number", EntryAction(action="open", entry=entry.id),
                number=entry.id)]
        for entry in listed
    ]  # fmt: skip
    markup = rows(
        *buttons,
        paging(i18n, page, PER_PAGE, total, lambda number: EntriesPage(page=number)),
        [button(i18n, "button-new-entry", EntryAction(action="new", entry=0))],
    )
    await show(target, join("\n", lines), reply_markup=markup)


async def register_command(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.clear()
    await show_register(message, actor, store, i18n, 0)


async def register_page(
    query: CallbackQuery,
    callback_data: EntriesPage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    await show_register(query, actor, store, i18n, max(callback_data.page, 0))


async def new_entry(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    allowed = risks.register_regions(actor)
    codes = tuple(region.code for region in await catalog.regions(store))
    await state.set_data(EntryDraft().as_data())
    region = await only_region_or_ask(
        query, state, store, i18n, codes if allowed is None else tuple(allowed),
        asking=EntryFlow.region, question_key="entry-ask-region",
    )  # fmt: skip
    if region is not None:
        await entry_region_set(query, state, i18n, region)


async def entry_region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    await entry_region_set(query, state, i18n, risks.check_entry_region(actor, callback_data.code))


async def entry_region_set(
    target: Answer, state: FSMContext, i18n: I18nContext, region: str
) -> None:
    draft = EntryDraft.from_data(await state.get_data())
    draft.region = region
    await state.update_data(draft.as_data())
    await state.set_state(EntryFlow.body)
    await show(target, i18n.get("entry-ask-body"), reply_markup=steps_only(i18n, back=False))


async def entry_body_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = EntryDraft.from_data(await state.get_data())
    draft.body = risks.check_entry_body(message.text)
    await state.update_data(draft.as_data())
    await state.set_state(EntryFlow.kind)
    kinds = [
        [
            InlineKeyboardButton(
                text=named(i18n, "entry-kind", kind),
                callback_data=EntryKindChoice(kind=kind).pack(),
            )
        ]
        for kind in risks.ENTRY_KINDS
    ]
    await message.answer(
        i18n.get("entry-ask-kind"), reply_markup=rows(*kinds, step_buttons(i18n, back=False))
    )


async def entry_kind_chosen(
    query: CallbackQuery, callback_data: EntryKindChoice, state: FSMContext, i18n: I18nContext
) -> None:
    draft = EntryDraft.from_data(await state.get_data())
    draft.kind = check_choice(callback_data.kind, risks.ENTRY_KINDS)
    await state.update_data(draft.as_data())
    await state.set_state(EntryFlow.level)
    levels = [
        [button(i18n, f"severity-{level}", SeverityChoice(level=level))] for level in risks.LEVELS
    ]
    await show(
        query,
        i18n.get("entry-ask-level"),
        reply_markup=rows(*levels, step_buttons(i18n, back=False)),
    )


async def entry_level_chosen(
    query: CallbackQuery, callback_data: SeverityChoice, state: FSMContext, i18n: I18nContext
) -> None:
    draft = EntryDraft.from_data(await state.get_data())
    draft.level = check_choice(callback_data.level, risks.LEVELS)
    await state.update_data(draft.as_data())
    await state.set_state(EntryFlow.description)
    await show(query, i18n.get("entry-ask-description"), reply_markup=steps_only(i18n, back=False))


async def entry_description_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    draft = EntryDraft.from_data(await state.get_data())
    entry_id = await risks.create_entry(store, actor, draft, message.text or "", clock)
    await state.clear()
    await message.answer(i18n.get("entry-created", number=entry_id))
    await send_entry_card(message, actor, store, i18n, appeal_rules, clock, entry_id)


async def send_entry_card(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: AppealRules,
    clock: Clock,
    entry_id: int,
) -> None:
    today = rules.today(clock.now())
    view = await risks.entry_view(store, actor, entry_id)
    entry = view.entry
    regions = await catalog.region_names(store, i18n.locale)
    categories = await catalog.category_names(store, i18n.locale)
    parts = [
        i18n.get(
            "entry-card",
            number=entry.id,
            kind=named(i18n, "entry-kind", entry.kind),
            level=i18n.get(f"severity-{entry.level}"),
            status=named(i18n, "entry-status", entry.status),
            region=regions.get(entry.region_code, entry.region_code),
            body=entry.body,
            description=shortened(entry.description, 1500),
        ),
        join(
            "\n\n",
            [
                i18n.get("entry-card-violations", count=len(view.violations)),
                *violation_details(i18n, view.violations, rules),
            ],
        ),
        join(
            "\n",
            [i18n.get("entry-card-tips", count=len(view.tips))]
            + [
                i18n.get(
                    "entry-tip-line",
                    number=tip.id,
                    category=categories.get(tip.category_code, tip.category_code),
                    body=shortened(tip.body_concerned, 60),
                    status=status_name(i18n, tip.status),
                )
                for tip in view.tips
            ],
        ),
    ]
    if view.appeals:
        parts.append(
            join(
                "\n",
                [i18n.get("entry-card-appeals")]
                + [appeal_line(i18n, appeal, today) for appeal in view.appeals],
            )
        )
    buttons: list[list[InlineKeyboardButton]] = [
        [button(i18n, "button-open-appeal", AppealAction(action="open", appeal=appeal.id),
                number=appeal.id)]
        for appeal in view.appeals
    ]  # fmt: skip
    if entry.status != "closed":
        buttons += [
            [
                button(i18n, "button-link-violation",
                       EntryAction(action="link_violation", entry=entry.id)),
                button(i18n, "button-link-tip", EntryAction(action="link_tip", entry=entry.id)),
            ],
            [button(i18n, "button-write-appeal", EntryAction(action="appeal", entry=entry.id))],
            [button(i18n, "button-close-entry", EntryAction(action="close", entry=entry.id))],
        ]  # fmt: skip
    await send_long(target, join("\n\n", parts), rows(*buttons))


async def open_entry(
    query: CallbackQuery,
    callback_data: EntryAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await state.clear()
    await send_entry_card(query, actor, store, i18n, appeal_rules, clock, callback_data.entry)


async def start_link(
    query: CallbackQuery,
    callback_data: EntryAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    """Ask for the number of a violation or a tip, suggesting the likely ones as buttons."""
    entry_id = callback_data.entry
    if callback_data.action == "link_violation":
        violations = await risks.violations_to_link(store, actor, entry_id)
        suggestions = [
            [
                labelled(
                    f"#{violation.id} · {i18n.get(f'severity-{violation.severity}')} · "
                    f"{shortened(violation.body, 30)}",
                    EntryLink(violation=violation.id),
                )
            ]
            for violation in violations
        ]
        await state.set_state(LinkFlow.violation)
        key = "entry-ask-violation-number"
    else:
        tips = await risks.tips_to_link(store, actor, entry_id)
        suggestions = [
            [labelled(f"#{tip.id} · {shortened(tip.body_concerned, 30)}", EntryLink(tip=tip.id))]
            for tip in tips
        ]
        await state.set_state(LinkFlow.tip)
        key = "entry-ask-tip-number"
    await state.set_data({"entry": entry_id})
    await show(
        query,
        i18n.get(key, number=entry_id, suggested=len(suggestions)),
        reply_markup=rows(*suggestions, step_buttons(i18n, back=False)),
    )


async def link_chosen(
    query: CallbackQuery,
    callback_data: EntryLink,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await link_number(query, state, actor, store, i18n, appeal_rules, clock,
                      callback_data.violation or None, callback_data.tip or None)  # fmt: skip


async def link_number(
    target: Answer,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: AppealRules,
    clock: Clock,
    violation: int | None,
    tip: int | None,
) -> None:
    entry_id = int((await state.get_data())["entry"])
    if violation is not None:
        linked = await risks.link_violation(store, actor, entry_id, violation, clock)
        key = "entry-violation-linked" if linked else "entry-violation-already"
    elif tip is not None:
        linked = await risks.link_tip(store, actor, entry_id, tip, clock)
        key = "entry-tip-linked" if linked else "entry-tip-already"
    else:
        raise InvalidInput()
    await state.clear()
    await show(target, i18n.get(key, number=violation or tip, entry=entry_id))
    after = below(target) if isinstance(target, CallbackQuery) else target
    await send_entry_card(after, actor, store, i18n, rules, clock, entry_id)


async def number_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    if await state.get_state() == LinkFlow.violation.state:
        number = risks.parse_number(message.text, "error-entry-violation-number")
        await link_number(message, state, actor, store, i18n, appeal_rules, clock, number, None)
    else:
        number = risks.parse_number(message.text, "error-entry-tip-number")
        await link_number(message, state, actor, store, i18n, appeal_rules, clock, None, number)


async def close_entry(
    query: CallbackQuery,
    callback_data: EntryAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await risks.close_entry(store, actor, callback_data.entry, clock)
    await send_entry_card(query, actor, store, i18n, appeal_rules, clock, callback_data.entry)


# ------------------------------------------------------------------ appeals in the register


def appeal_line(i18n: I18nContext, appeal: AppealRow, today: date) -> str:
    return i18n.get(
        "appeal-line",
        number=appeal.id,
        addressee=shortened(appeal.addressee, 60),
        status=appeal_status(i18n, appeal, today),
    )


def appeal_status(i18n: I18nContext, appeal: AppealRow, today: date) -> str:
    if appeal.status == "draft" or appeal.due_on is None:
        return i18n.get("appeal-status-draft")
    if appeal.status == "answered":
        return i18n.get("appeal-status-answered")
    key = "appeal-status-overdue" if appeal.overdue(today) else "appeal-status-sent"
    return i18n.get(key, due=calendar_day(appeal.due_on))


def build_router() -> Router:
    router = Router(name="ambassador")
    router.message.filter(Requires(Role.AMBASSADOR))
    router.callback_query.filter(Requires(Role.AMBASSADOR))
    not_command = ~F.text.startswith("/")

    router.message.register(risks_command, Command("risks"))
    router.callback_query.register(picture_period, RiskPeriod.filter())
    router.callback_query.register(drill_down, RiskDrill.filter())

    router.message.register(register_command, Command("register"))
    router.callback_query.register(register_page, EntriesPage.filter())
    router.callback_query.register(new_entry, EntryAction.filter(F.action == "new"))
    router.callback_query.register(entry_region_chosen, EntryFlow.region, RegionChoice.filter())
    router.message.register(entry_body_given, EntryFlow.body, F.text, not_command)
    router.callback_query.register(entry_kind_chosen, EntryFlow.kind, EntryKindChoice.filter())
    router.callback_query.register(entry_level_chosen, EntryFlow.level, SeverityChoice.filter())
    router.message.register(entry_description_given, EntryFlow.description, F.text, not_command)
    router.callback_query.register(open_entry, EntryAction.filter(F.action == "open"))
    router.callback_query.register(
        start_link, EntryAction.filter(F.action.in_({"link_violation", "link_tip"}))
    )
    router.message.register(number_given, StateFilter(LinkFlow), F.text, not_command)
    router.callback_query.register(link_chosen, StateFilter(LinkFlow), EntryLink.filter())
    router.callback_query.register(close_entry, EntryAction.filter(F.action == "close"))

    router.message.register(
        text_expected, StateFilter(EntryFlow.body, EntryFlow.description, LinkFlow), ~F.text
    )
    router.message.register(
        use_buttons, StateFilter(EntryFlow.region, EntryFlow.kind, EntryFlow.level), not_command
    )
    return router
