"""Two bot instances in webhook mode behind one address, on one database.

A small round-robin proxy stands where a load balancer would: the sandbox's webhook points at it,
and it hands each update to the two instances in turn, headers and all. Each instance has its
own pool, web port and workers; they share the database, the webhook secret, the clock and the
receipt sessions' secret. (The same update delivered twice is another test's matter.)"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from aiohttp import web

from bot.app import BotApp
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SandboxServer
from db.store import Store, open_store
from roles.receipts import SealedReceiptSessions
from tests.conftest import PersonFactory
from tests.helpers import free_port, make_settings, started
from tests.test_broadcasts import (
    add_subscribers,
    announce,
    bot_messages,
    bulk_readers_leave_afterwards,  # noqa: F401 (an autouse fixture: bulk readers are removed)
    deliveries,
    finished,
    ombudsman,
    until_delivered,
)
from tests.test_commissar_work import bot_messages_with, queued_tip
from tests.test_tip_life import commissar_in, receipt_of
from tests.tipster import Report, send_report, tip_number

SECRET = "scale-out_secret"
SESSIONS_SECRET = "receipt-sessions-secret-of-the-two-instances"
WEBHOOK_PATH = "/telegram/webhook"
WAITING = "has been waiting in your region's queue"
ALBUM = 10


class RoundRobinProxy:
    """POSTs to WEBHOOK_PATH go to each instance in turn, with the caller's headers."""

    def __init__(self, targets: list[str]) -> None:
        self.targets = targets
        self._next = itertools.cycle(range(len(targets)))
        self.forwarded: Counter[int] = Counter()
        self._runner: web.AppRunner | None = None
        self._session = aiohttp.ClientSession()
        self.url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(WEBHOOK_PATH, self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        await self._session.close()

    async def _forward(self, request: web.Request) -> web.Response:
        index = next(self._next)
        self.forwarded[index] += 1
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in ("host", "content-length", "transfer-encoding")
        }
        async with self._session.post(
            self.targets[index] + WEBHOOK_PATH, data=await request.read(), headers=headers
        ) as response:
            return web.Response(status=response.status, body=await response.read())


class ShiftedClock:
    """Real time moved ahead by `shift`: the broadcast sender keeps running while a test jumps
    a day ahead for the reminders."""

    def __init__(self) -> None:
        self.shift = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.shift


@dataclass
class TwoInstances:
    first: BotApp
    second: BotApp
    proxy: RoundRobinProxy
    clock: ShiftedClock

    @property
    def apps(self) -> tuple[BotApp, BotApp]:
        return self.first, self.second


@pytest.fixture(scope="module")
async def sandbox() -> AsyncIterator[SandboxServer]:
    """One sandbox for the module: the two instances start once (each takes seconds)."""
    server = SandboxServer()
    await server.start("127.0.0.1", 0)
    yield server
    await server.stop()


@pytest.fixture(scope="module")
async def started_instances(
    database_url: str, sandbox: SandboxServer, store: Store
) -> AsyncIterator[TwoInstances]:
    ports = [free_port(), free_port()]
    proxy = RoundRobinProxy([f"http://127.0.0.1:{port}" for port in ports])
    await proxy.start()
    clock = ShiftedClock()
    stores = [await open_store(database_url, max_size=8) for _ in ports]
    apps = [
        BotApp(
            make_settings(
                database_url,
                web_port=port,
                webhook_url=proxy.url,
                webhook_secret=SECRET,
                receipt_sessions_secret=SESSIONS_SECRET,
            ),
            own_store,
            token=sandbox.token,
            api_base=sandbox.url,
            clock=clock,
        )
        for port, own_store in zip(ports, stores, strict=True)
    ]
    running: list[BotApp] = []
    try:
        for app in apps:
            await app.start()
            running.append(app)
        assert sandbox.world.webhook is not None and sandbox.world.webhook.url == proxy.url
        yield TwoInstances(apps[0], apps[1], proxy, clock)
    finally:
        for app in running:
            await app.stop()
        for own_store in stores:
            await own_store.close()
        await proxy.stop()


