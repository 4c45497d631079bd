"""Coordinators over commissars' work: every overdue assignment, a tip's card, reassignment."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.replies import Answer, show
from db.store import Store
from handlers.commissar import PER_PAGE, register_card, send_assignments
from handlers.keyboards import HandlerAction, OverduePage, ReassignTo, button, rows, step_buttons
from handlers.render import person_name
from roles import assignments
from roles.clock import Clock
from roles.model import Actor, Permission
from roles.tips import TipRules


async def show_overdue(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    page: int,
) -> None:
    listed = await assignments.overdue(store, actor, clock, page=page, per_page=PER_PAGE)
    await send_assignments(
        target, i18n, store, rules, clock, listed, page,
        title_key="overdue-title", empty_key="overdue-empty",
        page_data=lambda number: OverduePage(page=number), reassign=True,
    )  # fmt: skip


async def overdue_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await state.clear()
    await show_overdue(message, actor, store, i18n, rules, clock, 0)


async def overdue_page(
    query: CallbackQuery,
    callback_data: OverduePage,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await show_overdue(query, actor, store, i18n, rules, clock, max(callback_data.page, 0))


async def choose_commissar(
    query: CallbackQuery,
    callback_data: HandlerAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    candidates = await assignments.reassign_candidates(store, actor, callback_data.tip)
    if not candidates:
        await show(query, i18n.get("reassign-nobody", number=callback_data.tip))
        return
    buttons = [
        [
            button(
                i18n,
                "button-person",
                ReassignTo(tip=callback_data.tip, user=candidate.user_id or 0),
                name=person_name(candidate, candidate.telegram_id),
            )
        ]
        for candidate in candidates
    ]
    await show(
        query,
        i18n.get("reassign-choose", number=callback_data.tip),
        reply_markup=rows(*buttons, step_buttons(i18n, back=False)),
    )


async def reassign(
    query: CallbackQuery,
    callback_data: ReassignTo,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    await assignments.reassign(store, actor, callback_data.tip, callback_data.user, clock)
    await show(query, i18n.get("reassign-done", number=callback_data.tip))


def build_router() -> Router:
    router = Router(name="supervision")
    router.message.filter(Requires(Permission.SUPERVISE_TIPS))
    router.callback_query.filter(Requires(Permission.SUPERVISE_TIPS))
    router.message.register(overdue_command, Command("overdue"))
    router.callback_query.register(overdue_page, OverduePage.filter())
    register_card(router)
    router.callback_query.register(choose_commissar, HandlerAction.filter(F.action == "reassign"))
    router.callback_query.register(reassign, ReassignTo.filter())
    return router
