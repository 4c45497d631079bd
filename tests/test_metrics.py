"""`GET /metrics`: Prometheus's text format with the bot's updates, latency and queues."""

from __future__ import annotations

from datetime import timedelta

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.app import BotApp
from bot.metrics import CONTENT_TYPE
from db.store import Store
from roles import broadcasts
from roles.broadcasts import Audience, BroadcastDraft
from roles.clock import SystemClock
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.test_broadcasts import ombudsman

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]

WRONG_CODE = "0000-0000-0000-0000-0000-0000"


async def scrape(app: BotApp) -> Samples:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{app.web_url}/metrics") as response,
    ):
        assert response.status == 200
        assert response.headers["Content-Type"] == CONTENT_TYPE
        text = await response.text()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def counted(samples: Samples) -> float:
    return sum(v for (name, _), v in samples.items() if name == "acf_updates_total")


async def test_metrics_count_updates_by_outcome_and_read_the_queues_from_the_store(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    person = await new_person("Metrics", language_code="en")
    before = await scrape(running_bot)

    await started(person, "English")  # a message and a button press
    # A wrong code is refused last: a refusal is counted before aiogram's error middleware
    # answers it, and the person's earlier updates were finished before it began.
    refusal = await person.ask(f"/receipt {WRONG_CODE}")
    assert "code" in refusal.text

    after = await scrape(running_bot)
    assert counted(after) == counted(before) + 3

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("acf_updates_total", type="message", outcome="handled") == 1
    assert grew("acf_updates_total", type="callback_query", outcome="handled") == 1
    assert grew("acf_updates_total", type="message", outcome="refused") == 1
    assert grew("acf_update_seconds_count", type="message") == 2
    assert grew("acf_update_seconds_count", type="callback_query") == 1
    assert value(after, "acf_update_seconds_sum", type="message") > 0
    assert value(after, "acf_updates_in_flight") == 0
    assert value(after, "acf_store_up") == 1
    assert value(after, "process_resident_memory_bytes") > 0

    author, actor = await ombudsman(store, new_person, "Metrics")
    source = await author.send("Завтра приём граждан.")
    await author.reply()
    draft = BroadcastDraft(
        source_chat_id=author.id,
        source_message_id=int(source["message_id"]),
        content_kind="text",
        audience=Audience(region="ALM"),
    )
    clock = SystemClock()
    await broadcasts.confirm(store, actor, draft, clock, send_at=clock.now() + timedelta(days=1))
    queues = await scrape(running_bot)
    in_store = await store.pool.fetchrow(
        "SELECT (SELECT count(*) FROM tips WHERE status = 'new') AS unassigned, "
        "(SELECT count(*) FROM broadcasts WHERE status = 'scheduled') AS scheduled"
    )
    assert in_store is not None and in_store["scheduled"] >= 1
    assert value(queues, "acf_tips_unassigned") == in_store["unassigned"]
    assert value(queues, "acf_broadcasts", status="scheduled") == in_store["scheduled"]
    assert ("acf_outbox_messages", (("state", "due"),)) in queues
    assert ("acf_reminders_due", ()) in queues
