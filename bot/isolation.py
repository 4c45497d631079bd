"""One person's updates handled one at a time across every instance on the database.

aiogram's `SimpleEventIsolation` is a lock in one process's memory: two instances behind one
address could handle one person's two quick updates at once and lose one of them in the
conversation state (two files of an album, each added to the draft as it was before the other).
`PostgresEventIsolation` adds a PostgreSQL advisory lock per conversation:

- within the process, an asyncio lock per conversation queues its updates first, so waiting
  costs no connection;
- the first in line takes the conversation's session-level advisory lock on the instance's one
  lock connection (held out of the pool while the bot runs: one session may hold any number of
  locks), and gives it back when the update is handled. When another instance holds it, it asks
  again, ever less often, for at most `wait_limit` seconds;
- a lock connection that breaks takes its locks with it (so does a crashed instance); the
  updates then in hand finish without the lock, and the next one takes a new connection.

An update that waited `wait_limit` seconds, or whose lock cannot be asked for, is handled
without it (with a warning) rather than dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import asyncpg
from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from asyncpg.pool import PoolConnectionProxy

from bot.batching import Batched
from db import locks

log = logging.getLogger(__name__)

FIRST_PAUSE = 0.01
LONGEST_PAUSE = 0.2
LOCK_UNAVAILABLE = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


def conversation_number(key: StorageKey) -> int:
    """A 32-bit number for the conversation (two sharing one only wait for each other)."""
    fields = (
        key.bot_id,
        key.chat_id,
        key.user_id,
        key.thread_id,
        key.business_connection_id,
        key.destiny,
    )
    digest = hashlib.blake2b(repr(fields).encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


@dataclass
class _Queue:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class PostgresEventIsolation(BaseEventIsolation):
    def __init__(self, pool: asyncpg.Pool, *, wait_limit: float = 60.0) -> None:
        self.pool = pool
        self.wait_limit = wait_limit
        self._queues: dict[StorageKey, _Queue] = {}
        self._connection: PoolConnectionProxy[asyncpg.Record] | None = None
        self._connection_use = asyncio.Lock()
        """asyncpg runs one query at a time on a connection."""
        self._closed = False
        self._operate = Batched(self._send_operations, unclaimed=self._taken_for_nobody)

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncIterator[None]:
        queue = self._queues.setdefault(key, _Queue())
        queue.users += 1
        try:
            async with queue.lock:
                number = conversation_number(key)
                holder = await self._take(number)
                try:
                    yield
                finally:
                    if holder is not None:
                        await self._give_back(holder, number)
        finally:
            queue.users -= 1
            if queue.users == 0:
                del self._queues[key]

    async def close(self) -> None:
        """Return the lock connection to the pool, which releases whatever it still holds. The
        updates still in hand while the bot stops finish without taking a new one."""
        self._closed = True
        async with self._connection_use:
            await self._drop_connection()

    async def _take(self, number: int) -> locks.Session | None:
        """The connection now holding the conversation's lock; None to go on without it."""
        if self._closed:
            return None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.wait_limit
        pause = FIRST_PAUSE
        while True:
            try:
                connection, taken = await self._operate((True, number))
            except LOCK_UNAVAILABLE as error:
                if not self._closed:
                    log.warning("No conversation lock (%s); handling the update without it", error)
                return None
            if taken:
                return connection
            if loop.time() >= deadline:
                log.warning(
                    "A conversation stayed locked by another instance for %.0f s; "
                    "handling the update anyway",
                    self.wait_limit,
                )
                return None
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)

    async def _give_back(self, holder: locks.Session, number: int) -> None:
        if holder is not self._connection:
            return  # that connection is gone, and its locks with it
        with contextlib.suppress(*LOCK_UNAVAILABLE):
            await self._operate((False, number))

    async def _send_operations(
        self, operations: list[tuple[bool, int]]
    ) -> list[tuple[locks.Session, bool]]:
        """Take (or let go of) conversations' locks on the lock connection: the connection, and
        whether each was taken (or held). `_operate` sends together those asked for while a
        round trip is under way: under load, one round trip serves many updates."""
        try:
            async with self._connection_use:
                if self._closed:
                    raise asyncpg.InterfaceError("the conversation locks are closed")
                connection = await self._lock_connection()
                results = await locks.conversation_locks(connection, operations)
        except LOCK_UNAVAILABLE as error:
            if not self._closed:
                log.warning("Lost the conversation lock connection (%s)", error)
            async with self._connection_use:
                await self._drop_connection()
            raise
        return [(connection, result) for result in results]

    def _taken_for_nobody(
        self, operation: tuple[bool, int], result: tuple[locks.Session, bool]
    ) -> None:
        """A lock taken for an update cancelled while it waited is let go."""
        take, number = operation
        if take and result[1]:
            self._operate.later((False, number))

    async def _lock_connection(self) -> locks.Session:
        if self._connection is not None and self._connection.is_closed():
            await self._drop_connection()
        if self._connection is None:
            self._connection = await self.pool.acquire()
        return self._connection

    async def _drop_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(*LOCK_UNAVAILABLE):
                await self.pool.release(connection)
