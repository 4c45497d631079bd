"""Outer middlewares on every update: private chats only, the person behind the update, and a
polite refusal for blocked people. The language middleware (aiogram-i18n) runs in between."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, Update, User
from aiogram_i18n import I18nContext

from bot.replies import tell
from db.store import Store
from roles import people
from roles.model import Actor

log = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class PrivateChatsOnly(BaseMiddleware):
    """Tips and roles are private matters: the bot answers in private chats only."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        chat: Chat | None = data.get("event_chat")
        if chat is not None and chat.type != "private":
            log.debug("Ignored an update from a %s chat", chat.type)
            return None
        return await handler(event, data)


class KnownPerson(BaseMiddleware):
    """Records the person on first contact and gives handlers `actor`: who they are, with roles."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            data["actor"] = await people.recognise(
                self.store,
                telegram_id=user.id,
                first_name=user.first_name,
                last_name=user.last_name,
                username=user.username,
                telegram_language=user.language_code,
            )
        return await handler(event, data)


class BlockedPeopleRefused(BaseMiddleware):
    """A blocked account gets one polite refusal and nothing else happens."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        actor: Actor | None = data.get("actor")
        if actor is not None and actor.blocked:
            i18n: I18nContext = data["i18n"]
            if isinstance(event, Update):
                await tell(event, i18n.get("blocked-refusal"))
            return None
        return await handler(event, data)
