"""Ambassadors of change through the bot: the risk picture against a hand-counted fixture, the
register and an appeal from it (DOCX letter with the evidence hashes, working-day deadline,
reminders before, on and after it, the answer reaching the tipster), statistics with a chart,
CSV exports, and the paths by which an ambassador might reach a tipster, all closed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from docx import Document
from PIL import Image

from bot.app import BotApp
from bot.sandbox.client import BotMessage, ChatPerson, SandboxClient
from bot.sandbox.server import SandboxServer
from db.fieldwork import NewViolation, NewViolationEvidence
from db.store import Store
from db.tips import NewTip
from handlers.keyboards import (
    AppealAction,
    AppealViolation,
    EntryAction,
    HandlerAction,
    RegionChoice,
    RiskDrill,
)
from roles import risks, staff, tips
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import new_telegram_id, started
from tests.test_fieldwork import ALMATY, has
from tests.test_tip_life import MovableClock, actor_of, commissar_in
from tests.tipster import PDF, png

TODAY = datetime(2026, 3, 13, 6, 0, tzinfo=UTC)
"""Friday 13 March 2026, 11:00 in Almaty: a Nauryz holiday lies inside the answer's 15 days."""
SHELL = staff.Authority("shell")
AKIMAT = "Akimat of Testland"
REGISTRY = "Land & Property Registry"


@pytest.fixture
async def clock() -> MovableClock:
    clock = MovableClock()
    clock.moment = TODAY
    return clock


def at(day: str, hour: int = 6) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


async def person_with_role(
    store: Store, new_person: PersonFactory, name: str, role: str, region: str | None
) -> ChatPerson:
    person = await new_person(name, language_code="en")
    await started(person, "English")
    await staff.grant_role(store, SHELL, person.id, role, region)
    return person


async def add_tip(
    store: Store,
    region: str,
    category: str,
    body: str,
    created: datetime,
    status: str,
    tipster_user_id: int,
    *,
    taken_after: timedelta | None = None,
    resolved_after: timedelta | None = None,
    resolve_due: datetime | None = None,
) -> int:
    tip = NewTip(
        category_code=category, region_code=region, body_concerned=body,
        description="The official asked for money to speed the papers up.",
        occurred_kind="earlier", occurred_on=None, latitude=None, longitude=None, address=None,
        identity_mode="confidential", tipster_user_id=tipster_user_id,
        receipt_lookup=None, receipt_hash=None,
    )  # fmt: skip
    tip_id = await store.tips.add(tip, created)
    await store.pool.execute(
        """
        UPDATE tips SET status = $2, taken_at = created_at + $3::interval,
            resolved_at = created_at + $4::interval, resolve_due = $5,
            first_action_due = CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE $5 END
        WHERE id = $1
        """,
        tip_id,
        status,
        taken_after,
        resolved_after,
        resolve_due,
    )
    return tip_id


async def add_violation(
    store: Store,
    region: str,
    commissar_user_id: int,
    body: str,
    severity: str,
    created: datetime,
    *,
    tip_id: int | None = None,
    files: int = 1,
) -> tuple[int, list[str]]:
    violation = NewViolation(
        check_id=None, tip_id=tip_id, region_code=region, recorded_by=commissar_user_id,
        body=body, description=f"{body}: documents were issued only after a payment.",
        rule_broken="Law on combating corruption, art. 8", severity=severity,
        amount=Decimal("150000"),
    )  # fmt: skip
    violation_id = await store.fieldwork.add_violation(violation, created)
    hashes = []
    evidence = []
    for number in range(files):
        data = f"{violation_id}-{number}-{secrets.token_hex(4)}".encode()
        digest = hashlib.sha256(data).hexdigest()
        hashes.append(digest)
        evidence.append(
            NewViolationEvidence(
                kind="photo", file_id=f"F{violation_id}x{number}",
                file_unique_id=f"U{violation_id}x{number}", file_size=len(data),
                mime_type="image/jpeg", file_name=f"photo-{number}.jpg", sha256=digest,
                received_at=created,
            )
        )  # fmt: skip
    await store.fieldwork.add_violation_evidence(violation_id, evidence, commissar_user_id)
    return violation_id, hashes


@dataclass
class Fixture:
    tipster: ChatPerson
    commissar_user_id: int
    categories: tuple[str, str]
    tips: dict[str, int]
    violations: dict[str, int]
    hashes: dict[str, list[str]]


