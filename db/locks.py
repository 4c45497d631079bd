"""PostgreSQL advisory locks: one worker at a time across all bot instances."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from db.executor import Executor

if TYPE_CHECKING:
    Session: TypeAlias = asyncpg.Connection[asyncpg.Record] | PoolConnectionProxy[asyncpg.Record]
else:
    Session = asyncpg.Connection | PoolConnectionProxy

MENU_INSTALLER_LOCK = 7_310_845_311_923_401_002
BROADCAST_SENDER_LOCK = 7_310_845_311_923_401_003
TIP_COUNTS_FOLD_LOCK = 7_310_845_311_923_401_004
"""Taken by tip_counts_fold() and tip_counts_recount() in SQL (0011_tip_count_changes.sql)."""


def mark_session_changed(connection: object) -> None:
    """A session-level lock must be let go when the connection returns to the pool
    (`db.store.PooledConnection` resets only connections marked so)."""
    mark = getattr(connection, "session_changed", None)
    if mark is not None:
        mark()


async def try_session_lock(connection: Session, key: int) -> bool:
    """Take the lock for this session, until it ends or the connection returns to the pool;
    False when another session holds it."""
    mark_session_changed(connection)
    taken: bool = await connection.fetchval("SELECT pg_try_advisory_lock($1)", key)
    return taken


async def try_transaction_lock(connection: asyncpg.Connection, key: int) -> bool:
    """Take the lock until the current transaction ends; False when another holds it."""
    taken: bool = await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", key)
    return taken


CONVERSATION_LOCKS = 731_084_531
"""The first half of the (int, int) advisory-lock keys of conversations (one person's updates);
PostgreSQL keeps (int, int) keys apart from the bigint keys above."""


async def conversation_locks(connection: Session, operations: list[tuple[bool, int]]) -> list[bool]:
    """Take (True) or let go of (False) conversations' locks for this session, in this order,
    in one round trip; for each, whether it was taken (or was held, and let go)."""
    mark_session_changed(connection)
    records = await connection.fetch(
        """
        SELECT CASE WHEN o.take THEN pg_try_advisory_lock($1, o.conversation)
                    ELSE pg_advisory_unlock($1, o.conversation) END AS done
        FROM unnest($2::bool[], $3::int4[]) WITH ORDINALITY AS o(take, conversation, position)
        ORDER BY o.position
        """,
        CONVERSATION_LOCKS,
        [take for take, _ in operations],
        [conversation for _, conversation in operations],
    )
    return [record["done"] for record in records]


LIVENESS_LOCKS = 731_084_532
"""The int4 namespace of the processes' liveness locks: a running bot process holds the session
lock (LIVENESS_LOCKS, its instance number) for as long as it lives; it goes with its connection."""


def instance_alive(column: str) -> str:
    """SQL that is true while the process numbered by `column` holds its liveness lock."""
    return (
        "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
        " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        f" AND l.classid = {LIVENESS_LOCKS} AND l.objid = {column}::oid AND l.objsubid = 2)"
    )


async def try_liveness_lock(connection: Executor, instance: int) -> bool:
    """Take this process's liveness lock on `connection`; False when another process has it."""
    mark_session_changed(connection)
    taken: bool = await connection.fetchval(
        "SELECT pg_try_advisory_lock($1::int4, $2::int4)", LIVENESS_LOCKS, instance
    )
    return taken
