"""Broadcast under Telegram's limits: `python -m bench.broadcast [--recipients N] [--limit R]`.

Two scenarios, each on a fresh database and a fresh sandbox with its limits on: the real bot
(`python -m bot`, a separate process polling the sandbox) sends one announcement to N
subscribers (1) straight through, and (2) killed with SIGKILL half-way and started again.
Figures come from the sandbox (what it accepted, when, and in which chat) and from the store
(each delivery row's state). The bot is told to send at the sandbox's own limit
(`BROADCAST_RATE` = `--limit` unless `--rate` says otherwise), so the rate is the sender's
capacity: in real use the default 25 a second leaves room for the bot's answers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from bot.sandbox.client import ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import Limits, World
from db.migrate import apply_migrations
from db.store import Store, open_store
from roles import broadcasts, people, staff
from roles.broadcasts import Audience, BroadcastDraft
from roles.clock import SystemClock
from tests.helpers import environment_with, free_port, fresh_database

MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
FIRST_RECIPIENT = 700_000_000
"""Telegram ids of the recipients start here (the author gets the sandbox's own)."""
RATE_TARGET = 0.95
WINDOW = 10.0
"""Seconds of the best and worst windows."""
KILL_AT = 0.5
"""The share of the reachable recipients served when the bot is killed."""


@dataclass
class Options:
    recipients: int
    limit: float
    rate: float
    blocked_share: float
    server_url: str


@dataclass
class Outcome:
    scenario: str
    recipients: int
    reachable: int
    blocked_people: int
    accepted: list[float]
    """When the sandbox accepted each copy of the announcement."""
    sends: list[float]
    """When the sandbox answered each copy: accepted, or refused because the person blocked the
    bot (the sender cannot know that before it asks)."""
    throttled: int
    """429 answers of the sandbox while sending (to any method, the progress message's too)."""
    throttled_copies: int
    """Copies refused with 429 (each was sent again later)."""
    duplicates: int
    lost: int
    unconfirmed: int
    unconfirmed_received: int
    blocked_unconfirmed: int
    """People who blocked the bot and whose row was in flight at the kill."""
    blocked_marked: int
    states: dict[str, int]
    gap: float | None = None
    """Seconds between the last copy before the kill and the first after the restart."""
    in_flight_at_kill: int = 0
    segments: list[tuple[float, float]] = field(default_factory=list)
    """Spans of time the bot was sending (the kill's gap left out)."""


# ------------------------------------------------------------------ setting the scene


async def add_recipients(store: Store, world: World, count: int) -> list[int]:
    """`count` nationwide subscribers who have a chat with the bot (a share of them blocked it
    since, as the sandbox's limits say), written to the store in one statement."""
    ids = list(range(FIRST_RECIPIENT, FIRST_RECIPIENT + count))
    for person_id in ids:
        world.chat_of(world.add_person(f"Reader {person_id}", person_id=person_id))
    await store.pool.execute(
        "INSERT INTO users (telegram_id, first_name, telegram_language, subscribed) "
        "SELECT id, 'Reader ' || id, 'ru', true FROM unnest($1::bigint[]) AS id",
        ids,
    )
    return ids


async def start_bot(log_dir: Path, sandbox: SandboxServer, database: str, rate: float) -> Any:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=log_dir,
        env=environment_with(
            BOT_TOKEN=sandbox.token,
            BOT_API_BASE_URL=sandbox.url,
            DATABASE_URL=database,
            WEB_PORT=str(free_port()),
            QUIET_HOURS="off",
            BROADCAST_RATE=str(rate),
            LOG_LEVEL="WARNING",
        ),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=(log_dir / "bot.log").open("ab"),
    )


async def stop(process: Any) -> None:
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 10)
        except TimeoutError:
            process.kill()
            await process.wait()


async def ombudsman(store: Store, client: SandboxClient) -> ChatPerson:
    author = await client.person("Author", person_id=FIRST_RECIPIENT - 1)
    await author.send("/start")
    await author.reply(timeout=90)  # the bot's first answer comes once it has started
    await author.press("Русский")
    await author.reply_where(lambda message: "/help" in message.text)
    await staff.grant_role(store, staff.Authority("shell"), author.id, "ombudsman")
    return author


