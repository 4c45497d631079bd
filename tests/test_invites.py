"""Invitations into a role: made in the chat, opened by a deep link (once, N times, until they
expire or are revoked), refused when used up, expired, forged or guessed, and always audited."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest

from bot.app import BotApp
from bot.sandbox.client import ChatPerson
from db.store import Store
from roles import invites, staff
from roles.errors import DomainError
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started
from tests.test_tip_life import MovableClock, actor_of

LINK = re.compile(r"https://t\.me/(\w+)\?start=(inv_[A-Za-z0-9_-]+)")


async def coordinator(
    new_person: PersonFactory, store: Store, region: str | None = None
) -> ChatPerson:
    person = await new_person("Olga", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), person.id, "coordinator", region)
    await started(person, "English")
    return person


async def make_invite(olga: ChatPerson, role: str, region: str, uses: str, days: str) -> str:
    """Walk /invite and return the /start payload of the link the bot shows."""
    assert "Which role" in (await olga.ask("/invite")).text
    await olga.press(role)
    assert "For which region?" in (await olga.reply()).text
    await olga.press(region)
    question = await olga.reply()
    assert "How many people" in question.text
    if uses.isdigit():
        for wrong in ("0", "501", "many"):
            assert "whole number from 1 to 500" in (await olga.ask(wrong)).text
        await olga.send(uses)
    else:
        await olga.press(uses, question)
    assert "How long" in (await olga.reply()).text
    await olga.press(days)
    created = await olga.reply()
    found = LINK.search(created.text)
    assert found is not None, created.text
    return found[2]


async def roles_of(store: Store, telegram_id: int) -> list[tuple[str, str | None]]:
    row = await store.users.by_telegram_id(telegram_id)
    return [] if row is None else [(grant.role, grant.region_code) for grant in row.grants]


async def test_an_invitation_grants_its_role_once_and_is_refused_after(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    payload = await make_invite(olga, "anti-corruption commissar", "Almaty", "1 person", "7 days")
    assert len(payload) <= 64
    stored = await store.pool.fetchval(
        "SELECT count(*) FROM invites WHERE code_hash = sha256($1::bytea)", payload.encode()
    )
    assert stored == 1
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || $1 || '%'", payload
        )
        == 0
    )

    daniyar = await new_person("Daniyar", language_code="en")
    welcome = await daniyar.ask(f"/start {payload}")
    assert "You are now: anti-corruption commissar (Almaty)" in welcome.text
    assert "/queue" in welcome.text
    assert await roles_of(store, daniyar.id) == [("commissar", "ALA")]
    await daniyar.menu_change(lambda items: any(c == "queue" for c, _ in items))

    again = await daniyar.ask(f"/start {payload}")
    assert "used by as many people" in again.text
    other = await new_person("Other", language_code="en")
    assert "used by as many people" in (await other.ask(f"/start {payload}")).text
    assert await roles_of(store, other.id) == []

    user = await store.users.by_telegram_id(daniyar.id)
    assert user is not None
    grants = await store.audit.entries(action="role.grant", object_id=str(user.id))
    olga_row = await store.users.by_telegram_id(olga.id)
    assert olga_row is not None
    assert len(grants) == 1 and grants[0].actor_user_id == olga_row.id
    invite_id = grants[0].details["invite"]
    assert grants[0].details["via"] == "invite"
    redeemed = await store.audit.entries(action="invite.redeemed", object_id=str(invite_id))
    assert [entry.actor_user_id for entry in redeemed] == [user.id]
    created = await store.audit.entries(action="invite.created", object_id=str(invite_id))
    assert len(created) == 1 and created[0].details["uses"] == 1


async def test_a_shared_invitation_serves_n_people_and_the_last_use_goes_to_one(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    payload = await make_invite(olga, "ambassador of change", "Whole country", "3", "1 day")
    first = await new_person("First", language_code="en")
    assert "ambassador of change" in (await first.ask(f"/start {payload}")).text
    assert "already used this invitation" in (await first.ask(f"/start {payload}")).text

    holder = await new_person("Holder", language_code="en")
    await staff.grant_role(store, staff.Authority("shell"), holder.id, "ambassador")
    assert "already hold this role" in (await holder.ask(f"/start {payload}")).text

    racers = [await new_person(f"Racer{number}", language_code="en") for number in range(4)]
    answers = await asyncio.gather(*(racer.ask(f"/start {payload}") for racer in racers))
    welcomed = [a for a in answers if "You are now" in a.text]
    refused = [a for a in answers if "used by as many people" in a.text]
    assert (len(welcomed), len(refused)) == (2, 2)
    holders = [r for r in racers if await roles_of(store, r.id) == [("ambassador", None)]]
    assert len(holders) == 2
    left = await store.pool.fetchval(
        "SELECT uses_left FROM invites WHERE code_hash = sha256($1::bytea)", payload.encode()
    )
    assert left == 0


async def test_expired_revoked_and_forged_invitations_are_refused_and_guessing_waits(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    clock = MovableClock()
    await bot_runner.start(clock=clock)
    olga = await coordinator(new_person, store)
    expiring = await make_invite(olga, "ombudsman", "Whole country", "5 people", "1 day")
    revoked = await make_invite(olga, "ombudsman", "Whole country", "5 people", "30 days")

    listed = await olga.ask("/invites")
    revoked_id = int(re.findall(r"#(\d+) ·", listed.text)[0])
    assert f"#{revoked_id} · ombudsman · 5 of 5 uses left" in listed.text
    assert " · by Olga" in listed.text
    await olga.press(f"✕ Revoke #{revoked_id}", listed)
    assert "no longer works" in (await olga.callback_answer())["text"]
    assert f"#{revoked_id} ·" not in (await olga.ask("/invites")).text
    revocations = await store.audit.entries(action="invite.revoked", object_id=str(revoked_id))
    assert len(revocations) == 1
    await olga.press_data(listed.message_id, f"invr:{revoked_id}")
    assert "already been revoked" in (await olga.callback_answer())["text"]
    await olga.press_data(listed.message_id, "invr:999999999")
    assert "no such invitation" in (await olga.callback_answer())["text"]

    clock.moment += timedelta(days=1, minutes=1)
    guest = await new_person("Guest", language_code="en")
    assert "has expired" in (await guest.ask(f"/start {expiring}")).text
    assert "revoked by the coordinators" in (await guest.ask(f"/start {revoked}")).text
    forged = "inv_" + "A" * 22
    assert "is not valid" in (await guest.ask(f"/start {forged}")).text
    assert "is not valid" in (await guest.ask("/start inv_short")).text
    assert "is not valid" in (await guest.ask(f"/start {expiring[:-1]}B")).text
    assert "Too many invalid" in (await guest.ask(f"/start {forged}")).text
    assert await roles_of(store, guest.id) == []

    clock.moment += timedelta(minutes=16)
    assert "is not valid" in (await guest.ask(f"/start {forged}")).text


async def test_a_regional_coordinator_invites_only_into_their_region(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store, region="AST")
    await olga.ask("/invite")
    await olga.press("anti-corruption commissar")
    regions = await olga.reply()
    assert [t for t in regions.button_texts if t not in ("← Back", "✕ Cancel")] == ["Astana"]
    await olga.press_data(regions.message_id, "reg:ALA")
    assert "only into your own regions" in (await olga.callback_answer())["text"]

    actor = await actor_of(store, olga)
    clock = MovableClock()
    with pytest.raises(DomainError) as refusal:
        await invites.create(store, actor, "ambassador", None, 1, timedelta(days=1), clock)
    assert refusal.value.key == "error-invite-region"


async def test_a_citizen_cannot_make_or_list_invitations(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    citizen = await new_person("Citizen", language_code="en")
    await started(citizen, "English")
    assert "for: coordinator" in (await citizen.ask("/invite")).text
    assert "for: coordinator" in (await citizen.ask("/invites")).text


async def test_an_invitation_stops_working_when_its_coordinator_loses_the_role(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    payload = await make_invite(olga, "ombudsman", "Whole country", "5 people", "7 days")
    await staff.revoke_role(store, staff.Authority("shell"), olga.id, "coordinator")
    guest = await new_person("Guest", language_code="en")
    assert "revoked by the coordinators" in (await guest.ask(f"/start {payload}")).text
    assert await roles_of(store, guest.id) == []
