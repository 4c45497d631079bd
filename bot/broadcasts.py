"""The broadcast sender: copies each broadcast to its recipients within Telegram's limits.

One sender at a time across all instances: the one holding a PostgreSQL advisory lock (on a
connection of its own, so the lock goes when the instance dies and another takes over). It sends
at most `rate` messages a second overall and never two to one chat within a second, a few at a
time. Each row is marked in flight and committed before its message goes out, so a crash never
sends anyone a broadcast twice (a row left in flight is counted as unconfirmed, not re-sent).
429 pauses all sending for `retry_after`; 403 marks the person unreachable and unsubscribes
them; other refusals are recorded on the row. The author's progress message is edited as it goes.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translations
from bot.retries import never_left
from db import locks
from db.broadcasts import BROADCAST_CHANNEL, Broadcast, Delivery, Progress
from db.store import Store
from handlers.keyboards import BroadcastAction
from handlers.render import moment
from roles.clock import Clock
from roles.model import Language, resolve_language

log = logging.getLogger(__name__)

IN_FLIGHT = 8
"""Messages sent at the same time (the rate still spaces their starts)."""
BATCH = 200
PROGRESS_EVERY = 3.0
"""Seconds between edits of an author's progress message."""
CHAT_GAP = 1.0
"""Seconds between two messages to one chat."""
LOOK_AGAIN = 5.0
"""Seconds between looks for due work (and, when another instance sends, for its lock)."""
GIVE_UP_AFTER = 10


class Pacer:
    """Keeps sends within `rate` a second as Telegram counts them, whatever the delays on the way.

    A message reaches Telegram somewhere between its start and its answer, so spacing the starts
    `1/rate` apart is not enough: one start delayed on the way and the next on time make two in
    too short a time, and a 429 stops everything for a second. So a send also waits until a
    second has passed since the answer to the send `rate` places before it. `hold` pauses
    everything (429)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.capacity = max(1, math.floor(rate))
        self.length = self.capacity / rate
        """Telegram's window: at most `capacity` messages within any `length` seconds."""
        self._next = 0.0
        self._answers: collections.deque[asyncio.Future[float]] = collections.deque()

    async def turn(self) -> Callable[..., None]:
        """Wait for this send's turn; call what it returns (it takes and ignores a finished task)
        once the send is answered or will never be made."""
        loop = asyncio.get_running_loop()
        earliest = 0.0
        if len(self._answers) >= self.capacity:
            earliest = await asyncio.shield(self._answers[0]) + self.length
            self._answers.popleft()
        now = loop.time()
        # Turns missed while the sender was busy (a batch read, the progress message) may be
        # made up for within one window: the answers above still keep any second within it.
        slot = max(self._next, now - self.length)
        start = max(slot, earliest)
        self._next = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)
        answer: asyncio.Future[float] = loop.create_future()
        self._answers.append(answer)

        def answered(*_: object) -> None:
            if not answer.done():
                answer.set_result(loop.time())

        return answered

    def hold(self, seconds: float) -> None:
        resume = asyncio.get_running_loop().time() + seconds
        self._next = max(self._next, resume)


