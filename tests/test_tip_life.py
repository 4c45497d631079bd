"""After sending: receipts, the relay of questions and answers, status notifications, withdrawal,
the follow-up, and what the store and other people may learn about a tipster."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import BotApp
from bot.sandbox.client import ChatPerson, SandboxClient
from db.store import Store
from roles import assignments, people, staff, tips
from roles.model import Actor
from roles.receipts import parse_code
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.tipster import Report, send_report, tip_number


class MovableClock:
    def __init__(self) -> None:
        self.moment = datetime.now(UTC)

    def now(self) -> datetime:
        return self.moment


async def actor_of(store: Store, person: ChatPerson) -> Actor:
    row = await store.users.by_telegram_id(person.id)
    assert row is not None
    return people.actor_from(row)


async def commissar_in(
    store: Store,
    new_person: PersonFactory,
    region: str = "ALA",
    language: str = "en",
    name: str = "Commissar",
) -> tuple[ChatPerson, Actor]:
    person = await new_person(name, language_code=language)
    await started(person, {"en": "English", "ru": "Русский", "kk": "Қазақша"}[language])
    await staff.grant_role(store, staff.Authority("shell"), person.id, "commissar", region)
    return person, await actor_of(store, person)


def receipt_of(text: str) -> str:
    for line in text.splitlines():
        if parse_code(line.strip()):
            return line.strip()
    raise AssertionError(f"no receipt code in {text!r}")


async def test_an_anonymous_tip_is_followed_and_answered_with_its_receipt_code_only(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster = await new_person("Nurlan", language_code="en", username="nurlan_k")
    await started(tipster, "English")
    answer = await send_report(tipster, Report(identity="🕶 Anonymous"))
    number = tip_number(answer)
    code = receipt_of(answer.text)
    assert len(code.replace("-", "")) >= 16

    commissar, handler = await commissar_in(store, new_person)
    rules = running_bot.dispatcher.workflow_data["rules"]
    await tips.change_status(store, handler, number, "taken", rules, running_bot.clock)
    await tips.ask_tipster(store, handler, number, "Which office number was it?", running_bot.clock)

    await tipster.send(code)
    card = await tipster.reply_where(lambda m: f"Tip #{number}" in m.text)
    thread = await tipster.reply_where(lambda m: "Which office number was it?" in m.text)
    assert "more information needed" in card.text
    await tipster.press("✉ Reply", thread)
    await tipster.reply_where(lambda m: "Send your answer" in m.text)
    await tipster.send("Office 214, second floor.")
    await tipster.reply_where(lambda m: "Passed on" in m.text)
    assert await store.tips.status(number) == "in_work"

    messages = await store.tips.thread(number)
    assert [(m.direction, m.body) for m in messages] == [
        ("to_tipster", "Which office number was it?"),
        ("from_tipster", "Office 214, second floor."),
    ]
    notice = await commissar.reply_where(lambda m: f"#{number}" in m.text)
    assert "answered" in notice.text


async def everything_said_to_others(client: SandboxClient, tipster_id: int) -> str:
    """Every message and edit the bot sent to anyone but the tipster, as raw JSON text."""
    import json

    body = await client.request("GET", "/sandbox/api/events", params={"after": 0, "timeout": 0})
    said = [
        json.dumps(event, ensure_ascii=False)
        for event in body["events"]
        if event["kind"] in ("message", "edit") and event["chat_id"] != tipster_id
    ]
    return "\n".join(said)


async def store_rows(store: Store) -> dict[str, list[dict[str, object]]]:
    import json

    tables = await store.pool.fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    )
    rows: dict[str, list[dict[str, object]]] = {}
    for table in tables:
        name = table["tablename"]
        records = await store.pool.fetch(f'SELECT row_to_json(t)::text AS row FROM "{name}" t')
        rows[name] = [json.loads(record["row"]) for record in records]
    return rows


async def test_the_store_and_the_logs_hold_no_link_from_an_anonymous_tip_to_its_sender(
    running_bot: BotApp,
    new_person: PersonFactory,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")
    tipster = await new_person("Saule", language_code="en", username="saule_tips")
    await started(tipster, "English")
    answer = await send_report(tipster, Report(identity="🕶 Anonymous", album=2))
    number = tip_number(answer)
    await tipster.send(receipt_of(answer.text))
    await tipster.reply_where(lambda m: f"Tip #{number}" in m.text)
    await tipster.press("✉ Reply")
    await tipster.reply_where(lambda m: "Send your answer" in m.text)
    await tipster.send("One more detail about the office.")
    await tipster.reply_where(lambda m: "Passed on" in m.text)

    user = await store.users.by_telegram_id(tipster.id)
    assert user is not None
    person_ids = {user.id, tipster.id}
    person_columns = {"user_id", "tipster_user_id", "actor_user_id", "author_user_id",
                      "assignee_user_id", "telegram_id", "chat_id"}  # fmt: skip
    tip_columns = {"tip_id", "object_id", "tip"}
    rows = await store_rows(store)
    tip_row = next(row for row in rows["tips"] if row["id"] == number)
    assert tip_row["tipster_user_id"] is None and tip_row["receipt_hash"]
    assert parse_code(receipt_of(answer.text)).secret not in str(tip_row)  # type: ignore[union-attr]
    for table, table_rows in rows.items():
        for row in table_rows:
            flat = {**row, **(row.get("payload") or {}), **(row.get("data") or {})}  # type: ignore[dict-item]
            names_person = any(flat.get(column) in person_ids for column in person_columns)
            if table == "users":
                names_person = row["id"] == user.id
            names_tip = any(str(flat.get(column)) == str(number) for column in tip_columns)
            assert not (names_person and names_tip), f"{table} links the tip: {row}"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert str(tipster.id) not in logged
    assert "saule_tips" not in logged


async def test_nobody_but_the_tipster_learns_who_sent_a_tip(
    running_bot: BotApp, new_person: PersonFactory, store: Store, client: SandboxClient
) -> None:
    tipster = await new_person("Dinara", last_name="Seitkali", language_code="en",
                               username="dinara_s")  # fmt: skip
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report(album=2)))
    commissar, handler = await commissar_in(store, new_person)
    rules = running_bot.dispatcher.workflow_data["rules"]
    clock = running_bot.clock
    await tips.change_status(store, handler, number, "taken", rules, clock)
    await tips.ask_tipster(store, handler, number, "Do you have the receipt?", clock)
    question = await tipster.reply_where(lambda m: "Do you have the receipt?" in m.text)
    await tipster.press("✉ Reply", question)
    await tipster.reply_where(lambda m: "Send your answer" in m.text)
    await tipster.send("Yes, attached.")
    await tipster.reply_where(lambda m: "Passed on" in m.text)
    await commissar.reply_where(lambda m: f"#{number}" in m.text)
    await tips.change_status(
        store, handler, number, "resolved", rules, clock, note="The fee was cancelled."
    )
    await tipster.reply_where(lambda m: "resolved" in m.text)
    await assignments.tip_evidence(store, handler, number, clock)
    coordinator = await new_person("Coordinator", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), coordinator.id, "coordinator")
    await started(coordinator, "English")
    assert f"tip #{number}" in (await coordinator.ask("/audit")).text

    said = await everything_said_to_others(client, tipster.id)
    assert said, "the commissar was told about the answer"
    for secret in (str(tipster.id), "Dinara", "Seitkali", "dinara_s"):
        assert secret not in said

    user = await store.users.by_telegram_id(tipster.id)
    assert user is not None
    identity = {user.id, tipster.id, str(user.id), str(tipster.id), "dinara_s", "Dinara"}
    for entry in await store.audit.entries(limit=100_000):
        assert entry.actor_user_id != user.id, entry
        assert entry.object_id not in identity or entry.object_type != "user", entry
        assert not identity & set(flat_values(entry.details)), entry


def flat_values(value: object) -> list[object]:
    """Every scalar inside a JSON value (the audit's details), keys included."""
    if isinstance(value, dict):
        return [*value.keys(), *(inner for item in value.values() for inner in flat_values(item))]
    if isinstance(value, list):
        return [inner for item in value for inner in flat_values(item)]
    return [value]


async def test_each_status_change_reaches_a_confidential_tipster_in_kazakh(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster = await new_person("Асель", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report()))
    picker = await tipster.ask("/language")
    await tipster.press("Қазақша", picker)
    await tipster.reply_where(lambda m: m.edited)
    _, handler = await commissar_in(store, new_person)
    rules = running_bot.dispatcher.workflow_data["rules"]
    clock = running_bot.clock

    for status in ("taken", "in_work", "resolved"):
        await tips.change_status(
            store, handler, number, status, rules, clock, note="Checked on site."
        )
        notice = await tipster.reply_where(lambda m: f"#{number}" in m.text)
        expected = running_bot.translations.get(f"tip-status-{status}", "kk")
        assert expected in notice.text
        assert notice.button_texts == [running_bot.translations.get("button-open-tip", "kk")]
    history = [entry.status for entry in await store.tips.history(number)]
    assert history == ["new", "taken", "in_work", "resolved"]


async def test_a_tipster_withdraws_a_tip_until_someone_takes_it(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster = await new_person("Erlan", language_code="en")
    await started(tipster, "English")
    first = tip_number(await send_report(tipster, Report()))
    second = tip_number(await send_report(tipster, Report(when="Earlier")))
    _, handler = await commissar_in(store, new_person)
    rules = running_bot.dispatcher.workflow_data["rules"]
    await tips.change_status(store, handler, second, "taken", rules, running_bot.clock)

    await tipster.reply_where(lambda m: "taken by a commissar" in m.text)
    listing = await tipster.ask("/mytips")
    assert "Your 2 tips" in listing.text
    await tipster.press(f"Tip #{first}", listing)
    card = await tipster.reply_where(lambda m: "Withdraw the tip" in m.button_texts)
    await tipster.press("Withdraw the tip", card)
    confirm = await tipster.reply_where(lambda m: "Withdraw tip" in m.text)
    await tipster.press("Yes, withdraw", confirm)
    done = await tipster.reply_where(lambda m: "is withdrawn" in m.text)
    assert f"#{first}" in done.text
    assert await store.tips.status(first) == "withdrawn"

    await tipster.press(f"Tip #{second}", listing)
    card = await tipster.reply_where(lambda m: "✉ Reply" in m.button_texts)
    assert "Withdraw the tip" not in card.button_texts
    user = await store.users.by_telegram_id(tipster.id)
    assert user is not None
    await tipster.press_data(card.message_id, f"tip:withdraw_yes:{second}")
    refusal = await tipster.callback_answer()
    assert "can no longer be withdrawn" in refusal["text"]
    assert await store.tips.status(second) == "taken"


async def test_the_follow_up_no_reopens_a_resolved_tip_for_its_commissar(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock)
    tipster = await new_person("Madina", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report()))
    commissar, handler = await commissar_in(store, new_person)
    rules = app.dispatcher.workflow_data["rules"]
    await tips.change_status(store, handler, number, "taken", rules, clock)
    await tips.change_status(
        store, handler, number, "resolved", rules, clock, note="The fee was cancelled."
    )
    await tipster.reply_where(lambda m: "resolved" in m.text)

    clock.moment += rules.follow_up_after - timedelta(minutes=1)
    await app.outbox.sync_pending()
    clock.moment += timedelta(minutes=2)
    await app.outbox.sync_pending()
    question = await tipster.reply_where(lambda m: "really fixed" in m.text)
    assert question.button_texts == ["Yes", "No", "Partly"]
    await tipster.press("No", question)
    await tipster.reply_where(lambda m: "reopened" in m.text)
    await tipster.send("The official still asks for money.")
    await tipster.reply_where(lambda m: "comment" in m.text)

    assert await store.tips.status(number) == "reopened"
    notice = await commissar.reply_where(lambda m: f"#{number}" in m.text and "reopened" in m.text)
    assert "not fixed" in notice.text
    reopened = await store.tips.get(number)
    assert reopened is not None and reopened.resolve_due == clock.now() + timedelta(days=14)
    assert reopened.first_action_at is None
    kinds = {reminder.kind for reminder in await store.reminders.pending(tip_id=number)}
    assert kinds == {"first_action_soon", "first_action_overdue", "resolve_soon", "resolve_overdue"}
    await tipster.press("No", question)
    again = await tipster.callback_answer()
    assert "already answered" in again["text"]


async def test_wrong_receipt_codes_get_one_answer_and_guessing_is_slowed_down(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    tipster = await new_person("Anon", language_code="en")
    await started(tipster, "English")
    code = receipt_of((await send_report(tipster, Report(identity="🕶 Anonymous"))).text)
    real = parse_code(code)
    assert real is not None
    guesser = await new_person("Guesser", language_code="en")
    await started(guesser, "English")
    right_tip_wrong_secret = real.lookup + ("0" * 16 if real.secret != "0" * 16 else "1" * 16)
    no_such_tip = "ZZZZZZZZ" + "0" * 16
    answers = []
    for attempt in (right_tip_wrong_secret, no_such_tip, "not a code at all", no_such_tip):
        answers.append((await guesser.ask(f"/receipt {attempt}")).text)
    assert len(set(answers)) == 1 and "does not open any tip" in answers[0]
    await guesser.ask(f"/receipt {no_such_tip}")
    slowed = await guesser.ask(f"/receipt {code}")
    assert "Too many wrong codes" in slowed.text
    assert (await tipster.ask(f"/receipt {code}")).text.startswith("Tip #")
