"""The store: one asyncpg pool, and the query groups bound to it or to one transaction."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from db.analytics import Analytics
from db.appeals import Appeals
from db.audit import AuditLog, AuditReader
from db.backlog import Backlog
from db.broadcasts import Broadcasts
from db.catalog import Catalog
from db.executor import Executor
from db.fieldwork import Fieldwork
from db.fsm import ConversationStates
from db.grants import RoleGrants
from db.invites import Invites
from db.outbox import Outbox
from db.receipt_sessions import ReceiptSessionRows
from db.receptions import Receptions
from db.reminders import Reminders
from db.risks import Risks
from db.stats import Statistics
from db.tips import Tips
from db.updates import HandledUpdates
from db.users import Users


def unstorable_value(error: BaseException) -> bool:
    """A value the store cannot take for its column's type (a number beyond 64 bits, say): the
    input was forged or absurd; the store is fine. asyncpg raises its client-side DataError (an
    InterfaceError and a ValueError) before sending; PostgreSQL answers 22003 or 22P02. Other
    data errors (division by zero, ...) are bugs in our queries and stay unexpected."""
    return isinstance(
        error, asyncpg.NumericValueOutOfRangeError | asyncpg.InvalidTextRepresentationError
    ) or (isinstance(error, asyncpg.InterfaceError) and isinstance(error, ValueError))


STORE_UNAVAILABLE = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    TimeoutError,
)
"""Errors that mean the database cannot be reached right now (not that a query is wrong)."""


class Store:
    """Every query of the bot, grouped by area; `transaction()` gives the same groups on one
    connection inside a transaction."""

    def __init__(self, executor: Executor, pool: asyncpg.Pool) -> None:
        self._executor = executor
        self.pool = pool
        self.users = Users(executor)
        self.grants = RoleGrants(executor)
        self.catalog = Catalog(executor)
        self.audit = AuditLog(executor)
        self.conversations = ConversationStates(executor)
        self.statistics = Statistics(executor)
        self.tips = Tips(executor)
        self.outbox = Outbox(executor)
        self.fieldwork = Fieldwork(executor)
        self.receptions = Receptions(executor)
        self.reminders = Reminders(executor)
        self.broadcasts = Broadcasts(executor)
        self.invites = Invites(executor)
        self.audit_reader = AuditReader(executor)
        self.risks = Risks(executor)
        self.appeals = Appeals(executor)
        self.analytics = Analytics(executor)
        self.receipt_sessions = ReceiptSessionRows(executor)
        self.backlog = Backlog(executor)
        self.updates = HandledUpdates(executor)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Store]:
        """The same queries on one connection, committed together (a savepoint when nested)."""
        if self._executor is not self.pool:
            async with self.connection.transaction():
                yield self
            return
        async with self.pool.acquire() as connection, connection.transaction():
            yield Store(connection, self.pool)

    @property
    def connection(self) -> asyncpg.Connection:
        """The connection of this transaction (only inside `transaction()`)."""
        if self._executor is self.pool:
            raise RuntimeError("not inside a transaction")
        return self._executor  # type: ignore[return-value]

    async def ping(self, timeout: float = 2.0) -> bool:
        """True while the database answers a trivial query within `timeout` seconds, waiting
        for a free connection included."""
        try:
            async with asyncio.timeout(timeout):
                return await self.pool.fetchval("SELECT true") is True
        except (*STORE_UNAVAILABLE, asyncpg.PostgresError, asyncpg.InterfaceError):
            return False

    async def close(self, timeout: float = 10.0) -> None:
        """Close the pool, waiting at most `timeout` seconds for connections still in use."""
        try:
            await asyncio.wait_for(self.pool.close(), timeout)
        except TimeoutError:
            self.pool.terminate()


def _without_nul(value: Any) -> Any:
    """`value` with every U+0000 dropped from its strings: PostgreSQL cannot store that character
    in text or JSON, and a client can put it in any name or text it sends."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nul(item) for item in value]
    return value


def _text(value: str) -> str:
    return value


class PooledConnection(asyncpg.Connection):
    """A pool connection that goes back to the pool without asyncpg's reset query (`UNLISTEN *`,
    `pg_advisory_unlock_all()`, `RESET ALL`, ...: one more round trip after every query) unless
    its session state changed: it listened for notifications or took a session-level advisory
    lock (`db.locks` marks those). The store never runs `SET` and opens no cursors outside
    transactions; asyncpg still rolls back an open transaction on release."""

    _session_changed = False

    def session_changed(self) -> None:
        """Reset this connection when it goes back to the pool."""
        self._session_changed = True

    async def add_listener(self, channel: str, callback: Any) -> None:
        self._session_changed = True
        await super().add_listener(channel, callback)

    def get_reset_query(self) -> str:
        if not self._session_changed:
            return ""
        self._session_changed = False
        return super().get_reset_query()


async def _prepare_connection(connection: asyncpg.Connection) -> None:
    for type_name in ("json", "jsonb"):
        await connection.set_type_codec(
            type_name,
            schema="pg_catalog",
            encoder=lambda value: json.dumps(_without_nul(value)),
            decoder=json.loads,
        )
    await connection.set_type_codec(
        "text", schema="pg_catalog", encoder=_without_nul, decoder=_text, format="text"
    )


SESSION_SETTINGS = {"timezone": "UTC", "jit": "off"}
"""Every connection's session. JIT compilation is off: the figure queries cost enough to
trigger it, and compiling them took seconds (9 s of 23 for the nationwide risk picture on a
million tips, bench/store.py) where running them takes a fraction of one."""


async def open_store(url: str, *, max_size: int = 10, application: str = "acf-bot") -> Store:
    pool: asyncpg.Pool = await asyncpg.create_pool(
        url,
        min_size=1,
        max_size=max_size,
        init=_prepare_connection,
        connection_class=PooledConnection,
        command_timeout=30,
        server_settings={**SESSION_SETTINGS, "application_name": application},
    )
    return Store(pool, pool)
