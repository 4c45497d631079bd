"""Each role's command menu, installed per person in their language, refreshed on every change."""

from __future__ import annotations

import logging

import pytest

from bot.app import BotApp
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SandboxServer
from bot.sandbox.world import ApiError
from bot.settings import Settings
from db.store import Store
from roles import people, staff
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started

EVERYONE = [
    "report", "mytips", "receipt", "subscribe", "reception", "region", "language", "start",
    "help", "privacy", "cancel",
]  # fmt: skip
COMMISSAR = ["queue", "assignments", "checks", "violations", "receptions", "myregions"]
COORDINATOR = [
    "overdue", "grant", "revoke", "invite", "invites", "staff", "block", "unblock", "catalog",
    "audit", "broadcast", "broadcasts", "stats", "export",
]  # fmt: skip
SHELL = staff.Authority("shell")


def commands(menu: list[tuple[str, str]]) -> list[str]:
    return [command for command, _ in menu]


@pytest.mark.parametrize(
    ("role", "region", "own_commands"),
    [
        ("commissar", "ALA", COMMISSAR),
        ("ambassador", None, ["risks", "register", "appeals", "stats", "export"]),
        ("ombudsman", None, ["broadcast", "broadcasts", "stats", "export"]),
        ("coordinator", None, COORDINATOR),
    ],
)
async def test_each_role_sees_its_own_menu(
    running_bot: BotApp,
    new_person: PersonFactory,
    store: Store,
    role: str,
    region: str | None,
    own_commands: list[str],
) -> None:
    person = await new_person("Volunteer", language_code="en")
    await staff.grant_role(store, SHELL, person.id, role, region)
    await started(person, "English")

    menu = await person.menu_change(lambda items: commands(items) != EVERYONE and items != [])
    assert commands(menu) == own_commands + EVERYONE
    assert all(description for _, description in menu)


async def test_a_person_with_two_roles_sees_both_menus(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Both", language_code="ru")
    await staff.grant_role(store, SHELL, person.id, "commissar", "SHY")
    await staff.grant_role(store, SHELL, person.id, "ambassador")
    await started(person, "Русский")

    menu = await person.menu_change(lambda items: "stats" in commands(items))
    assert commands(menu) == [
        *COMMISSAR,
        "risks",
        "register",
        "appeals",
        "stats",
        "export",
        *EVERYONE,
    ]
    assert ("myregions", "Регионы, где вы комиссар") in menu
    help_text = (await person.ask("/help")).text
    assert "антикоррупционный комиссар (г. Шымкент)" in help_text
    assert "посол перемен" in help_text
    assert "/myregions — Регионы, где вы комиссар" in help_text


async def test_grant_and_revoke_change_a_running_bots_menu(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Marat", language_code="kk")
    await started(person, "Қазақша")
    assert commands(await person.menu()) == EVERYONE

    await staff.grant_role(store, SHELL, person.id, "ombudsman")
    menu = await person.menu_change(lambda items: "stats" in commands(items))
    assert ("stats", "Статистика: адамдар, жазылушылар, еріктілер") in menu

    await staff.revoke_role(store, SHELL, person.id, "ombudsman")
    menu = await person.menu_change(lambda items: "stats" not in commands(items))
    assert commands(menu) == EVERYONE


async def test_a_refused_menu_is_logged_and_the_bot_carries_on(
    sandbox: SandboxServer,
    bot_runner: BotRunner,
    new_person: PersonFactory,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sandbox.world.rejections["setmycommands"] = ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
    caplog.set_level(logging.WARNING, logger="bot.menus")
    await bot_runner.start()
    person = await new_person("Asel", language_code="en")
    await staff.grant_role(store, SHELL, person.id, "ambassador")

    await started(person, "English")

    figures = await person.ask("/stats")
    assert figures.text.startswith("Statistics")
    refusals = [record.getMessage() for record in caplog.records]
    assert any(
        "refused the default command menus" in line and "BOT_COMMANDS_TOO_MUCH" in line
        for line in refusals
    )
    assert await person.menu() == []


async def test_a_role_granted_before_first_contact_brings_its_menu_with_the_first_message(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Early", language_code="en")
    await staff.grant_role(store, SHELL, person.id, "coordinator")

    await person.ask("/help")

    # A menu installed before the first message knows no language yet; the English one follows.
    menu = await person.menu_change(
        lambda items: ("grant", "Give someone a volunteer role") in items
    )
    assert commands(menu)[: len(COORDINATOR)] == COORDINATOR


async def test_menus_come_back_when_the_sandbox_forgets_its_chats(
    settings: Settings, store: Store, new_person: PersonFactory, running_bot: BotApp
) -> None:
    person = await new_person("Nurlan", language_code="en")
    await staff.grant_role(store, SHELL, person.id, "ombudsman")
    await started(person, "English")
    await person.menu_change(lambda items: "stats" in commands(items))

    forgetful = SandboxServer()
    await forgetful.start("127.0.0.1", 0)
    app = BotApp(settings, store, token=forgetful.token, api_base=forgetful.url)
    client = SandboxClient(forgetful.url)
    try:
        await running_bot.stop()
        await app.start()
        await people.reinstall_every_menu(store)
        again = await client.person("Nurlan", person_id=person.id, language_code="en")
        await again.ask("/help")
        # Every menu of the database is installed again, in the order people first wrote:
        # Nurlan's comes after those of everyone the suite's earlier tests added.
        menu = await again.menu_change(lambda items: "stats" in commands(items), timeout=60)
        assert commands(menu) == ["broadcast", "broadcasts", "stats", "export", *EVERYONE]
    finally:
        await client.close()
        await app.stop()
        await forgetful.stop()