async def hand_counted(
    store: Store, new_person: PersonFactory, region: str, *, tip_tipster: str = "Aigul"
) -> Fixture:
    """Tips and violations of the region, counted by hand in the tests below (today is
    13.03.2026; 90 days back is 14.12.2025, the 90 before that from 15.09.2025)."""
    tipster = await new_person(tip_tipster, language_code="en", username="aigul_tips")
    await started(tipster, "English")
    tipster_row = await store.users.by_telegram_id(tipster.id)
    commissar = await store.users.ensure(tipster.id + 500_000_000)
    assert tipster_row is not None
    first, second = (category.code for category in (await store.catalog.categories())[:2])
    hours = timedelta(hours=1)
    tips = {
        "T1": await add_tip(store, region, first, AKIMAT, at("2026-03-01"), "passed",
                            tipster_row.id, taken_after=5 * hours),
        "T2": await add_tip(store, region, first, REGISTRY, at("2026-02-15"), "new",
                            tipster_row.id),
        "T3": await add_tip(store, region, second, REGISTRY, at("2025-10-10"), "new",
                            tipster_row.id),
        "T4": await add_tip(store, region, first, AKIMAT, at("2026-03-02"), "withdrawn",
                            tipster_row.id),
        "T5": await add_tip(store, region, second, AKIMAT, at("2026-03-05"), "resolved",
                            tipster_row.id, taken_after=3 * hours, resolved_after=48 * hours),
        "T6": await add_tip(store, region, second, REGISTRY, at("2026-02-20"), "in_work",
                            tipster_row.id, taken_after=hours, resolve_due=at("2026-03-01")),
    }  # fmt: skip
    violations = {}
    hashes = {}
    for name, body, severity, created, tip, files in (
        ("V1", AKIMAT, "high", at("2026-03-10"), tips["T1"], 2),
        ("V2", "akimat  of TESTLAND ", "critical", at("2026-02-05"), tips["T6"], 1),
        ("V3", REGISTRY, "low", at("2026-01-20"), tips["T6"], 1),
        ("V4", AKIMAT, "medium", at("2025-11-01"), tips["T3"], 1),
    ):
        violations[name], hashes[name] = await add_violation(
            store, region, commissar.id, body, severity, created, tip_id=tip, files=files
        )
    return Fixture(tipster, commissar.id, (first, second), tips, violations, hashes)


# ------------------------------------------------------------------ the risk picture


async def test_the_risk_picture_matches_the_hand_counted_fixture_and_drills_down(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
) -> None:
    await bot_runner.start(clock=clock)
    fixture = await hand_counted(store, new_person, region)
    ambassador = await person_with_role(store, new_person, "Saule", "ambassador", region)
    first, second = fixture.categories

    view = await risks.risk_picture(store, await actor_of(store, ambassador), 90, ALMATY, clock)
    picture = view.picture
    assert view.period.text() == "14.12.2025–13.03.2026"
    assert [(r.region_code, r.violations, r.tips, r.previous_violations, r.previous_tips)
            for r in picture.by_region] == [(region, 3, 4, 1, 1)]  # fmt: skip
    assert [(b.body, b.violations, b.tips, b.previous_violations, b.previous_tips)
            for b in picture.by_body] == [(AKIMAT, 2, 2, 1, 0), (REGISTRY, 1, 2, 0, 1)]  # fmt: skip
    assert picture.by_severity == {"high": 1, "critical": 1, "low": 1}
    assert picture.by_category == {first: 2, second: 2}
    assert picture.by_month == [
        (date(2026, 1, 1), 1, 0),
        (date(2026, 2, 1), 1, 2),
        (date(2026, 3, 1), 1, 2),
    ]

    shown = await ambassador.ask("/risks")
    assert "14.12.2025–13.03.2026" in shown.text
    assert f"Testland {region}: 3 (▲ +2) · 4 (▲ +3)" in shown.text
    assert f"{AKIMAT}: 2 (▲ +1) · 2 (▲ +2)" in shown.text
    assert f"{REGISTRY}: 1 (▲ +1) · 2 (▲ +1)" in shown.text
    assert "03.2026: 1 · 2" in shown.text
    await ambassador.press(f"🔎 {AKIMAT}", shown)
    behind = await ambassador.reply_where(has("behind"))
    assert "2 violations" in behind.text
    for name in ("V1", "V2"):
        assert f"#{fixture.violations[name]} ·" in behind.text
    for name in ("V3", "V4"):
        assert f"#{fixture.violations[name]} ·" not in behind.text

    shorter = await ambassador.ask("/risks")
    await ambassador.press("30 days", shorter)
    month = await ambassador.reply_where(has("(30 days)"))
    assert f"Testland {region}: 1 (▼ −1) · 4 (▲ +4)" in month.text

    await ambassador.press_data(month.message_id, RiskDrill(days=30, body=99).pack())
    refusal = await ambassador.callback_answer()
    assert "nothing behind this number" in (refusal.get("text") or "")


