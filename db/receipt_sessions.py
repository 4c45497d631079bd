"""Receipt sessions shared by several instances: rows that name neither the account nor the tip
(`roles.receipts.SealedReceiptSessions` makes the keys and seals the tip's number)."""

from __future__ import annotations

from datetime import datetime

from db.executor import Executor


class ReceiptSessionRows:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def put(
        self, account_key: bytes, nonce: bytes, sealed_tip: bytes, expires_at: datetime
    ) -> None:
        await self._db.execute(
            """
            INSERT INTO receipt_sessions (account_key, nonce, sealed_tip, expires_at)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (account_key) DO UPDATE
                SET nonce = excluded.nonce, sealed_tip = excluded.sealed_tip,
                    expires_at = excluded.expires_at
            """,
            account_key,
            nonce,
            sealed_tip,
            expires_at,
        )

    async def get(self, account_key: bytes, now: datetime) -> tuple[bytes, bytes] | None:
        """The nonce and the sealed tip of a session still open at `now`."""
        record = await self._db.fetchrow(
            "SELECT nonce, sealed_tip FROM receipt_sessions "
            "WHERE account_key = $1 AND expires_at > $2",
            account_key,
            now,
        )
        return (bytes(record["nonce"]), bytes(record["sealed_tip"])) if record else None

    async def forget_expired(self, now: datetime) -> int:
        deleted: str = await self._db.execute(
            "DELETE FROM receipt_sessions WHERE expires_at <= $1", now
        )
        return int(deleted.split()[-1])
