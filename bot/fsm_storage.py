"""aiogram's conversation storage over PostgreSQL, so a half-finished conversation survives a
restart of the bot (aiogram ships no maintained storage for asyncpg).

While an update is handled under `holding_writes()` (see bot/updates.py), its changes of state
and data are kept in memory and read back from there; `write_held` stores them (before each Bot
API call the update makes, and when it is finished) and tells what those conversations were
before the update and how it left them. When the update is handled again after its process
died, `restore` puts them back as they were before, unless they have moved on since."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
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


@dataclass
class HeldConversation:
    """What one update changed in one conversation, not yet stored."""

    state_set: bool = False
    state: str | None = None
    data_set: bool = False
    data: dict[str, Any] | None = None


@dataclass
class HeldWrites:
    """One update's conversation changes not yet stored, and for each conversation it stored
    changes of, what it was before and after (`write_held`)."""

    bot_id: int
    update_id: int
    instance: int
    changes: dict[ConversationKey, HeldConversation] = field(default_factory=dict)
    stored: dict[ConversationKey, dict[str, Any]] = field(default_factory=dict)


_held: ContextVar[HeldWrites | None] = ContextVar("held_conversation_writes", default=None)


@contextmanager
def holding_writes(bot_id: int, update_id: int, instance: int) -> Iterator[HeldWrites]:
    """Keep this update's conversation changes in memory until `write_held`."""
    held = HeldWrites(bot_id, update_id, instance)
    token = _held.set(held)
    try:
        yield held
    finally:
        _held.reset(token)


def held_writes() -> HeldWrites | None:
    """The changes held for the update being handled in this task, if any."""
    return _held.get()


async def _content(store: Store, key: ConversationKey) -> dict[str, Any]:
    return {
        "state": await store.conversations.state(key),
        "data": await store.conversations.data(key),
    }


async def write_held(store: Store, held: HeldWrites) -> list[dict[str, Any]]:
    """Store the held changes (in the caller's transaction); return every conversation this
    update changed so far: its key, what it was `before` the update and is `after` it."""
    if not held.changes:
        return []
    for key, change in held.changes.items():
        if key not in held.stored:
            held.stored[key] = {**asdict(key), "before": await _content(store, key)}
        entry = held.stored[key]
        if change.state_set:
            await store.conversations.set_state(key, change.state)
        if change.data_set:
            await store.conversations.set_data(key, change.data or {})
        entry["after"] = await _content(store, key)
    held.changes.clear()
    return list(held.stored.values())


async def restore(store: Store, conversations: list[dict[str, Any]]) -> bool:
    """Put conversations back as they were before an update (in the caller's transaction);
    False, and nothing changed, when one has moved on since the update left it."""
    keys = [
        ConversationKey(**{name: item[name] for name in ConversationKey.__dataclass_fields__})
        for item in conversations
    ]
    for key, item in zip(keys, conversations, strict=True):
        if await _content(store, key) != item["after"]:
            return False
    for key, item in zip(keys, conversations, strict=True):
        await store.conversations.set_state(key, item["before"]["state"])
        await store.conversations.set_data(key, item["before"]["data"] or {})
    return True


class PostgresStorage(BaseStorage):
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def _holding(key: StorageKey) -> HeldConversation | None:
        held = _held.get()
        if held is None:
            return None
        return held.changes.setdefault(conversation_key(key), HeldConversation())

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        if (change := self._holding(key)) is not None:
            change.state_set, change.state = True, value
            return
        await self.store.conversations.set_state(conversation_key(key), value)

    async def get_state(self, key: StorageKey) -> str | None:
        held = _held.get()
        change = held.changes.get(conversation_key(key)) if held else None
        if change is not None and change.state_set:
            return change.state
        return await self.store.conversations.state(conversation_key(key))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if (change := self._holding(key)) is not None:
            change.data_set, change.data = True, dict(data)
            return
        await self.store.conversations.set_data(conversation_key(key), data)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        held = _held.get()
        change = held.changes.get(conversation_key(key)) if held else None
        if change is not None and change.data_set:
            return dict(change.data or {})
        return await self.store.conversations.data(conversation_key(key))

    async def close(self) -> None:
        """The store's pool belongs to the application, which closes it."""