async def test_the_picture_counts_the_tips_of_only_the_bodies_that_can_lead(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
) -> None:
    """Shown one body, the picture counts the tips of the bodies with as many violations as the
    last one shown, and finds the same figures for it as when it shows them all."""
    await bot_runner.start(clock=clock)
    await hand_counted(store, new_person, region)
    ambassador = await person_with_role(store, new_person, "Aliya", "ambassador", region)
    view = await risks.risk_picture(store, await actor_of(store, ambassador), 90, ALMATY, clock)
    since, until = view.period.bounds(ALMATY)
    previous_since, _ = view.period.previous().bounds(ALMATY)
    one = await store.risks.picture([region], since, until, previous_since, ALMATY.key, bodies=1)
    assert one.by_body == view.picture.by_body[:1]
    assert one.by_body[0].body == AKIMAT
    assert (one.by_region, one.by_month) == (view.picture.by_region, view.picture.by_month)


# ------------------------------------------------------------------ statistics


async def test_statistics_count_the_fixture_and_come_with_a_readable_chart(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
    client: SandboxClient,
) -> None:
    await bot_runner.start(clock=clock)
    await hand_counted(store, new_person, region)
    ombudsman = await person_with_role(store, new_person, "Nurlan", "ombudsman", region)

    await ombudsman.send("/stats")
    figures = await ombudsman.reply_where(has("Tips"))
    assert "12.02.2026–13.03.2026: 5" in figures.text
    assert f"By region: Testland {region} — 5" in figures.text
    assert "being checked — 1 · " in figures.text and "withdrawn — 1" in figures.text
    assert "Median time to take a tip: 0 d 3 h 0 min; to resolve it: 2 d 0 h 0 min" in (
        figures.text
    )
    assert "Overdue now: assignments 1; appeals awaiting an answer 0, of them overdue 0" in (
        figures.text
    )
    chart = await ombudsman.reply_where(lambda m: m.kind == "photo")
    png = await client.download(chart)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        assert image.size == (880, 1100)

    await ombudsman.press("7 days", figures)
    week = await ombudsman.reply_where(has("Tips"))
    assert "07.03.2026–13.03.2026: 0\nBy status: none" in week.text
    await ombudsman.reply_where(lambda m: m.kind == "photo")


# ------------------------------------------------------------------ register and appeal


async def write_entry(ambassador: ChatPerson) -> tuple[int, BotMessage]:
    listing = await ambassador.ask("/register")
    await ambassador.press("➕ New entry", listing)
    await ambassador.reply_where(has("Which state body"))
    await ambassador.send(AKIMAT)
    await ambassador.reply_where(has("pain point or a corruption risk"))
    await ambassador.press("Corruption risk")
    await ambassador.reply_where(has("How serious"))
    await ambassador.press("High")
    await ambassador.reply_where(has("Describe the problem"))
    await ambassador.send("Land plots are registered only after an unofficial payment.")
    created = await ambassador.reply_where(has("is in the register"))
    number = int(created.text.split("#")[1].split()[0])
    card = await ambassador.reply_where(has("Region:"))
    return number, card


async def link(ambassador: ChatPerson, button: str, number: int) -> BotMessage:
    await ambassador.press(button)
    await ambassador.reply_where(has("to link to entry #"))
    await ambassador.send(str(number))
    await ambassador.reply_where(has("is linked"))
    return await ambassador.reply_where(has("Region:"))


def channel_posts(sandbox: SandboxServer, chat_id: int) -> list[str]:
    """What the bot posted to the outcomes channel (a chat of the sandbox stands in for it)."""
    return [
        str(message.get("text"))
        for message in sandbox.world.chats[chat_id].messages.values()
        if message["from"].get("is_bot")
    ]


