"""A citizen's announcements and the limits on what one account may do: the subscription choice,
the daily number of tips, the flood guard, and the refusal of a blocked account."""

from __future__ import annotations

from bot.app import BotApp
from bot.sandbox.client import ChatPerson
from db.store import Store
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.tipster import Report, send_report

SLOW_DOWN = "You are sending messages too fast"
NOT_UNDERSTOOD = "I did not understand that"


async def subscription_of(store: Store, person: ChatPerson) -> tuple[bool, str | None]:
    row = await store.pool.fetchrow(
        "SELECT subscribed, subscription_region FROM users WHERE telegram_id = $1", person.id
    )
    assert row is not None
    return row["subscribed"], row["subscription_region"]


async def tip_count(store: Store) -> int:
    count: int = await store.pool.fetchval("SELECT count(*) FROM tips")
    return count


async def conversation_rows(store: Store, person: ChatPerson) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM fsm_states WHERE user_id = $1", person.id
    )
    return count


async def test_subscription_follows_the_choice(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Aigerim", language_code="en")
    await started(person, "English")

    await person.send("/subscribe")
    offer = await person.reply_where(lambda m: "Whole country" in m.button_texts)
    assert "You are not subscribed" in offer.text
    assert "Almaty" in offer.button_texts
    assert "Leave announcements" not in offer.button_texts
    assert await subscription_of(store, person) == (False, None)

    await person.press("Whole country", offer)
    nationwide = await person.reply_where(lambda m: "whole country" in m.text)
    assert nationwide.message_id == offer.message_id
    assert "✓ Whole country" in nationwide.button_texts
    assert await subscription_of(store, person) == (True, None)

    await person.press("Almaty", nationwide)
    almaty = await person.reply_where(lambda m: "announcements for: Almaty" in m.text)
    assert "✓ Almaty" in almaty.button_texts
    assert "Leave announcements" in almaty.button_texts
    assert await subscription_of(store, person) == (True, "ALA")

    await person.send("🔔 Announcements")
    current = await person.reply_where(lambda m: "Leave announcements" in m.button_texts)
    assert current.message_id != almaty.message_id
    assert "announcements for: Almaty" in current.text
    assert "✓ Almaty" in current.button_texts

    await person.press("Leave announcements", current)
    left = await person.reply_where(lambda m: "You have left the announcements" in m.text)
    assert left.message_id == current.message_id
    assert await subscription_of(store, person) == (False, None)


async def test_a_forged_region_is_refused(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Dauren", language_code="en")
    await started(person, "English")
    offer = await person.ask("/subscribe")
    await person.press("Almaty", offer)
    await person.reply_where(lambda m: "announcements for: Almaty" in m.text)

    await person.press_data(offer.message_id, "sub:NOPE")
    answer = await person.callback_answer()
    assert "There is no region" in answer["text"] and "NOPE" in answer["text"]
    assert await subscription_of(store, person) == (True, "ALA")
    shown = next(m for m in await person.messages() if m.message_id == offer.message_id)
    assert "announcements for: Almaty" in shown.text


async def test_the_daily_limit_refuses_a_report_at_once(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    await bot_runner.start(tips_per_day=2)
    person = await new_person("Yerlan", language_code="en")
    await started(person, "English")
    before = await tip_count(store)

    await send_report(person, Report())
    await send_report(person, Report(identity="🕶 Anonymous"))
    assert await tip_count(store) == before + 2

    refusal = await person.ask("/report")
    assert "2 tips today" in refusal.text
    assert "Step 1 of 8" not in refusal.text
    assert await tip_count(store) == before + 2
    assert await conversation_rows(store, person) == 0


async def test_a_flooding_account_is_warned_once_and_slows_nobody_else(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    await bot_runner.start(flood_burst=5, flood_per_minute=6)
    flooder = await new_person("Flood", language_code="en")
    other = await new_person("Calm", language_code="en")
    await started(flooder, "English")
    await started(other, "English")

    for number in range(12):
        await flooder.send(f"hello {number}")
    await flooder.reply_where(lambda m: SLOW_DOWN in m.text)

    help_text = (await other.ask("/help")).text
    assert "Your commands" in help_text and "/report" in help_text

    seen = [m.text for m in await flooder.messages()]
    assert sum(SLOW_DOWN in text for text in seen) == 1
    assert sum(NOT_UNDERSTOOD in text for text in seen) <= 5
    assert await conversation_rows(store, flooder) == 0
    assert await store.users.by_telegram_id(flooder.id) is not None


async def test_a_blocked_account_cannot_start_a_report(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Blocked", language_code="en")
    await started(person, "English")
    user = await store.users.by_telegram_id(person.id)
    assert user is not None
    await store.users.set_blocked(user.id, True)
    before = await tip_count(store)

    refusal = await person.ask("/report")
    assert "this account has been blocked" in refusal.text
    assert await conversation_rows(store, person) == 0
    assert await tip_count(store) == before
    blocked = await store.users.by_telegram_id(person.id)
    assert blocked is not None and blocked.blocked
