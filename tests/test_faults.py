"""Faults: the bot killed with SIGKILL mid-conversation and mid-sweep, the same update delivered
twice, the Bot API answering 5xx or too late. (PostgreSQL restarted under a running bot:
tests/test_faults_postgres.py. A broadcast sender killed mid-broadcast:
tests/test_broadcasts.py::test_a_sender_killed_mid_way_resumes_without_duplicates_or_losses.)

What is guaranteed (docs/architecture.md, "Faults and recovery"): an update is handled once, and
again only when the process handling it died before it finished; an outbox message is sent at
most once, and one that may have reached Telegram when its sender died or timed out is recorded
as unconfirmed; nothing is lost silently."""

from __future__ import annotations

import asyncio
import secrets
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

from bot.app import BotApp
from bot.retries import RetryPolicy
from bot.sandbox.client import ChatPerson
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import ApiError, Params, World
from bot.settings import Settings
from db.fsm import ConversationKey, ConversationStates
from db.store import Store
from roles import reminders
from roles.clock import SystemClock
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import free_port, new_telegram_id, start_bot_process, started
from tests.tipster import DESCRIPTION, question, tip_number

SECRET = "faults-secret"
FAST = RetryPolicy(first_pause=0.05, longest_pause=0.5, budget=5.0)
"""The session's retry policy with short pauses, so that tests do not wait."""


def bot_texts(world: World, person_id: int, *, edits: bool = False) -> list[str]:
    """Every message the bot put in this person's chat (and with `edits`, every text it
    edited one into), in order."""
    chat = world.chats.get(person_id)
    if chat is None:
        return []
    return [
        str(event["message"].get("text") or "")
        for event in chat.events
        if (event["kind"] == "message" and not event["outgoing"])
        or (edits and event["kind"] == "edit")
    ]


async def until(condition: Callable[[], Awaitable[bool]], timeout: float = 30) -> None:
    """Wait until the store shows `condition`, looking every 50 ms: a row written by another
    process, or just after the last message, announces itself by no event."""
    async with asyncio.timeout(timeout):
        while not await condition():  # noqa: ASYNC110
            await asyncio.sleep(0.05)


# ------------------------------------------------------------------ an update delivered twice


def forged_update(person: ChatPerson, text: str) -> dict[str, Any]:
    """An update as Telegram would post it, with an id the sandbox never gives out."""
    sender = {"id": person.id, "is_bot": False, "first_name": "Twice", "language_code": "en"}
    return {
        "update_id": 900_000_000 + secrets.randbelow(10**8),
        "message": {
            "message_id": 10**6 + secrets.randbelow(10**6),
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": person.id, "type": "private", "first_name": "Twice"},
            "from": sender,
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


async def test_the_same_update_posted_twice_to_the_webhook_is_handled_once(
    bot_runner: BotRunner, sandbox: SandboxServer, new_person: PersonFactory, store: Store
) -> None:
    port = free_port()
    app = await bot_runner.start(
        web_port=port,
        webhook_url=f"http://127.0.0.1:{port}/telegram/webhook",
        webhook_secret=SECRET,
    )
    person = await new_person("Twice", language_code="en")
    await started(person, "English")
    update = forged_update(person, "/report")
    url = f"{app.web_url}/telegram/webhook"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    async def post() -> int:
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, json=update, headers=headers) as response,
        ):
            return response.status

    assert list(await asyncio.gather(post(), post(), post())) == [200, 200, 200]
    await question(person, 1)

    async def finished() -> bool:
        row = await store.pool.fetchrow(
            "SELECT finished_at, payload FROM handled_updates WHERE update_id = $1",
            update["update_id"],
        )
        return row is not None and row["finished_at"] is not None and row["payload"] is None

    await until(finished)
    assert await post() == 200  # Telegram retrying after the update was handled
    state = await store.pool.fetchval(
        "SELECT state FROM fsm_states WHERE user_id = $1 AND chat_id = $1", person.id
    )
    assert state == "ReportFlow:category"
    steps = [text for text in bot_texts(sandbox.world, person.id) if "Step 1 of 8" in text]
    assert len(steps) == 1


# ------------------------------------------------------- killed mid-conversation and mid-sweep


