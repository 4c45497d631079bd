"""aiogram's conversation storage over PostgreSQL, so a half-finished conversation survives a
restart of the bot (aiogram ships no maintained storage for asyncpg)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

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


class PostgresStorage(BaseStorage):
    def __init__(self, store: Store) -> None:
        self.store = store

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self.store.conversations.set_state(conversation_key(key), value)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self.store.conversations.state(conversation_key(key))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self.store.conversations.set_data(conversation_key(key), data)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self.store.conversations.data(conversation_key(key))

    async def close(self) -> None:
        """The store's pool belongs to the application, which closes it."""
