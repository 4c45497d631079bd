"""The test bed: a real PostgreSQL (a fresh database per run), the sandbox Bot API server, and
the bot itself polling the sandbox over HTTP. Tests act as people through the sandbox client.

The database server is, in order: TEST_DATABASE_URL if set; the machine's PostgreSQL when one
answers on 127.0.0.1:5432; otherwise the embedded PostgreSQL in .data/test-postgres.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import secrets
import string
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import hypothesis
import pytest
from hypothesis.database import DirectoryBasedExampleDatabase

from bot.app import BotApp
from bot.sandbox.client import ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from bot.settings import Settings
from db.embedded import start_embedded_postgres
from db.migrate import apply_migrations
from db.store import Store, open_store
from roles.clock import Clock
from tests.helpers import fresh_database, make_settings, new_telegram_id

ROOT = Path(__file__).resolve().parent.parent
MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"

# Property tests draw the same examples on every run (`suite`, the default), so a failure in CI
# is reproduced by running the test again; HYPOTHESIS_PROFILE=explore draws new ones each run
# and keeps failing examples in .hypothesis/ to try first next time; HYPOTHESIS_PROFILE=dev
# reports a failing example without shrinking it (shrinking over a real bot takes minutes). The
# tests feed a real dispatcher over PostgreSQL and HTTP: no deadline, and one bed of fixtures
# for all examples.
hypothesis.settings.register_profile(
    "suite",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.data_too_large,
    ],
)
hypothesis.settings.register_profile(
    "explore",
    parent=hypothesis.settings.get_profile("suite"),
    derandomize=False,
    database=DirectoryBasedExampleDatabase(ROOT / ".hypothesis" / "examples"),
)
hypothesis.settings.register_profile(
    "dev", parent=hypothesis.settings.get_profile("suite"), phases=[hypothesis.Phase.generate]
)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


def start_shared_embedded_postgres() -> str:
    """The embedded server of the tests; pytest's workers start it one at a time (the first
    starts it, the others join it)."""
    folder = ROOT / ".data" / "test-postgres"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (folder.parent / "test-postgres.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return start_embedded_postgres(folder)


async def find_server() -> str:
    """A URL of a database server with rights to create databases."""
    if os.environ.get("TEST_DATABASE_URL"):
        return os.environ["TEST_DATABASE_URL"]
    try:
        connection = await asyncpg.connect(MACHINE_POSTGRES, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return await asyncio.to_thread(start_shared_embedded_postgres)
    await connection.close()
    return MACHINE_POSTGRES


@pytest.fixture(scope="session")
async def database_server() -> str:
    return await find_server()


@pytest.fixture(scope="session")
async def database_url(database_server: str) -> AsyncIterator[str]:
    """A fresh database for this run, dropped at the end."""
    async with fresh_database(database_server) as url:
        yield url


@pytest.fixture(scope="session")
async def store(database_url: str) -> AsyncIterator[Store]:
    store = await open_store(database_url, max_size=24)
    await apply_migrations(store.pool)
    yield store
    await store.close()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    server = SandboxServer()
    await server.start("127.0.0.1", 0)
    yield server
    await server.stop()


@pytest.fixture
async def client(sandbox: SandboxServer) -> AsyncIterator[SandboxClient]:
    client = SandboxClient(sandbox.url)
    yield client
    await client.close()


class BotRunner:
    """Starts and stops the bot against the sandbox, as often as a test needs (restarts)."""

    def __init__(self, settings: Settings, store: Store, sandbox: SandboxServer) -> None:
        self.settings = settings
        self.store = store
        self.sandbox = sandbox
        self.app: BotApp | None = None

    async def start(self, clock: Clock | None = None, **setting_overrides: Any) -> BotApp:
        settings = Settings.model_validate({**self.settings.model_dump(), **setting_overrides})
        self.app = BotApp(
            settings, self.store, token=self.sandbox.token, api_base=self.sandbox.url, clock=clock
        )
        await self.app.start()
        return self.app

    async def stop(self) -> None:
        if self.app is not None:
            await self.app.stop()
            self.app = None

    async def restart(self) -> BotApp:
        await self.stop()
        return await self.start()


@pytest.fixture
async def bot_runner(
    settings: Settings, store: Store, sandbox: SandboxServer
) -> AsyncIterator[BotRunner]:
    runner = BotRunner(settings, store, sandbox)
    yield runner
    await runner.stop()


@pytest.fixture
async def running_bot(bot_runner: BotRunner) -> BotApp:
    return await bot_runner.start()


PersonFactory = Callable[..., Awaitable[ChatPerson]]


@pytest.fixture
def new_person(client: SandboxClient) -> PersonFactory:
    """Add a person with a fresh Telegram id to the sandbox."""

    async def make(
        first_name: str = "Test",
        *,
        language_code: str = "ru",
        username: str | None = None,
        last_name: str | None = None,
    ) -> ChatPerson:
        return await client.person(
            first_name,
            person_id=new_telegram_id(),
            language_code=language_code,
            username=username,
            last_name=last_name,
        )

    return make


@pytest.fixture
async def region(store: Store) -> AsyncIterator[str]:
    """A region of this test's own, so that its counts are the test's rows only."""
    code = "Z" + "".join(secrets.choice(string.ascii_uppercase) for _ in range(6))
    await store.pool.execute(
        "INSERT INTO regions (code, kind, name_ru, name_kk, name_en, position) "
        "VALUES ($1, 'region', $2, $2, $2, 1000)",
        code,
        f"Testland {code}",
    )
    yield code
    await store.pool.execute("UPDATE regions SET active = false WHERE code = $1", code)
