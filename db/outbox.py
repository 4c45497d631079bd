"""The outbox: messages to people, written in the transaction that caused them. A row is claimed
under a row lock and committed as being sent by this process before its request leaves; then it
is marked sent, dropped, due again later, or unconfirmed (it may or may not have arrived)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from db.executor import Executor
from db.locks import instance_alive

OUTBOX_CHANNEL = "acf_outbox"
"""NOTIFY channel that wakes the sender when a message is put in the outbox."""


@dataclass(frozen=True)
class OutgoingMessage:
    id: int
    user_id: int | None
    telegram_id: int
    language: str | None
    telegram_language: str | None
    kind: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


class Outbox:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def put(
        self,
        user_id: int,
        kind: str,
        payload: dict[str, Any],
        at: datetime,
        *,
        not_before: datetime | None = None,
    ) -> None:
        """Queue a message; the sender is woken when the transaction commits."""
        await self._db.execute(
            "INSERT INTO outbox (user_id, kind, payload, created_at, not_before) "
            "VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, $4))",
            user_id,
            kind,
            payload,
            at,
            not_before,
        )
        await self._db.execute("SELECT pg_notify($1, '')", OUTBOX_CHANNEL)

    async def put_to_chat(
        self, chat_id: int, kind: str, payload: dict[str, Any], at: datetime
    ) -> None:
        """Queue a post to a chat that is not a person (the outcomes channel)."""
        await self._db.execute(
            "INSERT INTO outbox (chat_id, kind, payload, created_at, not_before) "
            "VALUES ($1, $2, $3, $4, $4)",
            chat_id,
            kind,
            payload,
            at,
        )
        await self._db.execute("SELECT pg_notify($1, '')", OUTBOX_CHANNEL)

    async def claim_due(self, now: datetime, limit: int) -> list[OutgoingMessage]:
        """Lock up to `limit` due messages for this transaction (others skip them)."""
        records = await self._db.fetch(
            """
            SELECT o.id, o.user_id, coalesce(u.telegram_id, o.chat_id) AS telegram_id,
                   u.language, u.telegram_language, o.kind, o.payload, o.attempts, o.created_at
            FROM outbox o LEFT JOIN users u ON u.id = o.user_id
            WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND o.unconfirmed_at IS NULL
              AND o.sending_since IS NULL AND o.not_before <= $1
            ORDER BY o.not_before, o.id
            LIMIT $2
            FOR UPDATE OF o SKIP LOCKED
            """,
            now,
            limit,
        )
        return [OutgoingMessage(**dict(record)) for record in records]

    async def start_sending(self, message_id: int, instance: int, at: datetime) -> None:
        """The row is being sent by process `instance` (committed before the request leaves)."""
        await self._db.execute(
            "UPDATE outbox SET sending_since = $2, sending_instance = $3 WHERE id = $1",
            message_id,
            at,
            instance,
        )

    async def mark_unconfirmed(self, message_id: int, at: datetime, reason: str) -> None:
        """The request may have reached Telegram: not sent again (no idempotent send)."""
        await self._db.execute(
            "UPDATE outbox SET unconfirmed_at = $2, last_error = $3, attempts = attempts + 1 "
            "WHERE id = $1 AND sent_at IS NULL",
            message_id,
            at,
            reason[:500],
        )

    async def settle_abandoned(self, instance: int, at: datetime) -> int:
        """Rows left being sent by processes that died: unconfirmed, never sent twice."""
        settled: int = await self._db.fetchval(
            f"""
            WITH settled AS (
                UPDATE outbox o SET unconfirmed_at = $2, attempts = o.attempts + 1,
                       last_error = 'the sending process stopped while sending it'
                WHERE o.sending_since IS NOT NULL AND o.sent_at IS NULL
                  AND o.failed_at IS NULL AND o.unconfirmed_at IS NULL
                  AND o.sending_instance <> $1 AND NOT {instance_alive("o.sending_instance")}
                RETURNING 1
            )
            SELECT count(*) FROM settled
            """,
            instance,
            at,
        )
        return settled

    async def mark_sent(self, message_id: int, at: datetime) -> None:
        await self._db.execute(
            "UPDATE outbox SET sent_at = $2, unconfirmed_at = NULL, attempts = attempts + 1 "
            "WHERE id = $1",
            message_id,
            at,
        )

    async def mark_dropped(self, message_id: int, at: datetime, reason: str) -> None:
        """Not sent, on purpose or for good (the person blocked the bot, the message is moot)."""
        await self._db.execute(
            "UPDATE outbox SET failed_at = $2, last_error = $3, attempts = attempts + 1 "
            "WHERE id = $1",
            message_id,
            at,
            reason[:500],
        )

    async def retry_later(self, message_id: int, not_before: datetime, reason: str) -> None:
        await self._db.execute(
            "UPDATE outbox SET not_before = $2, last_error = $3, attempts = attempts + 1, "
            "sending_since = NULL, sending_instance = NULL WHERE id = $1",
            message_id,
            not_before,
            reason[:500],
        )
