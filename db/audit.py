"""The audit log: every privileged action, who did it, to what and when. Append-only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from db.executor import Executor


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_user_id: int | None
    actor_kind: str
    action: str
    object_type: str | None
    object_id: str | None
    details: dict[str, Any] = field(default_factory=dict)


class AuditLog:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def write(
        self,
        *,
        actor_kind: str,
        actor_user_id: int | None,
        action: str,
        object_type: str | None = None,
        object_id: str | None = None,
        details: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> None:
        await self._db.execute(
            """
            INSERT INTO audit_log (at, actor_kind, actor_user_id, action, object_type,
                                   object_id, details)
            VALUES (coalesce($1, now()), $2, $3, $4, $5, $6, $7)
            """,
            at,
            actor_kind,
            actor_user_id,
            action,
            object_type,
            object_id,
            details or {},
        )

    async def entries(
        self, *, action: str | None = None, object_id: str | None = None, limit: int = 50
    ) -> list[AuditEntry]:
        """Newest first, optionally only one action or one object."""
        records = await self._db.fetch(
            """
            SELECT id, at, actor_user_id, actor_kind, action, object_type, object_id, details
            FROM audit_log
            WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR object_id = $2)
            ORDER BY id DESC LIMIT $3
            """,
            action,
            object_id,
            limit,
        )
        return [AuditEntry(**dict(record)) for record in records]


@dataclass(frozen=True)
class AuditFilter:
    """What a coordinator narrows the log to; None means any. A person's entries are those they
    made and those about them."""

    actor_user_id: int | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditLine:
    """An entry as a coordinator reads it: with the names of the person who acted and, when the
    object is a person, of that person."""

    id: int
    at: datetime
    actor_kind: str
    action: str
    object_type: str | None
    object_id: str | None
    details: dict[str, Any]
    actor_telegram_id: int | None
    actor_first_name: str | None
    actor_last_name: str | None
    actor_username: str | None
    object_telegram_id: int | None
    object_first_name: str | None
    object_last_name: str | None
    object_username: str | None


_FILTERED = """
    FROM audit_log a
    WHERE ($1::bigint IS NULL OR a.actor_user_id = $1
           OR (a.object_type = 'user' AND a.object_id = $1::text))
      AND ($2::text IS NULL OR a.action = $2)
      AND ($3::timestamptz IS NULL OR a.at >= $3)
      AND ($4::timestamptz IS NULL OR a.at < $4)
"""


class AuditReader:
    """Reading the log for coordinators (kept apart from the writers' `AuditLog`)."""

    def __init__(self, db: Executor) -> None:
        self._db = db

    async def page(
        self, where: AuditFilter, offset: int, limit: int
    ) -> tuple[list[AuditLine], int]:
        """Newest first: one page of entries and how many match in all."""
        arguments = (where.actor_user_id, where.action, where.since, where.until)
        total: int = await self._db.fetchval(f"SELECT count(*) {_FILTERED}", *arguments)
        records = await self._db.fetch(
            f"""
            SELECT a.id, a.at, a.actor_kind, a.action, a.object_type, a.object_id, a.details,
                   actor.telegram_id AS actor_telegram_id, actor.first_name AS actor_first_name,
                   actor.last_name AS actor_last_name, actor.username AS actor_username,
                   object.telegram_id AS object_telegram_id,
                   object.first_name AS object_first_name,
                   object.last_name AS object_last_name, object.username AS object_username
            FROM (SELECT a.* {_FILTERED} ORDER BY a.id DESC OFFSET $5 LIMIT $6) a
            LEFT JOIN users actor ON actor.id = a.actor_user_id
            LEFT JOIN users object
                   ON a.object_type = 'user' AND a.object_id ~ '^[0-9]{{1,18}}$'
                  AND object.id = a.object_id::bigint
            ORDER BY a.id DESC
            """,
            *arguments,
            offset,
            limit,
        )
        return [AuditLine(**dict(record)) for record in records], total

    async def actions(self) -> list[str]:
        """The actions the log holds, by name (a skip scan over the action index)."""
        records = await self._db.fetch(
            """
            WITH RECURSIVE named AS (
                SELECT min(action) AS action FROM audit_log
                UNION ALL
                SELECT (SELECT min(action) FROM audit_log WHERE action > named.action)
                FROM named WHERE named.action IS NOT NULL
            )
            SELECT action FROM named WHERE action IS NOT NULL
            """
        )
        return [record["action"] for record in records]
