"""`python -m bot` as an operator runs it: against any Bot API-compatible server with a token,
and with no token at all (the sandbox chat); both stop cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SandboxServer
from tests.conftest import PersonFactory
from tests.helpers import free_port, start_bot


@asynccontextmanager
async def bot_process(cwd: Path, **env: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot` running until the block ends, then stopped with SIGTERM."""
    process = await start_bot(cwd, **env)
    try:
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), timeout=30)


async def line_with(stream: asyncio.StreamReader, text: str) -> str:
    while True:
        line = (await asyncio.wait_for(stream.readline(), timeout=60)).decode()
        if not line:
            raise EOFError(f"the bot ended before printing {text!r}")
        if text in line:
            return line


async def test_with_a_token_the_bot_talks_to_the_given_bot_api_server(
    tmp_path: Path, database_url: str, sandbox: SandboxServer, new_person: PersonFactory
) -> None:
    async with bot_process(
        tmp_path,
        BOT_TOKEN=sandbox.token,
        BOT_API_BASE_URL=sandbox.url,
        DATABASE_URL=database_url,
        WEB_PORT=str(free_port()),
    ) as process:
        assert process.stdout is not None
        await line_with(process.stdout, "Long polling the Bot API")
        person = await new_person("Operator", language_code="en")
        greeting = await person.ask("/start")
        assert greeting.text.startswith("Hello, Operator!")
    assert process.returncode == 0


async def test_without_a_token_the_sandbox_chat_starts_with_its_demo_people(
    tmp_path: Path, database_url: str
) -> None:
    port = free_port()
    async with bot_process(
        tmp_path, DATABASE_URL=database_url, SANDBOX_PORT=str(port), WEB_PORT=str(free_port())
    ) as process:
        assert process.stdout is not None
        announced = await line_with(process.stdout, "Sandbox chat:")
        assert f"http://127.0.0.1:{port}" in announced
        client = SandboxClient(f"http://127.0.0.1:{port}")
        try:
            olga = await client.as_person(1005)
            await olga.ask("/start")
            await olga.press("English")
            await olga.reply_where(lambda message: "/help" in message.text)
            menu = await olga.menu_change(lambda items: any(c == "grant" for c, _ in items))
            coordinator_menu = [
                "overdue", "grant", "revoke", "invite", "invites", "staff", "block",
                "unblock", "catalog", "audit", "broadcast", "broadcasts", "stats", "export",
            ]  # fmt: skip
            assert [command for command, _ in menu][: len(coordinator_menu)] == coordinator_menu
        finally:
            await client.close()
    assert process.returncode == 0
