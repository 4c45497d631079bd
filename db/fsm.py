"""Conversation state rows behind the bot's aiogram storage."""

from __future__ import annotations

from collections.abc import Mapping
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


KEY_COLUMNS = "bot_id, chat_id, user_id, thread_id, business_connection_id, destiny"
KEY_MATCH = """bot_id = $1 AND chat_id = $2 AND user_id = $3 AND thread_id = $4
    AND business_connection_id = $5 AND destiny = $6"""
_FORGET_IF_EMPTY = f"DELETE FROM fsm_states WHERE {KEY_MATCH} AND state IS NULL AND data = '{{}}'"


class ConversationStates:
    """A row exists only while there is a state or data: an ended conversation leaves no trace."""

    def __init__(self, db: Executor) -> None:
        self._db = db

    async def state(self, key: ConversationKey) -> str | None:
        value: str | None = await self._db.fetchval(
            f"SELECT state FROM fsm_states WHERE {KEY_MATCH}", *key.values()
        )
        return value

    async def read(self, key: ConversationKey) -> tuple[str | None, dict[str, Any]]:
        """The state and the data at once (None and {} when there is no conversation)."""
        record = await self._db.fetchrow(
            f"SELECT state, data FROM fsm_states WHERE {KEY_MATCH}", *key.values()
        )
        if record is None:
            return None, {}
        return record["state"], dict(record["data"] or {})

    async def data(self, key: ConversationKey) -> dict[str, Any]:
        value: dict[str, Any] | None = await self._db.fetchval(
            f"SELECT data FROM fsm_states WHERE {KEY_MATCH}", *key.values()
        )
        return dict(value) if value else {}

    async def set_state(self, key: ConversationKey, state: str | None) -> None:
        if state is None:
            await self._db.execute(
                f"UPDATE fsm_states SET state = NULL, updated_at = now() WHERE {KEY_MATCH}",
                *key.values(),
            )
            await self._db.execute(_FORGET_IF_EMPTY, *key.values())
            return
        await self._db.execute(
            f"""
            INSERT INTO fsm_states ({KEY_COLUMNS}, state) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT ({KEY_COLUMNS}) DO UPDATE SET state = excluded.state, updated_at = now()
            """,
            *key.values(),
            state,
        )

    async def set_data(self, key: ConversationKey, data: Mapping[str, Any]) -> None:
        if not data:
            await self._db.execute(
                f"UPDATE fsm_states SET data = '{{}}', updated_at = now() WHERE {KEY_MATCH}",
                *key.values(),
            )
            await self._db.execute(_FORGET_IF_EMPTY, *key.values())
            return
        await self._db.execute(
            f"""
            INSERT INTO fsm_states ({KEY_COLUMNS}, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT ({KEY_COLUMNS}) DO UPDATE SET data = excluded.data, updated_at = now()
            """,
            *key.values(),
            dict(data),
        )

    async def take(self, key: ConversationKey) -> tuple[str | None, dict[str, Any]] | None:
        """End the conversation and return its last state and data; None when there was none.
        In a transaction, whatever else the transaction does happens with it, or not at all."""
        record = await self._db.fetchrow(
            f"DELETE FROM fsm_states WHERE {KEY_MATCH} RETURNING state, data", *key.values()
        )
        if record is None:
            return None
        return record["state"], dict(record["data"] or {})
