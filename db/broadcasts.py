"""Broadcasts and their per-recipient outbox.

A delivery row moves pending → in_flight (committed before the message is sent) → sent, blocked
or failed; a 429 or a passing failure puts it back to pending for later. A row found in flight
when a sender starts was interrupted by a crash: it becomes 'unconfirmed' and is never sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor

BROADCAST_CHANNEL = "acf_broadcasts"
"""NOTIFY channel that wakes the broadcast sender when a broadcast is confirmed or cancelled."""

_AUDIENCE = """
    SELECT u.id FROM users u
    WHERE $1::text IS NULL AND u.subscribed AND NOT u.blocked AND NOT u.unreachable
      AND ($2::text IS NULL OR u.subscription_region = $2
           OR (u.subscription_region IS NULL AND u.region_code = $2))
      AND u.id <> $3
    UNION
    SELECT u.id FROM role_grants g JOIN users u ON u.id = g.user_id
    WHERE $1::text IS NOT NULL AND g.role = $1 AND g.revoked_at IS NULL
      AND NOT u.blocked AND NOT u.unreachable
      AND ($2::text IS NULL OR g.region_code IS NULL OR g.region_code = $2)
      AND u.id <> $3
"""
"""Who an audience is: subscribers (of a region: its subscribers, and nationwide subscribers who
live there) when no role is given, else the holders of the role (in a region: there or
nationwide). Blocked and unreachable accounts and the author are left out."""


@dataclass(frozen=True)
class Broadcast:
    id: int
    author_user_id: int
    source_chat_id: int
    source_message_id: int
    content_kind: str
    audience_role: str | None
    audience_region: str | None
    with_acknowledge: bool
    status: str
    created_at: datetime
    send_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    recipients: int
    progress_chat_id: int | None
    progress_message_id: int | None


@dataclass(frozen=True)
class Progress:
    recipients: int
    pending: int
    in_flight: int
    sent: int
    unconfirmed: int
    blocked: int
    failed: int
    skipped: int
    cancelled: int
    acknowledged: int

    @property
    def left(self) -> int:
        return self.pending + self.in_flight

    @property
    def delivered(self) -> int:
        return self.sent + self.unconfirmed


@dataclass(frozen=True)
class Delivery:
    broadcast_id: int
    user_id: int
    telegram_id: int
    attempts: int
    source_chat_id: int
    source_message_id: int
    with_acknowledge: bool
    language: str | None
    telegram_language: str | None


_BROADCAST_COLUMNS = """
    id, author_user_id, source_chat_id, source_message_id, content_kind, audience_role,
    audience_region, with_acknowledge, status, created_at, send_at, started_at, finished_at,
    recipients, progress_chat_id, progress_message_id
