"""Updates handled once: each update is claimed (bot, update id) before it is handled. Times are
the database's own, so they do not follow a test's moved clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from db.executor import Executor
from db.fsm import CHANGE, ConversationChange, ConversationKey
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
        instance: int,
        updates: Sequence[tuple[int, dict[str, Any]]],
        *,
        redo_within: timedelta,
    ) -> dict[int, Claim]:
        """Claims, by update id, for the updates (id, content) this process is to handle:
        nobody has claimed one, or its claim was left unfinished (within `redo_within`) by a
        process that is no longer alive. An id given twice is claimed once."""
        unique = dict(reversed(updates))
        records = await self._db.fetch(
            f"""
            INSERT INTO handled_updates AS h (bot_id, update_id, instance, claimed_at, payload)
            SELECT $1, u.update_id, $2, now(), u.payload
            FROM unnest($3::bigint[], $4::jsonb[]) AS u(update_id, payload)
            ON CONFLICT (bot_id, update_id) DO UPDATE
                SET instance = excluded.instance, claimed_at = excluded.claimed_at
                WHERE h.finished_at IS NULL AND h.instance <> excluded.instance
                  AND h.claimed_at > now() - $5::interval
                  AND NOT {instance_alive("h.instance")}
            RETURNING h.update_id, h.conversations
            """,
            bot_id,
            instance,
            list(unique),
            list(unique.values()),
            redo_within,
        )
        return {
            record["update_id"]: Claim(list(record["conversations"] or [])) for record in records
        }

    async def change_conversation(
        self,
        update: tuple[int, int, int],
        key: ConversationKey,
        change: ConversationChange,
        *,
        before: dict[str, Any] | None,
        others: list[dict[str, Any]],
        finished: bool,
    ) -> dict[str, Any]:
        """Store an update's change of one conversation and, in the same statement, remember it
        on the update's claim (`others`: the conversations it changed before, `before`: this
        one as it was before the update, when known) or, when `finished`, mark the update
        handled. Returns the conversation's entry: its key, `before` and `after` the change.

        A conversation left with neither state nor data has no row."""
        record = await self._db.fetchrow(
            f"""
            WITH {CHANGE}, entry AS (
                SELECT jsonb_build_object(
                    'bot_id', $1::bigint, 'chat_id', $2::bigint, 'user_id', $3::bigint,
                    'thread_id', $4::bigint, 'business_connection_id', $5::text,
                    'destiny', $6::text,
                    'before', coalesce($14::jsonb, jsonb_build_object(
                        'state', (SELECT state FROM was),
                        'data', coalesce((SELECT data FROM was), '{{}}'))),
                    'after', jsonb_build_object('state', next.state, 'data', next.data)
                ) AS value FROM next
            ), claim AS (
                UPDATE handled_updates SET
                    finished_at = CASE WHEN $16 THEN now() ELSE finished_at END,
                    payload = CASE WHEN $16 THEN NULL ELSE payload END,
                    conversations = CASE WHEN $16 THEN NULL
                        ELSE $15::jsonb || jsonb_build_array((SELECT value FROM entry)) END
                WHERE bot_id = $11 AND update_id = $12 AND instance = $13
            )
            SELECT value FROM entry
            """,
            *key.values(),
            *change.values(),
            *update,
            before,
            others,
            finished,
        )
        assert record is not None
        entry: dict[str, Any] = record["value"]
        return entry

    async def finish(self, bot_id: int, update_ids: Sequence[int], instance: int) -> None:
        """Handled: the updates' content is no longer kept."""
        await self._db.execute(
            "UPDATE handled_updates "
            "SET finished_at = now(), payload = NULL, conversations = NULL "
            "WHERE bot_id = $1 AND update_id = ANY($2::bigint[]) AND instance = $3",
            bot_id,
            list(update_ids),
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
