"""Queries about invitations into a role: created, listed, opened, revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor


@dataclass(frozen=True)
class InviteRow:
    id: int
    role: str
    region_code: str | None
    max_uses: int
    uses_left: int
    expires_at: datetime
    created_by: int
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class ActiveInvite(InviteRow):
    """An invitation as /invites lists it, with the names of the coordinator who made it."""

    creator_telegram_id: int
    creator_first_name: str | None
    creator_last_name: str | None
    creator_username: str | None


_INVITE_COLUMNS = (
    "id, role, region_code, max_uses, uses_left, expires_at, created_by, created_at, revoked_at"
)


class Invites:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add(
        self,
        code_hash: bytes,
        role: str,
        region_code: str | None,
        uses: int,
        expires_at: datetime,
        created_by: int,
        now: datetime,
    ) -> InviteRow:
        record = await self._db.fetchrow(
            f"""
            INSERT INTO invites (code_hash, role, region_code, max_uses, uses_left, expires_at,
                                 created_by, created_at)
            VALUES ($1, $2, $3, $4, $4, $5, $6, $7)
            RETURNING {_INVITE_COLUMNS}
            """,
            code_hash,
            role,
            region_code,
            uses,
            expires_at,
            created_by,
            now,
        )
        assert record is not None
        return InviteRow(**dict(record))

    async def lock_by_hash(self, code_hash: bytes) -> InviteRow | None:
        """The invitation with this code, locked until the transaction ends, so that two people
        opening its last use one after the other see the count the first one left."""
        record = await self._db.fetchrow(
            f"SELECT {_INVITE_COLUMNS} FROM invites WHERE code_hash = $1 FOR UPDATE", code_hash
        )
        return InviteRow(**dict(record)) if record else None

    async def by_id(self, invite_id: int) -> InviteRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_INVITE_COLUMNS} FROM invites WHERE id = $1", invite_id
        )
        return InviteRow(**dict(record)) if record else None

    async def redeem(self, invite_id: int, user_id: int, now: datetime) -> bool:
        """Count one use by this person; False when they have opened it before."""
        added = await self._db.fetchval(
            """
            INSERT INTO invite_redemptions (invite_id, user_id, at) VALUES ($1, $2, $3)
            ON CONFLICT DO NOTHING RETURNING true
            """,
            invite_id,
            user_id,
            now,
        )
        if not added:
            return False
        await self._db.execute(
            "UPDATE invites SET uses_left = uses_left - 1 WHERE id = $1 AND uses_left > 0",
            invite_id,
        )
        return True

    async def active(
        self, now: datetime, regions: tuple[str, ...] | None, limit: int = 50
    ) -> list[ActiveInvite]:
        """Invitations that still open, newest first; only those of `regions` unless None."""
        records = await self._db.fetch(
            """
            SELECT i.id, i.role, i.region_code, i.max_uses, i.uses_left, i.expires_at,
                   i.created_by, i.created_at, i.revoked_at,
                   u.telegram_id AS creator_telegram_id, u.first_name AS creator_first_name,
                   u.last_name AS creator_last_name, u.username AS creator_username
            FROM invites i JOIN users u ON u.id = i.created_by
            WHERE i.revoked_at IS NULL AND i.uses_left > 0 AND i.expires_at > $1
              AND ($2::text[] IS NULL OR i.region_code = ANY($2))
            ORDER BY i.id DESC LIMIT $3
            """,
            now,
            list(regions) if regions is not None else None,
            limit,
        )
        return [ActiveInvite(**dict(record)) for record in records]

    async def revoke(self, invite_id: int, revoked_by: int, now: datetime) -> bool:
        """Stop the invitation; False when it was already revoked."""
        revoked = await self._db.fetchval(
            """
            UPDATE invites SET revoked_at = $3, revoked_by = $2
            WHERE id = $1 AND revoked_at IS NULL RETURNING true
            """,
            invite_id,
            revoked_by,
            now,
        )
        return bool(revoked)

    async def failures_since(self, user_id: int, since: datetime) -> list[datetime]:
        records = await self._db.fetch(
            "SELECT at FROM invite_failures WHERE user_id = $1 AND at >= $2 ORDER BY at",
            user_id,
            since,
        )
        return [record["at"] for record in records]

    async def add_failure(self, user_id: int, at: datetime) -> None:
        await self._db.execute(
            "INSERT INTO invite_failures (user_id, at) VALUES ($1, $2)", user_id, at
        )

    async def forget_failures(self, before: datetime) -> None:
        """Old failed invitation codes no longer count against anyone."""
        await self._db.execute("DELETE FROM invite_failures WHERE at < $1", before)
