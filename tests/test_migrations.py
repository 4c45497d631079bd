"""Migrations: applied once each, in order, under a lock; on PostgreSQL 15 and the embedded one."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from db.embedded import start_embedded_postgres
from db.migrate import MIGRATIONS_DIR, MigrationError, apply_migrations, discover
from db.store import open_store
from tests.helpers import fresh_database

SCHEMA = """
    SELECT table_name, column_name, data_type, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public'
    ORDER BY table_name, ordinal_position
"""


@pytest.fixture
async def empty_database(database_server: str) -> AsyncIterator[str]:
    async with fresh_database(database_server) as url:
        yield url


async def test_migrations_applied_twice_change_nothing(empty_database: str) -> None:
    pool = await asyncpg.create_pool(empty_database, min_size=1, max_size=2)
    try:
        assert await apply_migrations(pool) == [
            "0001_foundation",
            "0002_tips",
            "0003_commissars",
            "0005_ambassadors",
        ]
        schema = await pool.fetch(SCHEMA)
        regions = await pool.fetchval("SELECT count(*) FROM regions")

        assert await apply_migrations(pool) == []
        assert await pool.fetch(SCHEMA) == schema
        assert await pool.fetchval("SELECT count(*) FROM regions") == regions == 20
        assert await pool.fetchval("SELECT count(*) FROM schema_migrations") == len(discover())
    finally:
        await pool.close()


async def test_instances_starting_together_apply_each_migration_once(empty_database: str) -> None:
    pools = [await asyncpg.create_pool(empty_database, min_size=1, max_size=1) for _ in range(3)]
    try:
        results = await asyncio.gather(*(apply_migrations(pool) for pool in pools))
        assert sorted(name for applied in results for name in applied) == [
            "0001_foundation",
            "0002_tips",
            "0003_commissars",
            "0005_ambassadors",
        ]
        assert await pools[0].fetchval("SELECT count(*) FROM tip_categories") == 10
    finally:
        for pool in pools:
            await pool.close()


async def test_a_migration_changed_after_it_was_applied_is_refused(
    empty_database: str, tmp_path: Path
) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    pool = await asyncpg.create_pool(empty_database, min_size=1, max_size=1)
    try:
        await apply_migrations(pool, folder)
        first = folder / "0001_foundation.sql"
        first.write_text(first.read_text() + "\n-- edited later\n")
        with pytest.raises(MigrationError, match=r"0001_foundation\.sql was changed"):
            await apply_migrations(pool, folder)
    finally:
        await pool.close()


def test_misnamed_migration_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "add_tips.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match=r"add_tips\.sql is not named like"):
        discover(tmp_path)


async def test_the_schema_works_on_the_embedded_postgresql(tmp_path: Path) -> None:
    url = await asyncio.to_thread(start_embedded_postgres, tmp_path / "pgdata")
    store = await open_store(url, max_size=2)
    try:
        version = await store.pool.fetchval("SHOW server_version_num")
        assert int(version) >= 150000
        assert await apply_migrations(store.pool) == [
            "0001_foundation",
            "0002_tips",
            "0003_commissars",
            "0005_ambassadors",
        ]
        row = await store.users.touch(
            42, first_name="Ann", last_name=None, username=None, telegram_language="en"
        )
        assert row.telegram_id == 42
        assert [region.code for region in await store.catalog.regions()][:3] == [
            "AST", "ALA", "SHY"
        ]  # fmt: skip
    finally:
        await store.close()
