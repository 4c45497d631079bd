"""Conversation state rows behind the bot's aiogram storage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.executor import Executor


@dataclass(frozen=True)
class ConversationKey:
    bot_id: int
    chat_id: int
    user_id: int
    thread_id: int
    business_connection_id: str
    destiny: str

    def values(self) -> tuple[int, int, int, int, str, str]:
        return (
            self.bot_id,
            self.chat_id,
            self.user_id,
            self.thread_id,
            self.business_connection_id,
            self.destiny,
        )


_KEY_COLUMNS = "bot_id, chat_id, user_id, thread_id, business_connection_id, destiny"
_KEY_MATCH = """bot_id = $1 AND chat_id = $2 AND user_id = $3 AND thread_id = $4
    AND business_connection_id = $5 AND destiny = $6"""


@dataclass
class ConversationChange:
    """What is changed in one conversation: its state, its data, or both."""

    state_set: bool = False
    state: str | None = None
    data_set: bool = False
    data: dict[str, Any] | None = None

    def values(self) -> tuple[bool, str | None, bool, dict[str, Any]]:
        return self.state_set, self.state, self.data_set, self.data or {}


CHANGE = f"""
    was AS (
        SELECT state, data FROM fsm_states WHERE {_KEY_MATCH}
    ), next AS (
        SELECT CASE WHEN $7 THEN $8 ELSE (SELECT state FROM was) END AS state,
               CASE WHEN $9 THEN $10::jsonb ELSE coalesce((SELECT data FROM was), '{{}}') END
                   AS data
    ), kept AS (
        INSERT INTO fsm_states ({_KEY_COLUMNS}, state, data)
        SELECT $1, $2, $3, $4, $5, $6, state, data FROM next
        WHERE state IS NOT NULL OR data <> '{{}}'
        ON CONFLICT ({_KEY_COLUMNS}) DO UPDATE SET
            state = CASE WHEN $7 THEN excluded.state ELSE fsm_states.state END,
            data = CASE WHEN $9 THEN excluded.data ELSE fsm_states.data END,
            updated_at = now()
    ), forgotten AS (
        DELETE FROM fsm_states WHERE {_KEY_MATCH}
          AND EXISTS (SELECT 1 FROM next WHERE state IS NULL AND data = '{{}}')
    )"""
"""CTEs that apply a change (`ConversationChange.values()` as $7-$10) to the conversation keyed
$1-$6 (`ConversationKey.values()`): `was` is the row before, `next` the state and data after;
a conversation left with neither state nor data has no row."""


class ConversationStates:
    """A row exists only while there is a state or data: an ended conversation leaves no trace."""

    def __init__(self, db: Executor) -> None:
        self._db = db

    async def state(self, key: ConversationKey) -> str | None:
        value: str | None = await self._db.fetchval(
            f"SELECT state FROM fsm_states WHERE {_KEY_MATCH}", *key.values()
        )
        return value

    async def read(self, key: ConversationKey) -> tuple[str | None, dict[str, Any]]:
        """The state and the data at once (None and {} when there is no conversation)."""
        record = await self._db.fetchrow(
            f"SELECT state, data FROM fsm_states WHERE {_KEY_MATCH}", *key.values()
        )
        if record is None:
            return None, {}
        return record["state"], dict(record["data"] or {})

    async def data(self, key: ConversationKey) -> dict[str, Any]:
        value: dict[str, Any] | None = await self._db.fetchval(
            f"SELECT data FROM fsm_states WHERE {_KEY_MATCH}", *key.values()
        )
        return dict(value) if value else {}

    async def change(self, key: ConversationKey, change: ConversationChange) -> None:
        await self._db.execute(f"WITH {CHANGE} SELECT 1", *key.values(), *change.values())

    async def take(self, key: ConversationKey) -> tuple[str | None, dict[str, Any]] | None:
        """End the conversation and return its last state and data; None when there was none.
        In a transaction, whatever else the transaction does happens with it, or not at all."""
        record = await self._db.fetchrow(
            f"DELETE FROM fsm_states WHERE {_KEY_MATCH} RETURNING state, data", *key.values()
        )
        if record is None:
            return None
        return record["state"], dict(record["data"] or {})
