"""PostgreSQL advisory locks: one worker at a time across all bot instances."""

from __future__ import annotations

import asyncpg

from db.executor import Executor

MENU_INSTALLER_LOCK = 7_310_845_311_923_401_002
BROADCAST_SENDER_LOCK = 7_310_845_311_923_401_003


async def try_transaction_lock(connection: asyncpg.Connection, key: int) -> bool:
    """Take the lock until the current transaction ends; False when another holds it."""
    taken: bool = await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", key)
    return taken


LIVENESS_LOCKS = 731_084_531
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
    taken: bool = await connection.fetchval(
        "SELECT pg_try_advisory_lock($1::int4, $2::int4)", LIVENESS_LOCKS, instance
    )
    return taken
