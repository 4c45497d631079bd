"""A tipster's side after sending: my tips, receipt codes, answers to handlers' questions, the
follow-up question, and subscriptions to announcements."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message
from aiogram_i18n import I18nContext

from bot.filters import MenuButton, Requires
from bot.i18n import Html, join
from bot.replies import Answer, replace, show
from db.store import Store
from handlers.keyboards import (
    NATIONWIDE,
    UNSUBSCRIBE,
    FollowUp,
    ReceiptAction,
    Step,
    Subscription,
    TipAction,
    TipsPage,
    button,
    paging,
    region_picker,
    rows,
    step_button,
    steps_only,
)
from handlers.media import evidence_of
from handlers.render import day, status_name, tip_card
from roles import catalog, tips
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Role
from roles.receipts import ReceiptSessions, looks_like_code
from roles.tips import Evidence, TipRules, TipView

PER_PAGE = 8


class AnswerFlow(StatesGroup):
    my_tip = State()
    receipt = State()


class ReceiptFlow(StatesGroup):
    code = State()


class FollowUpFlow(StatesGroup):
    comment = State()


async def send_card(
    target: Answer,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    view: TipView,
    buttons: list[list[InlineKeyboardButton]],
) -> None:
    """The tip's card, history and thread; the buttons go under the last message."""
    await send_parts(target, await tip_card(i18n, store, view, rules.zone), buttons)


async def send_parts(
    target: Answer, parts: list[str], buttons: list[list[InlineKeyboardButton]]
) -> None:
    """A card of several messages, as new messages; the buttons go under the last one."""
    message = target.message if isinstance(target, CallbackQuery) else target
    if isinstance(target, CallbackQuery):
        await target.answer()
    if not isinstance(message, Message):
        return
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await message.answer(part, reply_markup=rows(*buttons) if last and buttons else None)


# ------------------------------------------------------------------ my tips


async def list_my_tips(
    target: Answer, actor: Actor, store: Store, i18n: I18nContext, rules: TipRules, page: int
) -> None:
    items, total = await tips.my_tips(store, actor, page=page, per_page=PER_PAGE)
    if total == 0:
        await show(target, i18n.get("my-tips-empty"))
        return
    lines = [i18n.get("my-tips-title", count=total)]
    buttons = []
    for item in items:
        lines.append(
            i18n.get(
                "my-tips-line",
                number=item.id,
                status=status_name(i18n, item.status),
                changed=day(item.status_changed_at, rules.zone),
            )
        )
        buttons.append(
            [
                button(
                    i18n, "button-tip-number", TipAction(action="open", tip=item.id), number=item.id
                )
            ]
        )
    pages = paging(
        i18n,
        page,
        PER_PAGE,
        total,
        lambda number: TipsPage(page=number),
        keys=("button-previous", "button-next"),
    )
    await show(target, join("\n", lines), reply_markup=rows(*buttons, pages))


async def my_tips_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    await state.clear()
    await list_my_tips(message, actor, store, i18n, rules, 0)


