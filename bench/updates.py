"""Updates benchmark (issue 7a): simulated people send tips through the whole conversation to
the real bot, then the same shape of load goes to a bare aiogram echo bot on the same sandbox;
throughput, answer times and their ratios, with PASS or FAIL against the targets.

    .venv/bin/python -m bench.updates [--closed-users 50] [--users 200] [--duration 25]

Two modes per bot: closed loop (each person sends the next update as soon as the previous one
is answered: updates/s) and open load (people pause about `--pause` seconds after each answer:
about 150 messages/s from 200 people; answer times p50/p95/p99).
"""

from __future__ import annotations

import argparse
import asyncio
import math
from collections.abc import Sequence
from pathlib import Path

from bench.load import (
    Options,
    PhaseResult,
    Sandbox,
    add_load_arguments,
    bot_process,
    command_line,
    echo_conversation,
    echo_process,
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

THROUGHPUT_TARGET = 0.5
"""The bot's closed-loop updates/s at least this share of the echo bot's."""
P99_TARGET = 1.5
"""The bot's p99 under open load at most this multiple of the echo bot's."""


async def measure(options: Options) -> tuple[str, list[PhaseResult]]:
    """PostgreSQL's version, and both modes against the bot, then against the echo bot."""
    results: list[PhaseResult] = []
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
                for phase in options.phases("bot"):
                    results.append(
                        await run_phase(sandbox, bot, phase, tip_conversation, options.seed)
                    )
            async with running(await echo_process(workdir, url)) as echo:
                await until_answering(sandbox.client, echo)
                for phase in options.phases("echo"):
                    results.append(
                        await run_phase(sandbox, echo, phase, echo_conversation, options.seed)
                    )
    return version, results


def milliseconds(seconds: float) -> str:
    return "—" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def table(results: list[PhaseResult]) -> list[str]:
    lines = [
        "| bot | mode | people | sent/s | answered/s | p50 ms | p95 ms | p99 ms | gave up "
        "| bot CPU | sandbox CPU | people CPU |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        phase = result.phase
        lines.append(
            f"| {phase.target} | {phase.mode} | {phase.users} | {result.offered:.1f} "
            f"| {result.throughput:.1f} | {milliseconds(result.percentile(0.50))} "
            f"| {milliseconds(result.percentile(0.95))} | {milliseconds(result.percentile(0.99))} "
            f"| {result.gave_up} | {result.bot_cpu:.0%} | {result.sandbox_cpu:.0%} "
            f"| {result.people_cpu:.0%} |"
        )
    return lines


def verdicts(results: list[PhaseResult]) -> list[str]:
    found = {(result.phase.target, result.phase.mode): result for result in results}
    bot_closed, echo_closed = found["bot", "closed"], found["echo", "closed"]
    bot_open, echo_open = found["bot", "open"], found["echo", "open"]
    throughput = bot_closed.throughput / echo_closed.throughput
    p99 = bot_open.percentile(0.99) / echo_open.percentile(0.99)
    return [
        f"throughput bot/echo, closed loop: {bot_closed.throughput:.1f} / "
        f"{echo_closed.throughput:.1f} = {throughput:.2f} (target >= {THROUGHPUT_TARGET}) "
        f"{'PASS' if throughput >= THROUGHPUT_TARGET else 'FAIL'}",
        f"p99 bot/echo, open load ({bot_open.offered:.0f} and {echo_open.offered:.0f} msg/s "
        f"sent): {milliseconds(bot_open.percentile(0.99))} / "
        f"{milliseconds(echo_open.percentile(0.99))} ms = {p99:.2f} (target <= {P99_TARGET}) "
        f"{'PASS' if p99 <= P99_TARGET else 'FAIL'}",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.updates",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_load_arguments(parser)
    options = load_options(parser.parse_args(argv))
    print(f"$ {command_line('bench.updates')}")
    before = load_average()
    version, results = asyncio.run(measure(options))
    print(f"machine: {machine()}, PostgreSQL {version}")
    print(f"load average (1, 5, 15 min) before: {before}; after: {load_average()}")
    print()
    for line in [*table(results), "", *verdicts(results)]:
        print(line)


if __name__ == "__main__":
    main()
