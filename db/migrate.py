"""SQL migrations: numbered files in db/migrations, each applied once, in order, in a transaction.

Every runner takes one PostgreSQL advisory lock first, so instances that start together apply
each migration exactly once; the others wait and then find nothing left to do.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from db.locks import mark_session_changed

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 7_310_845_311_923_401_001
FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
MIGRATION_TIMEOUT = 3600.0
"""Seconds one migration may take: one that rewrites a big table (0007 on a million tips) runs
far longer than the pool's command timeout allows a query."""


class MigrationError(Exception):
    """The migrations on disk disagree with what the database has applied."""


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    migrations = []
    for path in sorted(directory.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name} is not named like 0001_description.sql")
        migrations.append(Migration(match[1], match[2], path.read_text(encoding="utf-8")))
    versions = [migration.version for migration in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError("two migration files share one number")
    return migrations


async def apply_migrations(pool: asyncpg.Pool, directory: Path = MIGRATIONS_DIR) -> list[str]:
    """Apply the migrations not yet applied; return the names of those this call applied."""
    migrations = discover(directory)
    applied_now: list[str] = []
    async with pool.acquire() as connection:
        mark_session_changed(connection)
        await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        try:
            await connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """
            )
            rows = await connection.fetch("SELECT version, name, checksum FROM schema_migrations")
            applied = {row["version"]: row for row in rows}
            for migration in migrations:
                known = applied.get(migration.version)
                if known is not None:
                    if known["checksum"] != migration.checksum:
                        raise MigrationError(
                            f"migration {migration.version}_{migration.name}.sql was changed "
                            "after it was applied; add a new migration instead"
                        )
                    continue
                async with connection.transaction():
                    await connection.execute(migration.sql, timeout=MIGRATION_TIMEOUT)
                    await connection.execute(
                        "INSERT INTO schema_migrations (version, name, checksum) "
                        "VALUES ($1, $2, $3)",
                        migration.version,
                        migration.name,
                        migration.checksum,
                    )
                applied_now.append(f"{migration.version}_{migration.name}")
        finally:
            await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
    return applied_now