async def my_tips_page(
    query: CallbackQuery,
    callback_data: TipsPage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    await list_my_tips(query, actor, store, i18n, rules, max(callback_data.page, 0))


def my_tip_buttons(i18n: I18nContext, view: TipView) -> list[list[InlineKeyboardButton]]:
    tip_id = view.tip.id
    buttons = []
    if view.open_for_answers:
        buttons.append([button(i18n, "button-reply", TipAction(action="reply", tip=tip_id))])
    if view.can_withdraw:
        buttons.append([button(i18n, "button-withdraw", TipAction(action="withdraw", tip=tip_id))])
    return buttons


async def open_my_tip(
    query: CallbackQuery,
    callback_data: TipAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    view = await tips.my_tip(store, actor, callback_data.tip)
    await send_card(query, store, i18n, rules, view, my_tip_buttons(i18n, view))


async def ask_withdraw(
    query: CallbackQuery, callback_data: TipAction, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    view = await tips.my_tip(store, actor, callback_data.tip)
    if not view.can_withdraw:
        raise InvalidInput("error-tip-withdraw-taken", number=view.tip.id)
    await replace(
        query,
        i18n.get("withdraw-confirm", number=view.tip.id),
        reply_markup=rows(
            [
                button(
                    i18n, "button-withdraw-yes", TipAction(action="withdraw_yes", tip=view.tip.id)
                ),
                button(i18n, "button-keep", TipAction(action="open", tip=view.tip.id)),
            ]
        ),
    )


async def withdraw(
    query: CallbackQuery,
    callback_data: TipAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    number = await tips.withdraw(store, actor, callback_data.tip, clock)
    await replace(query, i18n.get("withdraw-done", number=number))


# ------------------------------------------------------------------ answering a handler


async def ask_for_answer(query: CallbackQuery, i18n: I18nContext, tip_id: int) -> None:
    """Open the answer on a tip: a new message below the card, so the card stays readable."""
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("answer-ask", number=tip_id),
            reply_markup=steps_only(i18n, back=False),
        )


async def start_my_answer(
    query: CallbackQuery,
    callback_data: TipAction,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    view = await tips.my_tip(store, actor, callback_data.tip)
    if not view.open_for_answers:
        raise InvalidInput("error-tip-closed", number=view.tip.id)
    await state.set_state(AnswerFlow.my_tip)
    await state.set_data({"tip": view.tip.id})
    await ask_for_answer(query, i18n, view.tip.id)


async def answer_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    """One message of an answer (a text, a file, each file of an album) goes on the thread as
    it arrives; Done ends the answer."""
    item: Evidence | None = None
    if message.text is None:
        item = evidence_of(message)
        if item is None:
            raise InvalidInput("error-evidence-kind")
        tips.check_evidence(item, 0)
    text = message.text or message.caption
    if await state.get_state() == AnswerFlow.my_tip.state:
        tip_id = int((await state.get_data())["tip"])
        await tips.answer_my_tip(store, actor, tip_id, text, [item] if item else [], clock)
    else:
        tip_id = await tips.answer_by_receipt(
            store, actor, receipt_sessions, text, [item] if item else [], clock
        )
    await message.answer(
        i18n.get("answer-passed", number=tip_id),
        reply_markup=rows([step_button(i18n, "button-answer-done", "done")]),
    )


async def answer_finished(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await replace(query, i18n.get("answer-finished"))


# ------------------------------------------------------------------ receipt codes


def receipt_buttons(i18n: I18nContext, view: TipView) -> list[list[InlineKeyboardButton]]:
    if not view.open_for_answers:
        return []
    return [[button(i18n, "button-reply", ReceiptAction(action="answer"))]]


async def ask_receipt(
    message: Message,
    command: CommandObject | None,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    await state.clear()
    if command is not None and command.args:
        await check_receipt(
            message, command.args, state, actor, store, i18n, rules, clock, receipt_sessions
        )
        return
    await state.set_state(ReceiptFlow.code)
    await message.answer(i18n.get("receipt-ask"), reply_markup=steps_only(i18n, back=False))


async def receipt_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    await ask_receipt(message, command, state, actor, store, i18n, rules, clock, receipt_sessions)


async def receipt_button(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    await ask_receipt(message, None, state, actor, store, i18n, rules, clock, receipt_sessions)


async def receipt_typed(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    await check_receipt(
        message, message.text or "", state, actor, store, i18n, rules, clock, receipt_sessions
    )


async def check_receipt(
    message: Message,
    code: str,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    """Show the tip a code names. The person's message with the code is deleted from the chat,
    so the code does not stay on screen."""
    with contextlib.suppress(TelegramBadRequest):
        await message.delete()
    view = await tips.open_receipt(store, actor, code, receipt_sessions, clock)
    await state.clear()
    await send_card(message, store, i18n, rules, view, receipt_buttons(i18n, view))


async def start_receipt_answer(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    receipt_sessions: ReceiptSessions,
) -> None:
    view = await tips.opened_receipt(store, actor, receipt_sessions, clock)
    if not view.open_for_answers:
        raise InvalidInput("error-tip-closed", number=view.tip.id)
    await state.set_state(AnswerFlow.receipt)
    await ask_for_answer(query, i18n, view.tip.id)


# ------------------------------------------------------------------ follow-up


async def follow_up_answered(
    query: CallbackQuery,
    callback_data: FollowUp,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    answer = await tips.answer_follow_up(
        store, actor, callback_data.tip, callback_data.answer, clock
    )
    await state.set_state(FollowUpFlow.comment)
    await state.set_data({"tip": callback_data.tip})
    await replace(
        query,
        i18n.get(f"follow-up-thanks-{answer}", number=callback_data.tip),
        reply_markup=rows([step_button(i18n, "button-skip", "skip")]),
    )


async def follow_up_comment(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    tip_id = int((await state.get_data())["tip"])
    await tips.comment_follow_up(store, actor, tip_id, message.text or "")
    await state.clear()
    await message.answer(i18n.get("follow-up-comment-saved", number=tip_id))


async def follow_up_no_comment(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await replace(query, i18n.get("follow-up-done"))


# ------------------------------------------------------------------ subscriptions


async def subscription(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.clear()
    await show_subscription(
        message, actor, store, i18n, actor.subscribed, actor.subscription_region
    )


async def show_subscription(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    subscribed: bool,
    region: str | None,
) -> None:
    names = await catalog.region_names(store, i18n.locale)
    if not subscribed:
        current = i18n.get("subscription-none")
    elif region is None:
        current = i18n.get("subscription-nationwide")
    else:
        current = i18n.get("subscription-region", region=names.get(region, region))
    steps = (
        [button(i18n, "button-unsubscribe", Subscription(code=UNSUBSCRIBE))] if subscribed else []
    )
    await show(
        target,
        Html(current + "\n\n" + i18n.get("subscription-choose")),
        reply_markup=region_picker(
            await catalog.regions(store),
            i18n.locale,
            factory=Subscription,
            selected=(region or NATIONWIDE) if subscribed else None,
            nationwide_label=("✓ " if subscribed and region is None else "")
            + i18n.get("button-nationwide"),
            steps=steps,
        ),
    )


async def subscription_chosen(
    query: CallbackQuery, callback_data: Subscription, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    code = callback_data.code
    if code == UNSUBSCRIBE:
        await tips.unsubscribe(store, actor)
        await replace(query, i18n.get("subscription-left"))
        return
    region = None if code == NATIONWIDE else code
    await tips.subscribe(store, actor, region)
    await show_subscription(query, actor, store, i18n, True, region)


# ------------------------------------------------------------------ answers that do not fit


async def code_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("receipt-code-expected"))


async def comment_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("report-text-expected"))


def build_router() -> Router:
    router = Router(name="tips")
    router.message.filter(Requires(Role.CITIZEN))
    router.callback_query.filter(Requires(Role.CITIZEN))
    not_command = ~F.text.startswith("/")

    router.message.register(my_tips_command, Command("mytips"))
    router.message.register(my_tips_command, MenuButton("menu-my-tips"))
    router.callback_query.register(my_tips_page, TipsPage.filter())
    router.callback_query.register(open_my_tip, TipAction.filter(F.action == "open"))
    router.callback_query.register(ask_withdraw, TipAction.filter(F.action == "withdraw"))
    router.callback_query.register(withdraw, TipAction.filter(F.action == "withdraw_yes"))
    router.callback_query.register(start_my_answer, TipAction.filter(F.action == "reply"))

    router.message.register(receipt_command, Command("receipt"))
    router.message.register(receipt_button, MenuButton("menu-receipt"))
    router.message.register(receipt_typed, ReceiptFlow.code, F.text, not_command)
    router.message.register(code_expected, ReceiptFlow.code, not_command)
    router.message.register(
        receipt_typed, StateFilter(None), F.text, F.text.func(looks_like_code), not_command
    )
    router.callback_query.register(start_receipt_answer, ReceiptAction.filter(F.action == "answer"))

    answering = StateFilter(AnswerFlow)
    router.message.register(answer_given, answering, not_command)
    router.callback_query.register(answer_finished, answering, Step.filter(F.action == "done"))

    router.callback_query.register(follow_up_answered, FollowUp.filter())
    router.message.register(follow_up_comment, FollowUpFlow.comment, F.text, not_command)
    router.message.register(comment_expected, FollowUpFlow.comment, not_command)
    router.callback_query.register(
        follow_up_no_comment, FollowUpFlow.comment, Step.filter(F.action == "skip")
    )

    router.message.register(subscription, Command("subscribe"))
    router.message.register(subscription, MenuButton("menu-subscription"))
    router.callback_query.register(subscription_chosen, Subscription.filter())
    return router
