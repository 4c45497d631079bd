"""The machinery of the updates and memory benchmarks: the sandbox, the real bot and the echo bot
each in a process of its own, a fresh database, and simulated people driving the sandbox over
HTTP. Answer times come from the sandbox's own event log (its monotonic clock), from the moment
a person's message or press enters the sandbox to the bot's first new or edited message in that
chat."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

from bot.sandbox.client import BotMessage, ChatPerson, SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN
from tests.helpers import environment_with, free_port
from tests.tipster import Report, question

ROOT = Path(__file__).resolve().parent.parent
MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
ANSWER_TIMEOUT = 30.0
"""How long a simulated person waits for an answer before giving the conversation up."""

BENCH_SETTINGS = {
    # Simulated people send far more than a person does: the daily tip limit and the flood
    # guard would stop them, and they are not what is measured.
    "TIPS_PER_DAY": "1000",
    "FLOOD_BURST": "1000",
    "FLOOD_PER_MINUTE": "6000",
    "QUIET_HOURS": "off",
    "LOG_LEVEL": "WARNING",
}


class Child:
    """A process of the benchmark, with its CPU time and memory read from /proc."""

    def __init__(self, name: str, process: asyncio.subprocess.Process, log: Path) -> None:
        self.name = name
        self.process = process
        self.pid = process.pid
        self.log = log

    def cpu_seconds(self) -> float:
        """User and system CPU time so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> tuple[float, float]:
        """Resident memory now and its peak so far (VmRSS, VmHWM), in MB."""
        values: dict[str, float] = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) / 1024
        return values["VmRSS"], values["VmHWM"]

    async def stop(self) -> None:
        if self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(15):
                await self.process.wait()
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def spawn(name: str, module: str, cwd: Path, **settings: str) -> Child:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        cwd=cwd,
        env={**environment_with(**settings), "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE if name == "sandbox" else asyncio.subprocess.DEVNULL,
        stderr=(cwd / f"{name}.log").open("ab"),
    )
    return Child(name, process, cwd / f"{name}.log")


@contextlib.asynccontextmanager
async def running(child: Child) -> AsyncIterator[Child]:
    try:
        yield child
    finally:
        await child.stop()


@contextlib.asynccontextmanager
async def sandbox_process(workdir: Path) -> AsyncIterator[tuple[Child, str]]:
    """The sandbox in its own process (no emulated limits); yields it and its URL."""
    child = await spawn("sandbox", "bench.sandbox", workdir)
    async with running(child):
        assert child.process.stdout is not None
        async with asyncio.timeout(30):
            url = (await child.process.stdout.readline()).decode().strip()
        if not url:
            raise RuntimeError(f"the sandbox did not start; see {workdir / 'sandbox.log'}")
        yield child, url


def bot_process(workdir: Path, url: str, database_url: str) -> Awaitable[Child]:
    """`python -m bot`, polling the sandbox, with the benchmark's settings."""
    return spawn(
        "bot",
        "bot",
        workdir,
        BOT_TOKEN=SANDBOX_TOKEN,
        BOT_API_BASE_URL=url,
        DATABASE_URL=database_url,
        WEB_PORT=str(free_port()),
        **BENCH_SETTINGS,
    )


def echo_process(workdir: Path, url: str) -> Awaitable[Child]:
    return spawn("echo", "bench.echo", workdir, BOT_TOKEN=SANDBOX_TOKEN, BOT_API_BASE_URL=url)


def new_workdir() -> tempfile.TemporaryDirectory[str]:
    """A folder without a .env, for the processes' logs."""
    return tempfile.TemporaryDirectory(prefix="acf-bench-")