@pytest.fixture
def two_instances(started_instances: TwoInstances) -> TwoInstances:
    started_instances.clock.shift = timedelta(0)
    return started_instances


def updates_handled(app: BotApp) -> float:
    return sum(
        sample.value
        for metric in app.metrics.registry.collect()
        if metric.name == "acf_updates"
        for sample in metric.samples
        if sample.name == "acf_updates_total"
    )


async def test_a_tip_conversation_alternating_between_instances_ends_with_one_tip(
    two_instances: TwoInstances, new_person: PersonFactory, store: Store, client: SandboxClient
) -> None:
    """Every step lands on the other instance. The files of an album arrive at once, half on
    each instance; as each person's updates are handled one at a time, every file is kept and
    one message counts them all (edited as each arrives)."""
    tipster = await new_person("Scale", language_code="en")
    await started(tipster, "English")
    before = [updates_handled(app) for app in two_instances.apps]
    forwarded = dict(two_instances.proxy.forwarded)

    answer = await send_report(tipster, Report(album=ALBUM))

    number = tip_number(answer)
    user = await store.users.by_telegram_id(tipster.id)
    assert user is not None
    mine = await store.pool.fetch("SELECT id FROM tips WHERE tipster_user_id = $1", user.id)
    assert [row["id"] for row in mine] == [number]
    evidence = await store.pool.fetchval(
        "SELECT count(*) FROM tip_evidence WHERE tip_id = $1", number
    )
    assert evidence == ALBUM
    events = await client.request("GET", "/sandbox/api/events", params={"after": 0, "timeout": 0})
    counting = [
        event
        for event in events["events"]
        if event["kind"] == "message"
        and event["chat_id"] == tipster.id
        and "attached (at most" in (event["message"].get("text") or "")
    ]
    assert len(counting) == 1, "each file of the album saw the one before it"
    assert await store.tips.history(number) and await store.tips.status(number) == "new"
    assert (
        await store.pool.fetchval("SELECT count(*) FROM fsm_states WHERE user_id = $1", tipster.id)
        == 0
    )
    after = [updates_handled(app) for app in two_instances.apps]
    assert all(later - earlier >= 5 for earlier, later in zip(before, after, strict=True))
    assert all(two_instances.proxy.forwarded[i] - forwarded.get(i, 0) >= 5 for i in (0, 1))


async def test_an_anonymous_tipster_answers_on_one_instance_after_opening_on_the_other(
    two_instances: TwoInstances, new_person: PersonFactory, store: Store
) -> None:
    tipster = await new_person("Anon", language_code="en")
    await started(tipster, "English")
    answer = await send_report(tipster, Report(identity="🕶 Anonymous"))
    number = tip_number(answer)
    code = receipt_of(answer.text)

    await tipster.send(code)  # one instance opens the receipt session
    await tipster.reply_where(lambda m: f"Tip #{number}" in m.text)
    await tipster.press("✉ Reply")  # the other one reads it
    await tipster.reply_where(lambda m: "Send your answer" in m.text)
    await tipster.send("The office was 214.")
    await tipster.reply_where(lambda m: "Passed on" in m.text)

    thread = await store.tips.thread(number)
    assert [(m.direction, m.body) for m in thread] == [("from_tipster", "The office was 214.")]
    user = await store.users.by_telegram_id(tipster.id)
    assert user is not None
    rows = await store.pool.fetch("SELECT * FROM receipt_sessions")
    assert rows and all(set(row.keys()) == {"account_key", "nonce", "sealed_tip",
                                            "expires_at"} for row in rows)  # fmt: skip
    now = two_instances.clock.now()
    assert await SealedReceiptSessions(store, SESSIONS_SECRET).tip_of(user.id, now) == number
    stranger = SealedReceiptSessions(store, "another-secret-another-secret-another")
    assert await stranger.tip_of(user.id, now) is None

    two_instances.clock.shift += timedelta(minutes=31)
    await two_instances.second.forget_receipt_sessions()
    assert await SealedReceiptSessions(store, SESSIONS_SECRET).tip_of(user.id, now) is None
    await tipster.press("✉ Reply")
    expired = await tipster.callback_answer()
    assert "send the receipt code again (/receipt)" in expired["text"]


