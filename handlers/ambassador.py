"""Ambassadors of change: the risk picture with its drill-down, the register of pain points and
corruption risks, and appeals to state bodies (a DOCX letter, sent, answered)."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.letters import appeal_docx
from bot.replies import MESSAGE_LIMIT, Answer, show, split_lines
from db.appeals import AppealRow
from db.fieldwork import ViolationRow
from db.risks import EntryRow
from db.store import Store
from handlers.commissar import only_region_or_ask
from handlers.fieldwork import one_step_or_cancel
from handlers.keyboards import (
    CHOSEN,
    AppealAction,
    AppealsPage,
    AppealViolation,
    EntriesPage,
    EntryAction,
    EntryKindChoice,
    EntryLink,
    RegionChoice,
    RiskDrill,
    RiskPeriod,
    SeverityChoice,
    Step,
    button,
    paging,
    period_buttons,
    rows,
    step_buttons,
    steps_only,
)
from handlers.media import evidence_of
from handlers.render import calendar_day, moment, shortened, status_name
from handlers.report import text_expected, use_buttons
from roles import appeals, catalog, risks
from roles.appeals import AppealDraft, AppealRules
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


class AppealFlow(StatesGroup):
    addressee = State()
    subject = State()
    body = State()
    violations = State()


class AppealSentFlow(StatesGroup):
    date = State()


class AppealAnswerFlow(StatesGroup):
    answer = State()


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
        parts.append(
            i18n.get(
                "risks-by-severity",
                counts=join(
                    " · ",
                    [
                        i18n.get(
                            "risks-count",
                            name=i18n.get(f"severity-{level}"),
                            count=picture.by_severity[level],
                        )
                        for level in risks.LEVELS
                        if level in picture.by_severity
                    ],
                ),
            )
        )
    if picture.by_category:
        parts.append(
            i18n.get(
                "risks-by-category",
                counts=join(
                    " · ",
                    [
                        i18n.get("risks-count", name=categories.get(code, code), count=count)
                        for code, count in sorted(
                            picture.by_category.items(), key=lambda item: -item[1]
                        )
                    ],
                ),
            )
        )
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
            button(
                i18n,
                "button-drill",
                RiskDrill(days=days, region=row.region_code),
                name=regions.get(row.region_code, row.region_code),
            )
        ]
        for row in view.picture.by_region[:DRILL_BUTTONS]
        if row.violations
    ] + [
        [
            button(
                i18n, "button-drill", RiskDrill(days=days, body=rank), name=shortened(row.body, 40)
            )
        ]
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
                button(
                    i18n,
                    "button-link-violation-number",
                    EntryLink(violation=violation.id),
                    number=violation.id,
                    severity=i18n.get(f"severity-{violation.severity}"),
                    body=shortened(violation.body, 30),
                )
            ]
            for violation in violations
        ]
        await state.set_state(LinkFlow.violation)
        key = "entry-ask-violation-number"
    else:
        tips = await risks.tips_to_link(store, actor, entry_id)
        suggestions = [
            [
                button(
                    i18n,
                    "button-link-tip-number",
                    EntryLink(tip=tip.id),
                    number=tip.id,
                    body=shortened(tip.body_concerned, 30),
                )
            ]
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


# ------------------------------------------------------------------ appeals


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


async def start_appeal(
    query: CallbackQuery,
    callback_data: EntryAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    entry = await appeals.start_appeal(store, actor, callback_data.entry)
    await state.set_state(AppealFlow.addressee)
    await state.set_data(AppealDraft(entry=entry.id).as_data())
    await show(
        query,
        i18n.get("appeal-ask-addressee", number=entry.id, body=entry.body),
        reply_markup=steps_only(i18n, back=False),
    )


async def appeal_addressee_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    draft.addressee = appeals.check_addressee(message.text)
    await state.update_data(draft.as_data())
    await state.set_state(AppealFlow.subject)
    await message.answer(i18n.get("appeal-ask-subject"), reply_markup=steps_only(i18n, back=False))


async def appeal_subject_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    draft.subject = appeals.check_subject(message.text)
    await state.update_data(draft.as_data())
    await state.set_state(AppealFlow.body)
    await message.answer(
        i18n.get("appeal-ask-body", limit=appeals.APPEAL_BODY_LIMITS[1]),
        reply_markup=steps_only(i18n, back=False),
    )


async def ask_violations(
    target: Answer, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    violations = await appeals.citable_violations(store, actor, draft.entry)
    buttons = [
        [
            button(
                i18n,
                "button-choose-violation",
                AppealViolation(violation=violation.id),
                mark=CHOSEN if violation.id in draft.violations else "",
                number=violation.id,
                body=shortened(violation.body, 30),
            )
        ]
        for violation in violations
    ]
    await show(
        target,
        i18n.get("appeal-ask-violations", chosen=len(draft.violations)),
        reply_markup=rows(
            *buttons, step_buttons(i18n, back=False, confirm_key="button-evidence-done")
        ),
    )


async def appeal_body_given(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    draft.body = appeals.check_body(message.text)
    await state.update_data(draft.as_data())
    await state.set_state(AppealFlow.violations)
    await ask_violations(message, state, actor, store, i18n)


async def violation_toggled(
    query: CallbackQuery,
    callback_data: AppealViolation,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    citable = {v.id for v in await appeals.citable_violations(store, actor, draft.entry)}
    if callback_data.violation not in citable:
        raise InvalidInput("error-appeal-choose-violations")
    chosen = set(draft.violations) ^ {callback_data.violation}
    draft.violations = sorted(chosen)
    await state.update_data(draft.as_data())
    await ask_violations(query, state, actor, store, i18n)


async def appeal_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    draft = AppealDraft.from_data(await state.get_data())
    appeal_id = await appeals.create_appeal(store, actor, draft, clock)
    await state.clear()
    await show(query, i18n.get("appeal-created", number=appeal_id))
    await send_letter(query, actor, store, i18n, appeal_rules, clock, appeal_id)
    await send_appeal_card(below(query), actor, store, i18n, appeal_rules, clock, appeal_id)


async def send_letter(
    query: CallbackQuery,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: AppealRules,
    clock: Clock,
    appeal_id: int,
) -> None:
    view = await appeals.letter(store, actor, appeal_id, clock)
    regions = await catalog.region_names(store, i18n.locale)
    region = regions.get(view.appeal.region_code, view.appeal.region_code)
    today = rules.today(clock.now())
    data = appeal_docx(view, i18n.get, rules.zone, region, i18n.locale, today)
    if query.bot is not None:
        await query.bot.send_document(
            query.from_user.id,
            BufferedInputFile(data, filename=f"appeal-{appeal_id}.docx"),
            caption=i18n.get("appeal-letter-caption", number=appeal_id),
        )


async def send_appeal_card(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: AppealRules,
    clock: Clock,
    appeal_id: int,
) -> None:
    view = await appeals.appeal_view(store, actor, appeal_id)
    appeal = view.appeal
    lines = [
        i18n.get(
            "appeal-card",
            number=appeal.id,
            entry=appeal.entry_id,
            addressee=appeal.addressee,
            subject=appeal.subject,
            status=appeal_status(i18n, appeal, rules.today(clock.now())),
            violations=len(view.violations),
            files=sum(len(items) for items in view.evidence.values()),
        )
    ]
    if appeal.sent_on is not None and appeal.due_on is not None:
        lines.append(
            i18n.get(
                "appeal-card-sent",
                sent=calendar_day(appeal.sent_on),
                due=calendar_day(appeal.due_on),
                days=rules.answer_working_days,
            )
        )
    if appeal.answered_at is not None:
        lines.append(
            i18n.get(
                "appeal-card-answer",
                at=moment(appeal.answered_at, rules.zone),
                text=shortened(appeal.answer_text or "—", 1500),
                document=appeal.answer_file_name or ("📎" if appeal.answer_file_id else "—"),
            )
        )
    buttons = [
        [button(i18n, "button-appeal-letter", AppealAction(action="letter", appeal=appeal.id))]
    ]
    if appeal.status == "draft":
        buttons.append(
            [button(i18n, "button-appeal-sent", AppealAction(action="sent", appeal=appeal.id))]
        )
    elif appeal.status == "sent":
        buttons.append(
            [button(i18n, "button-appeal-answer", AppealAction(action="answer", appeal=appeal.id))]
        )
    if appeal.answer_file_id is not None:
        buttons.append(
            [button(i18n, "button-appeal-answer-file",
                    AppealAction(action="answer_file", appeal=appeal.id))]
        )  # fmt: skip
    buttons.append(
        [button(i18n, "button-entry-number", EntryAction(action="open", entry=appeal.entry_id),
                number=appeal.entry_id)]
    )  # fmt: skip
    await send_long(target, join("\n\n", lines), rows(*buttons))


async def open_appeal(
    query: CallbackQuery,
    callback_data: AppealAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await state.clear()
    await send_appeal_card(query, actor, store, i18n, appeal_rules, clock, callback_data.appeal)


async def letter_again(
    query: CallbackQuery,
    callback_data: AppealAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await query.answer()
    await send_letter(query, actor, store, i18n, appeal_rules, clock, callback_data.appeal)


async def answer_file(
    query: CallbackQuery, callback_data: AppealAction, actor: Actor, store: Store
) -> None:
    """The body's answer, sent again from the file Telegram keeps."""
    appeal = await appeals.written_appeal(store, actor, callback_data.appeal)
    await query.answer()
    if appeal.answer_file_id is not None and query.bot is not None:
        await query.bot.send_document(query.from_user.id, appeal.answer_file_id)


