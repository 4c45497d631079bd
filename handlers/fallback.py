"""What nobody else handled: a hint, never silence. Registered last."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.i18n import join
from roles.menus import roles_with_command
from roles.model import Role


def command_name(text: str) -> str:
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""


async def command_of_another_role(message: Message, i18n: I18nContext) -> None:
    """A role's command from someone without that role, or a command that does not exist."""
    name = command_name(message.text or "")
    owners = [role for role in roles_with_command(name) if role != Role.CITIZEN]
    if owners:
        roles = join(", ", [i18n.get(f"role-{role}") for role in owners])
        await message.answer(i18n.get("fallback-command-for-role", command=name, roles=roles))
    else:
        await message.answer(i18n.get("fallback-unknown-command", command=name[:32]))


async def stray_text(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    key = "fallback-in-conversation" if await state.get_state() else "fallback-text"
    await message.answer(i18n.get(key))


async def unsupported_message(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    key = "fallback-in-conversation" if await state.get_state() else "fallback-unsupported"
    await message.answer(i18n.get(key))


async def stale_button(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("fallback-stale-button"), show_alert=True)


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.register(command_of_another_role, F.text.startswith("/"))
    router.message.register(stray_text, F.text)
    router.message.register(unsupported_message)
    router.callback_query.register(stale_button)
    return router
