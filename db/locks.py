"""PostgreSQL advisory locks: one worker at a time across all bot instances."""

from __future__ import annotations

import asyncpg

MENU_INSTALLER_LOCK = 7_310_845_311_923_401_002
BROADCAST_SENDER_LOCK = 7_310_845_311_923_401_003


async def try_transaction_lock(connection: asyncpg.Connection, key: int) -> bool:
    """Take the lock until the current transaction ends; False when another holds it."""
    taken: bool = await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", key)
    return taken
