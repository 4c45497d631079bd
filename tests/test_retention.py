"""Retention of closed tips and the outcomes channel, through the sandbox over the real
PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from bot.sandbox.server import SandboxServer
from db.store import Store
from roles import tips
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import new_telegram_id, started
from tests.test_tip_life import MovableClock, commissar_in
from tests.tipster import DESCRIPTION, Report, send_report, tip_number


async def test_tips_closed_longer_than_the_setting_lose_their_words_but_keep_their_numbers(
    bot_runner: BotRunner, store: Store, new_person: PersonFactory
) -> None:
    clock = MovableClock()
    app = await bot_runner.start(clock=clock, retention_days=365)
    rules = app.dispatcher.workflow_data["rules"]
    tipster = await new_person("Gulnara", language_code="en")
    await started(tipster, "English")
    _, handler = await commissar_in(store, new_person, region="ALA", name="Bolat")

    old = tip_number(await send_report(tipster, Report(album=2)))
    still_open = tip_number(await send_report(tipster, Report()))
    await tips.change_status(store, handler, old, "taken", rules, clock)
    await tips.ask_tipster(store, handler, old, "Which floor was the office on?", clock)
    await tips.change_status(
        store, handler, old, "resolved", rules, clock, note="The clerk was dismissed."
    )
    clock.moment += timedelta(days=200)
    recent = tip_number(await send_report(tipster, Report()))
    await tips.change_status(store, handler, recent, "taken", rules, clock)
    await tips.change_status(
        store, handler, recent, "unfounded", rules, clock, note="No such office exists."
    )
    by_status_before = await store.pool.fetch(
        "SELECT id, status, category_code, region_code, body_concerned FROM tips "
        "WHERE id = ANY($1::bigint[]) ORDER BY id",
        [old, still_open, recent],
    )

    clock.moment += timedelta(days=164)
    await app.purge_expired()  # other tests' tips may be old enough by now; this one is not
    assert await store.pool.fetchval("SELECT purged_at FROM tips WHERE id = $1", old) is None
    clock.moment += timedelta(days=2)
    purged = await app.purge_expired()
    assert purged.tips >= 1 and purged.files >= 2

    row = await store.pool.fetchrow(
        "SELECT description, address, purged_at FROM tips WHERE id = $1", old
    )
    assert row is not None
    assert row["description"] is None and row["address"] is None and row["purged_at"]
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM tip_evidence WHERE tip_id = $1 AND file_id IS NOT NULL", old
        )
        == 0
    )
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM tip_evidence WHERE tip_id = $1 AND file_name IS NULL", old
        )
        == 2
    )
    notes_kept = "SELECT count(*) FROM outbox WHERE payload->>'tip' = $1 AND payload ? 'note'"
    assert await store.pool.fetchval(notes_kept, str(old)) == 0
    assert await store.pool.fetchval(notes_kept, str(recent)) == 1
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM tip_messages WHERE tip_id = $1 AND body IS NOT NULL", old
        )
        == 0
    )
    assert (
        await store.pool.fetchval(
            "SELECT count(*) FROM tip_history WHERE tip_id = $1 AND note IS NOT NULL", old
        )
        == 0
    )
    for kept in (still_open, recent):
        assert (
            await store.pool.fetchval("SELECT description FROM tips WHERE id = $1", kept)
            == DESCRIPTION
        )
    assert by_status_before == await store.pool.fetch(
        "SELECT id, status, category_code, region_code, body_concerned FROM tips "
        "WHERE id = ANY($1::bigint[]) ORDER BY id",
        [old, still_open, recent],
    )
    audited = await store.pool.fetchrow(
        "SELECT actor_kind, details FROM audit_log WHERE action = 'retention.purged' "
        "ORDER BY id DESC LIMIT 1"
    )
    assert audited is not None and audited["actor_kind"] == "system"
    assert audited["details"]["tips"] >= 1

    listing = await tipster.ask("/mytips")
    await tipster.press(f"Tip #{old}", listing)
    card = await tipster.reply_where(lambda m: f"Tip #{old}" in m.text)
    assert "has been removed" in card.text
    assert DESCRIPTION[:30] not in card.text


async def test_a_resolved_tip_is_summarised_in_the_outcomes_channel_without_the_tipster(
    bot_runner: BotRunner, store: Store, sandbox: SandboxServer, new_person: PersonFactory
) -> None:
    channel = sandbox.world.add_person("Outcomes channel", person_id=new_telegram_id())
    sandbox.world.chat_of(channel)
    app = await bot_runner.start(outcomes_channel_id=channel.id)
    rules = app.dispatcher.workflow_data["rules"]
    tipster = await new_person("Yerbol", language_code="en", username="yerbol_w")
    await started(tipster, "English")
    _, handler = await commissar_in(store, new_person, region="ALA", name="Aliya")
    number = tip_number(await send_report(tipster, Report(body="Medeu district akimat")))
    await tips.change_status(store, handler, number, "taken", rules, app.clock)
    await tips.change_status(
        store, handler, number, "resolved", rules, app.clock, note="Refunded to the family."
    )
    await app.outbox.sync_pending()

    [post] = [
        message
        for message in sandbox.world.chats[channel.id].messages.values()
        if message["from"].get("is_bot")
    ]
    text = post["text"]
    assert "Решено" in text and "Взятка, вымогательство" in text and "г. Алматы" in text
    private = ("Yerbol", "yerbol_w", str(tipster.id), f"#{number}", f"№{number}", "Medeu")
    for word in (*private, DESCRIPTION[:20], "Refunded"):
        assert word not in text
