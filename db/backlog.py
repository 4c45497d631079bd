"""What is waiting to be done, for monitoring: counted when Prometheus scrapes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor


@dataclass(frozen=True)
class BroadcastProgress:
    broadcast_id: int
    recipients: int
    deliveries: dict[str, int]
    """Deliveries by state: pending, in_flight, sent, blocked, failed, unconfirmed, ..."""


@dataclass(frozen=True)
class BacklogSnapshot:
    outbox_due: int
    """Messages to send now (not sent, not failed, `not_before` passed)."""
    outbox_waiting: int
    """Messages held until later: follow-ups, quiet hours, back-off after an error."""
    reminders_due: int
    tips_unassigned: int
    broadcasts: dict[str, int]
    """Broadcasts scheduled and sending, by status."""
    sending: list[BroadcastProgress]


class Backlog:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def snapshot(self, now: datetime) -> BacklogSnapshot:
        counts = await self._db.fetchrow(
            """
            SELECT
                (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
                    AND not_before <= $1) AS outbox_due,
                (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL
                    AND not_before > $1) AS outbox_waiting,
                (SELECT count(*) FROM reminders WHERE done_at IS NULL AND due_at <= $1)
                    AS reminders_due,
                (SELECT count(*) FROM tips WHERE status = 'new') AS tips_unassigned,
                (SELECT count(*) FROM broadcasts WHERE status = 'scheduled')
                    AS broadcasts_scheduled,
                (SELECT count(*) FROM broadcasts WHERE status = 'sending') AS broadcasts_sending
            """,
            now,
        )
        assert counts is not None
        rows = await self._db.fetch(
            """
            SELECT b.id, b.recipients, d.state, count(*) AS deliveries
            FROM broadcasts b JOIN broadcast_deliveries d ON d.broadcast_id = b.id
            WHERE b.status = 'sending'
            GROUP BY b.id, b.recipients, d.state
            ORDER BY b.id
            """
        )
        sending: dict[int, BroadcastProgress] = {}
        for row in rows:
            progress = sending.setdefault(
                row["id"], BroadcastProgress(row["id"], row["recipients"], {})
            )
            progress.deliveries[row["state"]] = row["deliveries"]
        return BacklogSnapshot(
            outbox_due=counts["outbox_due"],
            outbox_waiting=counts["outbox_waiting"],
            reminders_due=counts["reminders_due"],
            tips_unassigned=counts["tips_unassigned"],
            broadcasts={
                "scheduled": counts["broadcasts_scheduled"],
                "sending": counts["broadcasts_sending"],
            },
            sending=list(sending.values()),
        )
