"""Commissars and tips: the regional queue, taking a tip (once), working it, deadlines and the
reminders that chase them (moved clock, quiet hours, restarts, two instances), coordinators'
overdue list and reassignment, and the region boundary, also against forged buttons."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import BotApp
from bot.sandbox.client import BotMessage, ChatPerson
from db.store import Store, open_store
from db.tips import NewTip
from handlers.keyboards import HandlerAction
from roles import receptions, staff
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.test_tip_life import MovableClock, actor_of, commissar_in
from tests.tipster import Report, send_report, tip_number

ALMATY = ZoneInfo("Asia/Almaty")


async def reported_tip(new_person: PersonFactory, region: str = "Almaty") -> tuple[ChatPerson, int]:
    tipster = await new_person("Tipster", language_code="en")
    await started(tipster, "English")
    answer = await send_report(tipster, Report(region=region))
    return tipster, tip_number(answer)


async def open_card(commissar: ChatPerson, number: int) -> BotMessage:
    """The commissar's /queue, then the tip's card (its last message carries the buttons)."""
    await commissar.send("/queue")
    queue = await commissar.reply_where(lambda m: f"#{number} ·" in m.text)
    await commissar.press(f"Tip #{number}", queue)
    return await commissar.reply_where(lambda m: bool(m.button_texts) and "History" in m.text)


async def take(commissar: ChatPerson, number: int) -> None:
    card = await open_card(commissar, number)
    await commissar.press("✋ Take the tip", card)
    await commissar.reply_where(lambda m: f"You took tip #{number}" in m.text)


async def coordinator(
    new_person: PersonFactory, store: Store, region: str | None = None
) -> ChatPerson:
    person = await new_person("Coordinator", language_code="en")
    await started(person, "English")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "coordinator", region)
    return person


async def bot_messages_with(person: ChatPerson, text: str) -> list[BotMessage]:
    return [message for message in await person.messages() if text in message.text]


async def test_two_commissars_race_for_one_tip_and_one_gets_it(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster, number = await reported_tip(new_person)
    first, _ = await commissar_in(store, new_person, "ALA")
    second, _ = await commissar_in(store, new_person, "ALA")
    cards = [await open_card(first, number), await open_card(second, number)]
    data = cards[0].button("✋ Take the tip").callback_data
    assert data == HandlerAction(action="take", tip=number).pack()

    await asyncio.gather(
        first.press_data(cards[0].message_id, data),
        second.press_data(cards[1].message_id, data),
    )
    outcomes = []
    for person in (first, second):
        answer = await person.callback_answer()
        outcomes.append((person, answer.get("text") or ""))
    refused = [person for person, text in outcomes if "already been taken" in text]
    assert len(refused) == 1
    winner = first if refused[0] is second else second
    confirmation = await winner.reply_where(lambda m: f"You took tip #{number}" in m.text)

    tip = await store.tips.get(number)
    user = await store.users.by_telegram_id(winner.id)
    assert tip is not None and user is not None
    assert tip.status == "taken" and tip.assignee_user_id == user.id
    assert tip.taken_at is not None and tip.first_action_due is not None
    assert tip.first_action_due - tip.taken_at == timedelta(days=3)
    assert tip.resolve_due is not None and tip.resolve_due - tip.taken_at == timedelta(days=14)
    due = tip.resolve_due.astimezone(ALMATY).strftime("%d.%m.%Y %H:%M")
    assert due in confirmation.text
    history = await store.tips.history(number)
    assert [entry.status for entry in history] == ["new", "taken"]

    await winner.send("/assignments")
    listing = await winner.reply_where(lambda m: "in your work" in m.text)
    assert f"#{number}" in listing.text and due in listing.text
    notice = await tipster.reply_where(lambda m: f"Tip #{number}" in m.text and "taken" in m.text)
    assert "Commissar" not in notice.text


async def test_a_commissar_of_another_region_can_neither_see_nor_take_a_tip(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    _, number = await reported_tip(new_person)
    local, _ = await commissar_in(store, new_person, "ALA")
    await open_card(local, number)
    head = next(m.text for m in reversed(await local.messages()) if "Body concerned" in m.text)
    assert "Tipster:</b> confidential" in head or "Tipster: confidential" in head
    sent = await store.tips.get(number)
    assert sent is not None
    reported = sent.created_at.astimezone(ALMATY).strftime("%d.%m.%Y")
    assert f"on the day it was reported, {reported}" in head
    stranger, _ = await commissar_in(store, new_person, "AST")
    await stranger.send("/queue")
    queue = await stranger.reply()
    assert "No new tips" in queue.text and f"#{number}" not in queue.text

    for action in ("open", "take", "evidence", "resolved"):
        await stranger.press_data(queue.message_id, HandlerAction(action=action, tip=number).pack())
        refusal = await stranger.callback_answer()
        assert refusal.get("text") == f"Tip #{number} is not in your regions.", action

    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    own_message = (await citizen.messages())[-1]
    await citizen.press_data(
        own_message.message_id, HandlerAction(action="take", tip=number).pack()
    )
    answer = await citizen.callback_answer()
    assert "Take the tip" not in (answer.get("text") or "")

    tip = await store.tips.get(number)
    assert tip is not None and tip.status == "new" and tip.assignee_user_id is None
    assert [entry.status for entry in await store.tips.history(number)] == ["new"]


async def test_a_tip_is_worked_resolved_or_given_back_and_the_tipster_hears_of_it(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster, number = await reported_tip(new_person)
    commissar, _ = await commissar_in(store, new_person, "ALA")
    await take(commissar, number)
    card = await open_card_of_assignment(commissar, number)
    await commissar.press("▶ Start working on it", card)
    await commissar.reply_where(lambda m: "is now: being checked" in m.text)
    tip = await store.tips.get(number)
    assert tip is not None and tip.status == "in_work" and tip.first_action_at is not None

    card = await open_card_of_assignment(commissar, number)
    await commissar.press("✅ Resolved", card)
    await commissar.reply_where(lambda m: "What was the outcome" in m.text)
    await commissar.send("ok")
    await commissar.reply_where(lambda m: "at least 10 characters" in m.text)
    await commissar.send("The akimat cancelled the illegal fee and returned the money.")
    await commissar.reply_where(lambda m: "is now: resolved" in m.text)
    history = await store.tips.history(number)
    assert history[-1].status == "resolved"
    assert history[-1].note == "The akimat cancelled the illegal fee and returned the money."
    told = await tipster.reply_where(lambda m: f"Tip #{number}" in m.text and "resolved" in m.text)
    assert "The akimat cancelled the illegal fee and returned the money." in told.text
    assert await store.reminders.pending(tip_id=number) == []

    _, second = await reported_tip(new_person)
    await take(commissar, second)
    card = await open_card_of_assignment(commissar, second)
    await commissar.press("↩ Back to the queue", card)
    await commissar.reply_where(lambda m: "Why do you give" in m.text)
    await commissar.send("I am away for two weeks.")
    await commissar.reply_where(lambda m: f"Tip #{second} is now" in m.text)
    tip = await store.tips.get(second)
    assert tip is not None and tip.status == "new" and tip.assignee_user_id is None
    assert tip.first_action_due is None and tip.resolve_due is None
    assert [r.kind for r in await store.reminders.pending(tip_id=second)] == ["tip_unclaimed"]
    await open_card(commissar, second)


async def open_card_of_assignment(commissar: ChatPerson, number: int) -> BotMessage:
    await commissar.send("/assignments")
    listing = await commissar.reply_where(lambda m: "in your work" in m.text)
    await commissar.press(f"Tip #{number}", listing)
    return await commissar.reply_where(lambda m: bool(m.button_texts) and "History" in m.text)


async def test_deadlines_remind_the_commissar_and_escalate_to_coordinators(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    _, number = await reported_tip(new_person)
    first, _ = await commissar_in(store, new_person, "ALA")
    second, second_actor = await commissar_in(store, new_person, "ALA", name="Dana")
    # The region's coordinator: overdue tips of other tests' regions are not in their list.
    boss = await coordinator(new_person, store, "ALA")
    await take(first, number)
    taken = clock.moment

    clock.moment = taken + timedelta(days=2, minutes=1)
    await app.sweep_reminders()
    soon = await first.reply_where(lambda m: "deadline for the first action is" in m.text)
    assert f"Tip #{number}" in soon.text
    await app.sweep_reminders()
    assert len(await bot_messages_with(first, "deadline for the first action is")) == 1

    clock.moment = taken + timedelta(days=3, minutes=1)
    await app.sweep_reminders()
    await first.reply_where(lambda m: "deadline for the first action passed" in m.text)
    await boss.reply_where(lambda m: m.text.startswith(f"⚠ Overdue: tip #{number},"))

    await boss.send("/overdue")
    overdue = await boss.reply_where(lambda m: "overdue assignment" in m.text)
    assert f"#{number}" in overdue.text
    reassign = HandlerAction(action="reassign", tip=number).pack()
    assert any(button.callback_data == reassign for row in overdue.buttons for button in row)
    await boss.press_data(overdue.message_id, reassign)
    choice = await boss.reply_where(lambda m: f"Give tip #{number}" in m.text)
    assert "Dana" in choice.button_texts
    await boss.press("Dana", choice)
    await boss.reply_where(lambda m: "has been reassigned" in m.text)
    await second.reply_where(lambda m: f"given you tip #{number}" in m.text)
    await first.reply_where(lambda m: f"given tip #{number} to another commissar" in m.text)
    tip = await store.tips.get(number)
    assert tip is not None and tip.assignee_user_id == second_actor.user_id

    clock.moment = taken + timedelta(days=13, minutes=1)
    await app.sweep_reminders()
    await second.reply_where(lambda m: "deadline for the resolution is" in m.text)
    assert await bot_messages_with(first, "deadline for the resolution") == []
    assert await bot_messages_with(second, "the first action") == []
    assert len(await bot_messages_with(boss, f"⚠ Overdue: tip #{number},")) == 1
    actions = [
        row["action"]
        for row in await store.pool.fetch(
            "SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id", str(number)
        )
    ]
    assert "tip.reassigned" in actions


async def test_quiet_hours_keep_reminders_to_volunteers_until_morning(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    clock.moment = datetime(2026, 12, 1, 22, 30, tzinfo=ALMATY).astimezone(UTC)
    app = await bot_runner.start(clock=clock, quiet_hours="22:00-08:00", unclaimed_hours=1)
    commissar, actor = await commissar_in(store, new_person, "ALA")
    _, number = await reported_tip(new_person)

    clock.moment = datetime(2026, 12, 1, 23, 31, tzinfo=ALMATY).astimezone(UTC)
    await app.sweep_reminders()
    rows = await store.pool.fetch(
        "SELECT not_before, sent_at FROM outbox WHERE user_id = $1 AND kind = 'reminder_unclaimed'",
        actor.user_id,
    )
    assert len(rows) == 1 and rows[0]["sent_at"] is None
    assert rows[0]["not_before"] == datetime(2026, 12, 2, 8, 0, tzinfo=ALMATY)
    assert await bot_messages_with(commissar, "waiting in your region's queue") == []

    clock.moment = datetime(2026, 12, 2, 8, 1, tzinfo=ALMATY).astimezone(UTC)
    await app.sweep_reminders()
    reminder = await commissar.reply_where(lambda m: "waiting in your region's queue" in m.text)
    assert f"Tip #{number}" in reminder.text and "01.12.2026 22:30" in reminder.text


async def test_a_reminder_that_fell_due_while_the_bot_was_down_is_sent_once(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    await bot_runner.start(clock=clock)
    commissar, _ = await commissar_in(store, new_person, "ALA")
    _, number = await reported_tip(new_person)
    await bot_runner.stop()

    clock.moment += timedelta(hours=25)
    app = await bot_runner.start(clock=clock)
    await app.sweep_reminders()
    await commissar.reply_where(lambda m: f"Tip #{number} has been waiting" in m.text)
    await app.sweep_reminders()
    app = await bot_runner.restart()
    await app.sweep_reminders()
    assert len(await bot_messages_with(commissar, f"Tip #{number} has been waiting")) == 1


async def queued_tip(store: Store, region: str, at: datetime, index: int) -> int:
    """A new tip in the queue with its unclaimed reminder, as sending one leaves them."""
    async with store.transaction() as tx:
        tip_id = await tx.tips.add(
            NewTip(
                category_code="bribery", region_code=region, body_concerned="Akimat",
                description="A fee was asked for a certificate that is free by law.",
                occurred_kind="today", occurred_on=None, latitude=None, longitude=None,
                address=None, identity_mode="anonymous", tipster_user_id=None,
                receipt_lookup=f"TEST{index:04d}", receipt_hash="x",
            ),
            at,
        )  # fmt: skip
        await tx.tips.add_history(tip_id, "new", at)
        await tx.reminders.add("tip_unclaimed", at + timedelta(hours=24), at, tip_id=tip_id)
    return tip_id


async def test_two_instances_sweeping_one_database_send_each_reminder_once(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store, database_url: str
) -> None:
    clock = MovableClock()
    first_app = await bot_runner.start(clock=clock)
    commissars = [(await commissar_in(store, new_person, "MAN"))[0] for _ in range(2)]
    numbers = []
    for index in range(30):
        numbers.append(await queued_tip(store, "MAN", clock.moment, index))
    clock.moment += timedelta(hours=25)

    second_store = await open_store(database_url, max_size=4)
    second_app = BotApp(
        bot_runner.settings,
        second_store,
        token=bot_runner.sandbox.token,
        api_base=bot_runner.sandbox.url,
        clock=clock,
    )
    try:
        handled = await asyncio.gather(first_app.sweep_reminders(), second_app.sweep_reminders())
    finally:
        await second_app.bot.session.close()
        await second_store.close()
    assert sum(handled) >= len(numbers)

    rows = await store.pool.fetch(
        "SELECT user_id, payload->>'tip' AS tip FROM outbox "
        "WHERE kind = 'reminder_unclaimed' AND (payload->>'tip')::bigint = ANY($1::bigint[])",
        numbers,
    )
    pairs = Counter((row["user_id"], int(row["tip"])) for row in rows)
    assert len(pairs) == 2 * len(numbers) and set(pairs.values()) == {1}
    for commissar in commissars:
        said = await bot_messages_with(commissar, "has been waiting in your region's queue")
        got = Counter(tip_number(message) for message in said)
        assert sorted(got) == sorted(numbers) and set(got.values()) == {1}
    pending = [r for r in await store.reminders.pending() if r.tip_id in set(numbers)]
    assert sorted(reminder.tip_id or 0 for reminder in pending) == sorted(numbers)
    assert all(reminder.due_at > clock.moment for reminder in pending)


async def test_a_tip_in_a_region_without_commissars_reminds_the_coordinators(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    boss = await coordinator(new_person, store)
    _, number = await reported_tip(new_person, region="Kyzylorda Region")
    clock.moment += timedelta(hours=24, minutes=1)
    await app.sweep_reminders()
    notice = await boss.reply_where(lambda m: f"Tip #{number} has been waiting" in m.text)
    assert "Kyzylorda Region, which has no commissar" in notice.text
    assert notice.button_texts == ["Open the tip"]
    await boss.press("Open the tip", notice)
    card = await boss.reply_where(lambda m: "History" in m.text)
    assert "✋ Take the tip" not in card.button_texts


async def test_a_volunteers_reception_reminder_held_by_quiet_hours_past_the_start_is_dropped(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    clock.moment = datetime(2026, 12, 1, 12, 0, tzinfo=ALMATY).astimezone(UTC)
    app = await bot_runner.start(clock=clock, quiet_hours="22:00-08:00")
    commissar, host = await commissar_in(store, new_person, "PAV")
    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    booker = await actor_of(store, citizen)
    await store.users.set_region(booker.user_id, "PAV")
    late = datetime(2026, 12, 3, 23, 0, tzinfo=ALMATY)
    slot_id = await receptions.publish_slot(
        store, host, region="PAV", starts_at=late, place="Abai avenue 10", capacity=5, clock=clock
    )
    await receptions.book(store, await actor_of(store, citizen), slot_id, clock)

    clock.moment = datetime(2026, 12, 2, 23, 1, tzinfo=ALMATY).astimezone(UTC)
    await app.sweep_reminders()
    await citizen.reply_where(lambda m: m.text.startswith("⏰ Reminder"))
    assert await bot_messages_with(commissar, "reception hours") == []
    clock.moment = datetime(2026, 12, 3, 22, 1, tzinfo=ALMATY).astimezone(UTC)
    await app.sweep_reminders()
    await citizen.reply_where(lambda m: m.text.startswith("⏰ Soon, at 03.12.2026 23:00"))
    held = await commissar.reply_where(lambda m: "your reception hours" in m.text)
    assert "03.12.2026 23:00" in held.text
    outcomes = await store.pool.fetch(
        "SELECT kind, outcome FROM reminders WHERE slot_id = $1 AND booking_id IS NULL", slot_id
    )
    assert {(row["kind"], row["outcome"]) for row in outcomes} == {
        ("reception_day", "sent"),
        ("reception_hour", "moot"),
    }
    said = [m.text for m in await bot_messages_with(commissar, "reception hours")]
    assert said == [held.text] and held.text.startswith("⏰ Reminder")


async def test_tips_of_a_commissar_who_leaves_a_region_go_back_to_its_queue(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    tipster = await new_person("Tipster", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report(region="Ulytau Region")))
    leaving, _ = await commissar_in(store, new_person, "ULY", name="Leaving")
    staying, _ = await commissar_in(store, new_person, "ULY", name="Staying")
    await take(leaving, number)
    boss = await coordinator(new_person, store)

    await boss.send(f"/revoke {leaving.id} commissar ULY")
    confirm = await boss.reply_where(lambda m: bool(m.button_texts))
    await boss.press(confirm.button_texts[0], confirm)
    await boss.reply_where(lambda m: "Leaving" in m.text and m.edited)

    tip = await store.tips.get(number)
    assert tip is not None and tip.status == "new" and tip.assignee_user_id is None
    assert tip.resolve_due is None
    assert (await store.tips.history(number))[-1].event == "assignee_left"
    await app.sweep_reminders()
    await staying.reply_where(lambda m: f"Tip #{number} has been waiting" in m.text)
    await tipster.reply_where(lambda m: f"Tip #{number}" in m.text and "waiting" in m.text)
    card = await open_card(staying, number)
    assert "back in the queue: the commissar left the region" in "\n".join(
        message.text for message in await staying.messages()
    )
    assert "✋ Take the tip" in card.button_texts