async def test_an_appeal_from_the_register_with_its_letter_deadline_reminders_and_answer(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
    client: SandboxClient,
    sandbox: SandboxServer,
) -> None:
    channel = sandbox.world.add_person("Outcomes channel", person_id=new_telegram_id())
    sandbox.world.chat_of(channel)
    app: BotApp = await bot_runner.start(clock=clock, outcomes_channel_id=channel.id)
    fixture = await hand_counted(store, new_person, region)
    ambassador = await person_with_role(store, new_person, "Saule", "ambassador", region)
    coordinator = await person_with_role(store, new_person, "Olga", "coordinator", region)
    v1, v3 = fixture.violations["V1"], fixture.violations["V3"]

    _, handler = await commissar_in(store, new_person, region)
    rules = app.dispatcher.workflow_data["rules"]
    await tips.change_status(store, handler, fixture.tips["T2"], "taken", rules, clock)
    await tips.change_status(store, handler, fixture.tips["T2"], "passed", rules, clock,
                             note="Needs an appeal to the land registry.")  # fmt: skip
    passed = await ambassador.reply_where(has("passed tip"))
    assert f"#{fixture.tips['T2']} to ambassadors" in passed.text and REGISTRY in passed.text
    assert "Aigul" not in passed.text and "land registry." not in passed.text

    entry, card = await write_entry(ambassador)
    assert "Corruption risk · High · open" in card.text
    await ambassador.press("🔗 Link a violation", card)
    suggested = await ambassador.reply_where(has("Choose a violation of the region"))
    numbers = [text.split(" ·")[0] for text in suggested.button_texts[:-1]]
    assert numbers == [f"#{fixture.violations[name]}" for name in ("V1", "V2", "V4", "V3")]
    assert suggested.button_texts[0] == f"#{v1} · High · {AKIMAT}"
    await ambassador.press("✕ Cancel", suggested)
    await ambassador.reply_where(has("Cancelled"))
    listing = await ambassador.ask("/register")
    assert f"#{entry} · Corruption risk · High · open" in listing.text
    await ambassador.press(f"Entry #{entry}", listing)
    await ambassador.reply_where(has("Region:"))
    card = await link(ambassador, "🔗 Link a violation", v1)
    card = await link(ambassador, "🔗 Link a violation", v3)
    await ambassador.press("🔗 Link a tip", card)
    suggested = await ambassador.reply_where(has("Choose a tip passed to ambassadors"))
    assert suggested.button_texts[:-1] == [
        f"#{fixture.tips['T2']} · {REGISTRY}",
        f"#{fixture.tips['T1']} · {AKIMAT}",
    ]
    await ambassador.press(f"#{fixture.tips['T1']} · {AKIMAT}", suggested)
    await ambassador.reply_where(has("is linked"))
    card = await ambassador.reply_where(has("Region:"))
    assert f"#{fixture.tips['T1']} ·" in card.text
    assert "passed to an ambassador of change" in card.text

    await ambassador.press("✉ Write an appeal", card)
    await ambassador.reply_where(has("To whom"))
    await ambassador.send("Akim of Testland region")
    await ambassador.reply_where(has("The subject"))
    await ambassador.send("Unofficial payments for land registration")
    await ambassador.reply_where(has("The text of the appeal"))
    await ambassador.send("We ask you to check the land department and stop the extortion.")
    choice = await ambassador.reply_where(has("Choose the violations"))
    forged = AppealViolation(violation=fixture.violations["V2"]).pack()
    await ambassador.press_data(choice.message_id, forged)
    refusal = await ambassador.callback_answer()
    assert refusal.get("text") == "Choose at least one of the entry's violations."
    await ambassador.press(f"#{v1} · {AKIMAT}", choice)
    choice = await ambassador.reply_where(has("Chosen: 1"))
    await ambassador.press("✓ Done", choice)
    written = await ambassador.reply_where(has("is written"))
    appeal = int(written.text.split("#")[1].split()[0])

    letter = await ambassador.reply_where(lambda m: m.kind == "document")
    assert letter.raw["document"]["file_name"] == f"appeal-{appeal}.docx"
    document = Document(io.BytesIO(await client.download(letter)))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows
                      for cell in row.cells)  # fmt: skip
    assert "Akim of Testland region" in text
    assert "Unofficial payments for land registration" in text
    assert f"#{v1} · {AKIMAT}" in text
    assert "13.03.2026" in text and "Sum: 150,000 ₸" in text
    assert f"#{v3}" not in text + cells
    for digest in fixture.hashes["V1"]:
        assert digest in cells
    assert fixture.hashes["V3"][0] not in cells
    assert "Aigul" not in text + cells and "aigul_tips" not in text + cells

    appeal_card = await ambassador.reply_where(has("To: Akim of Testland region"))
    assert "draft, not sent" in appeal_card.text
    stranger = await person_with_role(store, new_person, "Aruzhan", "ambassador", "SHY")
    listing = await stranger.ask("/appeals")
    for action in ("open", "letter", "sent", "answer"):
        forged = AppealAction(action=action, appeal=appeal).pack()
        await stranger.press_data(listing.message_id, forged)
        refusal = await stranger.callback_answer()
        assert refusal.get("text") == f"Appeal #{appeal} is not among the appeals of your regions."
    await ambassador.press("📮 Record as sent", appeal_card)
    question = await ambassador.reply_where(has("On which day"))
    await ambassador.send("14.03.2026")
    assert "has not come yet" in (await ambassador.reply()).text
    await ambassador.press("Today", question)
    recorded = await ambassador.reply_where(has("recorded as sent"))
    assert "due by 08.04.2026" in recorded.text
    tip_notice = await fixture.tipster.reply_where(has(f"#{fixture.tips['T1']}"))
    assert "appeal sent to a state body" in tip_notice.text
    assert await store.tips.status(fixture.tips["T1"]) == "appeal_sent"

    clock.moment = datetime(2026, 4, 3, 3, 30, tzinfo=UTC)  # 08:30 in Almaty: not yet
    await app.sweep_reminders()
    clock.moment = datetime(2026, 4, 3, 4, 0, tzinfo=UTC)
    await app.sweep_reminders()
    soon = await ambassador.reply_where(has("⏳"))
    assert f"appeal #{appeal}" in soon.text and "in 3 working days" in soon.text
    assert "08.04.2026" in soon.text

    clock.moment = datetime(2026, 4, 8, 5, 0, tzinfo=UTC)
    await app.sweep_reminders()
    today = await ambassador.reply_where(has("⏳"))
    assert "is due today, 08.04.2026" in today.text

    clock.moment = datetime(2026, 4, 9, 5, 0, tzinfo=UTC)
    await app.sweep_reminders()
    late = await ambassador.reply_where(has("⏰"))
    assert "was due by 08.04.2026" in late.text
    escalated = await coordinator.reply_where(has("⏰"))
    assert f"appeal #{appeal}" in escalated.text and "is overdue" in escalated.text
    overdue_rows = await store.audit.entries(action="appeal.overdue", object_id=str(appeal))
    assert len(overdue_rows) == 1
    await app.outbox.sync_pending()
    [no_answer] = channel_posts(sandbox, channel.id)
    assert "Нет ответа" in no_answer and "«Akim of Testland region»" in no_answer
    assert "13.03.2026" in no_answer and "08.04.2026" in no_answer
    assert "Unofficial payments" not in no_answer

    await ambassador.send("/appeals")
    listing = await ambassador.reply_where(has("Appeals"))
    assert f"#{appeal} · Akim of Testland region · ⏰ answer overdue since 08.04.2026" in (
        listing.text
    )
    await ambassador.press(f"Appeal #{appeal}", listing)
    appeal_card = await ambassador.reply_where(has("Sent on 13.03.2026"))
    await ambassador.press("📨 Record the answer", appeal_card)
    await ambassador.reply_where(has("Send the answer"))
    await ambassador.send_file(png(), kind="photo", filename="a.png", content_type="image/png")
    assert "as a text or a document" in (await ambassador.reply()).text
    await ambassador.send_file(
        PDF, filename="answer.pdf", content_type="application/pdf",
        caption="The akimat dismissed the head of the land department.",
    )  # fmt: skip
    answered = await ambassador.reply_where(has("is recorded"))
    answered_card = await ambassador.reply_where(has("Document: answer.pdf"))
    assert "The akimat dismissed the head" in answered_card.text
    await ambassador.press("📎 The answer", answered_card)
    again = await ambassador.reply_where(lambda m: m.kind == "document")
    assert await client.download(again) == PDF
    assert "1 linked tip is now" in answered.text
    notice = await fixture.tipster.reply_where(has("the state body has answered"))
    assert f"#{fixture.tips['T1']}" in notice.text
    assert await store.tips.status(fixture.tips["T1"]) == "answered"
    assert await store.reminders.pending(appeal_id=appeal) == []
    await app.outbox.sync_pending()
    [_, answered_post] = channel_posts(sandbox, channel.id)
    assert (
        "Получен ответ" in answered_post and "позже установленного законом срока" in answered_post
    )
    assert "dismissed" not in answered_post
    entry_status = await store.pool.fetchval("SELECT status FROM risk_entries WHERE id = $1", entry)
    assert entry_status == "answered"
    audited = {row.action for row in await store.audit.entries(object_id=str(appeal))}
    assert {"appeal.created", "appeal.letter", "appeal.sent", "appeal.overdue",
            "appeal.answered"} <= audited  # fmt: skip

    clock.moment = datetime(2026, 4, 20, 5, 0, tzinfo=UTC)
    assert await app.sweep_reminders() == 0