class BroadcastSender:
    def __init__(
        self,
        bot: Bot,
        store: Store,
        translations: Translations,
        default_language: Language,
        clock: Clock,
        zone: Any,
        rate: float,
    ) -> None:
        self.bot = bot
        self.store = store
        self.translations = translations
        self.default_language = default_language
        self.clock = clock
        self.zone = zone
        self.pacer = Pacer(rate)
        self.leading = False
        self.throttled = 0
        """429 answers seen (for tests and figures)."""
        self._wakeup = asyncio.Event()
        self._round = asyncio.Lock()
        self._in_flight = asyncio.Semaphore(IN_FLIGHT)
        self._chat_last: dict[int, float] = {}
        self._progress_shown: dict[int, float] = {}
        self._lock_connection: Any = None

    def wake(self) -> None:
        """Look for due work now (a broadcast was confirmed, the clock was moved in a test)."""
        self._wakeup.set()

    def _notified(self, *_: object) -> None:
        self._wakeup.set()

    async def _wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), seconds)
        self._wakeup.clear()

    async def run(self) -> None:
        """Lead when the lock is free, else wait to take over; outlives any failure."""
        pause = 1.0
        while True:
            try:
                await self._lead()
            except Exception as error:  # the sender must outlive any failure
                log.warning(
                    "Broadcast sender stopped (%s: %s); trying again in %.0f s",
                    type(error).__name__,
                    error,
                    pause,
                )
                await asyncio.sleep(pause)
                pause = min(pause * 2, 60.0)

    async def _lead(self) -> None:
        connection = await self.store.pool.acquire()
        try:
            await connection.add_listener(BROADCAST_CHANNEL, self._notified)
            while not await locks.try_session_lock(connection, locks.BROADCAST_SENDER_LOCK):
                await self._wait(LOOK_AGAIN)
            self.leading = True
            self._lock_connection = connection
            settled = await self.store.broadcasts.settle_interrupted()
            if settled:
                log.warning(
                    "%s broadcast messages were interrupted by a stop: not sent again", settled
                )
            while not connection.is_closed():
                await self.send_due()
                await self._wait(LOOK_AGAIN)
            raise ConnectionError("the sender's connection to PostgreSQL was lost")
        finally:
            self.leading = False
            self._lock_connection = None
            # Releasing the connection to the pool also releases the advisory lock.
            with contextlib.suppress(Exception):
                await connection.remove_listener(BROADCAST_CHANNEL, self._notified)
            with contextlib.suppress(Exception):
                await self.store.pool.release(connection)

    async def send_due(self) -> None:
        """Start the broadcasts whose time has come, send what is due, finish what is done."""
        async with self._round:
            async with self.store.transaction() as tx:
                await tx.broadcasts.start_due(self.clock.now())
            for broadcast in await self.store.broadcasts.sending():
                if broadcast.progress_message_id is None:
                    await self.show_progress(broadcast.id)
            while batch := await self.store.broadcasts.next_batch(self.clock.now(), BATCH):
                if self._lock_connection is not None and self._lock_connection.is_closed():
                    raise ConnectionError("the broadcast lock was lost with its connection")
                await self._send_batch(batch)
            for broadcast in await self.store.broadcasts.finish_complete(self.clock.now()):
                await self.show_progress(broadcast.id)
            for broadcast_id in list(self._progress_shown):
                stopped = await self.store.broadcasts.get(broadcast_id)
                if stopped is None or stopped.status == "cancelled":
                    await self.show_progress(broadcast_id)  # its figures after the last sends

    async def _start_sends(self, batch: list[Delivery], sends: list[asyncio.Task[None]]) -> None:
        loop = asyncio.get_running_loop()
        for delivery in batch:
            last = self._chat_last.get(delivery.telegram_id)
            if last is not None and loop.time() - last < CHAT_GAP:
                await self.store.broadcasts.postpone(
                    delivery, self.clock.now() + timedelta(seconds=CHAT_GAP)
                )
                continue
            await self._in_flight.acquire()
            answered: Callable[..., None] | None = None
            try:
                answered = await self.pacer.turn()
                taken = await self.store.broadcasts.take(delivery)
            except BaseException:
                self._in_flight.release()
                if answered is not None:
                    answered()
                raise
            if not taken:
                self._in_flight.release()
                answered()
                continue
            self._chat_last[delivery.telegram_id] = loop.time()
            send = asyncio.create_task(self._deliver(delivery, answered))
            send.add_done_callback(answered)
            sends.append(send)
            await self._progress_now_and_then(delivery.broadcast_id)

    async def _send_batch(self, batch: list[Delivery]) -> None:
        """Send a batch; its sends are always awaited (or cancelled, when this round is), never
        left running after it."""
        loop = asyncio.get_running_loop()
        sends: list[asyncio.Task[None]] = []
        try:
            await self._start_sends(batch, sends)
        except BaseException:
            for send in sends:
                send.cancel()
            await asyncio.gather(*sends, return_exceptions=True)
            raise
        failures = [
            outcome
            for outcome in await asyncio.gather(*sends, return_exceptions=True)
            if isinstance(outcome, BaseException)
        ]
        self._forget_old_chats(loop.time())
        if failures:
            raise failures[0]

    async def _deliver(self, delivery: Delivery, answered: Callable[..., None]) -> None:
        try:
            try:
                markup = self._acknowledge_button(delivery) if delivery.with_acknowledge else None
            except Exception:
                # Nothing was sent: the row may wait for the next round, not count as unconfirmed.
                await self.store.broadcasts.retry_later(
                    delivery, self.clock.now() + timedelta(seconds=LOOK_AGAIN), "not prepared"
                )
                raise
            try:
                try:
                    sent = await self.bot.copy_message(
                        chat_id=delivery.telegram_id,
                        from_chat_id=delivery.source_chat_id,
                        message_id=delivery.source_message_id,
                        reply_markup=markup,
                    )
                finally:
                    answered()
            except TelegramRetryAfter as error:
                self.throttled += 1
                self.pacer.hold(error.retry_after)
                await self.store.broadcasts.retry_later(
                    delivery, self.clock.now() + timedelta(seconds=error.retry_after), str(error)
                )
            except TelegramForbiddenError as error:
                async with self.store.transaction() as tx:
                    await tx.broadcasts.mark_undelivered(delivery, "blocked", error.message)
                    await tx.users.lost(delivery.user_id)
            except TelegramNetworkError as error:
                if not never_left(error):
                    # It may have reached Telegram: never risk sending it twice.
                    await self.store.broadcasts.mark_undelivered(
                        delivery, "unconfirmed", str(error)
                    )
                else:
                    await self._retry_after_failure(delivery, str(error))
            except TelegramServerError as error:
                await self._retry_after_failure(delivery, str(error))
            except TelegramAPIError as error:
                log.warning("A broadcast message was refused: %s", error)
                await self.store.broadcasts.mark_undelivered(delivery, "failed", error.message)
            else:
                await self.store.broadcasts.mark_sent(delivery, self.clock.now(), sent.message_id)
        finally:
            self._in_flight.release()

    async def _retry_after_failure(self, delivery: Delivery, error: str) -> None:
        """Telegram failed without taking the message: try again later, with growing pauses."""
        if delivery.attempts >= GIVE_UP_AFTER:
            await self.store.broadcasts.mark_undelivered(delivery, "failed", error)
            return
        pause = timedelta(seconds=min(2**delivery.attempts, 300))
        await self.store.broadcasts.retry_later(delivery, self.clock.now() + pause, error)

    def _acknowledge_button(self, delivery: Delivery) -> InlineKeyboardMarkup:
        language = resolve_language(
            delivery.language, delivery.telegram_language, self.default_language
        )
        data = BroadcastAction(action="ack", broadcast=delivery.broadcast_id).pack()
        text = self.translations.get("button-broadcast-acknowledge", language)
        return InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=text, callback_data=data)]]
        )

    def _forget_old_chats(self, now: float) -> None:
        if len(self._chat_last) > 10_000:
            self._chat_last = {
                chat: at for chat, at in self._chat_last.items() if now - at < CHAT_GAP
            }

    # ------------------------------------------------------------------ the author's view

    async def _progress_now_and_then(self, broadcast_id: int) -> None:
        now = asyncio.get_running_loop().time()
        if now - self._progress_shown.get(broadcast_id, 0.0) >= PROGRESS_EVERY:
            await self.show_progress(broadcast_id)

    async def show_progress(self, broadcast_id: int, *, paced: bool = True) -> None:
        """Send or edit the author's progress message: figures while sending, a summary when
        done or stopped. Telegram refusing the edit never stops the broadcast."""
        self._progress_shown[broadcast_id] = asyncio.get_running_loop().time()
        broadcast = await self.store.broadcasts.get(broadcast_id)
        if broadcast is None:
            return
        author = await self.store.users.by_id(broadcast.author_user_id)
        if author is None:
            return
        language = resolve_language(
            author.language, author.telegram_language, self.default_language
        )
        progress = await self.store.broadcasts.progress(broadcast_id)
        text = self.progress_text(broadcast, progress, language)
        markup = self._stop_button(broadcast, language)
        for _attempt in range(3):
            try:
                await self._put_progress(broadcast, author.telegram_id, text, markup, paced)
            except TelegramRetryAfter as error:
                await asyncio.sleep(error.retry_after)
                continue
            except TelegramBadRequest as error:
                if "not modified" not in error.message:
                    log.warning(
                        "The progress of broadcast %s was not shown: %s", broadcast_id, error
                    )
            except TelegramAPIError as error:
                log.warning("The progress of broadcast %s was not shown: %s", broadcast_id, error)
            break
        if broadcast.status != "sending":
            self._progress_shown.pop(broadcast_id, None)

    async def _put_progress(
        self,
        broadcast: Broadcast,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        paced: bool,
    ) -> None:
        answered = await self.pacer.turn() if paced else None
        try:
            if broadcast.progress_message_id is None:
                message = await self.bot.send_message(chat_id, text, reply_markup=markup)
            else:
                await self.bot.edit_message_text(
                    text,
                    chat_id=broadcast.progress_chat_id,
                    message_id=broadcast.progress_message_id,
                    reply_markup=markup,
                )
                return
        finally:
            if answered is not None:
                answered()
        await self.store.broadcasts.set_progress_message(broadcast.id, chat_id, message.message_id)

    def _stop_button(self, broadcast: Broadcast, language: Language) -> InlineKeyboardMarkup | None:
        if broadcast.status not in ("scheduled", "sending"):
            return None
        data = BroadcastAction(action="stop", broadcast=broadcast.id).pack()
        text = self.translations.get("button-broadcast-stop", language)
        return InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=text, callback_data=data)]]
        )

    def progress_text(self, broadcast: Broadcast, progress: Progress, language: Language) -> str:
        fields: dict[str, Any] = {
            "number": broadcast.id,
            "total": progress.recipients,
            "sent": progress.delivered,
            "blocked": progress.blocked,
            "failed": progress.failed + progress.skipped,
            "left": progress.left,
            "acknowledged": progress.acknowledged,
        }
        if broadcast.status == "scheduled":
            return self.translations.get(
                "broadcast-progress-scheduled",
                language,
                at=moment(broadcast.send_at, self.zone),
                **fields,
            )
        if broadcast.status == "sending":
            seconds = int(progress.left * self.pacer.interval) + 1
            eta = f"{seconds // 60}:{seconds % 60:02d}"
            return self.translations.get("broadcast-progress-sending", language, eta=eta, **fields)
        key = (
            "broadcast-progress-done"
            if broadcast.status == "done"
            else "broadcast-progress-stopped"
        )
        return self.translations.get(key, language, cancelled=progress.cancelled, **fields)
