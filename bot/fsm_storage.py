"""aiogram's conversation storage over PostgreSQL, so a half-finished conversation survives a
restart of the bot (aiogram ships no maintained storage for asyncpg)."""

from __future__ import annotations

import copy
from collections.abc import AsyncGenerator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, StateType, StorageKey

from db.fsm import ConversationKey
from db.store import Store


def conversation_key(key: StorageKey) -> ConversationKey:
    return ConversationKey(
        bot_id=key.bot_id,
        chat_id=key.chat_id,
        user_id=key.user_id,
        thread_id=key.thread_id or 0,
        business_connection_id=key.business_connection_id or "",
        destiny=key.destiny,
    )


@dataclass
class _Conversation:
    state: str | None
    data: dict[str, Any]


_read_in_this_update: ContextVar[dict[StorageKey, _Conversation] | None] = ContextVar(
    "conversations_read_in_this_update", default=None
)


class PostgresStorage(BaseStorage):
    """Within one update (see `OneReadPerUpdate`) a conversation is read from the database once,
    state and data together, and every write goes to the database at once and to that copy.
    Outside an update every call is a query."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def _read(self, key: StorageKey) -> _Conversation:
        cache = _read_in_this_update.get()
        if cache is not None and key in cache:
            return cache[key]
        state, data = await self.store.conversations.read(conversation_key(key))
        conversation = _Conversation(state, data)
        if cache is not None:
            cache[key] = conversation
        return conversation

    @staticmethod
    def _known(key: StorageKey) -> _Conversation | None:
        cache = _read_in_this_update.get()
        return cache.get(key) if cache is not None else None

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self.store.conversations.set_state(conversation_key(key), value)
        if (known := self._known(key)) is not None:
            known.state = value

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._read(key)).state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self.store.conversations.set_data(conversation_key(key), data)
        if (known := self._known(key)) is not None:
            known.data = copy.deepcopy(dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return copy.deepcopy((await self._read(key)).data)

    async def close(self) -> None:
        """The store's pool belongs to the application, which closes it."""


class OneReadPerUpdate(BaseEventIsolation):
    """aiogram holds the isolation lock of a person's conversation for exactly the handling of
    one update: while it is held, `PostgresStorage` reads each conversation once (a step of a
    conversation asked for its state and data five times, each a round trip). A workflow that
    ends the conversation in its own transaction (`tips.send_tip`) is the update's last use."""

    def __init__(self, inner: BaseEventIsolation) -> None:
        self.inner = inner

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        async with self.inner.lock(key):
            token = _read_in_this_update.set({})
            try:
                yield
            finally:
                _read_in_this_update.reset(token)

    async def close(self) -> None:
        await self.inner.close()
