"""A newcomer's first minute: /start, the language picker, the welcome and the menu."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.app import BotApp
from db.store import Store
from tests.conftest import PersonFactory

GREETINGS = {
    "ru": ("Здравствуйте", "Выберите язык бота", "Русский", "Добро пожаловать", "Сменить язык"),
    "kk": ("Сәлеметсіз бе", "Бот тілін таңдаңыз", "Қазақша", "қош келдіңіз", "Тілді өзгерту"),
    "en": ("Hello", "Choose the language of the bot", "English", "Welcome", "Change the language"),
}


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
async def test_start_greets_in_the_telegram_language_and_asks_for_one(
    running_bot: BotApp, new_person: PersonFactory, store: Store, language: str
) -> None:
    hello, choose, button, welcome, menu_line = GREETINGS[language]
    person = await new_person("Aruzhan", language_code=language)

    greeting = await person.ask("/start")

    assert greeting.text.startswith(f"{hello}, Aruzhan!")
    assert choose in greeting.text
    assert greeting.button_texts == ["Русский", "Қазақша", "English"]

    await person.press(button)
    saved = await person.reply()
    assert saved.edited and saved.buttons == []
    welcome_message = await person.reply()
    assert welcome in welcome_message.text
    assert "/help" in welcome_message.text

    menu = await person.menu_change(lambda items: any(line == menu_line for _, line in items))
    assert [command for command, _ in menu] == [
        "report", "mytips", "receipt", "subscribe", "reception", "region", "language", "start",
        "help", "privacy", "cancel",
    ]  # fmt: skip
    keyboard = (await person.chat())["reply_keyboard"]
    assert keyboard["keyboard"][0][0]["text"].startswith("📝")
    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.language == language


async def test_start_for_an_unsupported_telegram_language_uses_russian(
    running_bot: BotApp, new_person: PersonFactory
) -> None:
    person = await new_person("Jan", language_code="de")
    greeting = await person.ask("/start")
    assert greeting.text.startswith("Здравствуйте, Jan!")


async def test_choosing_another_language_changes_texts_and_menu(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Dana", language_code="ru")
    await person.send("/start")
    await person.reply()
    await person.press("Русский")
    await person.reply_where(lambda message: "/help" in message.text)

    picker = await person.ask("/language")
    assert picker.button_texts == ["✓ Русский", "Қазақша", "English"]
    await person.press("Қазақша")
    assert "қазақша" in (await person.reply()).text

    await person.menu_change(lambda items: ("region", "Өңіріңізді таңдау") in items)
    help_text = (await person.ask("/help")).text
    assert "Сіздің рөлдеріңіз" in help_text and "азамат" in help_text
    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.language == "kk"


async def test_start_again_after_choosing_skips_the_picker(
    running_bot: BotApp, new_person: PersonFactory
) -> None:
    person = await new_person("Erlan", language_code="en")
    await person.send("/start")
    await person.reply()
    await person.press("English")
    await person.reply_where(lambda message: "/help" in message.text)

    again = await person.ask("/start")
    assert again.text.startswith("Welcome to the Anti-corruption Front")
    assert "citizen" in again.text
    assert again.buttons == []


async def test_no_update_of_a_conversation_waits_for_a_thread(
    running_bot: BotApp, new_person: PersonFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """aiogram runs synchronous filters (`F.…`) in worker threads unless the dispatcher moves
    them onto the event loop (bot/dispatcher.py): a thread hop per filter tried."""
    hops: list[object] = []
    to_thread = asyncio.to_thread

    async def counted(function: Any, /, *args: Any, **kwargs: Any) -> Any:
        hops.append(function)
        return await to_thread(function, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counted)
    person = await new_person("Timur", language_code="en")
    await person.send("/start")
    await person.reply()
    await person.press("English")
    await person.reply_where(lambda message: "/help" in message.text)
    assert "citizen" in (await person.ask("/help")).text
    assert "There is no command /nonsense" in (await person.ask("/nonsense")).text
    assert hops == []
