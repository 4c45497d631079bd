"""Commissars' field work through the bot: checks of every kind filled item by item, violations
whose evidence is hashed as it arrives and can only be added to, the refusals on the way, and
citizen receptions booked, reminded and cancelled."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from bot.app import BotApp
from bot.sandbox.client import BotMessage, ChatPerson
from db.store import Store
from handlers.keyboards import Step
from roles import fieldwork
from roles.errors import InvalidInput
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.test_tip_life import MovableClock, actor_of, commissar_in
from tests.tipster import PDF, png

ALMATY = ZoneInfo("Asia/Almaty")
ANSWER_LABELS = {"yes": "✅ Yes", "no": "❌ No", "na": "➖ Not applicable"}
ANSWER_MARKS = {"yes": "✅", "no": "❌", "na": "➖"}
REFERENCE = "LOT-2026-0042"
PLACE = "Abai avenue 10, room 204"
DESCRIPTION = "The contractor laid asphalt 3 cm thick instead of the 7 cm of the project."


# ------------------------------------------------------------------ small steps


def has(fragment: str) -> Callable[[BotMessage], bool]:
    return lambda message: fragment in message.text


def number_after(prefix: str, text: str) -> int:
    found = re.search(re.escape(prefix) + r"(\d+)", text)
    assert found is not None, f"no {prefix!r} followed by a number in {text!r}"
    return int(found.group(1))


async def count(store: Store, query: str, *args: object) -> int:
    value = await store.pool.fetchval(query, *args)
    assert isinstance(value, int)
    return value


async def checks_of(store: Store, user_id: int) -> int:
    return await count(
        store, "SELECT count(*) FROM field_checks WHERE commissar_user_id = $1", user_id
    )


async def violations_of(store: Store, user_id: int) -> int:
    return await count(store, "SELECT count(*) FROM violations WHERE recorded_by = $1", user_id)


async def checklist_of(store: Store, kind: str) -> list[tuple[int, str]]:
    records = await store.pool.fetch(
        "SELECT position, text_en FROM check_items WHERE kind_code = $1 ORDER BY position", kind
    )
    return [(record["position"], record["text_en"]) for record in records]


async def answers_of(store: Store, check_id: int) -> list[tuple[int, str]]:
    records = await store.pool.fetch(
        "SELECT position, answer FROM check_answers WHERE check_id = $1 ORDER BY position",
        check_id,
    )
    return [(record["position"], record["answer"]) for record in records]


async def begin_plan(commissar: ChatPerson, kind_name: str) -> None:
    """/checks, ➕ Plan a check, the kind; stops at the target question."""
    await commissar.send("/checks")
    listing = await commissar.reply_where(lambda m: "➕ Plan a check" in m.button_texts)
    await commissar.press("➕ Plan a check", listing)
    kinds = await commissar.reply_where(has("What kind of check?"))
    await commissar.press(kind_name, kinds)
    await commissar.reply_where(has("What do you check?"))


async def plan_check(
    commissar: ChatPerson, kind_name: str, target: str, reference: str | None = None
) -> tuple[BotMessage, int]:
    """Plan a check for today; return its card and number."""
    await begin_plan(commissar, kind_name)
    await commissar.send(target)
    if reference is not None:
        await commissar.reply_where(has("The lot or contract number"))
        await commissar.send(reference)
    question = await commissar.reply_where(has("The date of the check"))
    await commissar.press("Today", question)
    card = await commissar.reply_where(has("Target:"))
    return card, number_after("Check #", card.text)


async def answer_items(
    commissar: ChatPerson, check_id: int, items: list[tuple[int, str]], answers: list[str]
) -> None:
    """Answer the first len(answers) items in turn, seeing each item's text."""
    for (position, text), answer in zip(items, answers, strict=False):
        question = await commissar.reply_where(
            has(f"Check #{check_id}, item {position} of {len(items)}")
        )
        assert text in question.text
        await commissar.press(ANSWER_LABELS[answer], question)


async def open_card(commissar: ChatPerson, check_id: int) -> BotMessage:
    await commissar.send("/checks")
    listing = await commissar.reply_where(lambda m: f"Check #{check_id}" in m.button_texts)
    await commissar.press(f"Check #{check_id}", listing)
    return await commissar.reply_where(has(f"Check #{check_id}:"))


