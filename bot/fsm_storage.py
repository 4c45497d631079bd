"""aiogram's conversation storage over PostgreSQL, so a half-finished conversation survives a
restart of the bot (aiogram ships no maintained storage for asyncpg).

While an update is handled under `holding_writes()` (see bot/updates.py), its changes of state
and data are kept in memory and read back from there; `write_held` stores them (before each Bot
API call the update makes, and when it is finished) and tells what those conversations were
before the update and how it left them. When the update is handled again after its process
died, `restore` puts them back as they were before, unless they have moved on since."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import AsyncGenerator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, StateType, StorageKey

from db.fsm import ConversationChange, ConversationKey
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


@dataclass
class HeldWrites:
    """One update's conversation changes not yet stored, and for each conversation it stored
    changes of, what it was before and after (`write_held`)."""

    bot_id: int
    update_id: int
    instance: int
    changes: dict[ConversationKey, ConversationChange] = field(default_factory=dict)
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
    state, data = await store.conversations.read(key)
    return {"state": state, "data": data}


async def write_held(store: Store, held: HeldWrites, *, finished: bool) -> None:
    """Store the held changes, each with what it replaces, on the update's claim (one statement
    for an update that changed one conversation); when `finished`, mark the update handled."""
    update = (held.bot_id, held.update_id, held.instance)
    changes = list(held.changes.items())
    if not changes:
        if finished:
            await store.updates.finish(held.bot_id, [held.update_id], held.instance)
        return
    stored = dict(held.stored)
    async with store.transaction() if len(changes) > 1 else contextlib.nullcontext(store) as db:
        for number, (key, change) in enumerate(changes, start=1):
            known = stored.get(key)
            stored[key] = await db.updates.change_conversation(
                update,
                key,
                change,
                before=known["before"] if known else None,
                others=[entry for other, entry in stored.items() if other != key],
                finished=finished and number == len(changes),
            )
    held.stored = stored
    held.changes.clear()


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
        before = item["before"]
        await store.conversations.change(
            key, ConversationChange(True, before["state"], True, before["data"])
        )
    if (read := _read_in_this_update.get()) is not None:
        read.clear()
    return True


class PostgresStorage(BaseStorage):
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

    @staticmethod
    def _holding(key: StorageKey) -> ConversationChange | None:
        held = _held.get()
        if held is None:
            return None
        return held.changes.setdefault(conversation_key(key), ConversationChange())

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        """Held until `write_held` while an update holds its writes, else stored at once; what
        this update already read is kept in step either way."""
        value = state.state if isinstance(state, State) else state
        if (change := self._holding(key)) is not None:
            change.state_set, change.state = True, value
        else:
            await self.store.conversations.change(
                conversation_key(key), ConversationChange(state_set=True, state=value)
            )
        if (known := self._known(key)) is not None:
            known.state = value

    async def get_state(self, key: StorageKey) -> str | None:
        held = _held.get()
        change = held.changes.get(conversation_key(key)) if held else None
        if change is not None and change.state_set:
            return change.state
        return (await self._read(key)).state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if (change := self._holding(key)) is not None:
            change.data_set, change.data = True, copy.deepcopy(dict(data))
        else:
            await self.store.conversations.change(
                conversation_key(key), ConversationChange(data_set=True, data=dict(data))
            )
        if (known := self._known(key)) is not None:
            known.data = copy.deepcopy(dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        held = _held.get()
        change = held.changes.get(conversation_key(key)) if held else None
        if change is not None and change.data_set:
            return copy.deepcopy(change.data or {})
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
