"""Memory benchmark (issue 7d): the bot's resident memory idle after its start, during the load
of the updates benchmark (closed loop, then open load) and after it.

    .venv/bin/python -m bench.memory [--idle 10] [--closed-users 50] [--users 200]

Read from /proc/PID/status: VmRSS (resident now) and VmHWM (the peak so far).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.load import (
    Child,
    Options,
    Sandbox,
    add_load_arguments,
    bot_process,
    command_line,
    http_session,
    load_average,
    load_options,
    machine,
    new_workdir,
    postgres_version,
    run_phase,
    running,
    sandbox_process,
    tip_conversation,
    until_answering,
)
from bot.sandbox.client import SandboxClient
from tests.helpers import fresh_database

TARGET_MB = 200.0
SAMPLE_SECONDS = 0.5


@dataclass(frozen=True)
class Reading:
    moment: str
    rss: float
    peak: float


async def sampled_peak(bot: Child, stop: asyncio.Event) -> float:
    """The largest VmRSS seen every half second until `stop`."""
    largest = 0.0
    while not stop.is_set():
        largest = max(largest, bot.memory()[0])
        try:
            async with asyncio.timeout(SAMPLE_SECONDS):
                await stop.wait()
        except TimeoutError:
            pass
    return largest


async def measure(options: Options, idle: float) -> tuple[str, list[Reading], float]:
    """PostgreSQL's version, the readings, and the answered updates/s of the load."""
    readings: list[Reading] = []
    answered = 0.0
    with new_workdir() as folder:
        workdir = Path(folder)
        async with (
            fresh_database(options.database_server) as database_url,
            sandbox_process(workdir) as (sandbox_child, url),
            http_session() as session,
        ):
            version = await postgres_version(database_url)
            sandbox = Sandbox(SandboxClient(url, session), sandbox_child)
            async with running(await bot_process(workdir, url, database_url)) as bot:
                await until_answering(sandbox.client, bot)
                await asyncio.sleep(idle)
                readings.append(Reading(f"idle, {idle:.0f} s after start", *bot.memory()))
                stop = asyncio.Event()
                sampler = asyncio.create_task(sampled_peak(bot, stop))
                for phase in options.phases("bot"):
                    result = await run_phase(sandbox, bot, phase, tip_conversation, options.seed)
                    answered = max(answered, result.throughput)
                    rss, peak = bot.memory()
                    readings.append(
                        Reading(
                            f"after {phase.mode} load ({phase.users} people, "
                            f"{result.throughput:.0f} updates/s)",
                            rss,
                            peak,
                        )
                    )
                stop.set()
                sampled = await sampler
                await asyncio.sleep(idle)
                readings.append(Reading(f"idle again, {idle:.0f} s later", *bot.memory()))
                readings.append(Reading("largest VmRSS sampled under load", sampled, sampled))
    return version, readings, answered


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.memory",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--idle", type=float, default=10.0, help="seconds idle before and after the load"
    )
    add_load_arguments(parser)
    values = parser.parse_args(argv)
    options = load_options(values)
    print(f"$ {command_line('bench.memory')}")
    before = load_average()
    version, readings, _ = asyncio.run(measure(options, values.idle))
    print(f"machine: {machine()}, PostgreSQL {version}")
    print(f"load average (1, 5, 15 min) before: {before}; after: {load_average()}")
    print()
    print("| the bot's process | VmRSS MB | VmHWM MB |")
    print("|---|---:|---:|")
    for reading in readings:
        print(f"| {reading.moment} | {reading.rss:.0f} | {reading.peak:.0f} |")
    peak = max(reading.peak for reading in readings)
    verdict = "PASS" if peak < TARGET_MB else "FAIL"
    print()
    print(f"peak resident memory (VmHWM): {peak:.0f} MB (target < {TARGET_MB:.0f} MB) {verdict}")


if __name__ == "__main__":
    main()
