"""aiogram's conversation storage over PostgreSQL: what it keeps, and that it keeps nothing once
a conversation ends."""

from __future__ import annotations

import logging

import pytest
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from bot.app import BotApp
from bot.fsm_storage import PostgresStorage
from bot.logs import configure_logging
from bot.sandbox.server import SandboxServer
from db.store import Store
from tests.conftest import PersonFactory
from tests.helpers import new_telegram_id, started


class Draft(StatesGroup):
    text = State()


async def rows_for(store: Store, chat_id: int) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM fsm_states WHERE chat_id = $1", chat_id
    )
    return count


async def test_state_and_data_are_kept_and_forgotten(store: Store) -> None:
    storage = PostgresStorage(store)
    person = new_telegram_id()
    key = StorageKey(bot_id=1, chat_id=person, user_id=person)
    other = StorageKey(bot_id=1, chat_id=person, user_id=person, destiny="other")

    assert await storage.get_state(key) is None
    assert await storage.get_data(key) == {}
    await storage.set_state(key, Draft.text)
    await storage.set_data(key, {"step": 2, "words": ["a", "б"], "nested": {"x": None}})
    await storage.update_data(key, {"step": 3})
    await storage.set_state(other, "Other:state")

    assert await storage.get_state(key) == "Draft:text"
    assert await storage.get_data(key) == {"step": 3, "words": ["a", "б"], "nested": {"x": None}}
    assert await storage.get_value(key, "step") == 3
    assert await storage.get_state(other) == "Other:state"
    assert await storage.get_data(other) == {}

    await storage.set_state(key, None)
    assert await storage.get_data(key) == {"step": 3, "words": ["a", "б"], "nested": {"x": None}}
    await storage.set_data(key, {})
    await storage.set_state(other, None)
    assert await rows_for(store, person) == 0


async def test_a_new_storage_sees_what_an_old_one_wrote(store: Store) -> None:
    person = new_telegram_id()
    key = StorageKey(bot_id=7, chat_id=person, user_id=person)
    await PostgresStorage(store).set_state(key, Draft.text)
    await PostgresStorage(store).update_data(key, {"body": "half a sentence"})
    fresh = PostgresStorage(store)
    assert await fresh.get_state(key) == "Draft:text"
    assert await fresh.get_data(key) == {"body": "half a sentence"}


async def test_the_token_never_reaches_the_logs(
    sandbox: SandboxServer,
    running_bot: BotApp,
    new_person: PersonFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    person = await new_person("Log", language_code="en")
    await started(person, "English")
    await person.ask("/help")
    secret = sandbox.token.split(":", 1)[1]
    assert caplog.records
    assert not [record for record in caplog.records if secret in record.getMessage()]


def test_a_secret_that_reaches_a_log_line_is_redacted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        configure_logging("INFO", ["123456:very-secret-token"])
        log = logging.getLogger("somewhere")
        log.warning("calling https://api/bot%s/getMe", "123456:very-secret-token")
        try:
            raise ValueError("token 123456:very-secret-token refused")
        except ValueError:
            log.exception("failed")
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    printed = capsys.readouterr().err
    assert "very-secret-token" not in printed
    assert "calling https://api/bot[secret]/getMe" in printed
    assert "ValueError: token [secret] refused" in printed
