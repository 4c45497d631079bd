"""Nationwide coordinators manage the catalog from the chat: new categories, names, service
levels (within bounds, for tips taken from then on), switching categories and regions off and on;
every change audited."""

from __future__ import annotations

from datetime import timedelta

from bot.app import BotApp
from bot.sandbox.client import ChatPerson
from db.store import Store
from roles import staff, tips
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.test_tip_life import commissar_in
from tests.tipster import Report, question, send_report, tip_number


async def coordinator(
    new_person: PersonFactory, store: Store, region: str | None = None
) -> ChatPerson:
    person = await new_person("Olga", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "coordinator", region)
    await started(person, "English")
    return person


async def test_a_new_category_gets_service_levels_and_taken_tips_keep_their_deadlines(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    home = await olga.ask("/catalog")
    assert (
        "Bribery or extortion (bribery, active): first action within 3 days, resolved within "
        "14 days"
    ) in home.text
    await olga.press("+ New category", home)
    assert "Send its name in RU" in (await olga.reply()).text
    assert "too short" in (await olga.ask("Т")).text
    await olga.ask("Общественный транспорт")
    await olga.ask("Қоғамдық көлік")
    await olga.send("Public transport")
    added = await olga.reply_where(lambda m: "Category added" in m.text)
    assert "(public_transport)" in added.text
    card = await olga.reply_where(lambda m: "⏱ Service levels" in m.button_texts)
    assert "Kazakh: Қоғамдық көлік" in card.text

    tipster = await new_person("Rider", language_code="en")
    await started(tipster, "English")
    number = tip_number(await send_report(tipster, Report(category="Public transport")))
    _, handler = await commissar_in(store, new_person)
    rules = running_bot.dispatcher.workflow_data["rules"]
    await tips.change_status(store, handler, number, "taken", rules, running_bot.clock)
    taken = await store.tips.get(number)
    assert taken is not None and taken.resolve_due is not None and taken.taken_at is not None
    assert taken.resolve_due - taken.taken_at == timedelta(days=14)

    await olga.press("⏱ Service levels", card)
    assert "Now: 3 days" in (await olga.reply()).text
    assert "Send a number of hours or days" in (await olga.ask("soon")).text
    assert "within 1 hour to 30 days" in (await olga.ask("40d")).text
    assert "must the tip be resolved" in (await olga.ask("12h")).text
    assert "no sooner than the first action" in (await olga.ask("6h")).text
    await olga.send("2d")
    await olga.reply_where(lambda m: "tips already taken keep their deadlines" in m.text)
    updated = await olga.reply_where(lambda m: "Public transport (public_transport" in m.text)
    assert "first action within 12 hours, resolved within 2 days" in updated.text

    still = await store.tips.get(number)
    assert still is not None and still.resolve_due == taken.resolve_due
    changes = await store.audit.entries(action="category.changed", object_id="public_transport")
    assert changes[0].details == {"first_action_hours": 12, "resolve_hours": 48}
    created = await store.audit.entries(action="category.created", object_id="public_transport")
    assert created[0].details["en"] == "Public transport"

    await olga.press("Switch off", updated)
    off = await olga.reply()
    assert "switched off" in off.text and "Switch on" in off.button_texts
    await tipster.send("/report")
    picker = await question(tipster, 1)
    assert "Public transport" not in picker.button_texts
    assert "Bribery or extortion" in picker.button_texts
    assert (await store.tips.get(number)) is not None
    await olga.press("Switch on", off)
    assert "Switch off" in (await olga.reply()).button_texts
    toggles = await store.audit.entries(action="category.changed", object_id="public_transport")
    assert [entry.details.get("active") for entry in toggles[:2]] == [True, False]


async def test_a_region_is_renamed_and_only_nationwide_coordinators_manage_the_catalog(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    home = await olga.ask("/catalog")
    await olga.press("🗺 Regions", home)
    regions = await olga.reply()
    await olga.press("Ulytau Region", regions)
    card = await olga.reply()
    assert "English: Ulytau Region" in card.text
    await olga.press("✎ Name EN", card)
    await olga.reply()
    renamed = await olga.ask("Ulytau Oblast")
    assert "Ulytau Oblast (ULY, active)" in renamed.text
    await olga.press("✎ Name EN", renamed)
    await olga.reply()
    assert "Ulytau Region (ULY" in (await olga.ask("Ulytau Region")).text
    entries = await store.audit.entries(action="region.changed", object_id="ULY")
    assert [entry.details for entry in entries[:2]] == [
        {"name_en": "Ulytau Region"},
        {"name_en": "Ulytau Oblast"},
    ]

    await olga.press_data(renamed.message_id, "ctl:ren:no_such_code:en")
    assert "no such category" in (await olga.callback_answer())["text"]

    regional = await coordinator(new_person, store, region="ALA")
    assert "whole country" in (await regional.ask("/catalog")).text
    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    assert "for: coordinator" in (await citizen.ask("/catalog")).text