async def describe_violation(commissar: ChatPerson, card: BotMessage) -> BotMessage:
    """From a check card up to the question of the sum: keep the body, skip the rule, High."""
    await commissar.press("📌 Record a violation", card)
    await commissar.reply_where(has("What is the violation?"))
    await commissar.send(DESCRIPTION)
    body = await commissar.reply_where(has("Which body or organisation"))
    await commissar.press("Keep it", body)
    rule = await commissar.reply_where(has("Which rule was broken"))
    await commissar.press("Skip →", rule)
    severity = await commissar.reply_where(has("How serious is it?"))
    await commissar.press("High", severity)
    return await commissar.reply_where(has("The sum involved"))


async def send_evidence(
    commissar: ChatPerson, data: bytes, kind: str, filename: str, content_type: str
) -> BotMessage:
    await commissar.send_file(data, kind=kind, filename=filename, content_type=content_type)
    return await commissar.reply_where(has("SHA-256"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ checks


async def test_each_kind_of_check_is_planned_and_filled_item_by_item(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    commissar, actor = await commissar_in(store, new_person)
    today = running_bot.rules.today(running_bot.clock.now())
    kinds = await store.fieldwork.kinds()
    assert {kind.code for kind in kinds} == {
        "raid", "procurement", "reception", "mystery_shopper", "construction", "road",
    }  # fmt: skip
    cycle = ["yes", "no", "na"]

    for index, kind in enumerate(kinds):
        items = await checklist_of(store, kind.code)
        assert items, f"{kind.code} has a checklist"
        target = f"Akimat of Almaty, {kind.code} department"
        reference = REFERENCE if kind.needs_reference else None
        card, check_id = await plan_check(commissar, kind.name_en, target, reference)
        assert f"Check #{check_id}: {kind.name_en} — planned" in card.text
        assert f"0 of {len(items)} answered" in card.text
        answers = [cycle[(index + position) % 3] for position, _ in items]

        await commissar.press("📝 Fill in the checklist", card)
        await answer_items(commissar, check_id, items, answers)
        filled = await commissar.reply_where(has(f"Check #{check_id}:"))
        assert f"{len(items)} of {len(items)} answered" in filled.text
        assert "📝 Fill in the checklist" not in filled.button_texts
        await commissar.press("✓ Finish the check", filled)
        done = await commissar.reply_where(has(f"Check #{check_id}: {kind.name_en} — done"))
        assert "✓ Finish the check" not in done.button_texts
        for (_, text), answer in zip(items, answers, strict=True):
            assert f"{ANSWER_MARKS[answer]} {text}" in done.text

        check = await store.fieldwork.check(check_id)
        assert check is not None
        assert (check.kind_code, check.target, check.reference, check.status) == (
            kind.code, target, reference, "done",
        )  # fmt: skip
        assert check.commissar_user_id == actor.user_id
        assert check.region_code == "ALA" and check.planned_on == today
        assert check.finished_at is not None
        assert await answers_of(store, check_id) == [
            (position, answer) for (position, _), answer in zip(items, answers, strict=True)
        ]

    # Procurement monitoring asks for the lot or contract before the date, and the workflow
    # refuses a procurement check without one.
    procurement = next(kind for kind in kinds if kind.needs_reference)
    before = await checks_of(store, actor.user_id)
    await begin_plan(commissar, procurement.name_en)
    await commissar.send("Ministry of Health procurement")
    asked = await commissar.reply_where(has("The lot or contract number"))
    assert "Today" not in asked.button_texts
    await commissar.press_data(asked.message_id, Step(action="today").pack())
    await commissar.callback_answer()
    assert await checks_of(store, actor.user_id) == before
    with pytest.raises(InvalidInput) as refused:
        await fieldwork.plan_check(
            store, actor, kind=procurement.code, region="ALA", target="Ministry of Health",
            reference=None, planned_on=today, clock=running_bot.clock,
        )  # fmt: skip
    assert refused.value.key == "error-check-reference-short"
    assert await checks_of(store, actor.user_id) == before

    # Finishing with unanswered items is refused; the check stays open.
    raid = kinds[0]
    items = await checklist_of(store, raid.code)
    card, check_id = await plan_check(commissar, raid.name_en, "Medeu district akimat")
    await commissar.press("📝 Fill in the checklist", card)
    await answer_items(commissar, check_id, items, ["yes", "no"])
    await commissar.reply_where(has(f"Check #{check_id}, item 3 of {len(items)}"))
    card = await open_card(commissar, check_id)
    assert f"Check #{check_id}: {raid.name_en} — under way" in card.text
    await commissar.press("✓ Finish the check", card)
    refusal = await commissar.callback_answer()
    unanswered = len(items) - 2
    assert refusal["text"] == f"{unanswered} items of the checklist are not answered yet."
    check = await store.fieldwork.check(check_id)
    assert check is not None and check.status == "in_progress" and check.finished_at is None
    assert await answers_of(store, check_id) == [(1, "yes"), (2, "no")]


# ------------------------------------------------------------------ violations


async def test_a_violation_keeps_the_sha256_of_each_file_and_its_evidence_is_only_added_to(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    commissar, actor = await commissar_in(store, new_person)
    card, check_id = await plan_check(commissar, "Road control", "Road to Kaskelen, km 12")
    await describe_violation(commissar, card)
    await commissar.send("1 500 000")
    await commissar.reply_where(has("Send the evidence"))

    photo, document = png(shade=11), PDF
    started_at = datetime.now(UTC)
    first = await send_evidence(commissar, photo, "photo", "site.png", "image/png")
    assert "File 1 received" in first.text and sha256(photo) in first.text
    second = await send_evidence(commissar, document, "document", "act.pdf", "application/pdf")
    assert "File 2 received" in second.text and sha256(document) in second.text
    await commissar.press("✓ Done", second)
    summary = await commissar.reply_where(has("Once saved, the evidence"))
    assert "Evidence: 2" in summary.text and "Severity: High" in summary.text
    await commissar.press("✅ Save", summary)
    saved = await commissar.reply_where(has("Violation #"))
    received_by = datetime.now(UTC)
    violation_id = number_after("Violation #", saved.text)
    assert f"(check #{check_id})" in saved.text

    violation = await store.fieldwork.violation(violation_id)
    assert violation is not None
    assert violation.severity == "high" and violation.amount == Decimal("1500000")
    assert violation.check_id == check_id and violation.recorded_by == actor.user_id
    assert violation.body == "Road to Kaskelen, km 12" and violation.description == DESCRIPTION
    assert violation.rule_broken is None and violation.region_code == "ALA"
    rows = await store.fieldwork.violation_evidence(violation_id)
    assert [(row.position, row.kind, row.sha256) for row in rows] == [
        (1, "photo", sha256(photo)),
        (2, "document", sha256(document)),
    ]
    for row in rows:
        assert row.file_unique_id
        assert started_at <= row.received_at <= received_by
    assert rows[1].file_name == "act.pdf" and rows[1].mime_type == "application/pdf"

    # More evidence is appended after the files already there, which stay as they were.
    await commissar.press("➕ Add evidence", saved)
    await commissar.reply_where(has(f"Send more evidence for violation #{violation_id}"))
    later = png(shade=99)
    added = await send_evidence(commissar, later, "photo", "later.png", "image/png")
    assert f"Added to violation #{violation_id}" in added.text and sha256(later) in added.text
    await commissar.press("✓ Done", added)
    await commissar.reply_where(has(f"The evidence of violation #{violation_id} is saved"))
    now_rows = await store.fieldwork.violation_evidence(violation_id)
    assert [row.position for row in now_rows] == [1, 2, 3]
    assert now_rows[:2] == rows
    assert now_rows[2].sha256 == sha256(later) and now_rows[2].kind == "photo"

    # The store itself refuses to change or remove evidence.
    with pytest.raises(asyncpg.exceptions.RaiseError):
        await store.pool.execute(
            "UPDATE violation_evidence SET sha256 = $2 WHERE violation_id = $1",
            violation_id,
            "0" * 64,
        )
    with pytest.raises(asyncpg.exceptions.RaiseError):
        await store.pool.execute(
            "DELETE FROM violation_evidence WHERE violation_id = $1", violation_id
        )
    assert await store.fieldwork.violation_evidence(violation_id) == now_rows

    # Looking at the evidence re-sends the files with their hashes, and is audited.
    await commissar.send("/violations")
    listing = await commissar.reply_where(lambda m: f"Violation #{violation_id}" in m.button_texts)
    await commissar.press(f"Violation #{violation_id}", listing)
    violation_card = await commissar.reply_where(has(f"Violation #{violation_id} (check"))
    assert "Evidence: 3" in violation_card.text
    await commissar.press("📎 Show the evidence", violation_card)
    shown = [
        await commissar.reply_where(lambda m: m.kind in ("photo", "document")) for _ in now_rows
    ]
    for message, row in zip(shown, now_rows, strict=True):
        assert message.kind == row.kind
        assert f"file {row.position} of 3" in message.text
        assert f"SHA-256: {row.sha256}" in message.text
        sent = message.raw["photo"][-1] if row.kind == "photo" else message.raw["document"]
        assert sent["file_unique_id"] == row.file_unique_id
    viewed = await store.audit.entries(
        action="violation.evidence_viewed", object_id=str(violation_id)
    )
    assert [entry.actor_user_id for entry in viewed] == [actor.user_id]
    assert viewed[0].details == {"files": 3}


# ------------------------------------------------------------------ refusals


async def test_refusals_in_field_work(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    commissar, actor = await commissar_in(store, new_person)

    await begin_plan(commissar, "Raid")
    await commissar.send("X")
    short = await commissar.reply_where(has("too short"))
    assert short.text == "The name is too short: at least 2 characters."
    await commissar.send("Bostandyq district public service centre")
    await commissar.reply_where(has("The date of the check"))
    await commissar.send("the day after tomorrow")
    not_a_date = await commissar.reply()
    assert not_a_date.text == ("That is not a date. Send it as DD.MM.YYYY, for example 15.03.2026.")
    await commissar.send("31.02.2026")
    assert (await commissar.reply()).text == not_a_date.text
    far = running_bot.rules.today(running_bot.clock.now()) + timedelta(days=400)
    await commissar.send(far.strftime("%d.%m.%Y"))
    assert (await commissar.reply()).text == "The date must be within a year before or after today."
    assert await checks_of(store, actor.user_id) == 0

    next_week = running_bot.rules.today(running_bot.clock.now()) + timedelta(days=7)
    await commissar.send(next_week.strftime("%d.%m.%Y"))
    card = await commissar.reply_where(has("Target:"))
    assert await checks_of(store, actor.user_id) == 1
    check_id = number_after("Check #", card.text)
    check = await store.fieldwork.check(check_id)
    assert check is not None and check.planned_on == next_week

    await describe_violation(commissar, card)
    await commissar.send("abc")
    not_a_sum = await commissar.reply()
    assert not_a_sum.text == ("That is not a sum. Send digits, for example 1 500 000 or 2500,50.")
    await commissar.press("Skip →")
    ask_files = await commissar.reply_where(has("Send the evidence"))
    await commissar.send("Here is a photo of the receipt")
    assert (await commissar.reply()).text == "Send files as evidence, or press Done."
    await commissar.press_data(ask_files.message_id, Step(action="done").pack())
    refusal = await commissar.callback_answer()
    assert refusal["text"] == "A violation needs at least one file of evidence."
    assert await violations_of(store, actor.user_id) == 0
    assert await checks_of(store, actor.user_id) == 1


async def test_a_cancelled_check_takes_no_violation_and_evidence_has_a_limit(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    commissar, actor = await commissar_in(store, new_person)
    card, cancelled_id = await plan_check(commissar, "Raid", "Medeu district akimat")
    await commissar.press("✕ Cancel the check", card)
    await commissar.reply_where(has(f"Check #{cancelled_id} has been cancelled"))
    await commissar.press_data(card.message_id, f"chk:violation:{cancelled_id}")
    refusal = await commissar.callback_answer()
    assert refusal["text"] == f"Check #{cancelled_id} was cancelled: nothing can be recorded on it."

    card, _ = await plan_check(commissar, "Road control", "Ring road, section 4")
    await describe_violation(commissar, card)
    await commissar.press("Skip →")
    await commissar.reply_where(has("Send the evidence"))
    await send_evidence(commissar, png(shade=1), "photo", "p.png", "image/png")
    await commissar.press("✓ Done")
    summary = await commissar.reply_where(has("Once saved"))
    await commissar.press("✅ Save", summary)
    violation_card = await commissar.reply_where(has("Violation #"))
    violation_id = number_after("Violation #", violation_card.text)
    await commissar.press("➕ Add evidence", violation_card)
    await commissar.reply_where(has("Send more evidence"))
    limit = fieldwork.VIOLATION_FILES_LIMIT
    for shade in range(2, limit + 1):
        await send_evidence(commissar, png(shade=shade), "photo", "p.png", "image/png")
    await commissar.send_file(
        png(shade=99), kind="photo", filename="p.png", content_type="image/png"
    )
    too_many = await commissar.reply()
    assert too_many.text == f"A violation holds at most {limit} files. This one was not added."
    assert len(await store.fieldwork.violation_evidence(violation_id)) == limit
    assert await violations_of(store, actor.user_id) == 1


# ------------------------------------------------------------------ receptions


async def publish_slot(
    commissar: ChatPerson, starts: datetime, place: str, capacity: int
) -> BotMessage:
    """/receptions, ➕ Publish reception hours, then the local time, the place and capacity."""
    listing = await commissar.ask("/receptions")
    await commissar.press("➕ Publish reception hours", listing)
    await commissar.reply_where(has("When? Send the local date and time"))
    await commissar.send(starts.astimezone(ALMATY).strftime("%d.%m.%Y %H:%M"))
    await commissar.reply_where(has("Where?"))
    await commissar.send(place)
    await commissar.reply_where(has("How many people"))
    await commissar.send(str(capacity))
    return await commissar.reply_where(has("is published"))


async def texts_with(person: ChatPerson, fragment: str) -> list[str]:
    return [message.text for message in await person.messages() if fragment in message.text]


async def bookers(store: Store, slot_id: int) -> list[int]:
    records = await store.pool.fetch(
        "SELECT citizen_user_id FROM reception_bookings "
        "WHERE slot_id = $1 AND cancelled_at IS NULL ORDER BY id",
        slot_id,
    )
    return [record["citizen_user_id"] for record in records]


async def pending_of(store: Store, slot_id: int) -> list[int]:
    return [row.id for row in await store.reminders.pending() if row.slot_id == slot_id]


async def reminders_of_slot(store: Store, slot_id: int) -> list[tuple[str, int, bool, str]]:
    records = await store.pool.fetch(
        "SELECT kind, user_id, booking_id IS NOT NULL AS of_booking, outcome FROM reminders "
        "WHERE slot_id = $1 ORDER BY id",
        slot_id,
    )
    return [
        (record["kind"], record["user_id"], record["of_booking"], record["outcome"])
        for record in records
    ]


async def citizen(new_person: PersonFactory, store: Store, name: str, region: str) -> ChatPerson:
    person = await new_person(name, language_code="en")
    await started(person, "English")
    user = await store.users.by_telegram_id(person.id)
    assert user is not None
    await store.users.set_region(user.id, region)
    return person


async def test_receptions_are_booked_reminded_and_cancelled(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    commissar, commissar_actor = await commissar_in(store, new_person)

    local_day = (clock.now().astimezone(ALMATY) + timedelta(days=3)).date()
    starts = datetime(local_day.year, local_day.month, local_day.day, 11, 0, tzinfo=ALMATY)
    at = starts.strftime("%d.%m.%Y %H:%M")
    published = await publish_slot(commissar, starts, PLACE, 1)
    assert at in published.text and PLACE in published.text
    slot_id = number_after("Reception #", published.text)
    slot = await store.receptions.slot(slot_id)
    assert slot is not None
    assert (slot.starts_at, slot.place, slot.capacity, slot.region_code) == (
        starts, PLACE, 1, "ALA",
    )  # fmt: skip
    # A later reception, still far off when the first one is cancelled.
    later = await publish_slot(commissar, starts + timedelta(days=2), "Abai avenue 10, hall", 5)
    later_id = number_after("Reception #", later.text)

    # Citizen A of Almaty books the only place of the first.
    first = await new_person("Aigerim", language_code="en")
    await started(first, "English")
    await first.press("Almaty", await first.ask("/region"))
    await first.reply_where(has("Your region: Almaty"))
    menu = await first.ask("/reception")
    assert f"#{slot_id} · {at} · {PLACE} · Almaty · booked 0 of 1" in menu.text
    book_data = menu.button(f"Book #{slot_id}").callback_data
    assert book_data is not None
    await first.press(f"Book #{slot_id}", menu)
    booked = await first.reply_where(has("You are booked"))
    assert f"reception #{slot_id}: {at}, {PLACE}" in booked.text

    # Citizen B of Almaty finds it full, and a forged press does not get in; B books the later.
    second = await citizen(new_person, store, "Bauyrzhan", "ALA")
    full = await second.ask("/reception")
    assert f"#{slot_id} · {at} · {PLACE} · Almaty · booked 1 of 1" in full.text
    assert f"Book #{slot_id}" not in full.button_texts
    await second.press_data(full.message_id, book_data)
    assert (await second.callback_answer())["text"] == "All places of that reception are booked."
    await second.press(f"Book #{later_id}", full)
    await second.reply_where(has(f"You are booked for reception #{later_id}"))

    # A citizen of Astana does not even see it.
    stranger = await citizen(new_person, store, "Serik", "AST")
    elsewhere = await stranger.ask("/reception")
    assert f"#{slot_id}" not in elsewhere.text
    await stranger.press_data(elsewhere.message_id, book_data)
    refusal = await stranger.callback_answer()
    assert refusal["text"] == "There is no such reception in your region."
    first_id = (await actor_of(store, first)).user_id
    assert await bookers(store, slot_id) == [first_id]

    # The day before: both are reminded, once.
    clock.moment = starts.astimezone(UTC) - timedelta(days=1) + timedelta(minutes=1)
    await app.sweep_reminders()
    tomorrow = await first.reply_where(has("Reminder"))
    assert tomorrow.text == f"⏰ Reminder: your reception with a commissar is on {at}, {PLACE}."
    hosting = await commissar.reply_where(has("your reception hours"))
    assert hosting.text == f"⏰ Reminder: your reception hours are on {at}, {PLACE}; 1 booked."
    told_first = len(await first.messages())
    told_commissar = await texts_with(commissar, "your reception hours")
    await app.sweep_reminders()
    assert len(await first.messages()) == told_first
    assert await texts_with(commissar, "your reception hours") == told_commissar

    # An hour before.
    clock.moment = starts.astimezone(UTC) - timedelta(hours=1) + timedelta(minutes=1)
    await app.sweep_reminders()
    soon = await first.reply_where(has("Soon"))
    assert soon.text == f"⏰ Soon, at {at}: your reception with a commissar, {PLACE}."
    await commissar.reply_where(has(f"Soon, at {at}: your reception hours"))

    # A gives the place up, B takes it, the commissar cancels both receptions: B is told.
    mine = await first.ask("/reception")
    await first.press(f"✕ Cancel my booking #{slot_id}", mine)
    await first.reply_where(has("Your booking is cancelled."))
    free = await second.ask("/reception")
    await second.press(f"Book #{slot_id}", free)
    await second.reply_where(has(f"You are booked for reception #{slot_id}"))
    second_id = (await actor_of(store, second)).user_id
    assert await bookers(store, slot_id) == [second_id]
    assert len(await pending_of(store, later_id)) == 4, "the later one's reminders wait"

    for number, place, starts_at in (
        (slot_id, PLACE, starts),
        (later_id, "Abai avenue 10, hall", starts + timedelta(days=2)),
    ):
        slots = await commissar.ask("/receptions")
        await commissar.press(f"✕ Cancel #{number}", slots)
        confirm = await commissar.reply_where(has(f"Cancel reception #{number}?"))
        await commissar.press("Yes, cancel it", confirm)
        cancelled = await commissar.reply_where(has(f"Reception #{number} is cancelled"))
        assert "1 person who had booked it has been told" in cancelled.text
        notice = await second.reply_where(has("has been cancelled by the commissar"))
        assert notice.text.startswith(
            f"The reception of {starts_at.strftime('%d.%m.%Y %H:%M')} ({place})"
        )
        slot = await store.receptions.slot(number)
        assert slot is not None and slot.cancelled_at is not None and slot.booked == 0
        assert await pending_of(store, number) == []

    assert sorted(await reminders_of_slot(store, slot_id)) == sorted(
        [
            ("reception_day", commissar_actor.user_id, False, "sent"),
            ("reception_hour", commissar_actor.user_id, False, "sent"),
            ("reception_day", first_id, True, "sent"),
            ("reception_hour", first_id, True, "sent"),
        ]
    )
    assert sorted(await reminders_of_slot(store, later_id)) == sorted(
        [
            ("reception_day", commissar_actor.user_id, False, "cancelled"),
            ("reception_hour", commissar_actor.user_id, False, "cancelled"),
            ("reception_day", second_id, True, "cancelled"),
            ("reception_hour", second_id, True, "cancelled"),
        ]
    )
