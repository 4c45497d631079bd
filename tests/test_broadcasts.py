"""Broadcasts through the sandbox with Telegram's limits emulated, over the real PostgreSQL:
composing in the chat, exactly-once delivery to thousands within the rate, 429 and 403, a
scheduled send, stopping, and a sender killed mid-way.

Each test uses its own region, so subscribers of other tests (the database is shared by the
session) are never in its audience."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import BotApp, make_bot
from bot.broadcasts import IN_FLIGHT, BroadcastSender
from bot.i18n import load_translations
from bot.sandbox.client import ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import Limits, Person, World
from db.store import Store, open_store
from handlers.keyboards import BroadcastAction, BroadcastStep, RegionChoice
from roles import broadcasts, staff
from roles.broadcasts import Audience, BroadcastDraft
from roles.clock import SystemClock
from roles.model import Actor
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import environment_with, free_port, new_telegram_id, started
from tests.test_tip_life import MovableClock, actor_of

ALMATY = ZoneInfo("Asia/Almaty")
TELEGRAM = Limits(overall=30, per_chat=1, blocked_share=0.0)
"""Telegram's own limits, as the sandbox emulates them."""


@pytest.fixture
async def sandbox(request: pytest.FixtureRequest) -> AsyncIterator[SandboxServer]:
    """The sandbox with Telegram's limits on (a test may ask for other figures)."""
    server = SandboxServer(limits=getattr(request, "param", TELEGRAM))
    await server.start("127.0.0.1", 0)
    yield server
    await server.stop()


_READERS: list[int] = []
"""Telegram ids of the subscribers a test added in bulk."""


@pytest.fixture(autouse=True)
async def bulk_readers_leave_afterwards(store: Store) -> AsyncIterator[None]:
    """Thousands of readers left in the session's database would make every later re-install
    of everyone's menu (the sandbox does one when it starts) take minutes."""
    yield
    ids = list(_READERS)
    _READERS.clear()
    await store.pool.execute(
        "DELETE FROM broadcast_deliveries WHERE user_id IN "
        "(SELECT id FROM users WHERE telegram_id = ANY($1::bigint[]))",
        ids,
    )
    await store.pool.execute("DELETE FROM users WHERE telegram_id = ANY($1::bigint[])", ids)


async def ombudsman(
    store: Store, new_person: PersonFactory, name: str = "Aigerim"
) -> tuple[ChatPerson, Actor]:
    person = await new_person(name, language_code="ru")
    await started(person, "Русский")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "ombudsman")
    return person, await actor_of(store, person)


async def add_subscribers(
    store: Store, world: World, region: str | None, count: int, *, home: str | None = None
) -> list[Person]:
    """People who subscribed earlier (to `region`, or nationwide when None) and have a chat
    with the bot; with limits on, a share of them has blocked it since."""
    people = [
        world.add_person(f"Reader {index}", person_id=new_telegram_id()) for index in range(count)
    ]
    for person in people:
        world.chat_of(person)
    _READERS.extend(person.id for person in people)
    await store.pool.executemany(
        "INSERT INTO users (telegram_id, first_name, telegram_language, region_code, subscribed, "
        "subscription_region) VALUES ($1, $2, 'ru', $3, true, $4)",
        [(person.id, person.first_name, home, region) for person in people],
    )
    return people


def bot_messages(world: World, person_id: int) -> list[dict[str, Any]]:
    chat = world.chats.get(person_id)
    if chat is None:
        return []
    return [message for message in chat.messages.values() if message["from"].get("is_bot")]


async def announce(
    store: Store, author: ChatPerson, actor: Actor, text: str, region: str, **options: Any
) -> int:
    """The author writes `text` and broadcasts it to the subscribers of `region`."""
    source = await author.send(text)
    await author.reply()  # the bot does not know what to do with a stray text, and says so
    draft = BroadcastDraft(
        source_chat_id=author.id,
        source_message_id=int(source["message_id"]),
        content_kind="text",
        audience=Audience(region=region),
        **options,
    )
    broadcast = await broadcasts.confirm(store, actor, draft, SystemClock())
    return broadcast.id


async def finished(author: ChatPerson, number: int, timeout: float = 120) -> str:
    message = await author.reply_where(
        lambda m: m.text.startswith("✅") and f"№{number}" in m.text, timeout=timeout
    )
    return message.text


