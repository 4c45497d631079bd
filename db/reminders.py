"""Reminders: rows due at a moment, claimed by the sweep under a row lock and marked done in the
transaction that queues their messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor


@dataclass(frozen=True)
class ReminderRow:
    id: int
    kind: str
    tip_id: int | None
    user_id: int | None
    slot_id: int | None
    booking_id: int | None
    due_at: datetime
    appeal_id: int | None = None


class Reminders:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add(
        self,
        kind: str,
        due_at: datetime,
        at: datetime,
        *,
        tip_id: int | None = None,
        user_id: int | None = None,
        slot_id: int | None = None,
        booking_id: int | None = None,
        appeal_id: int | None = None,
    ) -> None:
        await self._db.execute(
            """
            INSERT INTO reminders (kind, tip_id, user_id, slot_id, booking_id, due_at, created_at,
                                   appeal_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            kind,
            tip_id,
            user_id,
            slot_id,
            booking_id,
            due_at,
            at,
            appeal_id,
        )

    async def cancel(
        self,
        at: datetime,
        *,
        tip_id: int | None = None,
        slot_id: int | None = None,
        booking_id: int | None = None,
        appeal_id: int | None = None,
    ) -> None:
        """Cancel the pending reminders of a tip, a slot, a booking or an appeal."""
        await self._db.execute(
            """
            UPDATE reminders SET done_at = $1, outcome = 'cancelled'
            WHERE done_at IS NULL
              AND (tip_id = $2 OR slot_id = $3 OR booking_id = $4 OR appeal_id = $5)
            """,
            at,
            tip_id,
            slot_id,
            booking_id,
            appeal_id,
        )

    async def claim_due(self, now: datetime, limit: int) -> list[ReminderRow]:
        """Lock up to `limit` due reminders for this transaction (other sweeps skip them)."""
        records = await self._db.fetch(
            """
            SELECT id, kind, tip_id, user_id, slot_id, booking_id, due_at, appeal_id
            FROM reminders WHERE done_at IS NULL AND due_at <= $1
            ORDER BY due_at, id LIMIT $2
            FOR UPDATE SKIP LOCKED
            """,
            now,
            limit,
        )
        return [ReminderRow(**dict(record)) for record in records]

    async def finish(self, reminder_id: int, at: datetime, outcome: str) -> None:
        await self._db.execute(
            "UPDATE reminders SET done_at = $2, outcome = $3 WHERE id = $1",
            reminder_id,
            at,
            outcome,
        )

    async def pending(
        self, *, tip_id: int | None = None, appeal_id: int | None = None
    ) -> list[ReminderRow]:
        records = await self._db.fetch(
            """
            SELECT id, kind, tip_id, user_id, slot_id, booking_id, due_at, appeal_id
            FROM reminders WHERE done_at IS NULL AND ($1::bigint IS NULL OR tip_id = $1)
              AND ($2::bigint IS NULL OR appeal_id = $2)
            ORDER BY due_at, id
            """,
            tip_id,
            appeal_id,
        )
        return [ReminderRow(**dict(record)) for record in records]
