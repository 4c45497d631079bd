"""Reporting corruption through the chat: the whole conversation, its refusals, sending once."""

from __future__ import annotations

from bot.app import BotApp
from db.store import Store
from tests.conftest import PersonFactory
from tests.helpers import started
from tests.tipster import PDF, Report, send_report, tip_number


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
