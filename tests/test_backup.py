"""The backup procedure of docs/operations.md, carried out: `pg_dump -Fc` of a database with a
tip in it, `pg_restore` into a new empty database, and the bot's data is all there."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest

from db.migrate import apply_migrations, discover
from db.store import open_store
from tests.helpers import fresh_database
from tests.test_commissar_work import queued_tip

pytestmark = pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
    reason="pg_dump and pg_restore (PostgreSQL's client programs) are not installed here",
)


async def run(*command: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    _, errors = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, errors.decode()


async def test_a_dump_restored_into_a_new_database_holds_the_bots_data(
    database_server: str, tmp_path: Path
) -> None:
    dump = tmp_path / "acf.dump"
    async with fresh_database(database_server) as source_url:
        source = await open_store(source_url, max_size=2)
        try:
            await apply_migrations(source.pool)
            tip_id = await queued_tip(source, "ALA", datetime.now(UTC), 1)
        finally:
            await source.close()
        await run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source_url)

    async with fresh_database(database_server) as restored_url:
        await run(
            "pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored_url}", str(dump)
        )
        restored = await open_store(restored_url, max_size=2)
        try:
            assert await apply_migrations(restored.pool) == []
            versions = await restored.pool.fetch("SELECT version FROM schema_migrations")
            assert sorted(row["version"] for row in versions) == [m.version for m in discover()]
            tip = await restored.tips.get(tip_id)
            assert tip is not None and tip.region_code == "ALA" and tip.status == "new"
            assert [entry.status for entry in await restored.tips.history(tip_id)] == ["new"]
            assert [r.tip_id for r in await restored.reminders.pending()] == [tip_id]
            assert await restored.catalog.regions()
            with pytest.raises(asyncpg.PostgresError):
                await restored.pool.execute("DELETE FROM audit_log")  # still append-only
        finally:
            await restored.close()
