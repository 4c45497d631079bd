"""Refusals: other roles' commands, unknown commands, stray messages, forged buttons and blocked
accounts all get a clear, localised answer and change nothing."""

from __future__ import annotations

from bot.app import BotApp
from db.store import Store
from roles import staff
from tests.conftest import PersonFactory
from tests.helpers import started

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


async def audit_size(store: Store) -> int:
    return len(await store.audit.entries(limit=100_000))


async def test_a_citizens_coordinator_command_is_refused_and_changes_nothing(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    citizen = await new_person("Aigerim", language_code="ru")
    await started(citizen, "Русский")
    audit_before = await audit_size(store)

    refusal = await citizen.ask(f"/grant {citizen.id} coordinator")

    assert refusal.text == (
        "Команда /grant доступна только для роли: координатор. У вас нет нужной роли. "
        "Ваши команды: /help"
    )
    row = await store.users.by_telegram_id(citizen.id)
    assert row is not None and row.grants == ()
    assert await audit_size(store) == audit_before


async def test_a_command_of_several_roles_names_them_all_in_the_persons_language(
    running_bot: BotApp, new_person: PersonFactory
) -> None:
    citizen = await new_person("Ayan", language_code="kk")
    await started(citizen, "Қазақша")
    refusal = await citizen.ask("/stats")
    assert refusal.text.startswith(
        "/stats командасы мына рөлдерге арналған: өзгеріс елшісі, омбудсмен, үйлестіруші."
    )


async def test_a_commissar_cannot_use_coordinator_commands(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    commissar = await new_person("Daniyar", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), commissar.id, "commissar", "ALA")
    await started(commissar, "English")
    refusal = await commissar.ask("/staff")
    assert refusal.text.startswith("The command /staff is for: coordinator.")


async def test_unknown_commands_and_stray_messages_get_a_hint(
    running_bot: BotApp, new_person: PersonFactory
) -> None:
    person = await new_person("Timur", language_code="en")
    await started(person, "English")

    assert (await person.ask("/launch_rockets")).text == (
        "There is no command /launch_rockets. Your commands: /help"
    )
    assert (await person.ask("hello?")).text.startswith("I did not understand that.")
    await person.send_file(PNG, kind="photo", filename="p.png", content_type="image/png")
    assert (await person.reply()).text.startswith("I can't handle this kind of message here.")
    await person.send_location(43.25, 76.95)
    assert (await person.reply()).text.startswith("I can't handle this kind of message here.")
    oversized = "x" * 4096
    assert (await person.ask(oversized)).text.startswith("I did not understand that.")


async def test_forged_and_stale_buttons_are_refused(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Dias", language_code="ru")
    await started(person, "Русский")
    picker = await person.ask("/region")

    await person.press_data(picker.message_id, "home:ZZZ")
    assert (await person.callback_answer())["text"] == "Регион «ZZZ» не найден."
    await person.press_data(picker.message_id, "role:coordinator")
    answer = await person.callback_answer()
    assert answer["text"] == "Эта кнопка больше не работает. Начните заново из меню."
    assert answer["show_alert"] is True
    await person.press_data(picker.message_id, "step:confirm")
    assert (await person.callback_answer())["text"].startswith("Эта кнопка больше не работает")
    await person.press_data(picker.message_id, "garbage \u0000 data")
    assert (await person.callback_answer())["text"].startswith("Эта кнопка больше не работает")

    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.region_code is None and row.grants == ()

    await person.press("г. Шымкент", picker)
    assert (await person.reply()).text == "Ваш регион: г. Шымкент."
    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.region_code == "SHY"


async def test_a_blocked_account_gets_a_polite_refusal_and_nothing_else(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Spammer", language_code="en")
    await started(person, "English")
    picker = await person.ask("/region")
    row = await store.users.by_telegram_id(person.id)
    assert row is not None
    await store.users.set_blocked(row.id, True)

    refusal = await person.ask("/help")
    assert refusal.text.startswith("Sorry, this account has been blocked by the coordinators")
    await person.press("Almaty", picker)
    answer = await person.callback_answer()
    assert answer["text"].startswith("Sorry, this account has been blocked")
    row = await store.users.by_telegram_id(person.id)
    assert row is not None and row.region_code is None


async def test_statistics_add_up(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    saule = await new_person("Saule", language_code="ru")
    await staff.grant_role(store, staff.Authority("shell"), saule.id, "ambassador")
    await started(saule, "Русский")
    await (await new_person("Newcomer", language_code="ru")).ask("/start")

    figures = await saule.ask("/stats")

    people = await store.pool.fetchval(
        "SELECT count(*) FROM users WHERE last_seen_at IS NOT NULL AND NOT blocked"
    )
    languages = {
        language: await store.pool.fetchval(
            "SELECT count(*) FROM users WHERE last_seen_at IS NOT NULL AND NOT blocked "
            "AND language IS NOT DISTINCT FROM $1",
            language,
        )
        for language in ("ru", "kk", "en", None)
    }
    assert sum(languages.values()) == people
    assert figures.text.startswith("Статистика\n\nБотом")
    assert f" {people} " in figures.text.splitlines()[2]
    assert (
        f"Языки: русский — {languages['ru']}, казахский — {languages['kk']}, "
        f"английский — {languages['en']}, ещё не выбрали — {languages[None]}"
    ) in figures.text
