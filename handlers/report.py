"""Reporting corruption: a guided conversation, one question at a time, with Back and Cancel at
every step, ending in a summary with Edit and Send. The draft lives in the conversation's state
(PostgreSQL), so it survives a restart; Cancel deletes it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.filters import MenuButton, Requires
from bot.fsm_storage import conversation_key
from bot.i18n import Html
from bot.replies import Answer, replace, show
from db.store import Store
from handlers.keyboards import (
    RegionChoice,
    ReportEdit,
    Step,
    TipCategory,
    TipIdentity,
    TipWhen,
    button,
    main_menu,
    region_picker,
    rows,
    step_button,
    step_buttons,
)
from handlers.media import evidence_of
from handlers.render import receipt_text, tip_summary
from roles import catalog, tips
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Role
from roles.tips import Draft, TipRules


class ReportFlow(StatesGroup):
    category = State()
    region = State()
    body = State()
    description = State()
    when = State()
    when_date = State()
    where = State()
    evidence = State()
    identity = State()
    confirm = State()
    edit = State()


ORDER: list[State] = [
    ReportFlow.category,
    ReportFlow.region,
    ReportFlow.body,
    ReportFlow.description,
    ReportFlow.when,
    ReportFlow.where,
    ReportFlow.evidence,
    ReportFlow.identity,
    ReportFlow.confirm,
]
EDITABLE: dict[str, State] = {
    "category": ReportFlow.category,
    "region": ReportFlow.region,
    "body": ReportFlow.body,
    "description": ReportFlow.description,
    "when": ReportFlow.when,
    "where": ReportFlow.where,
    "evidence": ReportFlow.evidence,
    "identity": ReportFlow.identity,
}
QUESTION_STEPS = len(ORDER) - 1


async def draft_of(state: FSMContext) -> Draft:
    return Draft.from_data(await state.get_data())


async def keep(state: FSMContext, draft: Draft) -> None:
    await state.update_data(**draft.as_data())


def progress(i18n: I18nContext, step: State) -> str:
    number = ORDER.index(step) + 1 if step in ORDER else ORDER.index(ReportFlow.when) + 1
    return i18n.get("report-progress", step=number, total=QUESTION_STEPS)


def question(i18n: I18nContext, step: State, key: str, **fields: object) -> Html:
    return Html(progress(i18n, step) + "\n" + i18n.get(key, **fields))


# ------------------------------------------------------------------ asking each step


async def ask(
    target: Answer, state: FSMContext, store: Store, i18n: I18nContext, step: State
) -> None:
    """Show the question of `step` and wait for its answer."""
    await state.set_state(step)
    draft = await draft_of(state)
    back = step is not ReportFlow.category
    steps = step_buttons(i18n, back=back)
    if step is ReportFlow.category:
        categories = await catalog.categories(store)
        buttons = [
            InlineKeyboardButton(
                text=("✓ " if c.code == draft.category else "") + c.name(i18n.locale),
                callback_data=TipCategory(code=c.code).pack(),
            )
            for c in categories
        ]
        pairs = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        await show(
            target, question(i18n, step, "report-ask-category"), reply_markup=rows(*pairs, steps)
        )
    elif step is ReportFlow.region:
        await show(
            target,
            question(i18n, step, "report-ask-region"),
            reply_markup=region_picker(
                await catalog.regions(store),
                i18n.locale,
                factory=RegionChoice,
                selected=draft.region,
                steps=steps,
            ),
        )
    elif step is ReportFlow.body:
        await show(target, question(i18n, step, "report-ask-body"), reply_markup=rows(steps))
    elif step is ReportFlow.description:
        await show(
            target,
            question(i18n, step, "report-ask-description", minimum=20, maximum=4000),
            reply_markup=rows(steps),
        )
    elif step is ReportFlow.when:
        choices = [
            button(i18n, f"report-when-{choice}", TipWhen(choice=choice))
            for choice in tips.WHEN_CHOICES
        ]
        await show(
            target,
            question(i18n, step, "report-ask-when"),
            reply_markup=rows(choices[:2], choices[2:], steps),
        )
    elif step is ReportFlow.when_date:
        await show(target, question(i18n, step, "report-ask-date"), reply_markup=rows(steps))
    elif step is ReportFlow.where:
        await show(
            target,
            question(i18n, step, "report-ask-where"),
            reply_markup=rows([step_button(i18n, "button-skip", "skip")], steps),
        )
    elif step is ReportFlow.evidence:
        await show(
            target,
            question(i18n, step, "report-ask-evidence", limit=tips.EVIDENCE_LIMIT, size=20),
            reply_markup=evidence_buttons(i18n, len(draft.evidence)),
        )
    elif step is ReportFlow.identity:
        await show(
            target,
            question(i18n, step, "report-ask-identity"),
            reply_markup=rows(
                [button(i18n, "button-confidential", TipIdentity(mode="confidential"))],
                [button(i18n, "button-anonymous", TipIdentity(mode="anonymous"))],
                steps,
            ),
        )
    elif step is ReportFlow.confirm:
        await state.update_data(editing=False)
        await show(
            target,
            await tip_summary(i18n, store, draft),
            reply_markup=rows(
                [
                    step_button(i18n, "button-send", "send"),
                    step_button(i18n, "button-edit", "edit"),
                ],
                steps,
            ),
        )
    elif step is ReportFlow.edit:
        fields = [button(i18n, f"report-field-{name}", ReportEdit(field=name)) for name in EDITABLE]
        pairs = [fields[i : i + 2] for i in range(0, len(fields), 2)]
        await show(target, i18n.get("report-ask-edit"), reply_markup=rows(*pairs, steps))


def evidence_buttons(i18n: I18nContext, count: int) -> InlineKeyboardMarkup:
    first = (
        [step_button(i18n, "button-evidence-done", "done")]
        if count
        else [step_button(i18n, "button-skip", "skip")]
    )
    if count:
        first.append(step_button(i18n, "button-evidence-clear", "clear"))
    return rows(first, step_buttons(i18n))


async def advance(target: Answer, state: FSMContext, store: Store, i18n: I18nContext) -> None:
    """The next question, or the summary again after editing one answer."""
    current = await state.get_state()
    data = await state.get_data()
    if data.get("editing"):
        await ask(target, state, store, i18n, ReportFlow.confirm)
        return
    names = [step.state for step in ORDER]
    position = names.index(
        ReportFlow.when.state if current == ReportFlow.when_date.state else str(current)
    )
    await ask(target, state, store, i18n, ORDER[position + 1])


# ------------------------------------------------------------------ answers


async def start_report(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await tips.may_start_report(store, actor, rules, clock)
    await state.clear()
    draft = Draft(region=actor.region_code)
    await keep(state, draft)
    await message.answer(i18n.get("report-intro"), reply_markup=main_menu(i18n))
    await ask(message, state, store, i18n, ReportFlow.category)


async def category_chosen(
    query: CallbackQuery,
    callback_data: TipCategory,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = await draft_of(state)
    draft.category = await tips.check_category(store, callback_data.code)
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = await draft_of(state)
    draft.region = (await catalog.region(store, callback_data.code)).code
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def body_given(message: Message, state: FSMContext, store: Store, i18n: I18nContext) -> None:
    draft = await draft_of(state)
    draft.body = tips.check_body(message.text)
    await keep(state, draft)
    await advance(message, state, store, i18n)


async def description_given(
    message: Message, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.description = tips.check_description(message.text)
    await keep(state, draft)
    await advance(message, state, store, i18n)


async def when_chosen(
    query: CallbackQuery, callback_data: TipWhen, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    choice = tips.check_choice(callback_data.choice, tips.WHEN_CHOICES)
    if choice == "date":
        await ask(query, state, store, i18n, ReportFlow.when_date)
        return
    draft = await draft_of(state)
    draft.when, draft.when_date = choice, None
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def date_given(
    message: Message,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    chosen = tips.check_date(message.text, rules.today(clock.now()))
    draft = await draft_of(state)
    draft.when, draft.when_date = "date", chosen.isoformat()
    await keep(state, draft)
    await advance(message, state, store, i18n)


async def location_given(
    message: Message, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    assert message.location is not None
    draft = await draft_of(state)
    draft.latitude, draft.longitude = tips.check_location(
        message.location.latitude, message.location.longitude
    )
    draft.address, draft.where_done = None, True
    await keep(state, draft)
    await advance(message, state, store, i18n)


async def address_given(
    message: Message, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.address = tips.check_address(message.text)
    draft.latitude = draft.longitude = None
    draft.where_done = True
    await keep(state, draft)
    await advance(message, state, store, i18n)


async def where_skipped(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.address = draft.latitude = draft.longitude = None
    draft.where_done = True
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def file_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """A file for the evidence. The files of one album are counted in one message, edited as
    each file arrives."""
    item = evidence_of(message)
    if item is None:
        raise InvalidInput("error-evidence-kind")
    draft = await draft_of(state)
    draft.evidence.append(tips.check_evidence(item, len(draft.evidence)).as_data())
    await keep(state, draft)
    count = len(draft.evidence)
    text = i18n.get("report-evidence-added", count=count, limit=tips.EVIDENCE_LIMIT)
    markup = evidence_buttons(i18n, count)
    note = (await state.get_data()).get("evidence_note") or {}
    if message.media_group_id and note.get("album") == message.media_group_id and message.bot:
        await message.bot.edit_message_text(
            text, chat_id=message.chat.id, message_id=note["message_id"], reply_markup=markup
        )
        return
    sent = await message.answer(text, reply_markup=markup)
    await state.update_data(
        evidence_note={"album": message.media_group_id, "message_id": sent.message_id}
    )


async def evidence_cleared(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.evidence = []
    await keep(state, draft)
    await ask(query, state, store, i18n, ReportFlow.evidence)


async def evidence_finished(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    draft = await draft_of(state)
    draft.evidence_done = True
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def identity_chosen(
    query: CallbackQuery,
    callback_data: TipIdentity,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    draft = await draft_of(state)
    draft.identity = tips.check_choice(callback_data.mode, tips.IDENTITY_MODES)
    await keep(state, draft)
    await advance(query, state, store, i18n)


async def edit_chosen(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await ask(query, state, store, i18n, ReportFlow.edit)


async def field_chosen(
    query: CallbackQuery,
    callback_data: ReportEdit,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    step = EDITABLE.get(callback_data.field)
    if step is None:
        raise InvalidInput()
    await state.update_data(editing=True)
    await ask(query, state, store, i18n, step)


async def back(query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext) -> None:
    current = await state.get_state()
    data = await state.get_data()
    if data.get("editing") or current == ReportFlow.edit.state:
        await ask(query, state, store, i18n, ReportFlow.confirm)
        return
    if current == ReportFlow.when_date.state:
        await ask(query, state, store, i18n, ReportFlow.when)
        return
    names = [step.state for step in ORDER]
    position = names.index(str(current))
    await ask(query, state, store, i18n, ORDER[max(position - 1, 0)])


async def send(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    """Send the tip. The draft is taken from the store in the tip's own transaction, so a second
    press of Send (or a press on another device) finds nothing to send."""
    sent = await tips.send_tip(
        store, actor, conversation_key(state.key), str(ReportFlow.confirm.state), rules, clock
    )
    if sent.receipt is None:
        await replace(query, i18n.get("report-sent-confidential", number=sent.tip_id))
    else:
        await replace(query, receipt_text(i18n, sent.tip_id, sent.receipt.text))


# ------------------------------------------------------------------ answers that do not fit


async def use_buttons(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("report-use-buttons"))


async def text_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("report-text-expected"))


async def where_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("report-where-expected"))


async def files_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("report-files-expected"))


def build_router() -> Router:
    router = Router(name="report")
    router.message.filter(Requires(Role.CITIZEN))
    router.callback_query.filter(Requires(Role.CITIZEN))
    not_command = ~F.text.startswith("/")

    router.message.register(start_report, Command("report"))
    router.message.register(start_report, MenuButton("menu-report"))
    router.callback_query.register(send, Step.filter(F.action == "send"))

    flow = StateFilter(ReportFlow)
    router.callback_query.register(back, flow, Step.filter(F.action == "back"))
    router.callback_query.register(category_chosen, ReportFlow.category, TipCategory.filter())
    router.callback_query.register(region_chosen, ReportFlow.region, RegionChoice.filter())
    router.message.register(body_given, ReportFlow.body, F.text, not_command)
    router.message.register(description_given, ReportFlow.description, F.text, not_command)
    router.callback_query.register(when_chosen, ReportFlow.when, TipWhen.filter())
    router.message.register(date_given, ReportFlow.when_date, F.text, not_command)
    router.message.register(location_given, ReportFlow.where, F.location)
    router.message.register(address_given, ReportFlow.where, F.text, not_command)
    router.callback_query.register(where_skipped, ReportFlow.where, Step.filter(F.action == "skip"))
    router.message.register(file_given, ReportFlow.evidence, ~F.text)
    router.callback_query.register(
        evidence_finished, ReportFlow.evidence, Step.filter(F.action.in_({"done", "skip"}))
    )
    router.callback_query.register(
        evidence_cleared, ReportFlow.evidence, Step.filter(F.action == "clear")
    )
    router.callback_query.register(identity_chosen, ReportFlow.identity, TipIdentity.filter())
    router.callback_query.register(edit_chosen, ReportFlow.confirm, Step.filter(F.action == "edit"))
    router.callback_query.register(field_chosen, ReportFlow.edit, ReportEdit.filter())

    buttons_steps = StateFilter(
        ReportFlow.category, ReportFlow.region, ReportFlow.when, ReportFlow.identity,
        ReportFlow.confirm, ReportFlow.edit,
    )  # fmt: skip
    router.message.register(use_buttons, buttons_steps, not_command)
    text_steps = StateFilter(ReportFlow.body, ReportFlow.description, ReportFlow.when_date)
    router.message.register(text_expected, text_steps, ~F.text)
    router.message.register(where_expected, ReportFlow.where, ~F.text)
    router.message.register(files_expected, ReportFlow.evidence, F.text, not_command)
    return router
