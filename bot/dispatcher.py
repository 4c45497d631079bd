"""The dispatcher: one path for every update.

update -> claimed once (across instances) -> one person's updates one at a time (across instances)
       -> a redone update's conversation put back, changes held -> metrics -> private chats only
       -> the person (actor) -> their language (i18n) -> flood limit -> blocked refusal
       -> errors router, then the router tree (common, roles..., fallback)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.fsm.storage.base import BaseEventIsolation
from aiogram_i18n import I18nMiddleware

from bot.errors import build_error_router
from bot.fsm_storage import OneReadPerUpdate, PostgresStorage
from bot.i18n import PersonLanguage, Translations
from bot.isolation import PostgresEventIsolation
from bot.metrics import BotMetrics
from bot.middlewares import BlockedPeopleRefused, FloodGuard, KnownPerson, PrivateChatsOnly
from bot.settings import Settings
from bot.updates import HandledOnce
from db.store import Store
from handlers import build_root_router
from roles.clock import Clock
from roles.receipts import MemoryReceiptSessions, ReceiptSessions


def build_dispatcher(
    store: Store,
    translations: Translations,
    settings: Settings,
    clock: Clock,
    *,
    isolation: BaseEventIsolation | None = None,
    metrics: BotMetrics | None = None,
    receipt_sessions: ReceiptSessions | None = None,
    handled_once: HandledOnce | None = None,
) -> Dispatcher:
    dispatcher = Dispatcher(
        storage=PostgresStorage(store),
        events_isolation=OneReadPerUpdate(isolation or PostgresEventIsolation(store.pool)),
        disable_fsm=True,  # registered below, after the claim
        store=store,
        translations=translations,
        settings=settings,
        clock=clock,
        rules=settings.rules,
        appeal_rules=settings.appeal_rules,
        receipt_sessions=receipt_sessions or MemoryReceiptSessions(),
    )
    if handled_once is not None:  # first: a duplicate update does nothing at all
        dispatcher.update.outer_middleware(handled_once.claim_first)
    dispatcher.update.outer_middleware(dispatcher.fsm)  # one person's updates one at a time
    if handled_once is not None:
        dispatcher.update.outer_middleware(handled_once)
    dispatcher.update.outer_middleware((metrics or BotMetrics(store, clock)).middleware())
    dispatcher.update.outer_middleware(PrivateChatsOnly())
    dispatcher.update.outer_middleware(KnownPerson(store))
    I18nMiddleware(
        core=translations,
        manager=PersonLanguage(settings.default_language),
        default_locale=settings.default_language,
    ).setup(dispatcher)
    dispatcher.update.outer_middleware(FloodGuard(settings.flood_burst, settings.flood_per_minute))
    dispatcher.update.outer_middleware(BlockedPeopleRefused())
    dispatcher.include_router(build_error_router())
    dispatcher.include_router(build_root_router())
    run_filters_on_the_loop(dispatcher)
    return dispatcher


def run_filters_on_the_loop(router: Router) -> None:
    """aiogram 3.31 calls every synchronous filter (each `F.…` magic filter among them) through
    `asyncio.to_thread`: a thread hop, and a fight for the GIL, for every filter tried on the
    way to an update's handler, dozens per update in a tree of many routers. They are pure and
    take microseconds, so they run on the event loop."""
    for each in router.chain_tail:
        for observer in each.observers.values():
            for handler in (observer._handler, *observer.handlers):
                for event_filter in handler.filters or ():
                    if not event_filter.awaitable:
                        on_the_loop(event_filter)


def on_the_loop(event_filter: FilterObject) -> None:
    check: Callable[..., Any] = event_filter.callback

    async def checked_on_the_loop(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    event_filter.callback = checked_on_the_loop
    event_filter.awaitable = True
