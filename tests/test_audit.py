"""The audit log as coordinators read it: every privileged action is there with who, what, on
what and when; /audit pages and narrows by person, action and period; reading is audited."""

from __future__ import annotations

from datetime import timedelta

from bot.app import BotApp
from bot.sandbox.client import BotMessage, ChatPerson
from db.audit import AuditFilter
from db.store import Store
from roles import assignments, audit, invites, moderation, receptions, staff, tips
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.test_tip_life import actor_of, commissar_in
from tests.tipster import Report, send_report, tip_number


async def coordinator(new_person: PersonFactory, store: Store, name: str) -> ChatPerson:
    person = await new_person(name, language_code="en", username=f"{name.lower()}_coord")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "coordinator")
    await started(person, "English")
    return person


def lines_with(message: BotMessage, words: str) -> list[str]:
    return [line for line in message.text.splitlines() if words in line]


async def test_each_privileged_action_is_found_in_audit_by_person_action_and_period(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    clock = running_bot.clock
    rules = running_bot.dispatcher.workflow_data["rules"]
    olga = await coordinator(new_person, store, "Olgaaudit")
    coordinator_actor = await actor_of(store, olga)
    target = await new_person("Target", language_code="en")
    await started(target, "English")
    chat = staff.Authority.person(coordinator_actor)
    await staff.grant_role(store, chat, target.id, "ambassador")
    await staff.revoke_role(store, chat, target.id, "ambassador", clock=clock)
    await invites.create(store, coordinator_actor, "ombudsman", None, 2, timedelta(days=1), clock)
    await moderation.set_blocked(store, coordinator_actor, target.id, True, clock, "Spam links.")
    await moderation.set_blocked(store, coordinator_actor, target.id, False, clock)

    tipster = await new_person("Tipster", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report(album=2)))
    commissar, handler = await commissar_in(store, new_person, name="Auditedcommissar")
    await tips.change_status(store, handler, number, "taken", rules, clock)
    await assignments.tip_evidence(store, handler, number, clock)

    mine = await olga.ask("/audit")
    assert mine.text.startswith("Audit log:")
    assert "👤 Person" in mine.button_texts and "📅 Period" in mine.button_texts
    await olga.press("👤 Person", mine)
    assert "Whose entries" in (await olga.reply()).text
    by_olga = await olga.ask("@olgaaudit_coord")
    assert "Only: by or about Olgaaudit (@olgaaudit_coord" in by_olga.text
    for words in (
        "role granted · Target",
        "role revoked · Target",
        "invitation made · invitation #",
        "account blocked",
        "account unblocked",
        "audit log read",
    ):
        assert lines_with(by_olga, words), words
    assert "reason: Spam links." in lines_with(by_olga, "account blocked")[0]
    assert "role: ambassador" in lines_with(by_olga, "role granted")[0]

    await olga.press("⚙ Action", by_olga)
    picker = await olga.reply()
    assert "tip status changed" in picker.button_texts
    await olga.press("tip's evidence viewed", picker)
    viewed = await olga.reply()
    assert "Only: by or about Olgaaudit" in viewed.text and "Nothing here." in viewed.text
    await olga.press("✕ All entries", viewed)
    everything = await olga.reply()
    assert "Only:" not in everything.text

    await olga.press("⚙ Action", everything)
    await olga.press("tip's evidence viewed", await olga.reply())
    evidence = await olga.reply()
    found = lines_with(evidence, f"tip's evidence viewed · tip #{number}")
    assert found and "Auditedcommissar" in found[0]

    await olga.press("📅 Period", evidence)
    await olga.reply()
    today = clock.now().astimezone(rules.zone).strftime("%d.%m.%Y")
    same_day = await olga.ask(f"{today}–{today}")
    assert lines_with(same_day, f"tip #{number}")
    await olga.press("📅 Period", same_day)
    await olga.reply()
    assert "Nothing here." in (await olga.ask("01.01.2020 - 31.01.2020")).text
    await olga.press("📅 Period")
    await olga.reply()
    assert "Send the period as two dates" in (await olga.ask("31.01.2020 - 01.01.2020")).text

    olga_row = await store.users.by_telegram_id(olga.id)
    assert olga_row is not None
    reads = [e for e in await store.audit.entries(action="audit.viewed", limit=200)
             if e.actor_user_id == olga_row.id]  # fmt: skip
    assert len(reads) >= 6
    assert commissar.id  # the commissar only acted through workflows


async def test_audit_pages_ten_at_a_time_and_is_for_nationwide_coordinators_only(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store, "Olgapages")
    actor = await actor_of(store, olga)
    for _ in range(12):
        await audit.read(store, actor, AuditFilter(actor.user_id), 0, running_bot.clock)
    first = await olga.ask("/audit")
    await olga.press("👤 Person", first)
    await olga.reply()
    page = await olga.ask(str(olga.id))
    assert len(lines_with(page, "audit log read")) == 10
    assert page.button_texts[0] == "Next →"
    await olga.press("Next →", page)
    second = await olga.reply()
    assert len(lines_with(second, "audit log read")) >= 3

    await olga.press_data(second.message_id, "aud:0:0::739000:738000")
    assert "Send the period as two dates" in (await olga.callback_answer())["text"]
    await olga.press_data(second.message_id, "aud:0:0::99999999:99999999")
    assert "Send the period as two dates" in (await olga.callback_answer())["text"]

    regional = await new_person("Regional", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), regional.id, "coordinator", "ALA")
    await started(regional, "English")
    assert "whole country" in (await regional.ask("/audit")).text
    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    assert "for: coordinator" in (await citizen.ask("/audit")).text


async def test_every_kind_of_privileged_action_can_be_picked_in_audit(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    clock = running_bot.clock
    rules = running_bot.dispatcher.workflow_data["rules"]
    olga = await coordinator(new_person, store, "Olgakinds")
    boss = await actor_of(store, olga)
    made = await invites.create(store, boss, "ambassador", None, 1, timedelta(days=1), clock)
    guest = await new_person("Guest", language_code="en")
    await started(guest, "English")
    await invites.redeem(store, await actor_of(store, guest), made.payload, clock)
    await invites.revoke(store, boss, made.invite.id, clock)

    tipster = await new_person("Tipster", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report()))
    first, handler = await commissar_in(store, new_person, name="Firstcommissar")
    second, other = await commissar_in(store, new_person, name="Secondcommissar")
    await tips.change_status(store, handler, number, "taken", rules, clock)
    await assignments.reassign(store, boss, number, other.user_id, clock)
    slot = await receptions.publish_slot(
        store, other, region="ALA", starts_at=clock.now() + timedelta(days=3),
        place="Akimat, room 5", capacity=3, clock=clock,
    )  # fmt: skip
    await receptions.cancel_slot(store, other, slot, clock)

    for words in (
        "invitation made",
        "invitation opened",
        "invitation revoked",
        "role granted",
        "tip sent",
        "tip status changed",
        "tip reassigned",
        "reception published",
        "reception cancelled",
    ):
        page = await olga.ask("/audit")
        await olga.press("⚙ Action", page)
        await olga.press(words, await olga.reply())
        shown = await olga.reply()
        assert lines_with(shown, f"· {words} ·"), words
    assert first.id != second.id
