"""Coordinators block and unblock accounts: with a reason, confirmed, audited; a blocked
citizen can neither start nor send a report; coordinators cannot be blocked."""

from __future__ import annotations

from bot.app import BotApp
from bot.sandbox.client import ChatPerson
from db.store import Store
from roles import staff
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.tipster import Report, write_report


async def coordinator(new_person: PersonFactory, store: Store) -> ChatPerson:
    person = await new_person("Olga", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "coordinator")
    await started(person, "English")
    return person


async def tips_of(store: Store, telegram_id: int) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM tips t JOIN users u ON u.id = t.tipster_user_id "
        "WHERE u.telegram_id = $1",
        telegram_id,
    )
    return count


async def test_a_blocked_citizen_cannot_report_nor_send_a_draft_until_unblocked(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    spammer = await new_person("Spammer", language_code="en", username="spam_account")
    await started(spammer, "English")
    summary = await write_report(spammer, Report())

    assert "Whom to block?" in (await olga.ask("/block")).text
    reason_question = await olga.ask("@spam_account")
    assert "Why is Spammer (@spam_account" in reason_question.text
    assert "too short" in (await olga.ask("no")).text
    confirmation = await olga.ask("Sends the same fake report every hour.")
    assert "Reason: Sends the same fake report every hour." in confirmation.text
    await olga.press("⛔ Block")
    assert "Blocked: Spammer" in (await olga.reply()).text

    await spammer.press("✅ Send", summary)
    assert (await spammer.callback_answer())["text"].startswith("Sorry, this account has been")
    assert (await spammer.ask("/report")).text.startswith("Sorry, this account has been blocked")
    assert await tips_of(store, spammer.id) == 0

    user = await store.users.by_telegram_id(spammer.id)
    assert user is not None and user.blocked
    entries = await store.audit.entries(action="user.blocked", object_id=str(user.id))
    assert [entry.details for entry in entries] == [
        {"reason": "Sends the same fake report every hour."}
    ]

    assert "already blocked" in (await olga.ask(f"/block {spammer.id}")).text
    question = await olga.ask(f"/unblock {spammer.id}")
    assert "Unblock Spammer" in question.text
    await olga.press("✓ Unblock")
    assert "Unblocked: Spammer" in (await olga.reply()).text
    assert "is not blocked" in (await olga.ask("/unblock @spam_account")).text
    assert len(await store.audit.entries(action="user.unblocked", object_id=str(user.id))) == 1
    await spammer.send("/report")
    await spammer.reply_where(lambda message: "Step 1 of 8" in message.text)


async def test_coordinators_and_unknown_people_cannot_be_blocked(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    other = await coordinator(new_person, store)
    assert "cannot block yourself" in (await olga.ask(f"/block {olga.id}")).text
    assert "coordinator cannot be blocked" in (await olga.ask(f"/block {other.id}")).text
    assert "has written to the bot" in (await olga.ask("/block 1")).text
    assert "has written to the bot" in (await olga.ask("/block @nobody_like_this")).text
    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    assert "for: coordinator" in (await citizen.ask(f"/block {olga.id}")).text
    for person in (olga, other):
        row = await store.users.by_telegram_id(person.id)
        assert row is not None and not row.blocked
