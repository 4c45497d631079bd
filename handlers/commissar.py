"""Commissars' tips: the regional queue, a tip's card and evidence, taking it, working it (in
work, a question to the tipster, resolved, unfounded, passed on, given back) and "My
assignments". Coordinators open the same cards from their overdue list (handlers.supervision)."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, show
from db.store import Store
from db.tips import AssignmentItem
from handlers.keyboards import (
    ALL,
    AssignmentsPage,
    HandlerAction,
    QueuePage,
    button,
    own_region_picker,
    paging,
    rows,
    steps_only,
)
from handlers.media import send_files
from handlers.render import (
    moment,
    person_name,
    shortened,
    status_name,
    tip_card,
    violation_lines,
)
from handlers.report import text_expected
from handlers.tips import send_parts
from roles import assignments, catalog, tips
from roles.assignments import HandlerView
from roles.clock import Clock
from roles.model import Actor, Permission, Role, permits
from roles.tips import TipRules

PER_PAGE = 8

NOTE_ACTIONS = frozenset({"resolved", "unfounded", "passed", "giveback"})
"""Changes that ask the handler why: the outcome, the reason, what was passed on and to whom."""
ACTION_STATUS = {
    "work": "in_work",
    "resolved": "resolved",
    "unfounded": "unfounded",
    "passed": "passed",
    "giveback": "new",
}


class HandlerFlow(StatesGroup):
    note = State()
    question = State()


async def only_region_or_ask(
    query: CallbackQuery,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
    regions: tuple[str, ...],
    *,
    asking: State,
    question_key: str,
) -> str | None:
    """A commissar's one region; with several, ask which (None: the answer comes later)."""
    if len(regions) == 1:
        return regions[0]
    await state.set_state(asking)
    await show(
        query,
        i18n.get(question_key),
        reply_markup=own_region_picker(i18n, await catalog.regions(store), regions),
    )
    return None


