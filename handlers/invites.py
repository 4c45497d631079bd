"""Coordinators' invitations: /invite makes a deep link into a role, /invites lists and revokes
them. Opening a link is in handlers/common.py (/start with a payload)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, answer_long, replace, show
from db.invites import ActiveInvite
from db.store import Store
from handlers.keyboards import (
    NATIONWIDE,
    RegionChoice,
    RoleChoice,
    Step,
    button,
    region_picker,
    role_picker,
    rows,
    step_buttons,
)
from handlers.render import moment, person_name, role_name
from roles import catalog, invites
from roles.clock import Clock
from roles.model import REGION_BOUND_ROLES, Actor, Permission, Role, parse_role
from roles.tips import TipRules

USES_CHOICES = (1, 5, 20)


class InviteFlow(StatesGroup):
    role = State()
    region = State()
    uses = State()
    lifetime = State()


class InviteUses(CallbackData, prefix="invu"):
    uses: int


class InviteLifetime(CallbackData, prefix="invl"):
    days: int


class InviteRevoke(CallbackData, prefix="invr"):
    invite: int


async def ask_role(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(InviteFlow.role)
    await show(target, i18n.get("invite-ask-role"), reply_markup=role_picker(i18n))


async def ask_region(
    target: Answer, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.set_state(InviteFlow.region)
    role = Role((await state.get_data())["role"])
    scope = invites.inviting_regions(actor)
    regions = await catalog.regions(store)
    if scope is not None:
        regions = [region for region in regions if region.code in scope]
    nationwide = scope is None and role not in REGION_BOUND_ROLES
    await show(
        target,
        i18n.get("invite-ask-region"),
        reply_markup=region_picker(
            regions,
            i18n.locale,
            factory=RegionChoice,
            nationwide_label=i18n.get("button-nationwide") if nationwide else None,
            steps=step_buttons(i18n),
        ),
    )


async def ask_uses(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(InviteFlow.uses)
    choices = [
        button(i18n, "button-invite-uses", InviteUses(uses=uses), count=uses)
        for uses in USES_CHOICES
    ]
    await show(
        target,
        i18n.get("invite-ask-uses", most=invites.MAX_USES),
        reply_markup=rows(choices, step_buttons(i18n)),
    )


async def ask_lifetime(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(InviteFlow.lifetime)
    choices = [
        button(i18n, "button-invite-days", InviteLifetime(days=lifetime.days), count=lifetime.days)
        for lifetime in invites.LIFETIMES
    ]
    await show(
        target, i18n.get("invite-ask-lifetime"), reply_markup=rows(choices, step_buttons(i18n))
    )


async def invite_command(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await ask_role(message, state, i18n)


async def role_chosen(
    query: CallbackQuery,
    callback_data: RoleChoice,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    await state.update_data(role=parse_role(callback_data.role), region=None)
    await ask_region(query, state, actor, store, i18n)


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    role = Role((await state.get_data())["role"])
    code = None if callback_data.code == NATIONWIDE else callback_data.code
    await state.update_data(region=await invites.target_region(store, actor, role, code))
    await ask_uses(query, state, i18n)


async def uses_chosen(
    query: CallbackQuery, callback_data: InviteUses, state: FSMContext, i18n: I18nContext
) -> None:
    await state.update_data(uses=invites.parse_uses(str(callback_data.uses)))
    await ask_lifetime(query, state, i18n)


async def uses_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.update_data(uses=invites.parse_uses(message.text or ""))
    await ask_lifetime(message, state, i18n)


async def lifetime_chosen(
    query: CallbackQuery,
    callback_data: InviteLifetime,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    rules: TipRules,
    bot: Bot,
) -> None:
    data = await state.get_data()
    created = await invites.create(
        store,
        actor,
        data["role"],
        data.get("region"),
        int(data["uses"]),
        invites.parse_lifetime(callback_data.days),
        clock,
    )
    await state.clear()
    me = await bot.me()
    names = await catalog.region_names(store, i18n.locale)
    invite = created.invite
    await replace(
        query,
        i18n.get(
            "invite-created",
            role=role_name(i18n, Role(invite.role), invite.region_code, names),
            uses=invite.max_uses,
            expires=moment(invite.expires_at, rules.zone),
            link=f"https://t.me/{me.username}?start={created.payload}",
        ),
    )


async def invite_back(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    current = await state.get_state()
    if current == InviteFlow.lifetime.state:
        await ask_uses(query, state, i18n)
    elif current == InviteFlow.uses.state:
        await ask_region(query, state, actor, store, i18n)
    else:
        await ask_role(query, state, i18n)


class _Creator:
    def __init__(self, invite: ActiveInvite) -> None:
        self.first_name = invite.creator_first_name
        self.last_name = invite.creator_last_name
        self.username = invite.creator_username


def invite_line(
    i18n: I18nContext, invite: ActiveInvite, names: dict[str, str], rules: TipRules
) -> str:
    return i18n.get(
        "invites-line",
        creator=person_name(_Creator(invite), invite.creator_telegram_id),
        id=str(invite.id),
        role=role_name(i18n, Role(invite.role), invite.region_code, names),
        left=invite.uses_left,
        uses=invite.max_uses,
        expires=moment(invite.expires_at, rules.zone),
    )


def revoke_buttons(i18n: I18nContext, listed: list[ActiveInvite]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for invite in listed:
        builder.add(
            InlineKeyboardButton(
                text=i18n.get("button-invite-revoke", id=str(invite.id)),
                callback_data=InviteRevoke(invite=invite.id).pack(),
            )
        )
    builder.adjust(2)
    return builder.as_markup()


async def list_invites(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    rules: TipRules,
) -> None:
    await state.clear()
    listed = await invites.active(store, actor, clock)
    if not listed:
        await message.answer(i18n.get("invites-empty"))
        return
    names = await catalog.region_names(store, i18n.locale)
    lines = [invite_line(i18n, invite, names, rules) for invite in listed]
    text = join("\n", [i18n.get("invites-title", count=len(listed)), *lines])
    if len(text) > 3500:
        await answer_long(message, text)
        await message.answer(
            i18n.get("invites-revoke-hint"), reply_markup=revoke_buttons(i18n, listed)
        )
        return
    await message.answer(text, reply_markup=revoke_buttons(i18n, listed))


async def revoke_pressed(
    query: CallbackQuery,
    callback_data: InviteRevoke,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    invite = await invites.revoke(store, actor, callback_data.invite, clock)
    await query.answer(i18n.get("invite-revoked", id=str(invite.id)), show_alert=True)


def build_router() -> Router:
    router = Router(name="invites")
    router.message.filter(Requires(Permission.MANAGE_INVITES))
    router.callback_query.filter(Requires(Permission.MANAGE_INVITES))
    router.message.register(invite_command, Command("invite"))
    router.callback_query.register(role_chosen, InviteFlow.role, RoleChoice.filter())
    router.callback_query.register(region_chosen, InviteFlow.region, RegionChoice.filter())
    router.callback_query.register(uses_chosen, InviteFlow.uses, InviteUses.filter())
    router.message.register(uses_typed, InviteFlow.uses, F.text, ~F.text.startswith("/"))
    router.callback_query.register(lifetime_chosen, InviteFlow.lifetime, InviteLifetime.filter())
    router.callback_query.register(
        invite_back, StateFilter(InviteFlow), Step.filter(F.action == "back")
    )
    router.message.register(list_invites, Command("invites"))
    router.callback_query.register(revoke_pressed, InviteRevoke.filter())
    return router