class Holder:
    """Part of a sandbox gate: stops the first call of `method` that `wanted` picks until
    released; released with `arrived=False`, the call fails as if it never reached Telegram."""

    def __init__(self, method: str, wanted: Callable[[Params], bool]) -> None:
        self.method = method
        self.wanted = wanted
        self.holding = asyncio.Event()
        self._released = asyncio.Event()
        self._arrived = True
        self.done = False

    async def __call__(self, method: str, params: Params) -> None:
        if self.done or method != self.method or not self.wanted(params):
            return
        self.done = True
        self.holding.set()
        await self._released.wait()
        if not self._arrived:
            raise ApiError(502, "Bad Gateway")

    def release(self, *, arrived: bool) -> None:
        self._arrived = arrived
        self._released.set()


def gate_of(*holders: Holder) -> Callable[[str, Params], Awaitable[None]]:
    async def gate(method: str, params: Params) -> None:
        for holder in holders:
            await holder(method, params)

    return gate


def process_settings(sandbox: SandboxServer, database_url: str) -> dict[str, str]:
    return {
        "BOT_TOKEN": sandbox.token,
        "BOT_API_BASE_URL": sandbox.url,
        "DATABASE_URL": database_url,
        "WEB_PORT": str(free_port()),
        "QUIET_HOURS": "off",
        "LOG_LEVEL": "WARNING",
        "FLOOD_BURST": "1000",
        "FLOOD_PER_MINUTE": "6000",
    }


async def booked_people(store: Store, world: World, count: int) -> list[int]:
    """`count` people with a chat, each booked for a reception (100 places each) that starts in
    two hours, whose day-before reminder is due: the sweep turns each into one outbox message."""
    ids = [new_telegram_id() for _ in range(count)]
    for telegram_id in ids:
        world.chat_of(world.add_person("Visitor", person_id=telegram_id))
    await store.pool.executemany(
        "INSERT INTO users (telegram_id, first_name, telegram_language, region_code) "
        "VALUES ($1, 'Visitor', 'en', 'ULY')",
        [(telegram_id,) for telegram_id in ids],
    )
    users = await store.pool.fetch(
        "SELECT id FROM users WHERE telegram_id = ANY($1::bigint[])", ids
    )
    now = datetime.now(UTC)
    starts = now + timedelta(hours=2)
    for index, user in enumerate(users):
        if index % 100 == 0:
            slot = await store.receptions.add_slot(
                users[0]["id"], "ULY", starts, "Akimat, room 1", 100, now
            )
        booking = await store.receptions.book(slot, user["id"], now)
        assert booking is not None
        await store.reminders.add(
            "reception_day",
            now - timedelta(minutes=1),
            now,
            user_id=user["id"],
            slot_id=slot,
            booking_id=booking,
        )
    return ids


async def outbox_states(store: Store, telegram_ids: list[int]) -> dict[str, int]:
    rows = await store.pool.fetch(
        """
        SELECT CASE WHEN o.sent_at IS NOT NULL THEN 'sent'
                    WHEN o.unconfirmed_at IS NOT NULL THEN 'unconfirmed'
                    WHEN o.failed_at IS NOT NULL THEN 'dropped'
                    WHEN o.sending_since IS NOT NULL THEN 'sending'
                    ELSE 'pending' END AS state, count(*) AS count
        FROM outbox o JOIN users u ON u.id = o.user_id
        WHERE u.telegram_id = ANY($1::bigint[]) AND o.kind = 'reception_reminder'
        GROUP BY 1
        """,
        telegram_ids,
    )
    return {row["state"]: row["count"] for row in rows}