"""


class Broadcasts:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def audience_size(self, role: str | None, region: str | None, author_user_id: int) -> int:
        count: int = await self._db.fetchval(
            f"SELECT count(*) FROM ({_AUDIENCE}) audience", role, region, author_user_id
        )
        return count

    async def create(
        self,
        *,
        author_user_id: int,
        source_chat_id: int,
        source_message_id: int,
        content_kind: str,
        role: str | None,
        region: str | None,
        with_acknowledge: bool,
        now: datetime,
        send_at: datetime,
    ) -> Broadcast | None:
        """The broadcast and one delivery row per recipient, in the caller's transaction; None
        when this message was already broadcast (a second press of Send)."""
        record = await self._db.fetchrow(
            f"""
            INSERT INTO broadcasts (author_user_id, source_chat_id, source_message_id,
                                    content_kind, audience_role, audience_region,
                                    with_acknowledge, status, created_at, send_at, recipients)
            VALUES ($1, $2, $3, $4, $5, $6, $7,
                    CASE WHEN $9::timestamptz > $8::timestamptz THEN 'scheduled' ELSE 'sending' END,
                    $8, $9, 0)
            ON CONFLICT (author_user_id, source_chat_id, source_message_id) DO NOTHING
            RETURNING {_BROADCAST_COLUMNS}
            """,
            author_user_id,
            source_chat_id,
            source_message_id,
            content_kind,
            role,
            region,
            with_acknowledge,
            now,
            send_at,
        )
        if record is None:
            return None
        broadcast_id = record["id"]
        recipients: int = await self._db.fetchval(
            f"""
            WITH added AS (
                INSERT INTO broadcast_deliveries (broadcast_id, user_id, not_before)
                SELECT $4, id, $5 FROM ({_AUDIENCE}) audience
                RETURNING 1
            )
            SELECT count(*) FROM added
            """,
            role,
            region,
            author_user_id,
            broadcast_id,
            send_at,
        )
        record = await self._db.fetchrow(
            f"UPDATE broadcasts SET recipients = $2, "
            f"started_at = CASE WHEN status = 'sending' THEN created_at END "
            f"WHERE id = $1 RETURNING {_BROADCAST_COLUMNS}",
            broadcast_id,
            recipients,
        )
        assert record is not None
        await self._db.execute("SELECT pg_notify($1, '')", BROADCAST_CHANNEL)
        return Broadcast(**dict(record))

    async def get(self, broadcast_id: int) -> Broadcast | None:
        record = await self._db.fetchrow(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts WHERE id = $1", broadcast_id
        )
        return Broadcast(**dict(record)) if record else None

    async def recent(self, author_user_id: int | None, limit: int) -> list[Broadcast]:
        """The newest broadcasts, of one author or of everyone."""
        records = await self._db.fetch(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts "
            f"WHERE $1::bigint IS NULL OR author_user_id = $1 "
            f"ORDER BY created_at DESC, id DESC LIMIT $2",
            author_user_id,
            limit,
        )
        return [Broadcast(**dict(record)) for record in records]

    async def set_progress_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        await self._db.execute(
            "UPDATE broadcasts SET progress_chat_id = $2, progress_message_id = $3 WHERE id = $1",
            broadcast_id,
            chat_id,
            message_id,
        )

    async def cancel(self, broadcast_id: int, now: datetime) -> bool:
        """Stop a broadcast that has not finished; its rows not yet sent are cancelled."""
        cancelled = await self._db.fetchval(
            "UPDATE broadcasts SET status = 'cancelled', cancelled_at = $2, finished_at = $2 "
            "WHERE id = $1 AND status IN ('scheduled', 'sending') RETURNING true",
            broadcast_id,
            now,
        )
        if not cancelled:
            return False
        await self._db.execute(
            "UPDATE broadcast_deliveries SET state = 'cancelled' "
            "WHERE broadcast_id = $1 AND state = 'pending'",
            broadcast_id,
        )
        await self._db.execute("SELECT pg_notify($1, '')", BROADCAST_CHANNEL)
        return True

    async def progress(self, broadcast_id: int) -> Progress:
        record = await self._db.fetchrow(
            """
            SELECT b.recipients,
                   count(*) FILTER (WHERE d.state = 'pending') AS pending,
                   count(*) FILTER (WHERE d.state = 'in_flight') AS in_flight,
                   count(*) FILTER (WHERE d.state = 'sent') AS sent,
                   count(*) FILTER (WHERE d.state = 'unconfirmed') AS unconfirmed,
                   count(*) FILTER (WHERE d.state = 'blocked') AS blocked,
                   count(*) FILTER (WHERE d.state = 'failed') AS failed,
                   count(*) FILTER (WHERE d.state = 'skipped') AS skipped,
                   count(*) FILTER (WHERE d.state = 'cancelled') AS cancelled,
                   count(d.acknowledged_at) AS acknowledged
            FROM broadcasts b LEFT JOIN broadcast_deliveries d ON d.broadcast_id = b.id
            WHERE b.id = $1
            GROUP BY b.recipients
            """,
            broadcast_id,
        )
        assert record is not None
        return Progress(**dict(record))

    async def acknowledge(self, broadcast_id: int, user_id: int, at: datetime) -> bool | None:
        """True when recorded now, False when already acknowledged, None when this person was
        not sent this broadcast."""
        record = await self._db.fetchrow(
            """
            UPDATE broadcast_deliveries d
            SET acknowledged_at = coalesce(d.acknowledged_at, $3)
            FROM broadcast_deliveries before, broadcasts b
            WHERE d.broadcast_id = $1 AND d.user_id = $2
              AND before.broadcast_id = d.broadcast_id AND before.user_id = d.user_id
              AND b.id = d.broadcast_id AND b.with_acknowledge
              AND d.state IN ('sent', 'unconfirmed', 'in_flight')
            RETURNING before.acknowledged_at IS NULL AS fresh
            """,
            broadcast_id,
            user_id,
            at,
        )
        return None if record is None else bool(record["fresh"])

    # ------------------------------------------------------------------ the sender's side

    async def settle_interrupted(self) -> int:
        """Rows left in flight by a sender that died: they may have been sent, so they are
        never sent again. Only the sender holding the lock calls this, before it sends."""
        result = await self._db.execute(
            "UPDATE broadcast_deliveries SET state = 'unconfirmed', "
            "last_error = 'interrupted while sending' WHERE state = 'in_flight'"
        )
        return int(result.split()[-1])

    async def start_due(self, now: datetime) -> list[Broadcast]:
        """Scheduled broadcasts whose time has come start sending; recipients who since blocked
        the bot, were blocked, left the subscribers or lost the role are skipped."""
        records = await self._db.fetch(
            f"UPDATE broadcasts SET status = 'sending', started_at = $1 "
            f"WHERE status = 'scheduled' AND send_at <= $1 RETURNING {_BROADCAST_COLUMNS}",
            now,
        )
        started = [Broadcast(**dict(record)) for record in records]
        for broadcast in started:
            await self._db.execute(
                """
                UPDATE broadcast_deliveries d SET state = 'skipped'
                FROM users u
                WHERE d.broadcast_id = $1 AND d.state = 'pending' AND u.id = d.user_id
                  AND (u.blocked OR u.unreachable OR ($2::text IS NULL AND NOT u.subscribed)
                       OR ($2::text IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM role_grants g
                           WHERE g.user_id = u.id AND g.role = $2 AND g.revoked_at IS NULL
                             AND ($3::text IS NULL OR g.region_code IS NULL
                                  OR g.region_code = $3))))
                """,
                broadcast.id,
                broadcast.audience_role,
                broadcast.audience_region,
            )
        return started

    async def next_batch(self, now: datetime, limit: int) -> list[Delivery]:
        records = await self._db.fetch(
            """
            SELECT d.broadcast_id, d.user_id, u.telegram_id, d.attempts, d.source_chat_id,
                   d.source_message_id, d.with_acknowledge, u.language, u.telegram_language
            FROM (
                SELECT d.broadcast_id, d.user_id, d.attempts, d.not_before, b.source_chat_id,
                       b.source_message_id, b.with_acknowledge
                FROM broadcasts b
                JOIN broadcast_deliveries d ON d.broadcast_id = b.id
                WHERE b.status = 'sending' AND d.state = 'pending' AND d.not_before <= $1
                ORDER BY b.id, d.not_before, d.user_id
                LIMIT $2
            ) d
            JOIN users u ON u.id = d.user_id
            ORDER BY d.broadcast_id, d.not_before, d.user_id
            """,
            now,
            limit,
        )
        return [Delivery(**dict(record)) for record in records]

    async def take(self, delivery: Delivery) -> bool:
        """Mark a row in flight; False when it is no longer pending (cancelled, taken)."""
        taken = await self._db.fetchval(
            """
            UPDATE broadcast_deliveries d SET state = 'in_flight', attempts = d.attempts + 1
            FROM broadcasts b
            WHERE d.broadcast_id = $1 AND d.user_id = $2 AND d.state = 'pending'
              AND b.id = d.broadcast_id AND b.status = 'sending'
            RETURNING true
            """,
            delivery.broadcast_id,
            delivery.user_id,
        )
        return bool(taken)

    async def postpone(self, delivery: Delivery, not_before: datetime) -> None:
        """Not yet: this chat was written to less than a second ago."""
        await self._db.execute(
            "UPDATE broadcast_deliveries SET not_before = $3 "
            "WHERE broadcast_id = $1 AND user_id = $2 AND state = 'pending'",
            delivery.broadcast_id,
            delivery.user_id,
            not_before,
        )

    async def mark_sent(self, delivery: Delivery, at: datetime, message_id: int) -> None:
        await self._db.execute(
            "UPDATE broadcast_deliveries SET state = 'sent', sent_at = $3, message_id = $4 "
            "WHERE broadcast_id = $1 AND user_id = $2",
            delivery.broadcast_id,
            delivery.user_id,
            at,
            message_id,
        )

    async def mark_undelivered(self, delivery: Delivery, state: str, error: str) -> None:
        """'blocked' (the person blocked the bot), 'failed' (refused for good) or 'unconfirmed'
        (the request may have reached Telegram: it is not sent again)."""
        await self._db.execute(
            "UPDATE broadcast_deliveries SET state = $3, last_error = $4 "
            "WHERE broadcast_id = $1 AND user_id = $2",
            delivery.broadcast_id,
            delivery.user_id,
            state,
            error[:500],
        )

    async def retry_later(self, delivery: Delivery, not_before: datetime, error: str) -> None:
        """Back to pending: the Bot API refused it for now (429, 5xx, no connection); cancelled
        when the broadcast was stopped meanwhile."""
        await self._db.execute(
            """
            UPDATE broadcast_deliveries d
            SET state = CASE WHEN b.status = 'cancelled' THEN 'cancelled' ELSE 'pending' END,
                not_before = $3, last_error = $4
            FROM broadcasts b
            WHERE d.broadcast_id = $1 AND d.user_id = $2 AND d.state = 'in_flight'
              AND b.id = d.broadcast_id
            """,
            delivery.broadcast_id,
            delivery.user_id,
            not_before,
            error[:500],
        )

    async def finish_complete(self, now: datetime) -> list[Broadcast]:
        """Broadcasts with nothing left to send are done."""
        records = await self._db.fetch(
            f"""
            UPDATE broadcasts b SET status = 'done', finished_at = $1
            WHERE b.status = 'sending' AND NOT EXISTS (
                SELECT 1 FROM broadcast_deliveries d
                WHERE d.broadcast_id = b.id AND d.state IN ('pending', 'in_flight'))
            RETURNING {_BROADCAST_COLUMNS}
            """,
            now,
        )
        return [Broadcast(**dict(record)) for record in records]

    async def sending(self) -> list[Broadcast]:
        records = await self._db.fetch(
            f"SELECT {_BROADCAST_COLUMNS} FROM broadcasts WHERE status = 'sending' ORDER BY id"
        )
        return [Broadcast(**dict(record)) for record in records]
