"""Metrics for Prometheus, served at `GET /metrics` by the bot's web server.

Each `BotApp` has its own registry (tests run several in one process). Updates are counted by an
outer middleware; the queues are counted in the store when Prometheus scrapes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

from bot.middlewares import OUTCOME, Handler
from db.backlog import BacklogSnapshot
from db.store import Store
from roles.clock import Clock
from roles.errors import DomainError

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

HANDLED, UNANSWERED, REFUSED, ERROR = "handled", "unhandled", "refused", "error"
"""Outcomes of an update that went through; the middlewares name those they stop (`OUTCOME`):
ignored (not a private chat), blocked (a blocked account), dropped (the flood guard)."""

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class BacklogCollector(Collector):
    """The queues as the store counted them at the last scrape (none when it did not answer)."""

    def __init__(self) -> None:
        self.snapshot: BacklogSnapshot | None = None

    def collect(self) -> Iterator[Metric]:
        snapshot = self.snapshot
        if snapshot is None:
            return
        outbox = GaugeMetricFamily(
            "acf_outbox_messages",
            "Messages in the outbox not yet sent: due now, or waiting for their time",
            labels=["state"],
        )
        outbox.add_metric(["due"], snapshot.outbox_due)
        outbox.add_metric(["waiting"], snapshot.outbox_waiting)
        yield outbox
        yield GaugeMetricFamily(
            "acf_reminders_due",
            "Reminders whose time has come, not yet swept",
            snapshot.reminders_due,
        )
        yield GaugeMetricFamily(
            "acf_tips_unassigned", "Tips waiting in a region's queue", snapshot.tips_unassigned
        )
        broadcasts = GaugeMetricFamily(
            "acf_broadcasts", "Broadcasts scheduled or being sent", labels=["status"]
        )
        for status, count in snapshot.broadcasts.items():
            broadcasts.add_metric([status], count)
        yield broadcasts
        recipients = GaugeMetricFamily(
            "acf_broadcast_recipients",
            "Recipients of each broadcast being sent",
            labels=["broadcast"],
        )
        deliveries = GaugeMetricFamily(
            "acf_broadcast_deliveries",
            "Deliveries of each broadcast being sent, by state",
            labels=["broadcast", "state"],
        )
        for progress in snapshot.sending:
            recipients.add_metric([str(progress.broadcast_id)], progress.recipients)
            for state, count in progress.deliveries.items():
                deliveries.add_metric([str(progress.broadcast_id), state], count)
        yield recipients
        yield deliveries


class BotMetrics:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        self.updates = Counter(
            "acf_updates",
            "Updates from Telegram, by type and outcome",
            ["type", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "acf_update_seconds",
            "Time to handle an update, from the bot's first middleware to the end",
            ["type"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "acf_updates_in_flight", "Updates being handled now", registry=self.registry
        )
        self.store_up = Gauge(
            "acf_store_up", "1 when the store answered this scrape, else 0", registry=self.registry
        )
        self.backlog = BacklogCollector()
        self.registry.register(self.backlog)
        self._scrape = asyncio.Lock()

    async def exposition(self) -> bytes:
        """The text format, with the queues counted now."""
        async with self._scrape:
            try:
                async with asyncio.timeout(5):
                    self.backlog.snapshot = await self.store.backlog.snapshot(self.clock.now())
                self.store_up.set(1)
            except Exception:  # any failure of the store: report it, keep serving metrics
                self.backlog.snapshot = None
                self.store_up.set(0)
            return generate_latest(self.registry)

    def middleware(self) -> UpdateMetrics:
        return UpdateMetrics(self)


def update_type(event: TelegramObject) -> str:
    if not isinstance(event, Update):
        return type(event).__name__.lower()
    try:
        return event.event_type
    except UpdateTypeLookupError:
        return "unknown"


class UpdateMetrics(BaseMiddleware):
    """Counts each update with its outcome and times it. Registered first among the bot's outer
    middlewares, so it sees the others stop an update (they write `OUTCOME`) and the errors
    before aiogram's error middleware turns them into answers."""

    def __init__(self, metrics: BotMetrics) -> None:
        self.metrics = metrics

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        kind = update_type(event)
        outcome = HANDLED
        started = time.perf_counter()
        self.metrics.in_flight.inc()
        try:
            result = await handler(event, data)
            if result is UNHANDLED:
                outcome = UNANSWERED
            return result
        except DomainError:
            outcome = REFUSED
            raise
        except Exception:
            outcome = ERROR
            raise
        finally:
            self.metrics.in_flight.dec()
            self.metrics.latency.labels(kind).observe(time.perf_counter() - started)
            self.metrics.updates.labels(kind, data.get(OUTCOME, outcome)).inc()