async def test_killed_mid_conversation_and_mid_sweep_the_bot_loses_and_doubles_nothing(
    sandbox: SandboxServer,
    new_person: PersonFactory,
    store: Store,
    settings: Settings,
    database_url: str,
    tmp_path: Path,
) -> None:
    """One SIGKILL while a person's answer and a reminder are both on their way.

    The person's update had been claimed and its answer was held and never arrived: the next
    process hands it again, from the same step, and the person finishes with one tip and one
    answer to everything they sent. The 60th of 200 reminders had reached Telegram, but the
    killed bot never heard back: it is unconfirmed, not sent again; the other 199 are sent once.
    """
    environment = process_settings(sandbox, database_url)
    first = await start_bot_process(tmp_path, **environment)
    second: asyncio.subprocess.Process | None = None
    try:
        visitors = await booked_people(store, sandbox.world, 200)
        mine = set(visitors)
        person = await new_person("Killed", language_code="en")
        await person.send("/start")
        await person.reply(timeout=90)
        await person.press("English")
        await person.reply_where(lambda message: "/help" in message.text)
        await person.send("/report")
        await question(person, 1)
        await person.press("Bribery or extortion")
        await question(person, 2)
        await person.press("Almaty")
        await question(person, 3)

        reminded: list[int] = []

        def sixtieth_reminder(params: Params) -> bool:
            if params.integer("chat_id") not in mine:
                return False
            reminded.append(params.integer("chat_id") or 0)
            return len(reminded) == 60

        answer = Holder(
            "sendmessage",
            lambda params: (
                params.integer("chat_id") == person.id
                and "Step 4 of 8" in (params.text("text") or "")
            ),
        )
        reminder = Holder("sendmessage", sixtieth_reminder)
        sandbox.world.gate = gate_of(answer, reminder)
        await person.send("Almaty city akimat, land department")
        assert await reminders.sweep(store, settings.rules, SystemClock()) >= 200
        async with asyncio.timeout(60):
            await answer.holding.wait()
            await reminder.holding.wait()
        first.send_signal(signal.SIGKILL)
        await first.wait()
        on_the_wire = reminded[-1]
        answer.release(arrived=False)
        reminder.release(arrived=True)

        second = await start_bot_process(tmp_path, **environment)
        # The update, handled again by the new process, finds step 3.
        await person.reply_where(lambda m: "Step 4 of 8" in m.text, timeout=90)
        await person.send(DESCRIPTION)
        await question(person, 5)
        await person.press("Today")
        await question(person, 6)
        await person.press("Skip →")
        await question(person, 7)
        await person.press("Skip →")
        await question(person, 8)
        await person.press("🔒 Confidential")
        summary = await person.reply_where(lambda m: "Check your report" in m.text)
        await person.press("✅ Send", summary)
        number = tip_number(await person.reply_where(lambda m: "Thank you" in m.text))

        async def settled() -> bool:
            states = await outbox_states(store, visitors)
            return states.get("sent", 0) + states.get("unconfirmed", 0) == 200

        await until(settled, timeout=60)
    finally:
        for process in (first, second):
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()

    tip = await store.tips.get(number)
    assert tip is not None and tip.body_concerned == "Almaty city akimat, land department"
    tips = await store.pool.fetchval(
        "SELECT count(*) FROM tips t JOIN users u ON u.id = t.tipster_user_id "
        "WHERE u.telegram_id = $1",
        person.id,
    )
    assert tips == 1
    texts = bot_texts(sandbox.world, person.id, edits=True)
    for step in range(1, 9):
        assert sum(f"Step {step} of 8" in text for text in texts) == 1, (step, texts)
    assert sum("Thank you" in text for text in texts) == 1

    assert await outbox_states(store, visitors) == {"sent": 199, "unconfirmed": 1}
    unconfirmed = await store.pool.fetchval(
        "SELECT u.telegram_id FROM outbox o JOIN users u ON u.id = o.user_id "
        "WHERE u.telegram_id = ANY($1::bigint[]) AND o.unconfirmed_at IS NOT NULL",
        visitors,
    )
    assert unconfirmed == on_the_wire
    for visitor in visitors:
        texts = bot_texts(sandbox.world, visitor)
        assert len(texts) == 1 and "Akimat, room 1" in texts[0], (visitor, texts)


# ------------------------------------------------------------------ the Bot API failing


async def fast_retries(bot_runner: BotRunner, *, timeout: float = 60) -> BotApp:
    app = await bot_runner.start()
    app.retries.policy = FAST
    app.bot.session.timeout = timeout
    return app


async def test_an_answer_and_a_reminder_arrive_once_through_three_5xx_answers(
    bot_runner: BotRunner, sandbox: SandboxServer, new_person: PersonFactory, store: Store
) -> None:
    app = await fast_retries(bot_runner)
    person = await new_person("Flaky", language_code="en")
    await started(person, "English")

    sandbox.world.fail("sendMessage", 3, status=502)
    help_text = await person.ask("/help")
    assert "/report" in help_text.text
    assert sum("/report" in text for text in bot_texts(sandbox.world, person.id)[-2:]) == 1

    user = await store.users.by_telegram_id(person.id)
    assert user is not None
    sandbox.world.fail("sendMessage", 3, status=500)
    await store.outbox.put(
        user.id, "tip_status", {"tip": 987_651, "status": "taken"}, app.clock.now()
    )
    await person.reply_where(lambda m: "#987651" in m.text)
    await app.outbox.sync_pending()
    assert sum("#987651" in text for text in bot_texts(sandbox.world, person.id)) == 1
    assert not sandbox.world.faults["sendmessage"]