async def deliveries(store: Store, broadcast_id: int) -> dict[str, int]:
    rows = await store.pool.fetch(
        "SELECT state, count(*) AS n FROM broadcast_deliveries WHERE broadcast_id = $1 "
        "GROUP BY state",
        broadcast_id,
    )
    return {row["state"]: row["n"] for row in rows}


def grouped(number: int) -> str:
    """A number as the Russian texts show it: 1 900."""
    return f"{number:,}".replace(",", "\xa0")


def busiest_second(moments: list[float]) -> int:
    """The most messages accepted within any one second."""
    most, start = 0, 0
    for end, moment in enumerate(moments):
        while moment - moments[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


# ------------------------------------------------------------------ composing in the chat


async def test_an_ombudsman_composes_previews_and_sends_and_readers_acknowledge(
    running_bot: BotApp,
    store: Store,
    sandbox: SandboxServer,
    client: SandboxClient,
    new_person: PersonFactory,
) -> None:
    author, _ = await ombudsman(store, new_person)
    world = sandbox.world
    readers = await add_subscribers(store, world, "ZKO", 3)
    living_there = await add_subscribers(store, world, None, 1, home="ZKO")
    elsewhere = await add_subscribers(store, world, "ZHE", 1)

    prompt = await author.ask("/broadcast")
    assert "Новое объявление" in prompt.text
    await author.send_location(43.25, 76.95)
    assert "Пришлите одно из этого" in (await author.reply()).text
    source = await author.send("Приём граждан 5 мая, подробности: https://example.org/priem")
    await author.reply_where(lambda m: "Кому отправить" in m.text)
    await author.press("📍 Подписчикам одного региона")
    await author.reply_where(lambda m: "В каком регионе" in m.text)
    await author.press("Западно-Казахстанская область")
    await author.reply_where(lambda m: "Прочитал(а)" in m.text)
    await author.press("✅ С кнопкой")
    preview = await author.reply_where(lambda m: "Приём граждан" in m.text)
    assert preview.button_texts == ["✅ Прочитал(а)"]
    assert preview.raw.get("entities") == source.get("entities")
    summary = await author.reply_where(lambda m: "Получателей" in m.text)
    assert "Получателей: 4" in summary.text
    await author.press("✅ Прочитал(а)", preview)
    assert "предпросмотр" in (await author.callback_answer())["text"]

    await author.press("🚀 Отправить сейчас", summary)
    confirmed = await author.reply_where(lambda m: "Ход рассылки" in m.text)
    number = int(confirmed.text.split("№")[1].split()[0])
    await finished(author, number)

    for reader in [*readers, *living_there]:
        received = bot_messages(world, reader.id)
        assert len(received) == 1
        assert received[0]["text"].startswith("Приём граждан 5 мая")
        assert received[0]["entities"] == source["entities"]
    assert bot_messages(world, elsewhere[0].id) == []

    first = await client.as_person(readers[0].id)
    message_id = bot_messages(world, readers[0].id)[0]["message_id"]
    ack = bot_messages(world, readers[0].id)[0]["reply_markup"]["inline_keyboard"][0][0]
    await first.press_data(message_id, ack["callback_data"])
    assert "Спасибо" in (await first.callback_answer())["text"]
    await first.press_data(message_id, ack["callback_data"])
    assert "уже подтвердили" in (await first.callback_answer())["text"]

    stranger = await new_person("Stranger")
    await started(stranger, "Русский")
    refused = await stranger.ask("/broadcast")
    assert "Новое объявление" not in refused.text
    hello = await stranger.send("привет")
    await stranger.reply()
    await stranger.press_data(int(hello["message_id"]), ack["callback_data"])
    assert "не найдено" in (await stranger.callback_answer())["text"]

    listing = await author.ask("/broadcasts")
    assert f"№{number}" in listing.text
    assert "доставлено 4 из 4" in listing.text and "прочитали 1" in listing.text
    audited = await store.pool.fetchval(
        "SELECT details->>'recipients' FROM audit_log WHERE action = 'broadcast.sent' "
        "AND object_id = $1",
        str(number),
    )
    assert audited == "4"


async def test_a_regional_ombudsman_broadcasts_only_in_their_region(
    running_bot: BotApp, store: Store, new_person: PersonFactory
) -> None:
    author = await new_person("Regional", language_code="ru")
    await started(author, "Русский")
    await staff.grant_role(store, staff.Authority("shell"), author.id, "ombudsman", "ZHA")
    await author.ask("/broadcast")
    await author.send("Только для Жамбылской области")
    audience = await author.reply_where(lambda m: "Кому отправить" in m.text)
    assert "📣 Всем подписчикам" not in audience.button_texts
    await author.press_data(audience.message_id, BroadcastStep(choice="all").pack())
    assert "только в свой регион" in (await author.callback_answer())["text"]
    await author.press("📍 Подписчикам одного региона", audience)
    regions = await author.reply_where(lambda m: "В каком регионе" in m.text)
    assert [text for text in regions.button_texts if "област" in text] == ["Жамбылская область"]
    await author.press_data(regions.message_id, RegionChoice(code="ALA").pack())
    assert "только в свой регион" in (await author.callback_answer())["text"]
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM broadcasts b JOIN users u ON u.id = b.author_user_id "
            "WHERE u.telegram_id = $1",
            author.id,
        )
        == 0
    )


