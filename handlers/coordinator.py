"""Coordinators' commands: grant and revoke roles (guided, or in one line), list the staff."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, answer_long, replace, show
from db.store import Store
from handlers.keyboards import (
    NATIONWIDE,
    HeldGrant,
    RegionChoice,
    RoleChoice,
    Step,
    held_grant_picker,
    region_picker,
    role_picker,
    step_buttons,
    steps_only,
)
from handlers.render import person_label, role_name
from roles import catalog, staff
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import REGION_BOUND_ROLES, Actor, Role, parse_role


class GrantFlow(StatesGroup):
    person = State()
    role = State()
    region = State()
    confirm = State()


class RevokeFlow(StatesGroup):
    person = State()
    grant = State()
    confirm = State()


async def remember_person(store: Store, state: FSMContext, reference: str) -> None:
    person = await staff.find_person(store, reference)
    await state.update_data(person=person.telegram_id)


async def chosen_person(store: Store, i18n: I18nContext, data: dict[str, Any]) -> str:
    person = await staff.find_person(store, str(data["person"]))
    return person_label(i18n, person.telegram_id, person.known)


async def change_words(store: Store, i18n: I18nContext, data: dict[str, Any]) -> dict[str, str]:
    """The person and the role (with its region) of the change being made, for a text."""
    names = await catalog.region_names(store, i18n.locale)
    return {
        "person": await chosen_person(store, i18n, data),
        "role": role_name(i18n, Role(data["role"]), data.get("region"), names),
    }


async def ask_confirmation(
    target: Answer,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
    *,
    step: State,
    question_key: str,
    button_key: str,
) -> None:
    await state.set_state(step)
    words = await change_words(store, i18n, await state.get_data())
    await show(
        target,
        i18n.get(question_key, **words),
        reply_markup=steps_only(i18n, confirm_key=button_key),
    )


# ------------------------------------------------------------------ grant


async def ask_grant_person(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(GrantFlow.person)
    await show(target, i18n.get("grant-ask-person"), reply_markup=steps_only(i18n, back=False))


async def ask_grant_role(
    target: Answer, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await state.set_state(GrantFlow.role)
    data = await state.get_data()
    await show(
        target,
        i18n.get("grant-ask-role", person=await chosen_person(store, i18n, data)),
        reply_markup=role_picker(i18n),
    )


async def ask_grant_region(
    target: Answer, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await state.set_state(GrantFlow.region)
    data = await state.get_data()
    role = Role(data["role"])
    bound = role in REGION_BOUND_ROLES
    await show(
        target,
        i18n.get("grant-ask-region-required" if bound else "grant-ask-region"),
        reply_markup=region_picker(
            await catalog.regions(store),
            i18n.locale,
            factory=RegionChoice,
            nationwide_label=None if bound else i18n.get("button-nationwide"),
            steps=step_buttons(i18n),
        ),
    )


async def ask_grant_confirmation(
    target: Answer, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await ask_confirmation(
        target,
        state,
        store,
        i18n,
        step=GrantFlow.confirm,
        question_key="grant-confirm",
        button_key="button-grant",
    )


async def grant(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    """`/grant` asks step by step; `/grant 123456 commissar ALA` fills the steps in at once."""
    await state.clear()
    words = (command.args or "").split()
    if len(words) > 3:
        raise InvalidInput("error-grant-usage")
    if not words:
        await ask_grant_person(message, state, i18n)
        return
    await remember_person(store, state, words[0])
    if len(words) == 1:
        await ask_grant_role(message, state, store, i18n)
        return
    role = parse_role(words[1])
    await state.update_data(role=role)
    if len(words) == 2:
        await ask_grant_region(message, state, store, i18n)
        return
    await state.update_data(region=await chosen_region(store, role, words[2]))
    await ask_grant_confirmation(message, state, store, i18n)


async def chosen_region(store: Store, role: Role, answer: str) -> str | None:
    """A region code from a button or a one-line command; `*` is the whole country."""
    region = await staff.region_for(store, role, None if answer == NATIONWIDE else answer)
    return region.code if region else None


async def grant_person_named(
    message: Message, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await remember_person(store, state, message.text or "")
    await ask_grant_role(message, state, store, i18n)


async def grant_role_chosen(
    query: CallbackQuery,
    callback_data: RoleChoice,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    role = parse_role(callback_data.role)
    await state.update_data(role=role, region=None)
    await ask_grant_region(query, state, store, i18n)


async def grant_region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    store: Store,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    region = await chosen_region(store, Role(data["role"]), callback_data.code)
    await state.update_data(region=region)
    await ask_grant_confirmation(query, state, store, i18n)


async def grant_confirmed(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    data = await state.get_data()
    change = await staff.grant_role(
        store, staff.Authority.person(actor), data["person"], data["role"], data.get("region")
    )
    await state.clear()
    if not change.changed:
        key = "grant-already"
    else:
        written = change.person is not None and change.person.first_name
        key = "grant-done" if written else "grant-done-waiting"
    await replace(query, i18n.get(key, **await change_words(store, i18n, data)))


async def grant_back(
    query: CallbackQuery, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    current = await state.get_state()
    if current == GrantFlow.role.state:
        await ask_grant_person(query, state, i18n)
    elif current == GrantFlow.region.state:
        await ask_grant_role(query, state, store, i18n)
    else:
        await ask_grant_region(query, state, store, i18n)


# ------------------------------------------------------------------ revoke


async def ask_revoke_person(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(RevokeFlow.person)
    await show(target, i18n.get("revoke-ask-person"), reply_markup=steps_only(i18n, back=False))


async def ask_revoke_grant(
    target: Answer, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    data = await state.get_data()
    held = await staff.grants_of(store, actor, data["person"])
    if not held:
        await state.clear()
        await show(
            target, i18n.get("revoke-holds-nothing", person=await chosen_person(store, i18n, data))
        )
        return
    await state.set_state(RevokeFlow.grant)
    names = await catalog.region_names(store, i18n.locale)
    await show(
        target,
        i18n.get("revoke-ask-grant", person=await chosen_person(store, i18n, data)),
        reply_markup=held_grant_picker(i18n, held, names),
    )


async def ask_revoke_confirmation(
    target: Answer, state: FSMContext, store: Store, i18n: I18nContext
) -> None:
    await ask_confirmation(
        target,
        state,
        store,
        i18n,
        step=RevokeFlow.confirm,
        question_key="revoke-confirm",
        button_key="button-revoke",
    )


async def revoke(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    """`/revoke` asks step by step; `/revoke 123456 commissar ALA` fills the steps in."""
    await state.clear()
    words = (command.args or "").split()
    if len(words) > 3:
        raise InvalidInput("error-revoke-usage")
    if not words:
        await ask_revoke_person(message, state, i18n)
        return
    await remember_person(store, state, words[0])
    if len(words) == 1:
        await ask_revoke_grant(message, state, actor, store, i18n)
        return
    role = parse_role(words[1])
    staff.refuse_own_coordinator_role(actor, (await state.get_data())["person"], role)
    region = (await catalog.region(store, words[2])).code if len(words) == 3 else None
    await state.update_data(role=role, region=region)
    await ask_revoke_confirmation(message, state, store, i18n)


async def revoke_person_named(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await remember_person(store, state, message.text or "")
    await ask_revoke_grant(message, state, actor, store, i18n)


async def revoke_grant_chosen(
    query: CallbackQuery,
    callback_data: HeldGrant,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    role = parse_role(callback_data.role)
    staff.refuse_own_coordinator_role(actor, (await state.get_data())["person"], role)
    region = None if callback_data.region == NATIONWIDE else callback_data.region
    await state.update_data(role=role, region=region)
    await ask_revoke_confirmation(query, state, store, i18n)


async def revoke_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    data = await state.get_data()
    change = await staff.revoke_role(
        store,
        staff.Authority.person(actor),
        data["person"],
        data["role"],
        data.get("region"),
        clock=clock,
    )
    await state.clear()
    key = "revoke-done" if change.changed else "revoke-not-held"
    await replace(query, i18n.get(key, **await change_words(store, i18n, data)))


async def revoke_back(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    if await state.get_state() == RevokeFlow.grant.state:
        await ask_revoke_person(query, state, i18n)
    else:
        await ask_revoke_grant(query, state, actor, store, i18n)


# ------------------------------------------------------------------ staff


async def staff_list(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
    entries = await staff.list_staff(store, actor)
    if not entries:
        await message.answer(i18n.get("staff-empty"))
        return
    names = await catalog.region_names(store, i18n.locale)
    lines = [
        i18n.get(
            "staff-line",
            role=role_name(i18n, Role(entry.role), entry.region_code, names),
            person=person_label(i18n, entry.telegram_id, entry),
        )
        for entry in entries
    ]
    await answer_long(message, join("\n", [i18n.get("staff-title", count=len(entries)), *lines]))


def build_router() -> Router:
    router = Router(name="coordinator")
    router.message.filter(Requires(Role.COORDINATOR))
    router.callback_query.filter(Requires(Role.COORDINATOR))
    router.message.register(grant, Command("grant"))
    router.message.register(grant_person_named, GrantFlow.person, F.text, ~F.text.startswith("/"))
    router.callback_query.register(grant_role_chosen, GrantFlow.role, RoleChoice.filter())
    router.callback_query.register(grant_region_chosen, GrantFlow.region, RegionChoice.filter())
    router.callback_query.register(
        grant_confirmed, GrantFlow.confirm, Step.filter(F.action == "confirm")
    )
    router.callback_query.register(
        grant_back, StateFilter(GrantFlow), Step.filter(F.action == "back")
    )
    router.message.register(revoke, Command("revoke"))
    router.message.register(revoke_person_named, RevokeFlow.person, F.text, ~F.text.startswith("/"))
    router.callback_query.register(revoke_grant_chosen, RevokeFlow.grant, HeldGrant.filter())
    router.callback_query.register(
        revoke_confirmed, RevokeFlow.confirm, Step.filter(F.action == "confirm")
    )
    router.callback_query.register(
        revoke_back, StateFilter(RevokeFlow), Step.filter(F.action == "back")
    )
    router.message.register(staff_list, Command("staff"))
    return router
