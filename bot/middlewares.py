"""Outer middlewares on every update: private chats only, the person behind the update, and a
polite refusal for blocked people. The language middleware (aiogram-i18n) runs in between."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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

OUTCOME = "update_outcome"
"""Where a middleware that stops an update writes why, for the metrics (`bot/metrics.py`)."""
IGNORED, BLOCKED, DROPPED = "ignored", "blocked", "dropped"


class PrivateChatsOnly(BaseMiddleware):
    """Tips and roles are private matters: the bot answers in private chats only."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        chat: Chat | None = data.get("event_chat")
        if chat is not None and chat.type != "private":
            log.debug("Ignored an update from a %s chat", chat.type)
            data[OUTCOME] = IGNORED
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
            data[OUTCOME] = BLOCKED
            i18n: I18nContext = data["i18n"]
            if isinstance(event, Update):
                await tell(event, i18n.get("blocked-refusal"))
            return None
        return await handler(event, data)


@dataclass
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


class FloodGuard(BaseMiddleware):
    """Each account may send `burst` updates at once and then `per_minute` a minute; beyond that
    its updates are dropped (with one notice), so one flooding account slows nobody else.

    Counted in this process's memory: a restart forgives, and each instance counts its own, so
    with N instances behind one address an account gets up to N times the budget (a shared
    counter would cost a write to the store for every update)."""

    def __init__(self, burst: int, per_minute: int) -> None:
        self.burst = float(burst)
        self.rate = per_minute / 60.0
        self._buckets: dict[int, _Bucket] = {}

    def allows(self, user_id: int, now: float) -> tuple[bool, bool]:
        """Whether this update may go on, and whether to tell the person to slow down."""
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) > 50_000:
                self._forget_idle(now)
            bucket = self._buckets[user_id] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True, False
        warn = not bucket.warned
        bucket.warned = True
        return False, warn

    def _forget_idle(self, now: float) -> None:
        full = (self.burst - 1) / self.rate
        for user_id in [key for key, b in self._buckets.items() if now - b.at > full]:
            del self._buckets[user_id]

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        allowed, warn = self.allows(user.id, time.monotonic())
        if allowed:
            return await handler(event, data)
        log.info("Dropped an update of a flooding account")
        data[OUTCOME] = DROPPED
        if warn and isinstance(event, Update):
            i18n: I18nContext = data["i18n"]
            await tell(event, i18n.get("flood-slow-down"))
        return None
