"""Calls made while a round trip is under way go together in the next one.

Under load many updates ask the store the same kind of thing at once (claim me, mark me handled,
take my conversation's lock). Each round trip costs the bot a system call and a wake-up of
PostgreSQL; sending them together costs one for all, and costs nothing when the bot is idle
(a call alone goes at once)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Batched(Generic[Item, Result]):
    def __init__(
        self,
        send: Callable[[list[Item]], Awaitable[list[Result]]],
        *,
        unclaimed: Callable[[Item, Result], None] | None = None,
    ) -> None:
        """`send` does the items of a batch in order and returns a result for each;
        `unclaimed` is told of a result whose caller was cancelled while it waited."""
        self._send = send
        self._unclaimed = unclaimed
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def __call__(self, item: Item) -> Result:
        return await self._add(item)

    def later(self, item: Item) -> None:
        """Send `item` with the next batch, without waiting for it."""
        self._add(item).add_done_callback(_retrieve)

    def _add(self, item: Item) -> asyncio.Future[Result]:
        done: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, done))
        if self._sender is None or self._sender.done():
            self._sender = asyncio.create_task(self._send_waiting())
        return done

    async def _send_waiting(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                results = await self._send([item for item, _ in batch])
            except BaseException as error:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(error)
                if not isinstance(error, Exception):
                    raise
                continue
            for (item, done), result in zip(batch, results, strict=True):
                if not done.done():
                    done.set_result(result)
                elif self._unclaimed is not None:
                    self._unclaimed(item, result)


def _retrieve(done: asyncio.Future[Any]) -> None:
    if not done.cancelled():
        done.exception()
