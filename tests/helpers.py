"""Helpers for tests: fresh Telegram ids, isolated settings, common steps of people."""

from __future__ import annotations

import asyncio
import itertools
import os
import secrets
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bot.sandbox.client import ChatPerson
from bot.settings import Settings

_telegram_ids = itertools.count(20_000_000 + secrets.randbelow(1_000) * 10_000)


SETTING_NAMES = {
    "BOT_TOKEN", "BOT_API_BASE_URL", "DATABASE_URL", "EMBEDDED_POSTGRES_DIR",
    "DATABASE_POOL_SIZE", "WEBHOOK_URL", "WEBHOOK_SECRET", "WEB_HOST", "WEB_PORT",
    "COORDINATOR_IDS", "DEFAULT_LANGUAGE", "TIMEZONE", "SANDBOX_HOST", "SANDBOX_PORT",
    "LOG_LEVEL", "TIPS_PER_DAY", "FOLLOW_UP_DAYS", "FLOOD_BURST", "FLOOD_PER_MINUTE",
    "UNCLAIMED_HOURS", "QUIET_HOURS", "BROADCAST_RATE", "RETENTION_DAYS", "OUTCOMES_CHANNEL_ID",
    "SANDBOX_LIMITS", "SANDBOX_GLOBAL_RATE", "SANDBOX_CHAT_RATE", "SANDBOX_BLOCKED_SHARE",
    "APPEAL_ANSWER_WORKING_DAYS", "RECEIPT_SESSIONS_SECRET",
}  # fmt: skip


def environment_with(**settings: str) -> dict[str, str]:
    """This process's environment without any of the bot's settings, plus `settings`."""
    clean = {key: value for key, value in os.environ.items() if key not in SETTING_NAMES}
    return {**clean, **settings}


async def start_bot(cwd: Path, *args: str, **settings: str) -> asyncio.subprocess.Process:
    """`python -m bot ARGS` in `cwd` (where no .env is), with only these settings."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=environment_with(**settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def start_bot_process(cwd: Path, **settings: str) -> asyncio.subprocess.Process:
    """The bot as its own process (to be killed and started again); its log goes to
    `cwd/bot.log`."""
    with (cwd / "bot.log").open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=cwd,
            env=environment_with(**settings),
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def new_telegram_id() -> int:
    """A Telegram id no other test of this run uses (they share one database)."""
    return next(_telegram_ids)


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


@asynccontextmanager
async def fresh_database(server_url: str) -> AsyncIterator[str]:
    """A new, empty database on the server for the block's duration; dropped afterwards."""
    name = f"acf_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield with_database(server_url, name)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Settings for a test: nothing from the developer's environment or .env."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "web_host": "127.0.0.1",
        "web_port": 0,
        "coordinator_ids": [],
        "default_language": "ru",
        "timezone": "Asia/Almaty",
        "bot_token": None,
        "bot_api_base_url": None,
        "webhook_url": None,
        "webhook_secret": None,
        # Tests act far faster than people; the flood limit has its own test.
        "flood_burst": 1000,
        "flood_per_minute": 6000,
        # Reminders must not depend on the hour the suite runs at; quiet hours have their test.
        "quiet_hours": "off",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


async def started(person: ChatPerson, language_button: str) -> None:
    """Send /start and pick the language, as a newcomer does; wait for the welcome."""
    await person.send("/start")
    await person.reply()
    await person.press(language_button)
    await person.reply_where(lambda message: "/help" in message.text)
