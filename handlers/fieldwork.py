"""Commissars' field checks (planned, then filled item by item from their checklist) and the
violations found by a check or on a tip, with evidence hashed as it arrives."""

from __future__ import annotations

from decimal import Decimal

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.files import sha256_of
from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, replace, show
from db.fieldwork import ViolationRow
from db.store import Store
from handlers.commissar import only_region_or_ask
from handlers.keyboards import (
    CheckAction,
    CheckKindChoice,
    ChecklistAnswer,
    HandlerAction,
    RegionChoice,
    SeverityChoice,
    Step,
    ViolationAction,
    button,
    rows,
    step_button,
    step_buttons,
    steps_only,
)
from handlers.media import evidence_of, send_files
from handlers.render import calendar_day, moment, money, shortened, violation_lines
from handlers.report import text_expected, use_buttons
from roles import catalog, fieldwork, tips
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.fieldwork import CheckView, ReceivedFile, ViolationDraft
from roles.model import Actor, Role
from roles.tips import TipRules

ANSWER_MARKS = {"yes": "✅", "no": "❌", "na": "➖", None: "▫️"}


class CheckFlow(StatesGroup):
    kind = State()
    region = State()
    target = State()
    reference = State()
    planned_on = State()


class ViolationFlow(StatesGroup):
    description = State()
    body = State()
    rule = State()
    severity = State()
    amount = State()
    files = State()
    confirm = State()


class EvidenceFlow(StatesGroup):
    files = State()


# ------------------------------------------------------------------ checks