async def test_a_send_that_times_out_is_not_repeated_and_the_outbox_records_it_unconfirmed(
    bot_runner: BotRunner, sandbox: SandboxServer, new_person: PersonFactory, store: Store
) -> None:
    """Documented choice: a send that may have arrived is never repeated. The person's answer
    arrives late, once, followed by the apology; the outbox row is unconfirmed, not re-sent."""
    app = await fast_retries(bot_runner, timeout=1.5)
    person = await new_person("Slow", language_code="en")
    await started(person, "English")
    before = len(bot_texts(sandbox.world, person.id))

    sandbox.world.hang("sendMessage", 1, seconds=3)
    await person.send("/help")

    async def answered_and_apologised() -> bool:
        answers = bot_texts(sandbox.world, person.id)[before:]
        return any("/report" in text for text in answers) and any(
            "Something went wrong" in text for text in answers
        )

    await until(answered_and_apologised)
    answers = bot_texts(sandbox.world, person.id)[before:]
    assert sum("/report" in text for text in answers) == 1
    assert len(answers) == 2

    user = await store.users.by_telegram_id(person.id)
    assert user is not None
    sandbox.world.hang("sendMessage", 1, seconds=3)
    await store.outbox.put(
        user.id, "tip_status", {"tip": 987_652, "status": "taken"}, app.clock.now()
    )
    await person.reply_where(lambda m: "#987652" in m.text, timeout=20)

    async def unconfirmed() -> bool:
        value = await store.pool.fetchval(
            "SELECT unconfirmed_at IS NOT NULL FROM outbox WHERE user_id = $1 "
            "AND payload->>'tip' = '987652'",
            user.id,
        )
        return value is True

    await until(unconfirmed)
    await app.outbox.sync_pending()
    assert sum("#987652" in text for text in bot_texts(sandbox.world, person.id)) == 1


async def test_an_update_left_by_a_dead_process_is_let_go_when_its_conversation_moved_on(
    running_bot: BotApp, sandbox: SandboxServer, new_person: PersonFactory, store: Store
) -> None:
    """A process died half-way through "/report" (it had set the category step); the person has
    since gone on in another conversation. Handing the old update again would put the report
    back over it: it is let go instead."""
    person = await new_person("Moved", language_code="en")
    await started(person, "English")
    update = forged_update(person, "/report")
    key = {
        "bot_id": running_bot.bot.id,
        "chat_id": person.id,
        "user_id": person.id,
        "thread_id": 0,
        "business_connection_id": "",
        "destiny": "default",
    }
    left_by_the_dead = [
        {
            **key,
            "before": {"state": None, "data": {}},
            "after": {"state": "ReportFlow:category", "data": {}},
        }
    ]
    await store.pool.execute(
        "INSERT INTO handled_updates (bot_id, update_id, instance, claimed_at, payload, "
        "conversations) VALUES ($1, $2, 0, now(), $3, $4)",
        running_bot.bot.id,
        update["update_id"],
        update,
        left_by_the_dead,
    )
    await person.ask("/region")  # another conversation since
    before = len(bot_texts(sandbox.world, person.id))

    await running_bot.recover_updates()

    finished = await store.pool.fetchval(
        "SELECT finished_at IS NOT NULL FROM handled_updates WHERE update_id = $1",
        update["update_id"],
    )
    assert finished is True
    assert len(bot_texts(sandbox.world, person.id)) == before


async def test_an_update_whose_conversation_cannot_be_read_is_answered_and_not_redone(
    running_bot: BotApp, new_person: PersonFactory, store: Store, monkeypatch: Any
) -> None:
    """The claim comes before the conversation's lock and read: when the read fails, the person
    is told the bot is unavailable, and the claim is finished, as for any update answered so
    (a process dying later does not hand it again)."""
    person = await new_person("Unreadable", language_code="en")
    await started(person, "English")
    since = await store.pool.fetchval("SELECT now()")
    read = ConversationStates.read

    async def unreadable(self: ConversationStates, key: ConversationKey) -> Any:
        if key.user_id == person.id:
            raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle")
        return await read(self, key)

    monkeypatch.setattr(ConversationStates, "read", unreadable)
    refusal = await person.ask("/help")
    monkeypatch.undo()

    assert refusal.text.startswith("The bot is temporarily unavailable")
    unfinished = await store.pool.fetchval(
        "SELECT count(*) FROM handled_updates "
        "WHERE bot_id = $1 AND claimed_at >= $2 AND finished_at IS NULL",
        running_bot.bot.id,
        since,
    )
    assert unfinished == 0
    assert "citizen" in (await person.ask("/help")).text
