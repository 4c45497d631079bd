"""LISTEN/NOTIFY: wake a worker as soon as another transaction (of any instance) commits work."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg


class Notifications:
    def __init__(self) -> None:
        self._arrived = asyncio.Event()
        self._lost = asyncio.Event()

    def _notify(self, *_: Any) -> None:
        self._arrived.set()

    def _terminated(self, *_: Any) -> None:
        self._lost.set()

    async def next(self) -> None:
        """Wait for a notification; ConnectionError when the listening connection is lost."""
        arrived = asyncio.ensure_future(self._arrived.wait())
        lost = asyncio.ensure_future(self._lost.wait())
        try:
            await asyncio.wait({arrived, lost}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            arrived.cancel()
            lost.cancel()
        if self._lost.is_set():
            raise ConnectionError("the listening connection to PostgreSQL was lost")
        self._arrived.clear()


@asynccontextmanager
async def listen(pool: asyncpg.Pool, channel: str) -> AsyncIterator[Notifications]:
    """Hold one pool connection that LISTENs on `channel` for as long as the block runs."""
    notifications = Notifications()
    connection = await pool.acquire()
    try:
        connection.add_termination_listener(notifications._terminated)
        await connection.add_listener(channel, notifications._notify)
        yield notifications
    finally:
        if not notifications._lost.is_set():
            with contextlib.suppress(asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
                await connection.remove_listener(channel, notifications._notify)
                connection.remove_termination_listener(notifications._terminated)
        with contextlib.suppress(asyncpg.InterfaceError):
            await pool.release(connection)