async def announce(store: Store, author: ChatPerson) -> int:
    source = await author.send("Приём граждан 5 мая: подробности на сайте")
    await author.reply()
    row = await store.users.by_telegram_id(author.id)
    assert row is not None
    draft = BroadcastDraft(author.id, int(source["message_id"]), "text", Audience())
    broadcast = await broadcasts.confirm(store, people.actor_from(row), draft, SystemClock())
    return broadcast.id


# ------------------------------------------------------------------ one scenario


def scenario_name(kill: bool) -> str:
    return "killed half-way, restarted" if kill else "straight through"


async def run_scenario(options: Options, *, kill: bool) -> Outcome:
    print(
        f"\n== {scenario_name(kill)}: {options.recipients} recipients, limit {options.limit:g}/s",
        flush=True,
    )
    limits = Limits(overall=options.limit, per_chat=1, blocked_share=options.blocked_share)
    sandbox = SandboxServer(limits=limits)
    await sandbox.start("127.0.0.1", 0)
    client = SandboxClient(sandbox.url)
    try:
        async with fresh_database(options.server_url) as database:
            store = await open_store(database, max_size=4)
            try:
                await apply_migrations(store.pool)
                with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as folder:
                    return await _measure(
                        options, store, sandbox, client, database, Path(folder), kill
                    )
            finally:
                await store.close()
    finally:
        await client.close()
        await sandbox.stop()


async def _measure(
    options: Options,
    store: Store,
    sandbox: SandboxServer,
    client: SandboxClient,
    database: str,
    folder: Path,
    kill: bool,
) -> Outcome:
    world = sandbox.world
    bot = await start_bot(folder, sandbox, database, options.rate)
    try:
        author = await ombudsman(store, client)
        started_at = time.monotonic()
        ids = await add_recipients(store, world, options.recipients)
        print(f"   {len(ids)} recipients added in {time.monotonic() - started_at:.1f} s")
        recipients = set(ids)
        reachable = {person_id for person_id in ids if not world.people[person_id].blocked_bot}
        accepted_before = len(world.sent_moments)
        refused_before = len(world.refused_moments)
        throttled_before = world.throttled
        number = await announce(store, author)
        served: set[int] = set()
        after = 0
        killed_at: float | None = None
        in_flight_at_kill = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 3 * options.recipients / options.rate + 180
        next_look = 0.0
        while True:
            events = await world.wait_events(after, None, timeout=1.0)
            if events:
                after = events[-1]["seq"]
                served |= {
                    event["chat_id"]
                    for event in events
                    if event["kind"] == "message"
                    and not event["outgoing"]
                    and event["chat_id"] in recipients
                }
            if kill and killed_at is None and len(served) >= KILL_AT * len(reachable):
                bot.send_signal(signal.SIGKILL)
                await bot.wait()
                killed_at = time.monotonic()
                in_flight_at_kill = await store.pool.fetchval(
                    "SELECT count(*) FROM broadcast_deliveries "
                    "WHERE broadcast_id = $1 AND state = 'in_flight'",
                    number,
                )
                print(f"   killed (SIGKILL) after {len(served)}; {in_flight_at_kill} in flight")
                bot = await start_bot(folder, sandbox, database, options.rate)
            if loop.time() >= next_look:
                next_look = loop.time() + 10
                status = await store.pool.fetchval(
                    "SELECT status FROM broadcasts WHERE id = $1", number
                )
                print(f"   {len(served)} served, {world.throttled - throttled_before} × 429")
                if status == "done":
                    break
                if loop.time() > deadline:
                    raise TimeoutError(f"the broadcast was not done in time ({status})")
    finally:
        await stop(bot)

    accepted = world.sent_moments[accepted_before:]
    copies = Counter[int]()
    for person_id in recipients:
        chat = world.chats[person_id]
        copies[person_id] = sum(
            1 for message in chat.messages.values() if message["from"].get("is_bot")
        )
    # The author's progress message is the other one accepted (the first, unless it met a 429).
    accepted = accepted[len(accepted) - sum(copies.values()) :]
    rows = await store.pool.fetch(
        "SELECT u.telegram_id, d.state, u.unreachable, u.subscribed, "
        "coalesce(d.last_error LIKE '%Too Many Requests%', false) AS throttled "
        "FROM broadcast_deliveries d JOIN users u ON u.id = d.user_id "
        "WHERE d.broadcast_id = $1",
        number,
    )
    state_of = {row["telegram_id"]: row["state"] for row in rows}
    unconfirmed = {chat for chat, state in state_of.items() if state == "unconfirmed"}
    blocked_people = recipients - reachable
    marked = {
        row["telegram_id"]
        for row in rows
        if row["state"] == "blocked" and row["unreachable"] and not row["subscribed"]
    }
    sends = sorted(accepted + world.refused_moments[refused_before:])
    segments = [(sends[0], sends[-1])] if sends else []
    gap = None
    if killed_at is not None and sends:
        before = [moment for moment in sends if moment <= killed_at]
        later = [moment for moment in sends if moment > killed_at]
        if before and later:
            segments = [(before[0], before[-1]), (later[0], later[-1])]
            gap = later[0] - before[-1]
    return Outcome(
        scenario=scenario_name(kill),
        recipients=len(recipients),
        reachable=len(reachable),
        blocked_people=len(blocked_people),
        accepted=accepted,
        sends=sends,
        throttled=world.throttled - throttled_before,
        duplicates=sum(1 for count in copies.values() if count > 1),
        lost=sum(
            1 for chat in reachable if copies[chat] == 0 and state_of.get(chat) != "unconfirmed"
        ),
        unconfirmed=len(unconfirmed),
        unconfirmed_received=sum(1 for chat in unconfirmed if copies[chat] > 0),
        throttled_copies=sum(1 for row in rows if row["throttled"]),
        blocked_unconfirmed=len(blocked_people & unconfirmed),
        blocked_marked=len(marked & blocked_people),
        states=dict(Counter(state_of.values())),
        gap=gap,
        in_flight_at_kill=in_flight_at_kill,
        segments=segments,
    )