async def test_reminders_due_are_sent_once_while_both_instances_sweep(
    two_instances: TwoInstances, new_person: PersonFactory, store: Store
) -> None:
    clock = two_instances.clock
    commissars = [(await commissar_in(store, new_person, "KZY"))[0] for _ in range(2)]
    # Receipt look-ups TEST0500… (tests/test_commissar_work.py uses TEST0000…).
    numbers = [await queued_tip(store, "KZY", clock.now(), 500 + index) for index in range(20)]
    clock.shift += timedelta(hours=25)

    await asyncio.gather(*(app.sweep_reminders() for app in two_instances.apps))

    rows = await store.pool.fetch(
        "SELECT user_id, payload->>'tip' AS tip FROM outbox "
        "WHERE kind = 'reminder_unclaimed' AND (payload->>'tip')::bigint = ANY($1::bigint[])",
        numbers,
    )
    pairs = Counter((row["user_id"], int(row["tip"])) for row in rows)
    assert len(pairs) == len(commissars) * len(numbers) and set(pairs.values()) == {1}
    for commissar in commissars:
        got: Counter[int] = Counter()
        while len(got) < len(numbers):
            # The sweeps also send what earlier tests of the run left due, to people gone.
            reminder = await commissar.reply_where(lambda m: WAITING in m.text, timeout=60)
            got[tip_number(reminder)] += 1
        assert sorted(got) == sorted(numbers) and set(got.values()) == {1}
        repeated = await bot_messages_with(commissar, WAITING)
        assert len(repeated) == len(numbers)


async def test_a_broadcast_reaches_each_reader_once_while_both_instances_run(
    two_instances: TwoInstances, new_person: PersonFactory, store: Store, sandbox: SandboxServer
) -> None:
    author, actor = await ombudsman(store, new_person, "Scale")
    readers = await add_subscribers(store, sandbox.world, "KZY", 120)
    assert {app.broadcasts.leading for app in two_instances.apps} == {True, False}

    number = await announce(store, author, actor, "Два экземпляра, одна рассылка", "KZY")
    await until_delivered(sandbox.world, {reader.id for reader in readers}, 1)
    scraped = await metrics_text(two_instances.second)
    assert f'acf_broadcast_recipients{{broadcast="{number}"}} 120.0' in scraped
    await finished(author, number, timeout=60)

    assert await deliveries(store, number) == {"sent": len(readers)}
    assert all(len(bot_messages(sandbox.world, reader.id)) == 1 for reader in readers)


async def metrics_text(app: BotApp) -> str:
    async with aiohttp.ClientSession() as session, session.get(f"{app.web_url}/metrics") as got:
        assert got.status == 200
        return await got.text()


@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}])
async def test_the_address_refuses_updates_without_the_secret_on_either_instance(
    two_instances: TwoInstances, store: Store, headers: dict[str, str]
) -> None:
    """As tests/test_web.py::test_the_webhook_refuses_requests_without_the_secret checks for
    one instance: whichever instance the proxy picks answers 401 and nothing is recorded."""
    forged = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 98, "type": "private"},
            "from": {"id": 98, "is_bot": False, "first_name": "Forger"},
            "text": "/start",
        },
    }
    statuses = []
    async with aiohttp.ClientSession() as session:
        for _ in range(2):
            async with session.post(
                two_instances.proxy.url, json=forged, headers=headers
            ) as response:
                statuses.append(response.status)
    assert statuses == [401, 401]
    assert await store.users.by_telegram_id(98) is None