async def test_a_scheduled_broadcast_waits_for_its_time_and_can_be_stopped(
    bot_runner: BotRunner,
    store: Store,
    sandbox: SandboxServer,
    client: SandboxClient,
    new_person: PersonFactory,
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    author, actor = await ombudsman(store, new_person, "Serik")
    readers = await add_subscribers(store, sandbox.world, "ABA", 2)

    await author.ask("/broadcast")
    await author.send_file(b"\x89PNG fake", kind="photo", filename="poster.png", caption="Афиша")
    await author.reply_where(lambda m: "Кому отправить" in m.text)
    await author.press("📍 Подписчикам одного региона")
    await author.reply_where(lambda m: "В каком регионе" in m.text)
    await author.press("область Абай")
    await author.reply_where(lambda m: "Прочитал(а)" in m.text)
    await author.press("Без кнопки")
    await author.reply_where(lambda m: "Получателей" in m.text)
    await author.press("🕒 Запланировать")
    await author.reply_where(lambda m: "Когда отправить" in m.text)
    assert "позже текущего" in (await author.ask("01.01.2020 10:00")).text
    assert "так: 31.12.2026" in (await author.ask("завтра")).text
    at = (clock.now() + timedelta(hours=2)).astimezone(ALMATY)
    scheduled = await author.ask(at.strftime("%d.%m.%Y %H:%M"))
    assert "уйдёт" in scheduled.text
    number = int(scheduled.text.split("№")[1].split()[0])

    await app.broadcasts.send_due()
    assert all(bot_messages(sandbox.world, reader.id) == [] for reader in readers)

    clock.moment += timedelta(hours=2, minutes=1)
    await app.broadcasts.send_due()
    await finished(author, number)
    for reader in readers:
        [photo] = bot_messages(sandbox.world, reader.id)
        assert "photo" in photo and photo["caption"] == "Афиша"

    # The announcement had no button: a forged acknowledgement is refused.
    in_chat = await client.as_person(readers[0].id)
    [photo] = bot_messages(sandbox.world, readers[0].id)
    forged_ack = BroadcastAction(action="ack", broadcast=number).pack()
    await in_chat.press_data(photo["message_id"], forged_ack)
    assert "не найдено" in (await in_chat.callback_answer())["text"]

    # A second one is stopped before its time: nobody gets it, even when the time comes.
    later = await announce_later(store, author, actor, "ABA", clock.now() + timedelta(hours=1))
    other, _ = await ombudsman(store, new_person, "Other")
    hello = await other.send("/broadcasts")
    await other.reply()
    forged_stop = BroadcastAction(action="stop_yes", broadcast=later).pack()
    await other.press_data(int(hello["message_id"]), forged_stop)
    assert "только автор" in (await other.callback_answer())["text"]
    listing = await author.ask("/broadcasts")
    await author.press(f"⛔ Остановить №{later}", listing)
    await author.reply_where(lambda m: "Остановить объявление" in m.text)
    await author.press("⛔ Да, остановить")
    stopped = await author.reply_where(lambda m: "остановлено" in m.text)
    assert "0 из 2" in stopped.text
    clock.moment += timedelta(hours=2)
    await app.broadcasts.send_due()
    assert all(len(bot_messages(sandbox.world, reader.id)) == 1 for reader in readers)
    assert await deliveries(store, later) == {"cancelled": 2}
    actions = await store.pool.fetch(
        "SELECT action FROM audit_log WHERE object_type = 'broadcast' AND object_id = $1"
        " ORDER BY id",
        str(later),
    )
    assert [row["action"] for row in actions] == ["broadcast.scheduled", "broadcast.cancelled"]


async def announce_later(
    store: Store, author: ChatPerson, actor: Actor, region: str, send_at: Any
) -> int:
    source = await author.send("Собрание переносится")
    await author.reply()
    draft = BroadcastDraft(author.id, int(source["message_id"]), "text", Audience(region=region))
    clock = MovableClock()
    clock.moment = send_at - timedelta(hours=1)
    broadcast = await broadcasts.confirm(store, actor, draft, clock, send_at=send_at)
    return broadcast.id


# ------------------------------------------------------------------ delivery at scale


@pytest.mark.parametrize(
    "sandbox", [Limits(overall=200, per_chat=1, blocked_share=0.05)], indirect=True
)
async def test_two_thousand_subscribers_get_it_exactly_once_within_the_limits(
    bot_runner: BotRunner, store: Store, sandbox: SandboxServer, new_person: PersonFactory
) -> None:
    """The sandbox allows 200 messages a second here (Telegram: 30) to keep the suite short;
    the bot is told 150."""
    app = await bot_runner.start(broadcast_rate=150)
    author, actor = await ombudsman(store, new_person, "Dana")
    readers = await add_subscribers(store, sandbox.world, "TUR", 2000)
    blocked = {reader.id for reader in readers if reader.blocked_bot}
    assert 50 < len(blocked) < 150

    number = await announce(store, author, actor, "Итоги месяца", "TUR")
    summary = await finished(author, number)

    for reader in readers:
        expected = 0 if reader.id in blocked else 1
        assert len(bot_messages(sandbox.world, reader.id)) == expected, reader.id
    assert f"Доставлено: {grouped(2000 - len(blocked))} из {grouped(2000)}" in summary
    assert f"Заблокировали бота: {len(blocked)}" in summary
    assert await deliveries(store, number) == {"sent": 2000 - len(blocked), "blocked": len(blocked)}
    gone = await store.pool.fetchval(
        "SELECT count(*) FROM users WHERE telegram_id = ANY($1::bigint[]) "
        "AND unreachable AND NOT subscribed",
        list(blocked),
    )
    assert gone == len(blocked)
    assert app.broadcasts.throttled == 0
    assert busiest_second(sandbox.world.sent_moments) <= 150 + 3


async def test_the_bot_keeps_to_telegrams_rate_and_waits_when_told_to(
    bot_runner: BotRunner, store: Store, sandbox: SandboxServer, new_person: PersonFactory
) -> None:
    """At the default 25 a second nothing is refused; told to send at 60 against Telegram's 30,
    the bot meets 429s, waits as told, and still delivers each message once."""
    app = await bot_runner.start()
    author, actor = await ombudsman(store, new_person, "Erlan")
    readers = await add_subscribers(store, sandbox.world, "ATY", 60)
    number = await announce(store, author, actor, "Первое", "ATY")
    await finished(author, number)
    assert app.broadcasts.throttled == 0
    assert busiest_second(sandbox.world.sent_moments) <= 25 + 3

    await bot_runner.stop()
    app = await bot_runner.start(broadcast_rate=60)
    number = await announce(store, author, actor, "Второе", "ATY")
    await finished(author, number)
    assert sandbox.world.throttled > 0
    assert app.broadcasts.throttled > 0
    for reader in readers:
        assert [m["text"] for m in bot_messages(sandbox.world, reader.id)] == ["Первое", "Второе"]


# ------------------------------------------------------------------ a crash mid-way


async def start_bot_process(cwd: Path, **settings: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=environment_with(**settings),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=(cwd / "bot.log").open("ab"),
    )


async def until_delivered(world: World, readers: set[int], count: int) -> None:
    """Wait (on the sandbox's events) until `count` of `readers` have received a message."""
    seen: set[int] = set()
    after = 0
    while len(seen) < count:
        events = await world.wait_events(after, None, timeout=30)
        assert events, f"only {len(seen)} delivered"
        after = events[-1]["seq"]
        seen |= {
            event["chat_id"]
            for event in events
            if event["kind"] == "message" and not event["outgoing"] and event["chat_id"] in readers
        }


@pytest.mark.parametrize(
    "sandbox", [Limits(overall=60, per_chat=1, blocked_share=0.05)], indirect=True
)
async def test_a_sender_killed_mid_way_resumes_without_duplicates_or_losses(
    store: Store,
    sandbox: SandboxServer,
    new_person: PersonFactory,
    database_url: str,
    tmp_path: Path,
) -> None:
    settings = {
        "BOT_TOKEN": sandbox.token,
        "BOT_API_BASE_URL": sandbox.url,
        "DATABASE_URL": database_url,
        "WEB_PORT": str(free_port()),
        "QUIET_HOURS": "off",
        "BROADCAST_RATE": "50",
        "LOG_LEVEL": "WARNING",
    }
    first = await start_bot_process(tmp_path, **settings)
    try:
        author = await new_person("Madina", language_code="ru")
        await author.send("/start")
        await author.reply(timeout=60)
        await author.press("Русский")
        await author.reply_where(lambda message: "/help" in message.text)
        await staff.grant_role(store, staff.Authority("shell"), author.id, "ombudsman")
        actor = await actor_of(store, author)
        readers = await add_subscribers(store, sandbox.world, "SKO", 400)
        reachable = {reader.id for reader in readers if not reader.blocked_bot}

        number = await announce(store, author, actor, "Внимание всем", "SKO")
        await until_delivered(sandbox.world, reachable, 120)
        first.send_signal(signal.SIGKILL)
        await first.wait()
        at_kill = await deliveries(store, number)
        assert at_kill.get("pending", 0) > 0

        second = await start_bot_process(tmp_path, **settings)
        try:
            await finished(author, number, timeout=90)
        finally:
            second.terminate()
            await second.wait()
    finally:
        if first.returncode is None:
            first.kill()
            await first.wait()

    for reader in readers:
        count = len(bot_messages(sandbox.world, reader.id))
        assert count == (1 if reader.id in reachable else 0), (reader.id, count)
    states = await deliveries(store, number)
    assert states.get("sent", 0) + states.get("unconfirmed", 0) == len(reachable)
    assert states.get("blocked", 0) == len(readers) - len(reachable)
    assert set(states) <= {"sent", "unconfirmed", "blocked"}


# ------------------------------------------------------------------ two instances


@pytest.mark.parametrize(
    "sandbox", [Limits(overall=200, per_chat=1, blocked_share=0.0)], indirect=True
)
async def test_of_two_instances_one_sends_and_the_other_takes_over_when_it_stops(
    bot_runner: BotRunner,
    store: Store,
    sandbox: SandboxServer,
    new_person: PersonFactory,
    database_url: str,
) -> None:
    """A second instance's sender (its own pool, its own Bot client) waits while the first
    holds the lock; stopped mid-way, the first hands over, and nobody gets a message twice."""
    running_bot = await bot_runner.start()
    second_store = await open_store(database_url, max_size=3)
    second = BroadcastSender(
        make_bot(sandbox.token, sandbox.url),
        second_store,
        load_translations("ru"),
        "ru",
        SystemClock(),
        ALMATY,
        rate=40,
    )
    second_running = asyncio.create_task(second.run())
    try:
        author, actor = await ombudsman(store, new_person, "Timur")
        readers = await add_subscribers(store, sandbox.world, "KAR", 300)
        assert running_bot.broadcasts.leading != second.leading
        first_leads = running_bot.broadcasts.leading
        number = await announce(store, author, actor, "Смена лидера", "KAR")
        await until_delivered(sandbox.world, {reader.id for reader in readers}, 60)

        if first_leads:
            await bot_runner.stop()  # the first instance goes away mid-way
        else:
            second_running.cancel()
        await finished(author, number, timeout=60)
    finally:
        second_running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await second_running
        await second.bot.session.close()
        await second_store.close()

    states = await deliveries(store, number)
    assert set(states) <= {"sent", "unconfirmed"}
    assert states.get("unconfirmed", 0) <= IN_FLIGHT
    unconfirmed = {
        row["telegram_id"]
        for row in await store.pool.fetch(
            "SELECT u.telegram_id FROM broadcast_deliveries d JOIN users u ON u.id = d.user_id "
            "WHERE d.broadcast_id = $1 AND d.state = 'unconfirmed'",
            number,
        )
    }
    for reader in readers:
        received = len(bot_messages(sandbox.world, reader.id))
        assert received == 1 or (received == 0 and reader.id in unconfirmed), reader.id