# ------------------------------------------------------------------ figures


def rate(moments: list[float], segments: list[tuple[float, float]]) -> float:
    """Messages a second while sending: moments within the segments over their length."""
    intervals = sum(
        max(0, sum(1 for moment in moments if start <= moment <= end) - 1)
        for start, end in segments
    )
    length = sum(end - start for start, end in segments)
    return intervals / length if length > 0 else 0.0


def windows(moments: list[float], segments: list[tuple[float, float]]) -> tuple[float, float]:
    """The best and the worst rate over WINDOW seconds wholly within one segment."""
    rates: list[float] = []
    for start, end in segments:
        inside = [moment for moment in moments if start <= moment <= end]
        for first, moment in enumerate(inside):
            if moment + WINDOW > end:
                break
            last = first
            while last < len(inside) and inside[last] < moment + WINDOW:
                last += 1
            rates.append((last - first) / WINDOW)
    return (max(rates), min(rates)) if rates else (0.0, 0.0)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def table(options: Options, outcomes: list[Outcome]) -> tuple[str, bool]:
    """The figures of each scenario side by side, with the targets and a verdict each."""
    limit = options.limit
    header = ["", *(outcome.scenario for outcome in outcomes), "target"]
    rows: list[list[str]] = []
    passed = True

    def share(value: float) -> str:
        return f"{value:.2f}/s = {value / limit:.1%}"

    def add(
        name: str, cells: list[str], target: str = "", checks: list[bool] | None = None
    ) -> None:
        nonlocal passed
        if checks is not None:
            cells = [f"{cell} {verdict(ok)}" for cell, ok in zip(cells, checks, strict=True)]
            passed = passed and all(checks)
        rows.append([name, *cells, target])

    add(
        "recipients (reachable + blocked)",
        [f"{o.recipients} ({o.reachable} + {o.blocked_people})" for o in outcomes],
    )
    add(
        "sending time, s",
        [
            f"{sum(end - start for start, end in o.segments):.1f}"
            + (f" + {o.gap:.1f} restart" if o.gap is not None else "")
            for o in outcomes
        ],
    )
    sending = [rate(o.sends, o.segments) for o in outcomes]
    accepted = [rate(o.accepted, o.segments) for o in outcomes]
    add("copies accepted", [share(value) for value in accepted])
    add(
        "sends answered (accepted or 403)",
        [share(value) for value in sending],
        f">= {RATE_TARGET:.0%} of {limit:g}/s",
        [value >= RATE_TARGET * limit for value in sending],
    )
    best_worst = [windows(o.sends, o.segments) for o in outcomes]
    add(f"best {WINDOW:g} s of sends", [share(best) for best, _ in best_worst])
    add(f"worst {WINDOW:g} s of sends", [share(worst) for _, worst in best_worst])
    add(
        "429 answers: to copies / in all",
        [f"{o.throttled_copies} / {o.throttled}" for o in outcomes],
    )
    add(
        "duplicates",
        [str(o.duplicates) for o in outcomes],
        "0",
        [o.duplicates == 0 for o in outcomes],
    )
    add("lost", [str(o.lost) for o in outcomes], "0", [o.lost == 0 for o in outcomes])
    add(
        "unconfirmed (got it / not)",
        [
            f"{o.unconfirmed} ({o.unconfirmed_received} / {o.unconfirmed - o.unconfirmed_received})"
            for o in outcomes
        ],
        "<= in flight at kill",
        [o.unconfirmed <= o.in_flight_at_kill for o in outcomes],
    )
    add(
        "in flight at the kill",
        [str(o.in_flight_at_kill) if o.gap is not None else "-" for o in outcomes],
    )
    add(
        "blocked: row blocked, person unreachable",
        [f"{o.blocked_marked} of {o.blocked_people}" for o in outcomes],
        "all but unconfirmed",
        [o.blocked_marked + o.blocked_unconfirmed == o.blocked_people for o in outcomes],
    )
    add(
        "rows by state",
        [
            ", ".join(f"{state} {count}" for state, count in sorted(o.states.items()))
            for o in outcomes
        ],
    )
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |"
        for row in [header, *rows]
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines), passed


