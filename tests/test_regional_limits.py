"""A grant for one region reaches that region only: coordinators' roles and blocks, ambassadors'
links; and what people typed never becomes a spreadsheet formula. Real PostgreSQL, through the
workflows the chat uses."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from bot.app import BotApp
from db.store import Store
from roles import analytics, moderation, risks, staff
from roles.errors import NotAllowed, NotFound
from roles.risks import EntryDraft, Period
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.test_ambassadors import add_tip, add_violation
from tests.test_tip_life import actor_of

SHELL = staff.Authority("shell")


async def test_a_regional_coordinator_changes_roles_and_blocks_only_in_their_region(
    running_bot: BotApp, store: Store, new_person: PersonFactory
) -> None:
    boss = await new_person("Kostanay boss", language_code="en")
    await started(boss, "English")
    await staff.grant_role(store, SHELL, boss.id, "coordinator", "KUS")
    chat = staff.Authority.person(await actor_of(store, boss))
    volunteer = await new_person("Volunteer", language_code="en")
    await started(volunteer, "English")

    with pytest.raises(NotAllowed):
        await staff.grant_role(store, chat, volunteer.id, "commissar", "ALA")
    with pytest.raises(NotAllowed):
        await staff.grant_role(store, chat, boss.id, "coordinator")  # the whole country
    assert (await staff.grant_role(store, chat, volunteer.id, "commissar", "KUS")).changed
    await staff.grant_role(store, SHELL, volunteer.id, "ambassador")
    with pytest.raises(NotAllowed):
        await staff.revoke_role(store, chat, volunteer.id, "ambassador")
    with pytest.raises(NotAllowed):
        await staff.revoke_role(store, chat, volunteer.id, "commissar")  # every region
    assert (await staff.revoke_role(store, chat, volunteer.id, "commissar", "KUS")).changed

    boss_actor = await actor_of(store, boss)
    clock = running_bot.clock
    with pytest.raises(NotAllowed):  # a nationwide ambassador is beyond Kostanay
        await moderation.set_blocked(store, boss_actor, volunteer.id, True, clock, "spam here")
    await staff.revoke_role(store, SHELL, volunteer.id, "ambassador")
    await store.pool.execute(
        "UPDATE users SET region_code = 'KUS' WHERE telegram_id = $1", volunteer.id
    )
    done = await moderation.set_blocked(store, boss_actor, volunteer.id, True, clock, "spam here")
    assert done.changed
    await store.pool.execute(
        "UPDATE users SET region_code = 'ALA' WHERE telegram_id = $1", volunteer.id
    )
    with pytest.raises(NotAllowed):
        await moderation.set_blocked(store, boss_actor, volunteer.id, False, clock)
    assert await store.pool.fetchval(
        "SELECT blocked FROM users WHERE telegram_id = $1", volunteer.id
    )


async def test_an_entry_links_only_its_own_regions_records_and_exports_defuse_formulas(
    running_bot: BotApp, store: Store, new_person: PersonFactory
) -> None:
    ambassador = await new_person("Two regions", language_code="en")
    await started(ambassador, "English")
    for region in ("PAV", "SKO"):
        await staff.grant_role(store, SHELL, ambassador.id, "ambassador", region)
    actor = await actor_of(store, ambassador)
    clock = running_bot.clock
    draft = EntryDraft(region="PAV", body="Pavlodar akimat", kind="pain_point", level="high")
    entry = await risks.create_entry(store, actor, draft, "Queues for land papers.", clock)

    created = datetime(2026, 3, 2, 6, tzinfo=UTC)
    formula = '=HYPERLINK("http://evil.example","click")'
    tip_elsewhere = await add_tip(store, "SKO", "bribery", "SKO akimat", created, "passed",
                                  actor.user_id)  # fmt: skip
    tip_here = await add_tip(store, "PAV", "bribery", "PAV akimat", created, "passed",
                             actor.user_id)  # fmt: skip
    elsewhere, _ = await add_violation(
        store, "SKO", actor.user_id, formula, "high", created, tip_id=tip_elsewhere
    )
    here, _ = await add_violation(
        store, "PAV", actor.user_id, "@SUM(A1)", "high", created, tip_id=tip_here
    )
    with pytest.raises(NotFound):
        await risks.link_violation(store, actor, entry, elsewhere, clock)
    with pytest.raises(NotFound):
        await risks.link_tip(store, actor, entry, tip_elsewhere, clock)
    assert await risks.link_violation(store, actor, entry, here, clock)

    exported = await analytics.export_csv(
        store, actor, "violations", Period(date(2026, 3, 1), date(2026, 3, 31)), None,
        running_bot.settings.zone, clock,
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    typed = {cell for row in rows[1:] for cell in row if "HYPERLINK" in cell or "SUM" in cell}
    assert {"'" + formula, "'@SUM(A1)"} <= typed
    assert all(cell.startswith("'") for cell in typed)
