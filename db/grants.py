"""Queries about role grants: who holds which volunteer role, where, since when and from whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor


@dataclass(frozen=True)
class Grant:
    id: int
    user_id: int
    role: str
    region_code: str | None
    granted_at: datetime
    granted_via: str


@dataclass(frozen=True)
class StaffEntry:
    telegram_id: int
    first_name: str | None
    last_name: str | None
    username: str | None
    role: str
    region_code: str | None
    granted_at: datetime
    user_id: int | None = None


_GRANT_COLUMNS = "id, user_id, role, region_code, granted_at, granted_via"


class RoleGrants:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add(
        self,
        user_id: int,
        role: str,
        region_code: str | None,
        *,
        granted_by: int | None,
        via: str,
    ) -> Grant | None:
        """Grant the role; None when the person already holds it there."""
        record = await self._db.fetchrow(
            f"""
            INSERT INTO role_grants (user_id, role, region_code, granted_by, granted_via)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (user_id, role, coalesce(region_code, '')) WHERE revoked_at IS NULL
            DO NOTHING
            RETURNING {_GRANT_COLUMNS}
            """,
            user_id,
            role,
            region_code,
            granted_by,
            via,
        )
        return Grant(**dict(record)) if record else None

    async def revoke(
        self,
        user_id: int,
        role: str,
        region_code: str | None,
        *,
        revoked_by: int | None,
        via: str,
    ) -> list[Grant]:
        """Revoke the role in that region, or everywhere when `region_code` is None."""
        records = await self._db.fetch(
            f"""
            UPDATE role_grants
            SET revoked_at = now(), revoked_by = $4, revoked_via = $5
            WHERE user_id = $1 AND role = $2 AND revoked_at IS NULL
              AND ($3::text IS NULL OR region_code = $3)
            RETURNING {_GRANT_COLUMNS}
            """,
            user_id,
            role,
            region_code,
            revoked_by,
            via,
        )
        return [Grant(**dict(record)) for record in records]

    async def active(self, user_id: int) -> list[Grant]:
        records = await self._db.fetch(
            f"SELECT {_GRANT_COLUMNS} FROM role_grants "
            "WHERE user_id = $1 AND revoked_at IS NULL ORDER BY role, region_code",
            user_id,
        )
        return [Grant(**dict(record)) for record in records]

    async def staff(self, limit: int = 200) -> list[StaffEntry]:
        """Everyone holding a volunteer role, by role, region and name."""
        records = await self._db.fetch(
            """
            SELECT u.telegram_id, u.first_name, u.last_name, u.username,
                   g.role, g.region_code, g.granted_at
            FROM role_grants g JOIN users u ON u.id = g.user_id
            WHERE g.revoked_at IS NULL
            ORDER BY g.role, g.region_code NULLS FIRST, u.first_name, u.telegram_id
            LIMIT $1
            """,
            limit,
        )
        return [StaffEntry(**dict(record)) for record in records]

    async def holders(self, role: str, region_code: str | None) -> list[StaffEntry]:
        """Who holds `role` for this region: grants for the region and nationwide ones
        (`region_code` None: every holder), by name."""
        records = await self._db.fetch(
            """
            SELECT DISTINCT ON (u.id) u.id AS user_id, u.telegram_id, u.first_name, u.last_name,
                   u.username, g.role, g.region_code, g.granted_at
            FROM role_grants g JOIN users u ON u.id = g.user_id
            WHERE g.revoked_at IS NULL AND g.role = $1 AND NOT u.blocked
              AND ($2::text IS NULL OR g.region_code IS NULL OR g.region_code = $2)
            ORDER BY u.id
            """,
            role,
            region_code,
        )
        return [StaffEntry(**dict(record)) for record in records]