async def my_regions(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
    names = await catalog.region_names(store, i18n.locale)
    regions = [names.get(code, code) for code in actor.regions_of(Role.COMMISSAR)]
    await message.answer(i18n.get("myregions-list", count=len(regions), regions=", ".join(regions)))


# ------------------------------------------------------------------ the queue


async def show_queue(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    category: str | None,
    page: int,
) -> None:
    items, total = await assignments.queue(
        store, actor, category=category, page=page, per_page=PER_PAGE
    )
    categories = await catalog.category_names(store, i18n.locale)
    regions = await catalog.region_names(store, i18n.locale)
    chosen = categories.get(category, "") if category else i18n.get("queue-all-categories")
    if total == 0:
        lines = [i18n.get("queue-empty", category=chosen)]
    else:
        lines = [i18n.get("queue-title", count=total, category=chosen)]
    tip_buttons = []
    for item in items:
        lines.append(
            i18n.get(
                "queue-line",
                number=item.id,
                category=categories.get(item.category_code, item.category_code),
                region=regions.get(item.region_code, item.region_code),
                body=shortened(item.body_concerned, 60),
                received=moment(item.created_at, rules.zone),
            )
        )
        tip_buttons.append(
            [
                button(
                    i18n,
                    "button-tip-number",
                    HandlerAction(action="open", tip=item.id),
                    number=item.id,
                )
            ]
        )
    code = category or ALL
    pages = paging(
        i18n, page, PER_PAGE, total, lambda number: QueuePage(category=code, page=number)
    )
    filters = [button(i18n, "button-queue-filter", QueuePage(category="?", page=0))]
    await show(target, join("\n", lines), reply_markup=rows(*tip_buttons, pages, filters))


async def queue_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    await state.clear()
    await show_queue(message, actor, store, i18n, rules, None, 0)


async def queue_page(
    query: CallbackQuery,
    callback_data: QueuePage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    if callback_data.category == "?":
        buttons = [[button(i18n, "button-queue-all", QueuePage(category=ALL, page=0))]] + [
            [
                InlineKeyboardButton(
                    text=category.name(i18n.locale),
                    callback_data=QueuePage(category=category.code, page=0).pack(),
                )
            ]
            for category in await catalog.categories(store)
        ]
        await show(query, i18n.get("queue-choose-category"), reply_markup=rows(*buttons))
        return
    category = None if callback_data.category == ALL else callback_data.category
    await show_queue(query, actor, store, i18n, rules, category, max(callback_data.page, 0))


# ------------------------------------------------------------------ a tip's card


def card_buttons(
    i18n: I18nContext, actor: Actor, handled: HandlerView
) -> list[list[InlineKeyboardButton]]:
    tip = handled.view.tip

    def act(key: str, action: str) -> InlineKeyboardButton:
        return button(i18n, key, HandlerAction(action=action, tip=tip.id))

    buttons: list[list[InlineKeyboardButton]] = []
    if handled.can_take and permits(actor, Permission.HANDLE_TIPS, tip.region_code):
        buttons.append([act("button-take", "take")])
    working = tip.status in tips.WORKING
    if working and tip.assignee_user_id == actor.user_id:
        if tip.status != "in_work":
            buttons.append([act("button-in-work", "work")])
        buttons.append(
            [act("button-ask-tipster", "ask"), act("button-record-violation", "violation")]
        )
        buttons.append([act("button-resolved", "resolved"), act("button-unfounded", "unfounded")])
        buttons.append([act("button-pass", "passed"), act("button-give-back", "giveback")])
    if working and permits(actor, Permission.SUPERVISE_TIPS, tip.region_code):
        buttons.append([act("button-reassign", "reassign")])
    files = tip.evidence_count + sum(message.evidence_count for message in handled.view.thread)
    if files:
        buttons.append([act("button-show-evidence", "evidence")])
    return buttons


async def send_handler_card(
    target: Answer, actor: Actor, store: Store, i18n: I18nContext, rules: TipRules, tip_id: int
) -> None:
    handled = await assignments.tip_for_handler(store, actor, tip_id)
    parts = await tip_card(i18n, store, handled.view, rules.zone, for_handler=True)
    if handled.assignee is not None:
        name = person_name(handled.assignee, handled.assignee.telegram_id)
        parts[0] = join("\n", [parts[0], i18n.get("tip-card-assignee", name=name)])
    if handled.violations:
        parts.append(violation_lines(i18n, handled.violations))
    await send_parts(target, parts, card_buttons(i18n, actor, handled))


async def open_tip(
    query: CallbackQuery,
    callback_data: HandlerAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    await send_handler_card(query, actor, store, i18n, rules, callback_data.tip)


async def show_evidence(
    query: CallbackQuery,
    callback_data: HandlerAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    files = await assignments.tip_evidence(store, actor, callback_data.tip, clock)
    captions = [
        i18n.get(
            "evidence-caption",
            number=callback_data.tip,
            position=index,
            count=len(files),
            received=moment(item.received_at, rules.zone),
        )
        for index, item in enumerate(files, start=1)
    ]
    await send_files(query, files, captions)


# ------------------------------------------------------------------ working a tip


async def take(
    query: CallbackQuery,
    callback_data: HandlerAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await tips.change_status(store, actor, callback_data.tip, "taken", rules, clock)
    tip = (await assignments.tip_for_handler(store, actor, callback_data.tip)).view.tip
    assert tip.first_action_due is not None and tip.resolve_due is not None
    await show(
        query,
        i18n.get(
            "take-done",
            number=tip.id,
            first_action=moment(tip.first_action_due, rules.zone),
            resolve=moment(tip.resolve_due, rules.zone),
        ),
        reply_markup=rows(
            [button(i18n, "button-open-tip", HandlerAction(action="open", tip=tip.id))]
        ),
    )


async def change_without_note(
    query: CallbackQuery,
    callback_data: HandlerAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    status = ACTION_STATUS[callback_data.action]
    await tips.change_status(store, actor, callback_data.tip, status, rules, clock)
    await show(
        query,
        i18n.get("status-changed", number=callback_data.tip, status=status_name(i18n, status)),
        reply_markup=rows(
            [button(i18n, "button-open-tip", HandlerAction(action="open", tip=callback_data.tip))]
        ),
    )


async def ask_note(
    query: CallbackQuery,
    callback_data: HandlerAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    """Resolved, unfounded, passed on and given back each ask why before anything changes."""
    handled = await assignments.tip_to_work_on(store, actor, callback_data.tip)
    status = ACTION_STATUS[callback_data.action]
    await state.set_state(HandlerFlow.note)
    await state.set_data({"tip": handled.view.tip.id, "status": status})
    await show(
        query,
        i18n.get(f"note-ask-{callback_data.action}", number=handled.view.tip.id),
        reply_markup=steps_only(i18n, back=False),
    )


async def note_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    data = await state.get_data()
    tip_id, status = int(data["tip"]), str(data["status"])
    await tips.change_status(store, actor, tip_id, status, rules, clock, note=message.text)
    await state.clear()
    await message.answer(
        i18n.get("status-changed", number=tip_id, status=status_name(i18n, status)),
        reply_markup=rows(
            [button(i18n, "button-open-tip", HandlerAction(action="open", tip=tip_id))]
        ),
    )


async def ask_question(
    query: CallbackQuery,
    callback_data: HandlerAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    handled = await assignments.tip_to_work_on(store, actor, callback_data.tip)
    await state.set_state(HandlerFlow.question)
    await state.set_data({"tip": handled.view.tip.id})
    await show(
        query,
        i18n.get("question-ask", number=handled.view.tip.id),
        reply_markup=steps_only(i18n, back=False),
    )


async def question_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    tip_id = int((await state.get_data())["tip"])
    await tips.ask_tipster(store, actor, tip_id, message.text or "", clock)
    await state.clear()
    await message.answer(i18n.get("question-sent", number=tip_id))


# ------------------------------------------------------------------ my assignments


async def send_assignments(
    target: Answer,
    i18n: I18nContext,
    store: Store,
    rules: TipRules,
    clock: Clock,
    listed: tuple[list[AssignmentItem], int],
    page: int,
    *,
    title_key: str,
    empty_key: str,
    page_data: Callable[[int], CallbackData],
    reassign: bool = False,
) -> None:
    """A page of assignments, nearest deadline first, with a button to each card (and, for
    coordinators, to reassign it)."""
    items, total = listed
    if total == 0:
        await show(target, i18n.get(empty_key))
        return
    names = await catalog.category_names(store, i18n.locale)
    now = clock.now()
    lines = [i18n.get(title_key, count=total)]
    buttons = []
    for item in items:
        lines.append(
            i18n.get(
                "assignment-line-late" if item.late(now) else "assignment-line",
                number=item.id,
                status=status_name(i18n, item.status),
                category=names.get(item.category_code, item.category_code),
                due=moment(item.resolve_due, rules.zone) if item.resolve_due else "—",
            )
        )
        row = [
            button(
                i18n, "button-tip-number", HandlerAction(action="open", tip=item.id), number=item.id
            )
        ]
        if reassign:
            row.append(
                button(i18n, "button-reassign", HandlerAction(action="reassign", tip=item.id))
            )
        buttons.append(row)
    pages = paging(i18n, page, PER_PAGE, total, page_data)
    await show(target, join("\n", lines), reply_markup=rows(*buttons, pages))


async def show_assignments(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    page: int,
) -> None:
    listed = await assignments.my_assignments(store, actor, page=page, per_page=PER_PAGE)
    await send_assignments(
        target, i18n, store, rules, clock, listed, page,
        title_key="assignments-title", empty_key="assignments-empty",
        page_data=lambda number: AssignmentsPage(page=number),
    )  # fmt: skip


async def assignments_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await state.clear()
    await show_assignments(message, actor, store, i18n, rules, clock, 0)


async def assignments_page(
    query: CallbackQuery,
    callback_data: AssignmentsPage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await show_assignments(query, actor, store, i18n, rules, clock, max(callback_data.page, 0))


def register_card(router: Router) -> None:
    """The card and its evidence: commissars' and supervisors' routers both carry them."""
    router.callback_query.register(open_tip, HandlerAction.filter(F.action == "open"))
    router.callback_query.register(show_evidence, HandlerAction.filter(F.action == "evidence"))


def build_router() -> Router:
    router = Router(name="commissar")
    router.message.filter(Requires(Role.COMMISSAR))
    router.callback_query.filter(Requires(Role.COMMISSAR))
    not_command = ~F.text.startswith("/")

    router.message.register(my_regions, Command("myregions"))
    router.message.register(queue_command, Command("queue"))
    router.callback_query.register(queue_page, QueuePage.filter())
    router.message.register(assignments_command, Command("assignments"))
    router.callback_query.register(assignments_page, AssignmentsPage.filter())
    register_card(router)
    router.callback_query.register(take, HandlerAction.filter(F.action == "take"))
    router.callback_query.register(change_without_note, HandlerAction.filter(F.action == "work"))
    router.callback_query.register(ask_note, HandlerAction.filter(F.action.in_(NOTE_ACTIONS)))
    router.callback_query.register(ask_question, HandlerAction.filter(F.action == "ask"))
    router.message.register(note_given, HandlerFlow.note, F.text, not_command)
    router.message.register(question_given, HandlerFlow.question, F.text, not_command)
    router.message.register(text_expected, StateFilter(HandlerFlow), ~F.text)
    return router
