"""Coordinators block and unblock accounts: /block asks who and why, then confirms; /unblock asks
who, then confirms."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.replies import Answer, replace, show
from db.store import Store
from handlers.keyboards import Step, steps_only
from handlers.render import person_label
from roles import moderation
from roles.clock import Clock
from roles.model import Actor, Permission


class BlockFlow(StatesGroup):
    person = State()
    reason = State()
    confirm = State()


class UnblockFlow(StatesGroup):
    person = State()
    confirm = State()


async def ask_block_person(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(BlockFlow.person)
    await show(target, i18n.get("block-ask-person"), reply_markup=steps_only(i18n, back=False))


async def ask_block_reason(
    target: Answer, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    person = await moderation.person_to_block(store, actor, str((await state.get_data())["person"]))
    await state.set_state(BlockFlow.reason)
    await show(
        target,
        i18n.get("block-ask-reason", person=person_label(i18n, person.telegram_id, person)),
        reply_markup=steps_only(i18n),
    )


async def block_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    """`/block` asks who; `/block @name` or `/block 123456` goes straight to the reason."""
    await state.clear()
    if not command.args:
        await ask_block_person(message, state, i18n)
        return
    await block_person_given(message, command.args, state, actor, store, i18n)


async def block_person_given(
    message: Message,
    reference: str,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    person = await moderation.person_to_block(store, actor, reference)
    if person.blocked:
        await state.clear()
        label = person_label(i18n, person.telegram_id, person)
        await message.answer(i18n.get("block-already", person=label))
        return
    await state.update_data(person=person.telegram_id)
    await ask_block_reason(message, state, actor, store, i18n)


async def block_person_named(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await block_person_given(message, message.text or "", state, actor, store, i18n)


async def block_reason_given(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    reason = moderation.check_reason(message.text)
    data = await state.get_data()
    person = await moderation.person_to_block(store, actor, str(data["person"]))
    await state.update_data(reason=reason)
    await state.set_state(BlockFlow.confirm)
    await message.answer(
        i18n.get(
            "block-confirm",
            person=person_label(i18n, person.telegram_id, person),
            reason=reason,
        ),
        reply_markup=steps_only(i18n, confirm_key="button-block"),
    )


async def block_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    data = await state.get_data()
    done = await moderation.set_blocked(
        store, actor, int(data["person"]), True, clock, reason=data.get("reason")
    )
    await state.clear()
    label = person_label(i18n, done.person.telegram_id, done.person)
    key = "block-done" if done.changed else "block-already"
    await replace(query, i18n.get(key, person=label))


async def block_back(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    if await state.get_state() == BlockFlow.confirm.state:
        await ask_block_reason(query, state, actor, store, i18n)
    else:
        await ask_block_person(query, state, i18n)


async def ask_unblock_person(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(UnblockFlow.person)
    await show(target, i18n.get("unblock-ask-person"), reply_markup=steps_only(i18n, back=False))


async def unblock_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    await state.clear()
    if not command.args:
        await ask_unblock_person(message, state, i18n)
        return
    await unblock_person_given(message, command.args, state, actor, store, i18n)


async def unblock_person_given(
    message: Message,
    reference: str,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    person = await moderation.person_to_unblock(store, actor, reference)
    label = person_label(i18n, person.telegram_id, person)
    if not person.blocked:
        await state.clear()
        await message.answer(i18n.get("unblock-not-blocked", person=label))
        return
    await state.update_data(person=person.telegram_id)
    await state.set_state(UnblockFlow.confirm)
    await message.answer(
        i18n.get("unblock-confirm", person=label),
        reply_markup=steps_only(i18n, back=False, confirm_key="button-unblock"),
    )


async def unblock_person_named(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await unblock_person_given(message, message.text or "", state, actor, store, i18n)


async def unblock_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    data = await state.get_data()
    done = await moderation.set_blocked(store, actor, int(data["person"]), False, clock)
    await state.clear()
    label = person_label(i18n, done.person.telegram_id, done.person)
    key = "unblock-done" if done.changed else "unblock-not-blocked"
    await replace(query, i18n.get(key, person=label))


def build_router() -> Router:
    router = Router(name="moderation")
    router.message.filter(Requires(Permission.MODERATE_USERS))
    router.callback_query.filter(Requires(Permission.MODERATE_USERS))
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(block_command, Command("block"))
    router.message.register(block_person_named, BlockFlow.person, *text)
    router.message.register(block_reason_given, BlockFlow.reason, *text)
    router.callback_query.register(
        block_confirmed, BlockFlow.confirm, Step.filter(F.action == "confirm")
    )
    router.callback_query.register(
        block_back, StateFilter(BlockFlow), Step.filter(F.action == "back")
    )
    router.message.register(unblock_command, Command("unblock"))
    router.message.register(unblock_person_named, UnblockFlow.person, *text)
    router.callback_query.register(
        unblock_confirmed, UnblockFlow.confirm, Step.filter(F.action == "confirm")
    )
    return router