def http_session() -> aiohttp.ClientSession:
    """One session for every simulated person: no cap on connections (each waits on one)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


async def until_answering(client: SandboxClient, child: Child, timeout: float = 300) -> None:
    """Wait until the bot answers a probe person (it is started, migrated and polling). Importing
    aiogram takes seconds of CPU, and a minute on a busy 2-core machine."""
    probe = await client.person("Probe", language_code="en")
    await probe.send("/help")
    try:
        await probe.reply(timeout=timeout)
    except TimeoutError:
        code = child.process.returncode
        log = child.log.read_text(errors="replace")[-3000:]
        raise RuntimeError(
            f"{child.name} did not answer within {timeout}s (exit code {code}); its log:\n{log}"
        ) from None


# ---------------------------------------------------------------- simulated people


class Finished(Exception):
    """The phase is over: the person sends nothing more."""


class PacedPerson(ChatPerson):
    """A person who waits a moment (`pause()` seconds) before each message or press, and stops
    acting at `deadline` (the event loop's clock)."""

    def __init__(self, person: ChatPerson, pause: Callable[[], float], deadline: float) -> None:
        super().__init__(person.client, person.id, person.profile)
        self.pause = pause
        self.deadline = deadline

    async def _before_acting(self) -> None:
        wait = self.pause()
        loop = asyncio.get_running_loop()
        if loop.time() + wait >= self.deadline:
            raise Finished
        if wait > 0:
            await asyncio.sleep(wait)

    async def send(self, text: str) -> dict[str, Any]:
        await self._before_acting()
        return await super().send(text)

    async def press_data(self, message_id: int, data: str) -> str:
        await self._before_acting()
        return await super().press_data(message_id, data)


Conversation = Callable[[ChatPerson], Awaitable[None]]


async def tip_conversation(person: ChatPerson) -> None:
    """A tip through the whole conversation, as tests/tipster.py sends one: ten updates."""
    report = Report()
    await person.send("/report")
    step = await question(person, 1)
    await person.press(report.category, step)
    step = await question(person, 2)
    await person.press(report.region, step)
    await question(person, 3)
    await person.send(report.body)
    await question(person, 4)
    await person.send(report.description)
    step = await question(person, 5)
    await person.press(report.when, step)
    await question(person, 6)
    assert report.address is not None
    await person.send(report.address)
    step = await question(person, 7)
    await person.press("Skip →", step)
    step = await question(person, 8)
    await person.press(report.identity, step)
    summary = await person.reply_where(lambda message: "Check your report" in message.text)
    await person.press("✅ Send", summary)
    await person.reply_where(lambda message: "Thank you" in message.text)


ECHO_STEPS = ("send", "press", "press", "send", "send", "press", "send", "press", "press")


async def echo_conversation(person: ChatPerson) -> None:
    """Ten updates of the same kinds as a tip's (texts and presses), each answered by the echo."""
    await person.send("/report")
    last: BotMessage = await person.reply(ANSWER_TIMEOUT)
    for kind in ECHO_STEPS:
        if kind == "send":
            await person.send(Report().description)
        else:
            await person.press("Next", last)
        last = await person.reply(ANSWER_TIMEOUT)


# ---------------------------------------------------------------- phases


@dataclass(frozen=True)
class Phase:
    """One measured run of people against one bot."""

    target: str
    mode: str
    users: int
    pause: float
    """Mean seconds a person waits after an answer (uniform within ±50 %); 0 for closed loop."""
    duration: float
    warmup: float


@dataclass(frozen=True)
class PhaseResult:
    phase: Phase
    window: float
    sent: int
    answered: int
    gave_up: int
    latencies: list[float]
    bot_cpu: float
    sandbox_cpu: float
    people_cpu: float
    """Shares of one core: the bot's process, the sandbox's, and this one's (the people)."""

    @property
    def offered(self) -> float:
        return self.sent / self.window

    @property
    def throughput(self) -> float:
        return self.answered / self.window

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Sandbox:
    """The people's side of the sandbox process: adding people and reading its event log."""

    def __init__(self, client: SandboxClient, child: Child) -> None:
        self.client = client
        self.child = child
        self.cursor = 0
        self._people = 0

    async def new_people(self, count: int) -> list[ChatPerson]:
        start = self._people
        self._people += count
        return list(
            await asyncio.gather(
                *(
                    self.client.person(f"Bench{start + index}", language_code="en")
                    for index in range(count)
                )
            )
        )

    async def events_since_last(self) -> list[dict[str, Any]]:
        """Every event since the previous call."""
        events: list[dict[str, Any]] = []
        while True:
            body = await self.client.request(
                "GET",
                "/sandbox/api/events",
                params={"after": self.cursor, "timeout": "0", "limit": "5000"},
            )
            if not body["events"]:
                return events
            events.extend(body["events"])
            self.cursor = body["cursor"]


def answer_times(
    events: list[dict[str, Any]], chats: set[int], start: float, end: float
) -> tuple[int, list[float]]:
    """People's messages and presses in [start, end) in these chats, and the seconds from each
    to the bot's first new or edited message after it in the same chat (when there is one)."""
    waiting: dict[int, list[float]] = {}
    sent = 0
    latencies: list[float] = []
    for event in events:
        chat = event["chat_id"]
        if chat not in chats:
            continue
        kind = event["kind"]
        if kind == "press" or (kind == "message" and event["outgoing"]):
            if start <= event["at"] < end:
                sent += 1
                waiting.setdefault(chat, []).append(event["at"])
        elif (kind == "message" or kind == "edit") and waiting.get(chat):
            latencies.append(event["at"] - waiting[chat].pop(0))
    return sent, latencies


async def run_phase(
    sandbox: Sandbox, bot: Child, phase: Phase, conversation: Conversation, seed: int
) -> PhaseResult:
    people = await sandbox.new_people(phase.users)
    await sandbox.events_since_last()
    loop = asyncio.get_running_loop()
    began = loop.time()
    deadline = began + phase.duration
    gave_up = 0

    async def act(index: int, person: ChatPerson) -> None:
        nonlocal gave_up
        chance = random.Random(seed * 100_003 + index)
        if phase.pause:
            low, high = phase.pause * 0.5, phase.pause * 1.5
            paced = PacedPerson(person, lambda: chance.uniform(low, high), deadline)
            await asyncio.sleep(chance.uniform(0, phase.pause))
        else:
            paced = PacedPerson(person, lambda: 0.0, deadline)
            await asyncio.sleep(chance.uniform(0, 1.0))
        while True:
            try:
                await conversation(paced)
            except Finished:
                return
            except (TimeoutError, LookupError):
                gave_up += 1

    cpu_at = (bot.cpu_seconds(), sandbox.child.cpu_seconds(), time.process_time())
    measured_from = began + phase.warmup
    measured_to = deadline
    await asyncio.gather(*(act(index, person) for index, person in enumerate(people)))
    cpu = (
        bot.cpu_seconds() - cpu_at[0],
        sandbox.child.cpu_seconds() - cpu_at[1],
        time.process_time() - cpu_at[2],
    )
    took = loop.time() - began
    events = await sandbox.events_since_last()
    window = measured_to - measured_from
    sent, latencies = answer_times(
        events, {person.id for person in people}, measured_from, measured_to
    )
    return PhaseResult(
        phase=phase,
        window=window,
        sent=sent,
        answered=len(latencies),
        gave_up=gave_up,
        latencies=latencies,
        bot_cpu=cpu[0] / took,
        sandbox_cpu=cpu[1] / took,
        people_cpu=cpu[2] / took,
    )


@dataclass(frozen=True)
class Options:
    closed_users: int
    users: int
    pause: float
    duration: float
    warmup: float
    seed: int
    database_url: str | None

    def phases(self, target: str) -> tuple[Phase, Phase]:
        return (
            Phase(target, "closed", self.closed_users, 0.0, self.duration, self.warmup),
            Phase(target, "open", self.users, self.pause, self.duration, self.warmup),
        )

    @property
    def database_server(self) -> str:
        return self.database_url or os.environ.get("DATABASE_URL") or MACHINE_POSTGRES


def add_load_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--closed-users", type=int, default=50, help="people in closed loop")
    parser.add_argument("--users", type=int, default=200, help="people in open load")
    parser.add_argument(
        "--pause", type=float, default=1.0, help="mean pause after an answer in open load (s)"
    )
    parser.add_argument("--duration", type=float, default=25.0, help="seconds of each phase")
    parser.add_argument(
        "--warmup", type=float, default=5.0, help="first seconds of a phase not measured"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the people's pauses")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server where a fresh database is created and dropped "
        "(default: DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres)",
    )


def load_options(values: argparse.Namespace) -> Options:
    return Options(
        closed_users=values.closed_users,
        users=values.users,
        pause=values.pause,
        duration=values.duration,
        warmup=values.warmup,
        seed=values.seed,
        database_url=values.database_url,
    )


async def postgres_version(database_url: str) -> str:
    connection = await asyncpg.connect(database_url)
    try:
        version: str = await connection.fetchval("SHOW server_version")
        return version.split()[0]
    finally:
        await connection.close()


def machine() -> str:
    """CPU model, cores, memory and Python of this machine."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GB RAM, "
        f"Python {platform.python_version()}"
    )


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def command_line(module: str) -> str:
    """The command that repeats this run."""
    return " ".join([".venv/bin/python", "-m", module, *sys.argv[1:]])
