"""Helpers for tests: fresh Telegram ids, isolated settings, common steps of people."""

from __future__ import annotations

import itertools
import secrets
from typing import Any

from bot.sandbox.client import ChatPerson
from bot.settings import Settings

_telegram_ids = itertools.count(20_000_000 + secrets.randbelow(1_000) * 10_000)


def new_telegram_id() -> int:
    """A Telegram id no other test of this run uses (they share one database)."""
    return next(_telegram_ids)


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
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


async def started(person: ChatPerson, language_button: str) -> None:
    """Send /start and pick the language, as a newcomer does; wait for the welcome."""
    await person.send("/start")
    await person.reply()
    await person.press(language_button)
    await person.reply_where(lambda message: "/help" in message.text)
