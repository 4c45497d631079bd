"""Every update handled once, and none lost when a process dies.

- `Liveness`: this process's liveness lock in PostgreSQL (db/locks.py), held on a connection of
  its own for as long as the process lives, taken again when the connection is lost.
- `HandledOnce` (the first outer middleware): claims (bot, update id) in `handled_updates`
  before anything else runs. A duplicate is dropped while the first claim is unfinished and its
  process alive, and after it was finished; an update left unfinished by a dead process (within
  `REDO_WITHIN`) is claimed again and handled. Conversation changes are held in memory and
  stored before each Bot API call (`ChangesBeforeCalls`) and with the finishing mark, together
  with what they replace (bot/fsm_storage.py); a redone update first puts that back, so it
  finds the conversation at the step it was sent for.
- `Unclaimed`: Telegram forgets an update once it is confirmed (the next getUpdates offset, or
  the webhook's 200), and aiogram confirms before it handles. `ClaimBeforeConfirming` holds the
  next getUpdates, and `ClaimingRequestHandler` the webhook's answer, until the updates given
  out are claimed: from then on the claim's stored copy is what a crash cannot lose.
- `redo_abandoned`: hands the dispatcher, again, updates whose process died unfinished.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterable
from datetime import timedelta
from typing import Any, cast

import asyncpg
from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import GetUpdates, Response, TelegramMethod
from aiogram.types import TelegramObject, Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.batching import Batched
from bot.fsm_storage import held_writes, holding_writes, restore, write_held
from db.locks import try_liveness_lock
from db.store import STORE_UNAVAILABLE, Store
from db.updates import Claim

log = logging.getLogger(__name__)

REDO_WITHIN = timedelta(hours=1)
"""An update left unfinished by a dead process is handled again if claimed less than this ago;
an older one is let go (a person does not expect an answer to an hour-old message)."""
KEEP_CLAIMS = timedelta(days=2)
"""Claims are kept this long: Telegram keeps an unconfirmed update for 24 hours at most."""
CLAIM_WAIT = 2.0
"""Seconds a confirmation waits for the claims of the updates given out before it goes anyway
(a claim takes milliseconds; an update that failed before its claim, the store being down, was
answered and never settles)."""

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class Liveness:
    """This process's liveness lock: others see that its claims are being worked on."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.instance = secrets.randbelow(2**31 - 2) + 1
        self._connection: Any = None
        self._lost = asyncio.Event()

    async def acquire(self) -> None:
        """Take the lock on a connection of its own (another number if this one is taken)."""
        connection = await self.store.pool.acquire()
        try:
            while not await try_liveness_lock(connection, self.instance):
                self.instance = secrets.randbelow(2**31 - 2) + 1
        except BaseException:
            await self.store.pool.release(connection)
            raise
        self._lost.clear()
        connection.add_termination_listener(self._terminated)
        self._connection = connection

    def _terminated(self, *_: object) -> None:
        self._lost.set()

    async def run(self) -> None:
        """Keep the lock: when its connection is lost (PostgreSQL restarted), take it again."""
        pause = 1.0
        while True:
            await self._lost.wait()
            await self.release()
            log.warning("The liveness lock was lost with its connection; taking it again")
            while True:
                try:
                    await self.acquire()
                    break
                except (*STORE_UNAVAILABLE, asyncpg.PostgresError, asyncpg.InterfaceError) as e:
                    log.warning("Liveness lock not taken (%s); again in %.0f s", e, pause)
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, 30.0)
            pause = 1.0

    async def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        with contextlib.suppress(Exception):
            connection.remove_termination_listener(self._terminated)
        with contextlib.suppress(Exception):
            # Back in the pool, the connection is reset, which releases the session lock.
            await self.store.pool.release(connection)


class Unclaimed:
    """Updates given to the dispatcher whose claim is not yet settled (stored, refused or
    failed)."""

    def __init__(self) -> None:
        self._waiting: dict[int, asyncio.Event] = {}

    def expect(self, update_ids: Iterable[int]) -> None:
        for update_id in update_ids:
            self._waiting.setdefault(update_id, asyncio.Event())

    def settle(self, update_id: int) -> None:
        event = self._waiting.pop(update_id, None)
        if event is not None:
            event.set()

    async def settled(self, update_ids: Iterable[int] | None = None) -> None:
        """Wait (at most CLAIM_WAIT seconds) until these updates, or all, are settled."""
        ids = list(self._waiting) if update_ids is None else list(update_ids)
        events = [self._waiting[i] for i in ids if i in self._waiting]
        if not events:
            return
        try:
            async with asyncio.timeout(CLAIM_WAIT):
                await asyncio.gather(*(event.wait() for event in events))
        except TimeoutError:
            log.warning("Updates confirmed to the Bot API before their claims were stored")
            for update_id in ids:
                self.settle(update_id)


CLAIMED = "acf_update_claim"
"""Where `HandledOnce.claim_first` leaves the claim for the inner step."""
ClaimAsked = tuple[int, int, int, dict[str, Any]]
"""Bot id, instance, update id, the update's content."""
Finished = tuple[int, int, int]
"""Bot id, instance, update id."""


