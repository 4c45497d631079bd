"""Reporting corruption through the chat: the whole conversation, its refusals, sending once."""

from __future__ import annotations

from bot.app import BotApp
from db.store import Store
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.tipster import (
    DESCRIPTION,
    PDF,
    Report,
    png,
    question,
    send_report,
    tip_number,
    write_report,
)


async def test_a_confidential_tip_with_an_album_and_a_document_is_stored_whole(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Aliya", language_code="en")
    await started(person, "English")

    answer = await send_report(
        person, Report(album=3, documents=[("contract.pdf", PDF, "application/pdf")])
    )

    number = tip_number(answer)
    assert f"#{number}" in answer.text
    tip = await store.tips.get(number)
    assert tip is not None
    assert (tip.category_code, tip.region_code, tip.status) == ("bribery", "ALA", "new")
    assert tip.identity_mode == "confidential"
    user = await store.users.by_telegram_id(person.id)
    assert user is not None
    assert await store.tips.tipster_of(number) == user.id
    evidence = await store.tips.evidence(number)
    assert [item.kind for item in evidence] == ["photo", "photo", "photo", "document"]
    assert all(item.file_id and item.file_unique_id and item.file_size for item in evidence)
    assert evidence[-1].file_name == "contract.pdf"
    assert [entry.status for entry in await store.tips.history(number)] == ["new"]


async def tips_of(store: Store, telegram_id: int) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM tips t JOIN users u ON u.id = t.tipster_user_id "
        "WHERE u.telegram_id = $1",
        telegram_id,
    )
    return count


async def conversation_rows(store: Store, telegram_id: int) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM fsm_states WHERE user_id = $1", telegram_id
    )
    return count


async def test_every_refused_answer_says_why_and_keeps_the_step(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Bolat", language_code="en")
    await started(person, "English")
    tips_before = await store.pool.fetchval("SELECT count(*) FROM tips")

    await person.send("/report")
    step = await question(person, 1)
    assert "Please answer with the buttons" in (await person.ask("bribery")).text
    await person.press_data(step.message_id, "tcat:no_such_category")
    assert "no such category" in (await person.callback_answer())["text"]
    await person.press("Public procurement", step)
    step = await question(person, 2)
    await person.press_data(step.message_id, "reg:XX")
    assert "no region" in (await person.callback_answer())["text"]
    await person.press("Shymkent", step)
    await question(person, 3)
    assert "too short" in (await person.ask("A")).text
    await person.send_file(png(), kind="photo", filename="a.png", content_type="image/png")
    assert "as text" in (await person.reply()).text
    await person.send("Department of education")
    await question(person, 4)
    assert "at least 20" in (await person.ask("Too short")).text
    assert "4,001 characters" in (await person.ask("x" * 4001)).text
    await person.send(DESCRIPTION)
    step = await question(person, 5)
    await person.press("Enter a date", step)
    await person.reply_where(lambda m: "DD.MM.YYYY" in m.text)
    assert "not a date" in (await person.ask("31.02.2026")).text
    assert "in the future" in (await person.ask("01.01.2099")).text
    assert "not be earlier than 01.01.2000" in (await person.ask("31.12.1999")).text
    await person.send("15.03.2026")
    await question(person, 6)
    await person.send_file(PDF, filename="a.pdf", content_type="application/pdf")
    assert "Send a location" in (await person.reply()).text
    assert "too short" in (await person.ask("ab")).text
    await person.send_location(42.3417, 69.5901)
    await question(person, 7)
    assert "send files" in (await person.ask("here is my evidence")).text
    await person.send_file(
        b"MZ\x90\x00", filename="tool.exe", content_type="application/x-msdownload"
    )
    assert "tool.exe" in (await person.reply()).text
    big = b"%PDF-1.4\n" + bytes(21 * 1024 * 1024)
    await person.send_file(big, filename="scan.pdf", content_type="application/pdf")
    assert "The file is 21 MB; at most 20 MB" in (await person.reply()).text
    album = [("photo", png(shade=i), f"{i}.png", "image/png") for i in range(10)]
    await person.send_album(album)
    await person.reply_where(lambda m: "10 files attached" in m.text)
    await person.send_file(png(shade=99), kind="photo", filename="x.png", content_type="image/png")
    assert "at most 10 files" in (await person.reply()).text
    await person.press("✓ Done")
    await question(person, 8)
    await person.press("🕶 Anonymous")
    summary = await person.reply_where(lambda m: "Check your report" in m.text)

    assert "15.03.2026" in summary.text
    assert "location 42.34170, 69.59010" in summary.text
    assert "10 photos" in summary.text
    assert "Shymkent" in summary.text and "Public procurement" in summary.text
    assert await store.pool.fetchval("SELECT count(*) FROM tips") == tips_before
    draft = await store.pool.fetchval("SELECT data FROM fsm_states WHERE user_id = $1", person.id)
    assert len(draft["draft"]["evidence"]) == 10


async def test_pressing_send_twice_makes_one_tip(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Gulnar", language_code="en")
    await started(person, "English")
    summary = await write_report(person, Report())
    send = summary.button("✅ Send").callback_data
    assert send is not None

    await person.press_data(summary.message_id, send)
    await person.press_data(summary.message_id, send)

    await person.reply_where(lambda m: "Thank you" in m.text)
    refusal = await person.callback_answer()
    while "already been sent" not in (refusal.get("text") or ""):
        refusal = await person.callback_answer()
    assert await tips_of(store, person.id) == 1
    assert await conversation_rows(store, person.id) == 0


async def test_back_and_edit_change_an_answer_without_losing_the_others(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Timur", language_code="en")
    await started(person, "English")
    summary = await write_report(person, Report(region="Almaty"))
    await person.press("✏️ Edit", summary)
    fields = await person.reply_where(lambda m: "What do you want to change" in m.text)
    await person.press("Region", fields)
    regions = await question(person, 2)
    await person.press("Pavlodar Region", regions)
    again = await person.reply_where(lambda m: "Check your report" in m.text)
    assert "Pavlodar Region" in again.text and "Almaty city akimat" in again.text
    await person.press("← Back", again)
    identity = await question(person, 8)
    await person.press("← Back", identity)
    await question(person, 7)
    await person.press("Skip →")
    await question(person, 8)
    await person.press("🔒 Confidential")
    final = await person.reply_where(lambda m: "Check your report" in m.text)
    await person.press("✅ Send", final)
    number = tip_number(await person.reply_where(lambda m: "Thank you" in m.text))
    tip = await store.tips.get(number)
    assert tip is not None and tip.region_code == "PAV"


async def test_a_draft_survives_a_restart_and_cancel_leaves_no_trace(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    await bot_runner.start()
    person = await new_person("Arman", language_code="en")
    await started(person, "English")
    await person.send("/report")
    await question(person, 1)
    await person.press("Healthcare")
    await question(person, 2)
    await person.press("Astana")
    await question(person, 3)

    await bot_runner.restart()
    await person.send("Polyclinic No. 4")
    step = await question(person, 4)
    assert "What happened" in step.text
    draft = await store.pool.fetchval("SELECT data FROM fsm_states WHERE user_id = $1", person.id)
    assert draft["draft"]["category"] == "healthcare" and draft["draft"]["region"] == "AST"

    await person.press("✕ Cancel", step)
    assert "Nothing was saved" in (await person.reply()).text
    assert await conversation_rows(store, person.id) == 0
    assert await tips_of(store, person.id) == 0
