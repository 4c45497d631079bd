"""Updates handled once: each update is claimed (bot, update id) before it is handled. Times are
the database's own, so they do not follow a test's moved clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from db.executor import Executor
from db.locks import instance_alive


@dataclass(frozen=True)
class Claim:
    """This process handles the update; `conversations` is set when a process that died had
    begun it (the conversations it changed: before, and as it left them)."""

    conversations: list[dict[str, Any]]


@dataclass(frozen=True)
class AbandonedUpdate:
    update_id: int
    payload: dict[str, Any]


class HandledUpdates:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def claim(
        self,
        bot_id: int,
        update_id: int,
        instance: int,
        payload: dict[str, Any],
        *,
        redo_within: timedelta,
    ) -> Claim | None:
        """A claim when this process is to handle the update: nobody has claimed it, or its
        claim was left unfinished (within `redo_within`) by a process that is no longer alive."""
        record = await self._db.fetchrow(
            f"""
            INSERT INTO handled_updates AS h (bot_id, update_id, instance, claimed_at, payload)
            VALUES ($1, $2, $3, now(), $4)
            ON CONFLICT (bot_id, update_id) DO UPDATE
                SET instance = excluded.instance, claimed_at = excluded.claimed_at
                WHERE h.finished_at IS NULL AND h.instance <> excluded.instance
                  AND h.claimed_at > now() - $5::interval
                  AND NOT {instance_alive("h.instance")}
            RETURNING h.conversations
            """,
            bot_id,
            update_id,
            instance,
            payload,
            redo_within,
        )
        if record is None:
            return None
        return Claim(list(record["conversations"] or []))

    async def remember_conversations(
        self, bot_id: int, update_id: int, instance: int, conversations: list[dict[str, Any]]
    ) -> None:
        """The conversations this update changed, before it and as it has left them so far."""
        await self._db.execute(
            "UPDATE handled_updates SET conversations = $4 "
            "WHERE bot_id = $1 AND update_id = $2 AND instance = $3",
            bot_id,
            update_id,
            instance,
            conversations,
        )

    async def finish(self, bot_id: int, update_id: int, instance: int) -> None:
        """Handled: the update's content is no longer kept."""
        await self._db.execute(
            "UPDATE handled_updates "
            "SET finished_at = now(), payload = NULL, conversations = NULL "
            "WHERE bot_id = $1 AND update_id = $2 AND instance = $3",
            bot_id,
            update_id,
            instance,
        )

    async def abandoned(
        self, bot_id: int, instance: int, *, redo_within: timedelta, limit: int = 100
    ) -> list[AbandonedUpdate]:
        """Unfinished updates of processes that died, oldest first (to be handed again)."""
        records = await self._db.fetch(
            f"""
            SELECT h.update_id, h.payload FROM handled_updates h
            WHERE h.bot_id = $1 AND h.finished_at IS NULL AND h.instance <> $2
              AND h.claimed_at > now() - $3::interval AND NOT {instance_alive("h.instance")}
            ORDER BY h.update_id
            LIMIT $4
            """,
            bot_id,
            instance,
            redo_within,
            limit,
        )
        return [AbandonedUpdate(record["update_id"], record["payload"]) for record in records]

    async def forget_older_than(self, age: timedelta) -> int:
        """Delete claims older than `age` (Telegram keeps an update for 24 hours at most)."""
        deleted: int = await self._db.fetchval(
            "WITH gone AS (DELETE FROM handled_updates WHERE claimed_at < now() - $1::interval "
            "RETURNING 1) SELECT count(*) FROM gone",
            age,
        )
        return deleted
