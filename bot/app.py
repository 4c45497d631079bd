"""The running bot: a Bot API client, the dispatcher, the workers and the web server over one
store. `start()` and `stop()` are all a caller needs; the same object runs in production, in the
sandbox and in the tests."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, timedelta
from typing import Any, ClassVar
from urllib.parse import urlsplit

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import Response, TelegramMethod
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.broadcasts import BroadcastSender
from bot.dispatcher import build_dispatcher
from bot.i18n import load_translations
from bot.menus import MenuInstaller
from bot.metrics import BotMetrics
from bot.outbox import OutboxSender
from bot.retries import RetryTransient
from bot.settings import Settings, SettingsError, unusable_address
from bot.updates import (
    ChangesBeforeCalls,
    ClaimBeforeConfirming,
    ClaimingRequestHandler,
    HandledOnce,
    Liveness,
    Unclaimed,
    forget_old_claims,
    redo_abandoned,
)
from bot.web import build_web_app
from db.store import Store
from roles import analytics, reminders, retention, staff
from roles.clock import Clock, SystemClock
from roles.receipts import receipt_sessions

log = logging.getLogger(__name__)

MENU_SWEEP_SECONDS = 60
OUTBOX_SWEEP_SECONDS = 30
TIP_COUNTS_FOLD_SECONDS = 60
REMINDER_SWEEP_SECONDS = 60
ABANDONED_SWEEP_SECONDS = 60
UPDATES_IN_HAND_SECONDS = 10.0
"""How long a stopping bot waits for the updates it is handling."""
RETENTION_HOUR = 3
"""Local hour of the nightly retention job."""


def make_bot(token: str, api_base: str | None) -> Bot:
    session = (
        AiohttpSession(api=TelegramAPIServer.from_base(api_base)) if api_base else AiohttpSession()
    )
    session.middleware(KeepResponseModels())
    return Bot(
        token,
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


class KeepResponseModels(BaseRequestMiddleware):
    """aiogram reads every answer of the Bot API through `Response[result type]`, and pydantic
    keeps such generic models only while something else refers to them: without a reference
    each call built the model again (over a millisecond of CPU, a fifth of a conversation
    step). One reference per result type makes every later call a cache hit."""

    _kept: ClassVar[dict[Any, type[Response[Any]]]] = {}

    async def __call__(
        self, make_request: NextRequestMiddlewareType[Any], bot: Bot, method: TelegramMethod[Any]
    ) -> Response[Any]:
        returning = method.__returning__
        if returning not in self._kept:
            self._kept[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)


class BotApp:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        token: str,
        api_base: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock or SystemClock()
        self.bot = make_bot(token, api_base)
        self.retries = RetryTransient()
        self.bot.session.middleware(self.retries)
        # Faults and recovery (bot/updates.py): each update claimed once, none lost in a crash.
        self.liveness = Liveness(store)
        self.unclaimed = Unclaimed()
        self.bot.session.middleware(ClaimBeforeConfirming(self.unclaimed))
        self.bot.session.middleware(ChangesBeforeCalls(store))
        self.translations = load_translations(settings.default_language)
        self.menus = MenuInstaller(self.bot, store, self.translations, settings.default_language)
        self.outbox = OutboxSender(
            self.bot,
            store,
            self.translations,
            settings.default_language,
            self.clock,
            settings.zone,
            self.liveness,
        )
        self.broadcasts = BroadcastSender(
            make_bot(token, api_base),
            store,
            self.translations,
            settings.default_language,
            self.clock,
            settings.zone,
            settings.broadcast_rate,
        )
        self.rules = settings.rules
        self.metrics = BotMetrics(store, self.clock)
        secret = settings.receipt_sessions_secret
        self.receipt_sessions = receipt_sessions(
            store, secret.get_secret_value() if secret else None
        )
        self.dispatcher = build_dispatcher(
            store,
            self.translations,
            settings,
            self.clock,
            metrics=self.metrics,
            receipt_sessions=self.receipt_sessions,
            handled_once=HandledOnce(store, self.liveness, self.unclaimed),
        )
        self.dispatcher["broadcaster"] = self.broadcasts
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self.web_url = ""
        self._web: web.AppRunner | None = None
        self._webhook_handler: ClaimingRequestHandler | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._webhook_started = False

    @property
    def webhook_mode(self) -> bool:
        return self.settings.webhook_url is not None

    async def start(self) -> None:
        await self._meet_bot_api()
        await self.liveness.acquire()
        await self.menus.install_defaults()
        await self._grant_configured_coordinators()
        await self._start_web()
        if self.webhook_mode:
            await self.dispatcher.emit_startup(**self._lifecycle_data())
            self._webhook_started = True
            secret = self.settings.webhook_secret
            await self.bot.set_webhook(
                str(self.settings.webhook_url),
                secret_token=secret.get_secret_value() if secret else None,
                allowed_updates=self.dispatcher.resolve_used_update_types(),
            )
        else:
            await self.bot.delete_webhook(drop_pending_updates=False)
            self._tasks.append(
                asyncio.create_task(
                    self.dispatcher.start_polling(
                        self.bot, handle_signals=False, close_bot_session=False
                    ),
                    name="polling",
                )
            )
        self._tasks.append(asyncio.create_task(self.liveness.run(), name="liveness"))
        self._tasks.append(asyncio.create_task(self.recover_updates(), name="redo-updates"))
        self._tasks.append(asyncio.create_task(self.menus.run(), name="menu-installer"))
        self._tasks.append(asyncio.create_task(self.outbox.run(), name="outbox-sender"))
        self._tasks.append(asyncio.create_task(self.broadcasts.run(), name="broadcast-sender"))
        self.scheduler.add_job(
            self.menus.sync_pending, "interval", seconds=MENU_SWEEP_SECONDS, id="menu-sweep"
        )
        self.scheduler.add_job(
            self.outbox.sync_pending, "interval", seconds=OUTBOX_SWEEP_SECONDS, id="outbox-sweep"
        )
        self.scheduler.add_job(
            self.sweep_reminders, "interval", seconds=REMINDER_SWEEP_SECONDS, id="reminder-sweep"
        )
        self.scheduler.add_job(
            self.forget_receipt_sessions, "interval", seconds=60, id="receipt-session-sweep"
        )
        self.scheduler.add_job(
            analytics.fold_tip_counts,
            "interval",
            args=[self.store],
            seconds=TIP_COUNTS_FOLD_SECONDS,
            id="tip-counts-fold",
        )
        self.scheduler.add_job(
            self.recover_updates,
            "interval",
            seconds=ABANDONED_SWEEP_SECONDS,
            id="redo-updates",
        )
        self.scheduler.add_job(
            self.purge_expired,
            "cron",
            hour=RETENTION_HOUR,
            minute=17,
            timezone=self.settings.zone,
            id="retention",
        )
        self.scheduler.start()

    async def sweep_reminders(self) -> int:
        """Turn due reminders into outbox messages, then send what is due. The scheduler calls
        it every minute; tests call it after moving the clock."""
        handled = await reminders.sweep(self.store, self.rules, self.clock)
        await self.outbox.sync_pending()
        return handled

    async def recover_updates(self) -> None:
        """Handle again what stopped processes left unfinished; forget claims older than two
        days. At start and every minute."""
        try:
            await redo_abandoned(self.store, self.dispatcher, self.bot, self.liveness)
            await forget_old_claims(self.store)
        except Exception as error:  # the next round tries again
            log.warning("Unfinished updates not looked at: %r", error)

    async def purge_expired(self) -> retention.Purged:
        """Remove the words of tips closed longer than RETENTION_DAYS; daily, at night."""
        purged = await retention.purge_expired(
            self.store, timedelta(days=self.settings.retention_days), self.clock
        )
        if purged.tips:
            log.info("Retention: %s closed tips purged (%s files)", purged.tips, purged.files)
        return purged

    async def forget_receipt_sessions(self) -> None:
        """Delete expired receipt sessions (shared ones are rows in the store)."""
        await self.receipt_sessions.forget_expired(self.clock.now())

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.webhook_mode:
            await self._stop_web()
        else:
            with contextlib.suppress(RuntimeError):
                await self.dispatcher.stop_polling()
        await self._finish_updates_in_hand()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception as error:  # a worker cut off mid-query must not stop the shutdown
                log.warning("%s ended with %r while stopping", task.get_name(), error)
        self._tasks.clear()
        if self._webhook_started:
            await self.dispatcher.emit_shutdown(**self._lifecycle_data())
            self._webhook_started = False
        await self._stop_web()
        await self.bot.session.close()
        await self.broadcasts.bot.session.close()
        await self.liveness.release()

    async def _stop_web(self) -> None:
        if self._web is not None:
            await self._web.cleanup()
            self._web = None

    async def _finish_updates_in_hand(self) -> None:
        """Let the updates being handled finish (for a while) before the liveness lock goes:
        without it, another instance would take their claims as abandoned and handle them again.
        aiogram keeps no public list of them, hence its private sets."""
        polling = [task for task in self._tasks if task.get_name() == "polling"]
        if polling:
            await asyncio.wait(polling, timeout=UPDATES_IN_HAND_SECONDS)
        in_hand = set(self.dispatcher._handle_update_tasks)
        if self._webhook_handler is not None:
            in_hand |= self._webhook_handler._background_feed_update_tasks
        if in_hand:
            _, unfinished = await asyncio.wait(in_hand, timeout=UPDATES_IN_HAND_SECONDS)
            for task in unfinished:
                task.cancel()

    def _lifecycle_data(self) -> dict[str, object]:
        """What aiogram passes to startup and shutdown hooks (as its own webhook set-up does)."""
        return {"dispatcher": self.dispatcher, "bot": self.bot, **self.dispatcher.workflow_data}

    async def _meet_bot_api(self) -> None:
        """Wait until the Bot API server answers getMe; a refused token is a wrong setting."""
        delay = 1.0
        while True:
            try:
                me = await self.bot.get_me()
            except TelegramUnauthorizedError:
                raise SettingsError(
                    "Setting BOT_TOKEN is wrong: the Bot API server refused it."
                ) from None
            except (TelegramNetworkError, TelegramServerError) as error:
                log.warning("The Bot API server does not answer yet (%s); retrying", error)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
                continue
            log.info("Connected to the Bot API as @%s", me.username)
            return

    async def _grant_configured_coordinators(self) -> None:
        authority = staff.Authority("settings")
        for telegram_id in self.settings.coordinator_ids:
            change = await staff.grant_role(self.store, authority, telegram_id, "coordinator")
            if change.changed:
                log.info("Granted the coordinator role to %s (COORDINATOR_IDS)", telegram_id)

    async def _start_web(self) -> None:
        app = build_web_app(self.store, self.metrics)
        if self.webhook_mode:
            secret = self.settings.webhook_secret
            path = urlsplit(str(self.settings.webhook_url)).path or "/"
            self._webhook_handler = ClaimingRequestHandler(
                self.dispatcher,
                self.bot,
                self.unclaimed,
                secret_token=secret.get_secret_value() if secret else None,
            )
            self._webhook_handler.register(app, path=path)
        self._web = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._web.setup()
        site = web.TCPSite(self._web, self.settings.web_host, self.settings.web_port)
        try:
            await site.start()
        except OSError as error:
            await self._web.cleanup()
            self._web = None
            raise unusable_address(
                "WEB", self.settings.web_host, self.settings.web_port, error
            ) from None
        server = site._server
        port = server.sockets[0].getsockname()[1] if server and server.sockets else 0  # type: ignore[attr-defined]
        self.web_url = f"http://{self.settings.web_host}:{port}"