# ------------------------------------------------------------------ exports


async def test_exports_are_csv_files_without_tipsters_and_are_audited(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
    client: SandboxClient,
) -> None:
    await bot_runner.start(clock=clock)
    fixture = await hand_counted(store, new_person, region)
    ambassador = await person_with_role(store, new_person, "Saule", "ambassador", region)

    kinds = await ambassador.ask("/export")
    await ambassador.press("Tips", kinds)
    period = await ambassador.reply_where(has("Which period"))
    await ambassador.send("2026-03-13–2026-01-01")
    assert "comes after its last" in (await ambassador.reply()).text
    await ambassador.send("01.01.2026–13.03.2026")
    caption = await ambassador.reply_where(has("rows"))
    assert f"Tips, 01.01.2026–13.03.2026, Testland {region}: 5 rows" in caption.text
    sent = await ambassador.reply_where(lambda m: m.kind == "document")
    data = await client.download(sent)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(int(row["id"]) for row in rows) == sorted(
        fixture.tips[name] for name in ("T1", "T2", "T4", "T5", "T6")
    )
    header = set(rows[0])
    assert not header & {"tipster_user_id", "receipt_lookup", "receipt_hash", "description"}
    raw = data.decode("utf-8-sig")
    for secret in ("Aigul", "aigul_tips", str(fixture.tipster.id), "asked for money"):
        assert secret not in raw
    assert period.message_id

    kinds = await ambassador.ask("/export")
    await ambassador.press("Violations", kinds)
    period = await ambassador.reply_where(has("Which period"))
    await ambassador.press("365 days", period)
    await ambassador.reply_where(has("rows"))
    sent = await ambassador.reply_where(lambda m: m.kind == "document")
    rows = list(csv.DictReader(io.StringIO((await client.download(sent)).decode("utf-8-sig"))))
    assert len(rows) == 4
    first = next(row for row in rows if int(row["id"]) == fixture.violations["V1"])
    assert first["evidence_sha256"].split() == fixture.hashes["V1"]
    assert first["severity"] == "high"

    audited = [
        row
        for row in await store.audit.entries(action="export.created", limit=20)
        if row.details.get("region") == region
    ]
    assert [(row.details["kind"], row.details["rows"]) for row in audited] == [
        ("violations", 4),
        ("tips", 5),
    ]
    assert audited[1].details["period"] == "01.01.2026–13.03.2026"
    assert all(set(row.details) == {"kind", "period", "region", "rows"} for row in audited)


