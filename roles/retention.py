"""Retention: a tip closed long ago keeps its numbers and loses its words.

Its description, address and place, the thread, the handlers' notes, the follow-up comment and
the evidence file ids are removed; category, region, body concerned, dates and statuses stay for
statistics. Old daily tip counters and failed receipt and invitation codes are deleted.
Violations recorded by commissars are not tips' words and are kept with their
evidence hashes (they back appeals)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from db.store import Store
from roles.clock import Clock

CLOSED_FOR_GOOD = ("resolved", "unfounded", "withdrawn", "answered")
BATCH = 500
COUNTERS_KEPT = timedelta(days=2)


@dataclass(frozen=True)
class Purged:
    tips: int
    files: int


async def purge_expired(store: Store, keep: timedelta, clock: Clock) -> Purged:
    """Purge every tip closed more than `keep` ago, a batch per transaction, each audited."""
    now = clock.now()
    closed_before = now - keep
    tips = files = 0
    while True:
        async with store.transaction() as tx:
            batch_tips, batch_files = await tx.tips.purge_closed(
                closed_before, CLOSED_FOR_GOOD, now, BATCH
            )
            if batch_tips:
                await tx.audit.write(
                    actor_kind="system",
                    actor_user_id=None,
                    action="retention.purged",
                    object_type="tip",
                    details={
                        "tips": batch_tips,
                        "files": batch_files,
                        "closed_before": closed_before.isoformat(),
                    },
                    at=now,
                )
        tips += batch_tips
        files += batch_files
        if batch_tips < BATCH:
            break
    await store.tips.forget_counters((now - COUNTERS_KEPT).date(), now - COUNTERS_KEPT)
    await store.invites.forget_failures(now - COUNTERS_KEPT)
    return Purged(tips, files)
