"""What a query runs on: the pool, or one connection inside a transaction."""

from typing import TYPE_CHECKING, TypeAlias

from asyncpg import Connection, Pool, Record
from asyncpg.pool import PoolConnectionProxy

if TYPE_CHECKING:
    Executor: TypeAlias = Pool[Record] | Connection[Record] | PoolConnectionProxy[Record]
else:
    Executor = Pool | Connection | PoolConnectionProxy
