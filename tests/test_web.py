"""The bot's web port: the health check, and webhook mode with its secret token."""

from __future__ import annotations

from urllib.parse import urlsplit

import aiohttp
import pytest

from bot.app import BotApp
from bot.sandbox.server import SandboxServer
from db.migrate import apply_migrations
from db.store import Store, open_store
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import free_port, fresh_database, make_settings

SECRET = "hook-secret_42"


async def get_status(url: str) -> tuple[int, dict[str, str]]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.json()


async def test_healthz_answers_200_while_the_store_answers(running_bot: BotApp) -> None:
    assert await get_status(f"{running_bot.web_url}/healthz") == (200, {"status": "ok"})


async def test_healthz_answers_503_when_the_store_is_gone(
    database_server: str, sandbox: SandboxServer
) -> None:
    async with fresh_database(database_server) as url:
        store = await open_store(url, max_size=6)
        await apply_migrations(store.pool)
        app = BotApp(make_settings(url), store, token=sandbox.token, api_base=sandbox.url)
        await app.start()
        try:
            assert (await get_status(f"{app.web_url}/healthz"))[0] == 200
            admin = await open_store(database_server, max_size=1)
            database = urlsplit(url).path.lstrip("/")
            await admin.pool.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
            await admin.close()
            status, body = await get_status(f"{app.web_url}/healthz")
            assert (status, body) == (503, {"status": "store unavailable"})
        finally:
            await app.stop()
            await store.close()


@pytest.fixture
async def webhook_bot(bot_runner: BotRunner) -> BotApp:
    port = free_port()
    app = await bot_runner.start(
        web_port=port,
        webhook_url=f"http://127.0.0.1:{port}/telegram/webhook",
        webhook_secret=SECRET,
    )
    return app


async def test_in_webhook_mode_updates_arrive_by_webhook(
    webhook_bot: BotApp, sandbox: SandboxServer, new_person: PersonFactory, store: Store
) -> None:
    assert sandbox.world.webhook is not None
    assert sandbox.world.webhook.secret_token == SECRET
    assert sandbox.world.webhook.url.endswith("/telegram/webhook")
    person = await new_person("Hook", language_code="en")

    greeting = await person.ask("/start")

    assert greeting.text.startswith("Hello, Hook!")
    await person.press("English")
    assert (await person.reply()).text == "Done: the bot now speaks English."
    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.language == "en"
    assert sandbox.world.calls["getupdates"] == 0


@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}])
async def test_the_webhook_refuses_requests_without_the_secret(
    webhook_bot: BotApp, store: Store, headers: dict[str, str]
) -> None:
    forged = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 99, "type": "private"},
            "from": {"id": 99, "is_bot": False, "first_name": "Forger"},
            "text": "/start",
        },
    }
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{webhook_bot.web_url}/telegram/webhook", json=forged, headers=headers
        ) as response,
    ):
        assert response.status == 401
    assert await store.users.by_telegram_id(99) is None