async def ask_sent_date(
    query: CallbackQuery,
    callback_data: AppealAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
) -> None:
    appeal = await appeals.written_appeal(store, actor, callback_data.appeal)
    if appeal.status != "draft":
        raise InvalidInput("error-appeal-already-sent", number=appeal.id)
    await state.set_state(AppealSentFlow.date)
    await state.set_data({"appeal": appeal.id})
    await show(
        query,
        i18n.get("appeal-ask-sent-date", number=appeal.id, days=appeal_rules.answer_working_days),
        reply_markup=one_step_or_cancel(i18n, "button-today", "today"),
    )


async def sent_date_given(
    target: Answer,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    appeal_id = int((await state.get_data())["appeal"])
    typed = target.text if isinstance(target, Message) else None
    due_on = await appeals.record_sent(store, actor, appeal_id, typed, appeal_rules, clock)
    await state.clear()
    await show(
        target,
        i18n.get(
            "appeal-sent-recorded",
            number=appeal_id,
            due=calendar_day(due_on),
            days=appeal_rules.answer_working_days,
        ),
    )
    after = below(target) if isinstance(target, CallbackQuery) else target
    await send_appeal_card(after, actor, store, i18n, appeal_rules, clock, appeal_id)


async def ask_answer(
    query: CallbackQuery,
    callback_data: AppealAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    appeal = await appeals.written_appeal(store, actor, callback_data.appeal)
    if appeal.status != "sent":
        raise InvalidInput("error-appeal-not-awaiting", number=appeal.id)
    await state.set_state(AppealAnswerFlow.answer)
    await state.set_data({"appeal": appeal.id})
    await show(
        query,
        i18n.get("appeal-ask-answer", number=appeal.id, addressee=appeal.addressee),
        reply_markup=steps_only(i18n, back=False),
    )


async def answer_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    appeal_id = int((await state.get_data())["appeal"])
    document = evidence_of(message)
    if document is not None and document.kind != "document":
        raise InvalidInput("error-appeal-answer-kind")
    moved = await appeals.record_answer(
        store, actor, appeal_id, appeal_rules, clock,
        text=message.text if document is None else message.caption,
        file_id=document.file_id if document else None,
        file_name=document.file_name if document else None,
    )  # fmt: skip
    await state.clear()
    await message.answer(i18n.get("appeal-answer-recorded", number=appeal_id, tips=len(moved)))
    await send_appeal_card(message, actor, store, i18n, appeal_rules, clock, appeal_id)


async def show_appeals(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: AppealRules,
    clock: Clock,
    page: int,
) -> None:
    listed, total = await appeals.appeals(store, actor, page=page, per_page=PER_PAGE)
    lines = [i18n.get("appeals-title", count=total) if total else i18n.get("appeals-empty")]
    lines += [appeal_line(i18n, appeal, rules.today(clock.now())) for appeal in listed]
    buttons = [
        [button(i18n, "button-open-appeal", AppealAction(action="open", appeal=appeal.id),
                number=appeal.id)]
        for appeal in listed
    ]  # fmt: skip
    markup = rows(
        *buttons, paging(i18n, page, PER_PAGE, total, lambda number: AppealsPage(page=number))
    )
    await show(target, join("\n", lines), reply_markup=markup)


async def appeals_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await state.clear()
    await show_appeals(message, actor, store, i18n, appeal_rules, clock, 0)


async def appeals_page(
    query: CallbackQuery,
    callback_data: AppealsPage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    await show_appeals(query, actor, store, i18n, appeal_rules, clock, max(callback_data.page, 0))


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

    router.message.register(appeals_command, Command("appeals"))
    router.callback_query.register(appeals_page, AppealsPage.filter())
    router.callback_query.register(start_appeal, EntryAction.filter(F.action == "appeal"))
    router.message.register(appeal_addressee_given, AppealFlow.addressee, F.text, not_command)
    router.message.register(appeal_subject_given, AppealFlow.subject, F.text, not_command)
    router.message.register(appeal_body_given, AppealFlow.body, F.text, not_command)
    router.callback_query.register(
        violation_toggled, AppealFlow.violations, AppealViolation.filter()
    )
    router.callback_query.register(
        appeal_confirmed, AppealFlow.violations, Step.filter(F.action == "confirm")
    )
    router.callback_query.register(open_appeal, AppealAction.filter(F.action == "open"))
    router.callback_query.register(letter_again, AppealAction.filter(F.action == "letter"))
    router.callback_query.register(answer_file, AppealAction.filter(F.action == "answer_file"))
    router.callback_query.register(ask_sent_date, AppealAction.filter(F.action == "sent"))
    router.message.register(sent_date_given, AppealSentFlow.date, F.text, not_command)
    router.callback_query.register(
        sent_date_given, AppealSentFlow.date, Step.filter(F.action == "today")
    )
    router.callback_query.register(ask_answer, AppealAction.filter(F.action == "answer"))
    router.message.register(answer_given, AppealAnswerFlow.answer, not_command)

    text_steps = StateFilter(
        EntryFlow.body, EntryFlow.description, LinkFlow, AppealFlow.addressee,
        AppealFlow.subject, AppealFlow.body, AppealSentFlow.date,
    )  # fmt: skip
    router.message.register(text_expected, text_steps, ~F.text)
    buttons_steps = StateFilter(
        EntryFlow.region, EntryFlow.kind, EntryFlow.level, AppealFlow.violations
    )
    router.message.register(use_buttons, buttons_steps, not_command)
    return router
