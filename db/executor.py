"""What a query runs on: the pool, or one connection inside a transaction."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TypeAlias

from asyncpg import Connection, Pool, Record
from asyncpg.pool import PoolConnectionProxy

if TYPE_CHECKING:
    Executor: TypeAlias = Pool[Record] | Connection[Record] | PoolConnectionProxy[Record]
else:
    Executor = Pool | Connection | PoolConnectionProxy


FIGURES_WORK_MEM = "32MB"
"""What the sorts and hash tables of one figures query may use before spilling to disk (the
server's default is 4 MB): the statistics' medians sort every value of the period, 600,000 for
a year nationwide, in half the time in memory (bench/store.py)."""


@asynccontextmanager
async def with_work_mem(db: Executor, work_mem: str = FIGURES_WORK_MEM) -> AsyncIterator[Executor]:
    """`db` (one connection from it, if it is the pool) in a transaction whose queries may use
    `work_mem`; the setting ends with the transaction (with the outer one when `db` is already
    in a transaction: this one is then a savepoint)."""
    if isinstance(db, Pool):
        async with db.acquire() as connection, connection.transaction():
            await connection.execute("SELECT set_config('work_mem', $1, true)", work_mem)
            yield connection
        return
    async with db.transaction():
        await db.execute("SELECT set_config('work_mem', $1, true)", work_mem)
        yield db
