"""The benchmarks still run: each at a tiny size, their tables printed (no targets asserted)."""

from __future__ import annotations

import asyncio
import sys

from tests.conftest import ROOT

TINY = ("--closed-users", "2", "--users", "3", "--duration", "2", "--warmup", "0.5")


async def run_benchmark(module: str, database_server: str, *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        *TINY,
        "--database-url",
        database_server,
        *args,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    text = output.decode()
    assert process.returncode == 0, text
    return text


async def test_the_updates_and_memory_benchmarks_print_their_tables(database_server: str) -> None:
    updates, memory = await asyncio.gather(
        run_benchmark("bench.updates", database_server),
        run_benchmark("bench.memory", database_server, "--idle", "0.5"),
    )

    assert "| bot | closed | 2 |" in updates and "| echo | open | 3 |" in updates
    assert "throughput bot/echo, closed loop:" in updates
    assert "p99 bot/echo, open load" in updates
    assert "| idle, 0 s after start |" in memory
    assert "peak resident memory (VmHWM):" in memory