# ------------------------------------------------------------------ privacy and refusals


async def test_an_ambassador_cannot_reach_a_tipster_or_another_region_by_any_path(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
    client: SandboxClient,
) -> None:
    await bot_runner.start(clock=clock)
    fixture = await hand_counted(store, new_person, region)
    elsewhere = await person_with_role(store, new_person, "Aruzhan", "ambassador", "SHY")
    ambassador = await person_with_role(store, new_person, "Saule", "ambassador", region)
    entry, card = await write_entry(ambassador)
    await link(ambassador, "🔗 Link a tip", fixture.tips["T1"])
    card = await link(ambassador, "🔗 Link a violation", fixture.violations["V1"])

    listing = await elsewhere.ask("/register")
    await elsewhere.press_data(listing.message_id, EntryAction(action="open", entry=entry).pack())
    refusal = await elsewhere.callback_answer()
    assert refusal.get("text") == f"Entry #{entry} is not in the register of your regions."
    await elsewhere.press_data(
        listing.message_id, EntryAction(action="link_tip", entry=entry).pack()
    )
    assert "not in the register" in ((await elsewhere.callback_answer()).get("text") or "")

    for action in ("close", "appeal", "link_violation"):
        await elsewhere.press_data(
            listing.message_id, EntryAction(action=action, entry=entry).pack()
        )
        assert "not in the register" in ((await elsewhere.callback_answer()).get("text") or "")
    await elsewhere.press_data(listing.message_id, RiskDrill(days=90, region=region).pack())
    assert "nothing behind" in ((await elsewhere.callback_answer()).get("text") or "")
    assert (
        await store.pool.fetchval("SELECT status FROM risk_entries WHERE id = $1", entry) == "open"
    )

    own_entry, _ = await write_entry(elsewhere)
    await elsewhere.press("🔗 Link a tip")
    await elsewhere.reply_where(has("to link to entry #"))
    await elsewhere.send(str(fixture.tips["T2"]))
    answer = await elsewhere.reply()
    assert answer.text == f"Tip #{fixture.tips['T2']} is not among the tips of this entry's region."
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM risk_entry_tips WHERE entry_id = $1", own_entry
        )
        == 0
    )

    await ambassador.press("🔗 Link a tip", card)
    await ambassador.reply_where(has("to link to entry #"))
    await ambassador.send_file(png(), kind="photo", filename="a.png", content_type="image/png")
    assert "as text" in (await ambassador.reply()).text
    await ambassador.send("twelve")
    assert "just the tip's number" in (await ambassador.reply()).text
    await ambassador.send(str(fixture.tips["T4"]))
    assert "is not among the tips" in (await ambassador.reply()).text  # a withdrawn tip

    for action in ("open", "evidence"):
        await ambassador.press_data(
            card.message_id, HandlerAction(action=action, tip=fixture.tips["T1"]).pack()
        )
        answer_text = (await ambassador.callback_answer()).get("text") or ""
        assert "Aigul" not in answer_text and "Tip #" not in answer_text

    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    for command in ("/risks", "/register", "/appeals"):
        assert "ambassador" in (await citizen.ask(command)).text
    assert "ombudsm" in (await citizen.ask("/export")).text

    seen = "\n".join(message.text for message in await ambassador.messages())
    for secret in ("Aigul", "aigul_tips", str(fixture.tipster.id), "asked for money"):
        assert secret not in seen
    records = await store.pool.fetch(
        "SELECT details::text AS details, object_id FROM audit_log "
        "WHERE actor_user_id = (SELECT id FROM users WHERE telegram_id = $1)",
        ambassador.id,
    )
    assert records
    for record in records:
        details = json.loads(record["details"])
        assert not [key for key in details if "tipster" in key or "user" in key]
        assert str(fixture.tipster.id) not in record["details"]


