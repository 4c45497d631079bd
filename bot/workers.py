"""Background workers woken by PostgreSQL notifications, which outlive any failure."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from db.notify import listen
from db.store import Store

log = logging.getLogger(__name__)


async def run_on_notifications(
    store: Store, channel: str, work: Callable[[], Awaitable[object]], name: str
) -> None:
    """Run `work` now and whenever `channel` is notified, until cancelled. A lost database only
    pauses the worker: it listens again, with growing pauses, until the database is back."""
    pause = 1.0
    while True:
        try:
            async with listen(store.pool, channel) as notifications:
                await work()
                pause = 1.0
                while True:
                    await notifications.next()
                    await work()
        except Exception as error:  # a worker must outlive any failure
            log.warning(
                "%s stopped (%s: %s); listening again in %.0f s",
                name,
                type(error).__name__,
                error,
                pause,
            )
            await asyncio.sleep(pause)
            pause = min(pause * 2, 60.0)
