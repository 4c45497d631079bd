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