def machine(postgres_version: str) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GiB RAM; "
        f"Python {platform.python_version()}; PostgreSQL {postgres_version}"
    )


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


async def main(options: Options) -> bool:
    connection = await asyncpg.connect(options.server_url)
    try:
        postgres_version = await connection.fetchval("SHOW server_version")
    finally:
        await connection.close()
    print(machine(postgres_version))
    print(f"load average at the start: {load()}")
    print(f"BROADCAST_RATE={options.rate:g}, sandbox limit {options.limit:g}/s overall, 1/s a chat")
    outcomes = [
        await run_scenario(options, kill=False),
        await run_scenario(options, kill=True),
    ]
    text, passed = table(options, outcomes)
    print()
    print(text)
    print(f"\nload average at the end: {load()}")
    print("PASS" if passed else "FAIL")
    return passed


def parse(arguments: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m bench.broadcast",
        description="The broadcast sender under the sandbox's limits, straight through "
        "and killed half-way.",
    )
    parser.add_argument("--recipients", type=int, default=10_000, help="subscribers to send to")
    parser.add_argument(
        "--limit",
        type=float,
        default=30.0,
        help="the sandbox's overall limit a second (Telegram: 30)",
    )
    parser.add_argument("--rate", type=float, help="the bot's BROADCAST_RATE (default: the limit)")
    parser.add_argument(
        "--blocked-share", type=float, default=0.05, help="share of recipients who blocked the bot"
    )
    parser.add_argument(
        "--database-url",
        default=MACHINE_POSTGRES,
        help="a PostgreSQL server where a fresh database is created and dropped",
    )
    given = parser.parse_args(arguments)
    return Options(
        recipients=given.recipients,
        limit=given.limit,
        rate=given.rate if given.rate is not None else given.limit,
        blocked_share=given.blocked_share,
        server_url=given.database_url,
    )


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(0 if asyncio.run(main(parse())) else 1)
    sys.exit(130)
