"""Ambassadors' appeals to state bodies, written from a register entry: the DOCX letter, the day
it was sent (which fixes the answer's due date) and the answer."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.letters import appeal_docx
from bot.replies import Answer, show
from db.store import Store
from handlers.ambassador import appeal_line, appeal_status, below, labelled, send_long
from handlers.keyboards import (
    CHOSEN,
    AppealAction,
    AppealsPage,
    AppealViolation,
    EntryAction,
    Step,
    button,
    paging,
    rows,
    step_buttons,
    steps_only,
)
from handlers.media import evidence_of
from handlers.render import calendar_day, moment, shortened
from handlers.report import text_expected, use_buttons
from roles import appeals, catalog
from roles.appeals import AppealDraft, AppealRules
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Role

PER_PAGE = 8


class AppealFlow(StatesGroup):
    addressee = State()
    subject = State()
    body = State()
    violations = State()


class AppealSentFlow(StatesGroup):
    date = State()


class AppealAnswerFlow(StatesGroup):
    answer = State()


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
            labelled(
                f"{CHOSEN if violation.id in draft.violations else ''}#{violation.id} · "
                f"{shortened(violation.body, 30)}",
                AppealViolation(violation=violation.id),
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
    await send_letter(query, actor, store, i18n, appeal_rules, clock, callback_data.appeal)
    await query.answer()


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
        reply_markup=rows(
            [button(i18n, "button-today", AppealAction(action="sent_today", appeal=appeal.id))],
            step_buttons(i18n, back=False),
        ),
    )


async def sent_today(
    query: CallbackQuery,
    callback_data: AppealAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    """The "Today" button of the appeal it was shown for: an older question's button, pressed
    while another appeal is being recorded, does not record that other one."""
    if int((await state.get_data()).get("appeal", 0)) != callback_data.appeal:
        raise InvalidInput("fallback-stale-button")
    await sent_date_given(query, state, actor, store, i18n, appeal_rules, clock)


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
    router = Router(name="appeals")
    router.message.filter(Requires(Role.AMBASSADOR))
    router.callback_query.filter(Requires(Role.AMBASSADOR))
    not_command = ~F.text.startswith("/")

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
        sent_today, AppealSentFlow.date, AppealAction.filter(F.action == "sent_today")
    )
    router.callback_query.register(ask_answer, AppealAction.filter(F.action == "answer"))
    router.message.register(answer_given, AppealAnswerFlow.answer, not_command)

    text_steps = StateFilter(
        AppealFlow.addressee, AppealFlow.subject, AppealFlow.body, AppealSentFlow.date
    )
    router.message.register(text_expected, text_steps, ~F.text)
    router.message.register(use_buttons, AppealFlow.violations, not_command)
    return router
