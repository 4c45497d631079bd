"""Coordinators give and take roles in the chat: guided or in one line, audited, and safe
across a restart of the bot."""

from __future__ import annotations

import re

from bot.app import BotApp
from bot.sandbox.client import ChatPerson
from db.store import Store
from roles import staff
from tests.conftest import BotRunner, PersonFactory
from tests.helpers import started

SHELL = staff.Authority("shell")


async def coordinator(new_person: PersonFactory, store: Store) -> ChatPerson:
    person = await new_person("Olga", language_code="ru", username="olga_coord")
    await staff.grant_role(store, SHELL, person.id, "coordinator")
    await started(person, "Русский")
    return person


async def active_roles(store: Store, telegram_id: int) -> list[tuple[str, str | None]]:
    row = await store.users.by_telegram_id(telegram_id)
    return [] if row is None else [(grant.role, grant.region_code) for grant in row.grants]


async def test_a_coordinator_grants_a_commissar_role_step_by_step(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    daniyar = await new_person("Daniyar", language_code="kk", username="daniyar_kz")
    await started(daniyar, "Қазақша")

    assert "Кому выдать роль" in (await olga.ask("/grant")).text
    await olga.send(str(daniyar.id))
    question = await olga.reply()
    assert f"Daniyar (@daniyar_kz, id {daniyar.id})" in question.text
    assert "антикоррупционный комиссар" in question.button_texts

    await olga.press("антикоррупционный комиссар")
    regions = await olga.reply()
    assert "Комиссар всегда закреплён за конкретным регионом" in regions.text
    assert "Вся страна" not in regions.button_texts
    assert len([text for text in regions.button_texts if text not in ("← Назад", "✕ Отмена")]) == 20

    await olga.press("г. Алматы")
    confirmation = await olga.reply()
    assert "антикоррупционный комиссар (г. Алматы)" in confirmation.text
    await olga.press("✓ Выдать роль")
    done = await olga.reply()
    assert done.text.startswith("Готово: роль антикоррупционный комиссар (г. Алматы) выдана")
    assert done.text.endswith("Меню этого человека обновлено.")
    assert done.buttons == []

    assert await active_roles(store, daniyar.id) == [("commissar", "ALA")]
    daniyar_row = await store.users.by_telegram_id(daniyar.id)
    assert daniyar_row is not None
    entries = await store.audit.entries(action="role.grant", object_id=str(daniyar_row.id))
    assert len(entries) == 1
    olga_row = await store.users.by_telegram_id(olga.id)
    assert olga_row is not None
    assert entries[0].actor_kind == "user"
    assert entries[0].actor_user_id == olga_row.id
    assert entries[0].details == {"role": "commissar", "region": "ALA", "via": "chat"}

    menu = await daniyar.menu_change(lambda items: any(c == "myregions" for c, _ in items))
    assert ("myregions", "Комиссар ретінде бекітілген өңірлеріңіз") in menu
    assert "Алматы қаласы" in (await daniyar.ask("/myregions")).text


async def test_a_one_line_grant_asks_only_what_is_missing(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    saule = await new_person("Saule", language_code="ru")

    question = await olga.ask(f"/grant {saule.id} ambassador")
    assert "На всю страну или на один регион?" in question.text
    assert question.button_texts[0] == "Вся страна"
    await olga.press("Вся страна")
    confirmation = await olga.reply()
    assert f"Telegram id {saule.id} (переписки с ботом ещё не было)" in confirmation.text
    await olga.press("✓ Выдать роль")
    done = (await olga.reply()).text
    assert "выдана" in done
    assert done.endswith("Новые команды появятся у этого человека, когда он впервые напишет боту.")
    assert await active_roles(store, saule.id) == [("ambassador", None)]

    again = await olga.ask(f"/grant {saule.id} ambassador *")
    assert again.text.startswith("Выдать роль посол перемен?")
    await olga.press("✓ Выдать роль")
    assert "уже есть" in (await olga.reply()).text
    assert await active_roles(store, saule.id) == [("ambassador", None)]
    assert again.message_id > question.message_id


async def test_grant_refuses_bad_answers_and_changes_nothing(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    target = await new_person("Target", language_code="ru")
    before = await store.audit.entries(action="role.grant", limit=1000)

    refusals = {
        "/grant abc": "Пришлите Telegram id (только цифры) или @username.",
        "/grant @nobody_like_this": "С именем пользователя @nobody_like_this боту никто не писал",
        f"/grant {target.id} pilot": "Роли «pilot» не существует.",
        f"/grant {target.id} commissar ZZZ": "Регион «ZZZ» не найден.",
        f"/grant {target.id} commissar ALA extra": "Напишите /grant или /grant ID РОЛЬ РЕГИОН",
        f"/grant {target.id} commissar *": "Комиссар всегда закреплён за конкретным регионом",
    }
    for command, refusal in refusals.items():
        assert refusal in (await olga.ask(command)).text, command

    await olga.ask("/grant")
    assert "Пришлите Telegram id" in (await olga.ask("not a person")).text
    await olga.send(str(target.id))
    roles = await olga.reply()
    await olga.press("антикоррупционный комиссар", roles)
    regions = await olga.reply()
    await olga.press_data(regions.message_id, "reg:*")
    alert = await olga.callback_answer()
    assert alert["text"] == "Комиссар всегда закреплён за конкретным регионом: выберите регион."
    assert alert["show_alert"] is True
    await olga.press_data(regions.message_id, "reg:ZZZ")
    assert (await olga.callback_answer())["text"] == "Регион «ZZZ» не найден."

    await olga.press("← Назад", regions)
    assert "Какую роль выдать?" in (await olga.reply()).text
    await olga.press("✕ Отмена")
    assert (await olga.reply()).text == "Отменено. Ничего не сохранено."

    assert await active_roles(store, target.id) == []
    assert await store.audit.entries(action="role.grant", limit=1000) == before
    assert await conversation_rows(store, olga.id) == 0


async def conversation_rows(store: Store, telegram_id: int) -> int:
    count: int = await store.pool.fetchval(
        "SELECT count(*) FROM fsm_states WHERE chat_id = $1", telegram_id
    )
    return count


async def test_a_grant_conversation_survives_a_restart_of_the_bot(
    bot_runner: BotRunner, new_person: PersonFactory, store: Store
) -> None:
    await bot_runner.start()
    olga = await coordinator(new_person, store)
    nurlan = await new_person("Nurlan", language_code="ru")
    await olga.ask("/grant")
    await olga.send(str(nurlan.id))
    await olga.reply()
    await olga.press("антикоррупционный комиссар")
    regions = await olga.reply()

    await bot_runner.restart()

    await olga.press("Туркестанская область", regions)
    confirmation = await olga.reply()
    assert "антикоррупционный комиссар (Туркестанская область)" in confirmation.text
    await olga.press("✓ Выдать роль")
    assert "выдана" in (await olga.reply()).text
    assert await active_roles(store, nurlan.id) == [("commissar", "TUR")]


async def test_a_coordinator_revokes_a_role_and_the_menu_shrinks(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    aidos = await new_person("Aidos", language_code="en", username="aidos_volunteer")
    await staff.grant_role(store, SHELL, aidos.id, "commissar", "ALA")
    await staff.grant_role(store, SHELL, aidos.id, "commissar", "AST")
    await started(aidos, "English")
    await aidos.menu_change(lambda items: any(c == "myregions" for c, _ in items))

    await olga.ask("/revoke")
    choices = await olga.ask("@aidos_volunteer")
    assert choices.button_texts[:2] == [
        "антикоррупционный комиссар (г. Алматы)",
        "антикоррупционный комиссар (г. Астана)",
    ]
    await olga.press("антикоррупционный комиссар (г. Алматы)")
    assert "Снять роль антикоррупционный комиссар (г. Алматы)?" in (await olga.reply()).text
    await olga.press("✓ Снять роль")
    assert "снята" in (await olga.reply()).text
    assert await active_roles(store, aidos.id) == [("commissar", "AST")]
    assert await conversation_rows(store, olga.id) == 0
    assert "Astana" in (await aidos.ask("/myregions")).text

    await olga.ask(f"/revoke {aidos.id} commissar")
    await olga.press("✓ Снять роль")
    assert "снята" in (await olga.reply()).text
    assert await active_roles(store, aidos.id) == []
    await aidos.menu_change(lambda items: all(c != "myregions" for c, _ in items))
    refusal = await aidos.ask("/myregions")
    assert "for: anti-corruption commissar" in refusal.text

    nothing = await olga.ask(f"/revoke {aidos.id}")
    assert "нет ролей волонтёра" in nothing.text


async def test_a_coordinator_cannot_revoke_their_own_coordinator_role(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    refusal = await olga.ask(f"/revoke {olga.id} coordinator")
    assert refusal.text == (
        "Нельзя снять с себя роль координатора: попросите об этом другого координатора."
    )
    await olga.ask("/revoke")
    choices = await olga.ask(str(olga.id))
    await olga.press("координатор", choices)
    alert = await olga.callback_answer()
    assert alert["text"].startswith("Нельзя снять с себя роль координатора")
    assert await active_roles(store, olga.id) == [("coordinator", None)]


async def test_staff_lists_every_volunteer_role(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    kairat = await new_person("Kairat", last_name="<Admin>", language_code="ru")
    await started(kairat, "Русский")
    await staff.grant_role(store, SHELL, kairat.id, "commissar", "KAR")

    listing = await olga.ask("/staff")
    # The count is of the whole session's shared database: any of its plural forms.
    assert re.match(r"\d+ (роль волонтёра|роли волонтёров|ролей волонтёров):", listing.text)
    assert (
        f"• антикоррупционный комиссар (Карагандинская область): Kairat <Admin> (id {kairat.id})"
        in listing.text
    )
    assert f"• координатор: Olga (@olga_coord, id {olga.id})" in listing.text


async def test_start_ends_an_unfinished_conversation_and_old_cancel_buttons_retire(
    running_bot: BotApp, new_person: PersonFactory, store: Store
) -> None:
    olga = await coordinator(new_person, store)
    question = await olga.ask("/grant")
    assert await conversation_rows(store, olga.id) == 1

    assert (await olga.ask("/start")).text.startswith("Добро пожаловать")
    assert await conversation_rows(store, olga.id) == 0
    assert (await olga.ask("123")).text.startswith("Я не понял")

    await olga.press("✕ Отмена", question)
    assert (await olga.callback_answer())["text"] == "Отменять нечего."
    retired = await olga.reply()
    assert retired.edited
    assert retired.message_id == question.message_id
    assert retired.text == question.text
    assert retired.buttons == []
