"""Defects the generated hostile updates (tests/test_hostile_input.py) found, pinned down."""

from __future__ import annotations

from bot.app import BotApp
from db.store import Store
from roles import people, staff
from tests.conftest import PersonFactory
from tests.helpers import new_telegram_id, started


async def test_a_nul_character_in_a_name_or_a_text_is_dropped_not_a_crash(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    """PostgreSQL stores no U+0000 in text or JSON; a client may send it anywhere."""
    telegram_id = new_telegram_id()
    actor = await people.recognise(
        store,
        telegram_id=telegram_id,
        first_name="Ai\x00gerim",
        last_name=None,
        username="a\x00b",
        telegram_language="en",
    )
    row = await store.users.by_id(actor.user_id)
    assert row is not None and (row.first_name, row.username) == ("Aigerim", "ab")

    person = await new_person("Dana", language_code="en")
    await started(person, "English")
    await person.send("/report")
    await person.reply_where(lambda message: "Step 1 of 8" in message.text)
    await person.press("Bribery or extortion")
    await person.reply_where(lambda message: "Step 2 of 8" in message.text)
    await person.press("Almaty")
    await person.reply_where(lambda message: "Step 3 of 8" in message.text)
    await person.send("City\x00 akimat")
    assert "Step 4 of 8" in (await person.reply()).text


async def test_an_audit_page_of_people_with_the_longest_names_fits_in_one_message(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    coordinator = await new_person("Olga", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), coordinator.id, "coordinator")
    await started(coordinator, "English")
    subject = new_telegram_id()
    await people.recognise(
        store,
        telegram_id=subject,
        first_name="Ж" * 1000,
        last_name="Ж" * 1000,
        username="u" * 1000,
        telegram_language="en",
    )
    # Five grants and five revokes: ten entries naming the subject, who holds no role after.
    for region in ["AST", "ALA", "SHY", "ABA", "ALM"]:
        await staff.grant_role(store, staff.Authority("shell"), subject, "commissar", region)
        await staff.revoke_role(store, staff.Authority("shell"), subject, "commissar", region)

    page = await coordinator.ask("/audit")

    assert page.text.startswith("Audit log")
    assert page.text.count("Ж" * 63 + "…") == 10