async def list_checks(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    await state.clear()
    checks = await fieldwork.my_checks(store, actor)
    kinds = {kind.code: kind.name(i18n.locale) for kind in await fieldwork.check_kinds(store)}
    lines = [i18n.get("checks-title", count=len(checks))] if checks else [i18n.get("checks-empty")]
    buttons = []
    for check in checks:
        lines.append(
            i18n.get(
                "checks-line",
                number=check.id,
                kind=kinds.get(check.kind_code, check.kind_code),
                target=shortened(check.target, 50),
                date=calendar_day(check.planned_on),
                status=i18n.get(f"check-status-{check.status}"),
                answered=check.answered,
                items=check.items,
            )
        )
        buttons.append(
            [
                button(
                    i18n,
                    "button-check-number",
                    CheckAction(action="open", check=check.id),
                    number=check.id,
                )
            ]
        )
    buttons.append([button(i18n, "button-plan-check", CheckAction(action="plan", check=0))])
    await message.answer(join("\n", lines), reply_markup=rows(*buttons))


async def start_plan(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    fieldwork.fieldwork_regions(actor)
    await state.set_state(CheckFlow.kind)
    await state.set_data({"check": {}})
    kinds = await fieldwork.check_kinds(store)
    buttons = [
        [
            InlineKeyboardButton(
                text=kind.name(i18n.locale), callback_data=CheckKindChoice(code=kind.code).pack()
            )
        ]
        for kind in kinds
    ]
    await show(
        query,
        i18n.get("check-ask-kind"),
        reply_markup=rows(*buttons, step_buttons(i18n, back=False)),
    )


async def kind_chosen(
    query: CallbackQuery,
    callback_data: CheckKindChoice,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    kind = await fieldwork.check_kind(store, callback_data.code)
    plan = {"kind": kind.code, "needs_reference": kind.needs_reference}
    await state.update_data(check=plan)
    region = await only_region_or_ask(
        query, state, store, i18n, fieldwork.fieldwork_regions(actor),
        asking=CheckFlow.region, question_key="check-ask-region",
    )  # fmt: skip
    if region is not None:
        await state.update_data(check={**plan, "region": region})
        await ask_target(query, state, i18n)


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    if callback_data.code not in fieldwork.fieldwork_regions(actor):
        raise InvalidInput("error-unknown-region", region=callback_data.code)
    plan = (await state.get_data())["check"]
    plan["region"] = callback_data.code
    await state.update_data(check=plan)
    await ask_target(query, state, i18n)


async def ask_target(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(CheckFlow.target)
    await show(target, i18n.get("check-ask-target"), reply_markup=steps_only(i18n, back=False))


async def target_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    plan = (await state.get_data())["check"]
    plan["target"] = fieldwork.check_target(message.text)
    await state.update_data(check=plan)
    if plan["needs_reference"]:
        await state.set_state(CheckFlow.reference)
        await message.answer(
            i18n.get("check-ask-reference"), reply_markup=steps_only(i18n, back=False)
        )
        return
    await ask_date(message, state, i18n)


async def reference_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    plan = (await state.get_data())["check"]
    plan["reference"] = fieldwork.check_reference(message.text)
    await state.update_data(check=plan)
    await ask_date(message, state, i18n)


async def ask_date(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(CheckFlow.planned_on)
    await message.answer(
        i18n.get("check-ask-date"),
        reply_markup=one_step_or_cancel(i18n, "button-today", "today"),
    )


async def date_given(
    target: Answer,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    today = rules.today(clock.now())
    text = target.text if isinstance(target, Message) else today.isoformat()
    planned_on = fieldwork.check_planned_date(text, today)
    plan = (await state.get_data())["check"]
    check_id = await fieldwork.plan_check(
        store,
        actor,
        kind=plan["kind"],
        region=plan["region"],
        target=plan["target"],
        reference=plan.get("reference"),
        planned_on=planned_on,
        clock=clock,
    )
    await state.clear()
    view = await fieldwork.check_view(store, actor, check_id)
    await send_check_card(target, actor, store, i18n, view, new=True)


def check_buttons(
    i18n: I18nContext, actor: Actor, view: CheckView
) -> list[list[InlineKeyboardButton]]:
    check_id = view.check.id
    if view.check.commissar_user_id != actor.user_id:
        return []

    def act(key: str, action: str) -> InlineKeyboardButton:
        return button(i18n, key, CheckAction(action=action, check=check_id))

    buttons = []
    if view.open and view.next_item is not None:
        buttons.append([act("button-fill-checklist", "fill")])
    if view.check.status != "cancelled":
        buttons.append([act("button-record-violation", "violation")])
    if view.open:
        buttons.append([act("button-finish-check", "finish"), act("button-cancel-check", "cancel")])
    return buttons


async def check_text(i18n: I18nContext, store: Store, view: CheckView) -> str:
    check = view.check
    regions = await catalog.region_names(store, i18n.locale)
    items = [
        i18n.get("checklist-line", mark=ANSWER_MARKS[item.answer], text=item.text(i18n.locale))
        for item in view.items
    ]
    parts = [
        i18n.get(
            "check-card",
            number=check.id,
            kind=view.kind.name(i18n.locale),
            status=i18n.get(f"check-status-{check.status}"),
            target=check.target,
            reference=check.reference or "—",
            region=regions.get(check.region_code, check.region_code),
            date=calendar_day(check.planned_on),
            answered=check.answered,
            items=check.items,
        ),
        join("\n", items),
    ]
    if view.violations:
        parts.append(violation_lines(i18n, view.violations))
    return join("\n\n", parts)


async def send_check_card(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    view: CheckView,
    *,
    new: bool = False,
) -> None:
    text = await check_text(i18n, store, view)
    markup = rows(*check_buttons(i18n, actor, view))
    if new and isinstance(target, CallbackQuery):
        await target.answer()
        if isinstance(target.message, Message):
            await target.message.answer(text, reply_markup=markup)
        return
    await show(target, text, reply_markup=markup)


async def open_check(
    query: CallbackQuery,
    callback_data: CheckAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    view = await fieldwork.check_view(store, actor, callback_data.check)
    await send_check_card(query, actor, store, i18n, view, new=True)


async def ask_item(query: CallbackQuery, i18n: I18nContext, view: CheckView) -> None:
    item = view.next_item
    assert item is not None
    buttons = [
        button(
            i18n,
            f"button-answer-{answer}",
            ChecklistAnswer(check=view.check.id, position=item.position, answer=answer),
        )
        for answer in fieldwork.CHECK_ANSWERS
    ]
    await show(
        query,
        i18n.get(
            "checklist-item",
            number=view.check.id,
            position=item.position,
            items=len(view.items),
            text=item.text(i18n.locale),
        ),
        reply_markup=rows(buttons),
    )


async def fill_checklist(
    query: CallbackQuery,
    callback_data: CheckAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    view = await fieldwork.check_to_fill(store, actor, callback_data.check)
    if not view.open or view.next_item is None:
        await send_check_card(query, actor, store, i18n, view)
        return
    await ask_item(query, i18n, view)


async def item_answered(
    query: CallbackQuery,
    callback_data: ChecklistAnswer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    view = await fieldwork.answer_item(
        store, actor, callback_data.check, callback_data.position, callback_data.answer, clock
    )
    if view.next_item is None:
        await send_check_card(query, actor, store, i18n, view)
        return
    await ask_item(query, i18n, view)


async def finish_check(
    query: CallbackQuery,
    callback_data: CheckAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    view = await fieldwork.finish_check(store, actor, callback_data.check, clock)
    await send_check_card(query, actor, store, i18n, view)


async def cancel_check(
    query: CallbackQuery,
    callback_data: CheckAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    await fieldwork.cancel_check(store, actor, callback_data.check, clock)
    await replace(query, i18n.get("check-cancelled", number=callback_data.check))


# ------------------------------------------------------------------ recording a violation


def one_step_or_cancel(i18n: I18nContext, key: str, action: str) -> InlineKeyboardMarkup:
    """A step's own button (skip, today, save...) above Cancel."""
    return rows([step_button(i18n, key, action)], step_buttons(i18n, back=False))


async def keep(state: FSMContext, draft: ViolationDraft) -> None:
    await state.update_data(draft.as_data())


async def draft_of(state: FSMContext) -> ViolationDraft:
    return ViolationDraft.from_data(await state.get_data())


async def begin_violation(
    query: CallbackQuery, state: FSMContext, i18n: I18nContext, draft: ViolationDraft
) -> None:
    await state.set_state(ViolationFlow.description)
    await state.set_data(draft.as_data())
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("violation-ask-what"), reply_markup=steps_only(i18n, back=False)
        )


async def violation_of_check(
    query: CallbackQuery,
    callback_data: CheckAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = await fieldwork.start_violation(store, actor, check_id=callback_data.check)
    await begin_violation(query, state, i18n, draft)


async def violation_of_tip(
    query: CallbackQuery,
    callback_data: HandlerAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = await fieldwork.start_violation(store, actor, tip_id=callback_data.tip)
    await begin_violation(query, state, i18n, draft)


async def description_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.description = fieldwork.check_violation_description(message.text)
    await keep(state, draft)
    await state.set_state(ViolationFlow.body)
    await message.answer(
        i18n.get("violation-ask-body", body=draft.body or "—"),
        reply_markup=one_step_or_cancel(i18n, "button-keep-body", "skip"),
    )


async def ask_rule(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(ViolationFlow.rule)
    await show(
        target,
        i18n.get("violation-ask-rule"),
        reply_markup=one_step_or_cancel(i18n, "button-skip", "skip"),
    )


async def body_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.body = fieldwork.check_violation_body(message.text)
    await keep(state, draft)
    await ask_rule(message, state, i18n)


async def body_kept(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await ask_rule(query, state, i18n)


async def ask_severity(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(ViolationFlow.severity)
    buttons = [
        button(i18n, f"severity-{level}", SeverityChoice(level=level))
        for level in fieldwork.SEVERITIES
    ]
    await show(
        target,
        i18n.get("violation-ask-severity"),
        reply_markup=rows(buttons[:2], buttons[2:], step_buttons(i18n, back=False)),
    )


async def rule_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.rule = fieldwork.check_rule(message.text)
    await keep(state, draft)
    await ask_severity(message, state, i18n)


async def rule_skipped(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.rule = None
    await keep(state, draft)
    await ask_severity(query, state, i18n)


async def severity_chosen(
    query: CallbackQuery, callback_data: SeverityChoice, state: FSMContext, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.severity = tips.check_choice(callback_data.level, fieldwork.SEVERITIES)
    await keep(state, draft)
    await state.set_state(ViolationFlow.amount)
    await show(
        query,
        i18n.get("violation-ask-amount"),
        reply_markup=one_step_or_cancel(i18n, "button-skip", "skip"),
    )


async def ask_files(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(ViolationFlow.files)
    await show(
        target,
        i18n.get("violation-ask-files", limit=fieldwork.VIOLATION_FILES_LIMIT),
        reply_markup=one_step_or_cancel(i18n, "button-evidence-done", "done"),
    )


async def amount_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.amount = str(fieldwork.check_amount(message.text))
    await keep(state, draft)
    await ask_files(message, state, i18n)


async def amount_skipped(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.amount = None
    await keep(state, draft)
    await ask_files(query, state, i18n)


async def received_file(message: Message, bot: Bot, clock: Clock, already: int) -> ReceivedFile:
    """The file of `message`, checked, downloaded and hashed, with the moment it arrived."""
    received_at = clock.now()
    item = evidence_of(message)
    if item is None:
        raise InvalidInput("error-evidence-kind")
    fieldwork.check_file(item, already)
    return ReceivedFile(item, await sha256_of(bot, item.file_id), received_at)


async def file_given(
    message: Message, state: FSMContext, bot: Bot, i18n: I18nContext, clock: Clock
) -> None:
    draft = await draft_of(state)
    received = await received_file(message, bot, clock, len(draft.files))
    draft.files.append(received.as_data())
    await keep(state, draft)
    await message.answer(
        i18n.get("violation-file-received", count=len(draft.files), sha256=received.sha256),
        reply_markup=rows([step_button(i18n, "button-evidence-done", "done")]),
    )


async def files_done(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    if not draft.files:
        raise InvalidInput("error-violation-no-evidence")
    await state.set_state(ViolationFlow.confirm)
    await show(
        query,
        await draft_text(i18n, draft),
        reply_markup=one_step_or_cancel(i18n, "button-save", "confirm"),
    )


async def draft_text(i18n: I18nContext, draft: ViolationDraft) -> str:
    return i18n.get(
        "violation-summary",
        source=source_text(i18n, draft.check_id, draft.tip_id),
        body=draft.body or "—",
        description=shortened(draft.description or "—", 1500),
        rule=draft.rule or "—",
        severity=i18n.get(f"severity-{draft.severity or 'low'}"),
        amount=money(Decimal(draft.amount), i18n.locale) if draft.amount else "—",
        files=len(draft.files),
    )


def source_text(i18n: I18nContext, check_id: int | None, tip_id: int | None) -> str:
    if check_id is not None:
        return i18n.get("violation-source-check", number=check_id)
    return i18n.get("violation-source-tip", number=tip_id or 0)


async def save_violation(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    draft = await draft_of(state)
    violation_id = await fieldwork.record_violation(store, actor, draft, clock)
    await state.clear()
    violation = await fieldwork.violation_view(store, actor, violation_id)
    await show(
        query,
        violation_text(i18n, violation, rules),
        reply_markup=rows(*violation_buttons(i18n, actor, violation)),
    )


# ------------------------------------------------------------------ a recorded violation


def violation_text(i18n: I18nContext, violation: ViolationRow, rules: TipRules) -> str:
    return i18n.get(
        "violation-card",
        number=violation.id,
        source=source_text(i18n, violation.check_id, violation.tip_id),
        body=violation.body,
        description=violation.description,
        rule=violation.rule_broken or "—",
        severity=i18n.get(f"severity-{violation.severity}"),
        amount=f"{violation.amount:,.2f}".replace(",", " ")
        if violation.amount is not None
        else "—",
        recorded=moment(violation.created_at, rules.zone),
        files=violation.evidence_count,
    )


def violation_buttons(
    i18n: I18nContext, actor: Actor, violation: ViolationRow
) -> list[list[InlineKeyboardButton]]:
    buttons = [
        [
            button(
                i18n,
                "button-show-evidence",
                ViolationAction(action="evidence", violation=violation.id),
            )
        ]
    ]
    if violation.recorded_by == actor.user_id:
        buttons.append(
            [
                button(
                    i18n,
                    "button-add-evidence",
                    ViolationAction(action="add", violation=violation.id),
                )
            ]
        )
    return buttons


async def list_violations(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.clear()
    violations = await fieldwork.my_violations(store, actor)
    if not violations:
        await message.answer(i18n.get("violations-empty"))
        return
    buttons = [
        [
            button(
                i18n,
                "button-violation-number",
                ViolationAction(action="open", violation=violation.id),
                number=violation.id,
            )
        ]
        for violation in violations
    ]
    await message.answer(violation_lines(i18n, violations), reply_markup=rows(*buttons))


async def open_violation(
    query: CallbackQuery,
    callback_data: ViolationAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    violation = await fieldwork.violation_view(store, actor, callback_data.violation)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            violation_text(i18n, violation, rules),
            reply_markup=rows(*violation_buttons(i18n, actor, violation)),
        )


async def show_violation_evidence(
    query: CallbackQuery,
    callback_data: ViolationAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    files = await fieldwork.violation_evidence(store, actor, callback_data.violation, clock)
    captions = [
        i18n.get(
            "violation-evidence-caption",
            number=callback_data.violation,
            position=item.position,
            count=len(files),
            received=moment(item.received_at, rules.zone),
            sha256=item.sha256,
            unique=item.file_unique_id,
        )
        for item in files
    ]
    await send_files(query, files, captions)


async def start_adding_evidence(
    query: CallbackQuery,
    callback_data: ViolationAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    violation = await fieldwork.own_violation(store, actor, callback_data.violation)
    await state.set_state(EvidenceFlow.files)
    await state.set_data({"violation": violation.id})
    await show(
        query,
        i18n.get("violation-ask-more-files", number=violation.id),
        reply_markup=rows([step_button(i18n, "button-evidence-done", "done")]),
    )


async def more_file_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    bot: Bot,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    violation_id = int((await state.get_data())["violation"])
    already = await fieldwork.files_of(store, actor, violation_id)
    received = await received_file(message, bot, clock, already)
    await fieldwork.add_evidence(store, actor, violation_id, [received], clock)
    await message.answer(
        i18n.get("violation-file-added", number=violation_id, sha256=received.sha256),
        reply_markup=rows([step_button(i18n, "button-evidence-done", "done")]),
    )


async def more_files_done(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    violation_id = int((await state.get_data()).get("violation", 0))
    await state.clear()
    await replace(query, i18n.get("violation-files-finished", number=violation_id))


async def files_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("violation-files-expected"))


def build_router() -> Router:
    router = Router(name="fieldwork")
    router.message.filter(Requires(Role.COMMISSAR))
    router.callback_query.filter(Requires(Role.COMMISSAR))
    not_command = ~F.text.startswith("/")

    router.message.register(list_checks, Command("checks"))
    router.message.register(list_violations, Command("violations"))
    router.callback_query.register(start_plan, CheckAction.filter(F.action == "plan"))
    router.callback_query.register(kind_chosen, CheckFlow.kind, CheckKindChoice.filter())
    router.callback_query.register(region_chosen, CheckFlow.region, RegionChoice.filter())
    router.message.register(target_given, CheckFlow.target, F.text, not_command)
    router.message.register(reference_given, CheckFlow.reference, F.text, not_command)
    router.message.register(date_given, CheckFlow.planned_on, F.text, not_command)
    router.callback_query.register(
        date_given, CheckFlow.planned_on, Step.filter(F.action == "today")
    )
    router.callback_query.register(open_check, CheckAction.filter(F.action == "open"))
    router.callback_query.register(fill_checklist, CheckAction.filter(F.action == "fill"))
    router.callback_query.register(item_answered, ChecklistAnswer.filter())
    router.callback_query.register(finish_check, CheckAction.filter(F.action == "finish"))
    router.callback_query.register(cancel_check, CheckAction.filter(F.action == "cancel"))

    router.callback_query.register(violation_of_check, CheckAction.filter(F.action == "violation"))
    router.callback_query.register(violation_of_tip, HandlerAction.filter(F.action == "violation"))
    router.message.register(description_given, ViolationFlow.description, F.text, not_command)
    router.message.register(body_given, ViolationFlow.body, F.text, not_command)
    router.callback_query.register(body_kept, ViolationFlow.body, Step.filter(F.action == "skip"))
    router.message.register(rule_given, ViolationFlow.rule, F.text, not_command)
    router.callback_query.register(
        rule_skipped, ViolationFlow.rule, Step.filter(F.action == "skip")
    )
    router.callback_query.register(severity_chosen, ViolationFlow.severity, SeverityChoice.filter())
    router.message.register(amount_given, ViolationFlow.amount, F.text, not_command)
    router.callback_query.register(
        amount_skipped, ViolationFlow.amount, Step.filter(F.action == "skip")
    )
    router.message.register(file_given, ViolationFlow.files, ~F.text)
    router.callback_query.register(files_done, ViolationFlow.files, Step.filter(F.action == "done"))
    router.callback_query.register(
        save_violation, ViolationFlow.confirm, Step.filter(F.action == "confirm")
    )

    router.callback_query.register(open_violation, ViolationAction.filter(F.action == "open"))
    router.callback_query.register(
        show_violation_evidence, ViolationAction.filter(F.action == "evidence")
    )
    router.callback_query.register(start_adding_evidence, ViolationAction.filter(F.action == "add"))
    router.message.register(more_file_given, EvidenceFlow.files, ~F.text)
    router.callback_query.register(
        more_files_done, EvidenceFlow.files, Step.filter(F.action == "done")
    )

    text_steps = StateFilter(
        CheckFlow.target, CheckFlow.reference, CheckFlow.planned_on, ViolationFlow.description,
        ViolationFlow.body, ViolationFlow.rule, ViolationFlow.amount,
    )  # fmt: skip
    router.message.register(text_expected, text_steps, ~F.text)
    router.message.register(
        files_expected, StateFilter(ViolationFlow.files, EvidenceFlow.files), F.text, not_command
    )
    buttons_steps = StateFilter(
        CheckFlow.kind, CheckFlow.region, ViolationFlow.severity, ViolationFlow.confirm
    )
    router.message.register(use_buttons, buttons_steps, not_command)
    return router