class HandledOnce(BaseMiddleware):
    def __init__(self, store: Store, liveness: Liveness, unclaimed: Unclaimed) -> None:
        self.store = store
        self.liveness = liveness
        self.unclaimed = unclaimed
        # The updates of one getUpdates answer are claimed at once: one round trip for all.
        self._claim = Batched(self._claim_together)
        self._finish = Batched(self._finish_together)

    async def _claim_together(self, asked: list[ClaimAsked]) -> list[Claim | None]:
        """A claim for each update this process is to handle; a second asker of one gets None."""
        groups: dict[tuple[int, int], list[tuple[int, dict[str, Any]]]] = {}
        for bot_id, instance, update_id, content in asked:
            groups.setdefault((bot_id, instance), []).append((update_id, content))
        claims: dict[Finished, Claim] = {}
        for (bot_id, instance), updates in groups.items():
            got = await self.store.updates.claim(bot_id, instance, updates, redo_within=REDO_WITHIN)
            claims.update(
                ((bot_id, instance, update_id), claim) for update_id, claim in got.items()
            )
        return [
            claims.pop((bot_id, instance, update_id), None)
            for bot_id, instance, update_id, _ in asked
        ]

    async def _finish_together(self, finished: list[Finished]) -> list[None]:
        groups: dict[tuple[int, int], list[int]] = {}
        for bot_id, instance, update_id in finished:
            groups.setdefault((bot_id, instance), []).append(update_id)
        for (bot_id, instance), update_ids in groups.items():
            await self.store.updates.finish(bot_id, update_ids, instance)
        return [None] * len(finished)

    async def claim_first(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        """The outer step, before the conversation's lock: the claim. Waiting for one person's
        lock would hold back the next getUpdates, which waits for every claim of the last
        batch, and with it everybody else's updates."""
        if not isinstance(event, Update):
            return await handler(event, data)
        bot: Bot = data["bot"]
        instance = self.liveness.instance
        try:
            content = event.model_dump(mode="json", exclude_none=True, by_alias=True)
            claim = await self._claim((bot.id, instance, event.update_id, content))
        finally:
            self.unclaimed.settle(event.update_id)
        if claim is None:
            log.info("Update %s was already handled or is being handled: dropped", event.update_id)
            return None
        data[CLAIMED] = (claim, instance)
        try:
            return await handler(event, data)
        finally:
            if CLAIMED in data:  # failed before the inner step (the conversation was unreadable)
                with contextlib.suppress(*STORE_UNAVAILABLE, asyncpg.PostgresError):
                    await self._finish((bot.id, instance, event.update_id))

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """The inner step, under the conversation's lock: a redone update's conversation put
        back, the update's changes held and stored, the finishing mark."""
        claimed: tuple[Claim, int] | None = data.pop(CLAIMED, None)
        if not isinstance(event, Update) or claimed is None:
            return await handler(event, data)
        bot: Bot = data["bot"]
        claim, instance = claimed
        if claim.conversations:
            async with self.store.transaction() as tx:
                restored = await restore(tx, claim.conversations)
                if not restored:
                    await tx.updates.finish(bot.id, [event.update_id], instance)
            if not restored:
                log.warning("Update %s not handled again: its conversation moved on since",
                            event.update_id)  # fmt: skip
                return None
            if (state := data.get("state")) is not None:  # aiogram read it before the restore
                data["raw_state"] = await state.get_state()
        with holding_writes(bot.id, event.update_id, instance) as held:
            try:
                result = await handler(event, data)
            except Exception:
                with contextlib.suppress(*STORE_UNAVAILABLE, asyncpg.PostgresError):
                    await write_held(self.store, held, finished=True)
                raise
            if held.changes:
                await write_held(self.store, held, finished=True)
            else:
                await self._finish((bot.id, instance, event.update_id))
        return result


class ChangesBeforeCalls(BaseRequestMiddleware):
    """Before an update's handler calls the Bot API, its conversation changes are stored: what
    the person sees next never runs ahead of the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def __call__(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        held = held_writes()
        if held is not None and held.changes:
            await write_held(self.store, held, finished=False)
        return await make_request(bot, method)


class ClaimBeforeConfirming(BaseRequestMiddleware):
    """Polling: the next getUpdates (whose offset confirms the last batch) waits until every
    update of the last batch is claimed."""

    def __init__(self, unclaimed: Unclaimed) -> None:
        self.unclaimed = unclaimed

    async def __call__(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        if not isinstance(method, GetUpdates):
            return await make_request(bot, method)
        await self.unclaimed.settled()
        updates = await make_request(bot, method)
        self.unclaimed.expect(update.update_id for update in cast(list[Update], updates))
        return updates


class ClaimingRequestHandler(SimpleRequestHandler):
    """Webhook: answers 200 (which confirms the update to Telegram) once the update is claimed,
    while handling goes on in the background."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, unclaimed: Unclaimed, **kwargs: Any):
        super().__init__(dispatcher, bot, **kwargs)
        self.unclaimed = unclaimed

    async def _handle_request_background(self, bot: Bot, request: web.Request) -> web.Response:
        update = await request.json(loads=bot.session.json_loads)
        update_id = update.get("update_id") if isinstance(update, dict) else None
        if isinstance(update_id, int):
            self.unclaimed.expect([update_id])
        feed = asyncio.create_task(self._background_feed_update(bot=bot, update=update))
        self._background_feed_update_tasks.add(feed)
        feed.add_done_callback(self._background_feed_update_tasks.discard)
        if isinstance(update_id, int):
            await self.unclaimed.settled([update_id])
        return web.json_response({}, dumps=bot.session.json_dumps)


async def redo_abandoned(store: Store, dispatcher: Dispatcher, bot: Bot, liveness: Liveness) -> int:
    """Hand the dispatcher the updates that dead processes left unfinished; `HandledOnce`
    claims each again (of two instances doing this at once, one handles it)."""
    abandoned = await store.updates.abandoned(bot.id, liveness.instance, redo_within=REDO_WITHIN)
    for update in abandoned:
        log.warning("Update %s was left unfinished by a stopped process: handled again",
                    update.update_id)  # fmt: skip
        await dispatcher.feed_raw_update(bot, update.payload)
    return len(abandoned)


async def forget_old_claims(store: Store) -> int:
    return await store.updates.forget_older_than(KEEP_CLAIMS)
