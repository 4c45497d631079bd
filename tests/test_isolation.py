"""One person's updates one at a time across instances (bot/isolation.py), with the lock
operations of many updates sent together."""

from __future__ import annotations

import asyncio

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.isolation import PostgresEventIsolation
from db import locks
from db.store import Store
from tests.helpers import new_telegram_id


class WatchedIsolation(PostgresEventIsolation):
    """Tells when a lock was refused because another instance holds it."""

    def __init__(self, store: Store) -> None:
        super().__init__(store.pool)
        self.refused = asyncio.Event()

    async def _send_operations(
        self, operations: list[tuple[bool, int]]
    ) -> list[tuple[locks.Session, bool]]:
        results = await super()._send_operations(operations)
        if any(
            take and not taken for (take, _), (_, taken) in zip(operations, results, strict=True)
        ):
            self.refused.set()
        return results


def conversation(person: int) -> StorageKey:
    return StorageKey(bot_id=1, chat_id=person, user_id=person)


async def test_a_conversation_locked_by_one_instance_waits_while_others_go_on(
    store: Store,
) -> None:
    first, second = WatchedIsolation(store), WatchedIsolation(store)
    busy, free = conversation(new_telegram_id()), conversation(new_telegram_id())
    entered = asyncio.Event()
    try:
        async with first.lock(busy):

            async def second_instance_takes_busy() -> None:
                async with second.lock(busy):
                    entered.set()

            waiting = asyncio.create_task(second_instance_takes_busy())
            await second.refused.wait()
            assert not entered.is_set()
            async with second.lock(free):
                assert not entered.is_set()
        await asyncio.wait_for(waiting, 10)
        assert entered.is_set()
    finally:
        await first.close()
        await second.close()


async def test_many_updates_share_the_round_trips_of_their_locks(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real = locks.conversation_locks

    async def counted(connection: locks.Session, operations: list[tuple[bool, int]]) -> list[bool]:
        nonlocal calls
        calls += 1
        return await real(connection, operations)

    isolation = PostgresEventIsolation(store.pool)
    people = [new_telegram_id() for _ in range(50)]
    handled: list[int] = []

    async def update_of(person: int) -> None:
        async with isolation.lock(conversation(person)):
            handled.append(person)

    monkeypatch.setattr(locks, "conversation_locks", counted)
    try:
        await asyncio.gather(*(update_of(person) for person in people))
    finally:
        await isolation.close()
    assert sorted(handled) == sorted(people)
    assert calls < 10, f"50 updates took {calls} round trips for their locks"
    held = await store.pool.fetchval(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        locks.CONVERSATION_LOCKS,
    )
    assert held == 0
