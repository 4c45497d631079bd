"""The tips counted per day and per month (tip_days, tip_months, kept by a trigger) against a
recount from the tips themselves, after the changes the workflows make, concurrent ones and
retention."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.app import BotApp
from db.store import Store
from db.tips import NewTip
from roles import staff, tips
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import new_telegram_id, started
from tests.test_tip_life import MovableClock, actor_of, commissar_in
from tests.tipster import Report, send_report, tip_number

DIFFERENCES = """
WITH recount AS (
    SELECT {key} AS at, region_code, category_code, status, count(*)::integer AS tips
    FROM tips GROUP BY 1, 2, 3, 4
), kept AS (
    SELECT {column} AS at, region_code, category_code, status, sum(tips)::integer AS tips
    FROM {table} GROUP BY 1, 2, 3, 4 HAVING sum(tips) <> 0
)
(SELECT 'recount' AS side, * FROM recount EXCEPT SELECT 'recount', * FROM kept)
UNION ALL
(SELECT 'kept', * FROM kept EXCEPT SELECT 'kept', * FROM recount)
"""


async def assert_counts_are_a_recount(store: Store) -> None:
    """The counts with the changes not yet folded are a recount; so are the counts alone once
    the changes are folded in."""
    for folded in (False, True):
        if folded:
            await store.analytics.fold_tip_counts()
        for table, column, key in (
            ("tip_days", "day", "(created_at AT TIME ZONE 'UTC')::date"),
            ("tip_months", "month", "date_trunc('month', created_at AT TIME ZONE 'UTC')::date"),
        ):
            counted = table if folded else f"{table}_now"
            differences = await store.pool.fetch(
                DIFFERENCES.format(table=counted, column=column, key=key)
            )
            assert [dict(row) for row in differences] == [], counted


async def a_tip(store: Store, region: str) -> NewTip:
    """A confidential tip of a new tipster in `region`, in the first category."""
    tipster = await store.users.ensure(new_telegram_id())
    category = (await store.catalog.categories())[0].code
    return NewTip(
        category_code=category, region_code=region, body_concerned="Testland akimat",
        description="The official asked for money to speed the papers up.",
        occurred_kind="earlier", occurred_on=None, latitude=None, longitude=None, address=None,
        identity_mode="confidential", tipster_user_id=tipster.id,
        receipt_lookup=None, receipt_hash=None,
    )  # fmt: skip


async def test_the_counts_follow_a_tip_s_whole_life_and_survive_retention(
    bot_runner: BotRunner, store: Store, new_person: PersonFactory
) -> None:
    clock = MovableClock()
    app: BotApp = await bot_runner.start(clock=clock, retention_days=365)
    rules = app.dispatcher.workflow_data["rules"]
    tipster = await new_person("Dana", language_code="en")
    await started(tipster, "English")
    tipster_actor = await actor_of(store, tipster)
    _, handler = await commissar_in(store, new_person, region="ALA", name="Yerlan")

    resolved = tip_number(await send_report(tipster, Report()))
    given_back = tip_number(await send_report(tipster, Report()))
    withdrawn = tip_number(await send_report(tipster, Report()))
    anonymous = tip_number(await send_report(tipster, Report(identity="🕶 Anonymous")))
    in_hand = tip_number(await send_report(tipster, Report()))
    await assert_counts_are_a_recount(store)

    for status, note in (("taken", None), ("in_work", None), ("resolved", "The clerk left.")):
        await tips.change_status(store, handler, resolved, status, rules, clock, note=note)
    await tips.change_status(store, handler, given_back, "taken", rules, clock)
    await tips.ask_tipster(store, handler, given_back, "Which floor was the office on?", clock)
    await tips.change_status(
        store, handler, given_back, "new", rules, clock, note="Another district's office."
    )
    await tips.withdraw(store, tipster_actor, withdrawn, clock)
    await tips.change_status(store, handler, in_hand, "taken", rules, clock)
    await tips.change_status(store, handler, anonymous, "taken", rules, clock)
    await tips.change_status(
        store, handler, anonymous, "unfounded", rules, clock, note="No such office exists."
    )
    await assert_counts_are_a_recount(store)

    await tips.answer_follow_up(store, tipster_actor, resolved, "no", clock)
    assert await store.pool.fetchval("SELECT status FROM tips WHERE id = $1", resolved) == (
        "reopened"
    )
    await staff.revoke_role(store, staff.Authority("shell"), handler.telegram_id, "commissar")
    assert await store.pool.fetchval("SELECT status FROM tips WHERE id = $1", in_hand) == "new"
    await assert_counts_are_a_recount(store)

    since, until = clock.now() - timedelta(days=30), clock.now() + timedelta(days=1)
    working = ("taken", "in_work", "info_needed", "reopened")
    # Resolved again (by hand: its handler left), so that retention takes it too.
    await store.pool.execute(
        "UPDATE tips SET status = 'resolved', resolved_at = $2, status_changed_at = $2 "
        "WHERE id = $1",
        resolved,
        clock.now(),
    )
    now = clock.now()
    figures = await store.analytics.figures(None, since, until, now, until.date(), working)
    picture = await store.risks.picture(None, since, until, since - timedelta(days=30), "UTC")
    clock.moment += timedelta(days=400)
    purged = await app.purge_expired()
    assert purged.tips >= 1
    assert await store.pool.fetchval("SELECT purged_at FROM tips WHERE id = $1", resolved)
    assert await store.analytics.figures(None, since, until, now, until.date(), working) == (
        figures
    )
    assert (
        await store.risks.picture(None, since, until, since - timedelta(days=30), "UTC") == picture
    )
    await assert_counts_are_a_recount(store)


async def test_concurrent_changes_of_tips_of_one_day_region_and_category_lose_no_count(
    store: Store, region: str
) -> None:
    tip = await a_tip(store, region)
    at = datetime.now(UTC).replace(microsecond=0)
    ids = await asyncio.gather(*(store.tips.add(tip, at) for _ in range(30)))
    statuses = ("taken", "in_work", "info_needed", "in_work", "resolved")

    async def walk(tip_id: int, back_and_forth: bool) -> None:
        previous = "new"
        for status in statuses if not back_and_forth else ("taken", "info_needed", "in_work"):
            async with store.transaction() as tx:
                change = await tx.tips.change_status(
                    tip_id,
                    status,
                    at,
                    allowed_from=(previous,),
                    assignee_user_id=tip.tipster_user_id,
                )
                assert change is not None
            previous = status

    await asyncio.gather(
        *(walk(tip_id, k % 2 == 1) for k, tip_id in enumerate(ids)),
        *(store.tips.add(tip, at) for _ in range(10)),
    )
    await assert_counts_are_a_recount(store)


async def test_transactions_changing_tips_of_one_month_in_opposite_orders_do_not_deadlock(
    store: Store, region: str
) -> None:
    """A leaving commissar's tips go back to the queue (one transaction, tip after tip) while
    another commissar takes a tip of the same month: counting them must not make either wait
    for the other."""
    tip = await a_tip(store, region)
    month = datetime.now(UTC).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    first = await store.tips.add(tip, month + timedelta(days=4))
    second, third = [await store.tips.add(tip, month + timedelta(days=9)) for _ in range(2)]
    await store.pool.execute(
        "UPDATE tips SET status = 'taken' WHERE id = ANY($1::bigint[])", [first, second]
    )
    statement = "UPDATE tips SET status = $2 WHERE id = $1"
    async with store.pool.acquire() as returning, store.pool.acquire() as taking:
        back_to_queue, taken = returning.transaction(), taking.transaction()
        await back_to_queue.start()
        await taken.start()
        await returning.execute(statement, first, "new")
        take = asyncio.create_task(taking.execute(statement, third, "taken"))
        await asyncio.wait_for(returning.execute(statement, second, "new"), 10)
        await asyncio.wait_for(take, 10)
        await taken.commit()
        await back_to_queue.commit()
    statuses = await store.pool.fetch(
        "SELECT id, status FROM tips WHERE id = ANY($1::bigint[]) ORDER BY id",
        [first, second, third],
    )
    assert [row["status"] for row in statuses] == ["new", "new", "taken"]
    await assert_counts_are_a_recount(store)