async def test_an_export_asks_for_the_region_and_refuses_one_outside_the_grants(
    bot_runner: BotRunner,
    clock: MovableClock,
    store: Store,
    new_person: PersonFactory,
    region: str,
    client: SandboxClient,
) -> None:
    await bot_runner.start(clock=clock)
    fixture = await hand_counted(store, new_person, region)
    ombudsman = await person_with_role(store, new_person, "Nurlan", "ombudsman", region)
    await staff.grant_role(store, SHELL, ombudsman.id, "ombudsman", "SHY")

    kinds = await ombudsman.ask("/export")
    await ombudsman.press("Violations", kinds)
    period = await ombudsman.reply_where(has("Which period"))
    await ombudsman.press("90 days", period)
    regions = await ombudsman.reply_where(has("Which region"))
    assert regions.button_texts[:3] == ["All regions", "Shymkent", f"Testland {region}"]
    await ombudsman.press_data(regions.message_id, RegionChoice(code="ALA").pack())
    refusal = await ombudsman.callback_answer()
    assert "ALA" in (refusal.get("text") or "")

    await ombudsman.press(f"Testland {region}", regions)
    caption = await ombudsman.reply_where(has("rows"))
    assert f"Violations, 14.12.2025–13.03.2026, Testland {region}: 3 rows" in caption.text
    sent = await ombudsman.reply_where(lambda m: m.kind == "document")
    rows = list(csv.DictReader(io.StringIO((await client.download(sent)).decode("utf-8-sig"))))
    assert sorted(int(row["id"]) for row in rows) == sorted(
        fixture.violations[name] for name in ("V1", "V2", "V3")
    )
