"""Citizens' commands (everyone holds this role): choosing a home region."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.replies import replace
from db.store import Store
from handlers.keyboards import HomeRegion, region_picker
from roles import catalog, people
from roles.model import Actor, Role


async def home_region(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
    regions = await catalog.regions(store)
    current = next((r.name(i18n.locale) for r in regions if r.code == actor.region_code), None)
    text = i18n.get("region-choose")
    if current:
        text = i18n.get("region-current", region=current) + "\n" + text
    await message.answer(
        text,
        reply_markup=region_picker(
            regions, i18n.locale, factory=HomeRegion, selected=actor.region_code
        ),
    )


async def home_region_chosen(
    query: CallbackQuery,
    callback_data: HomeRegion,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    region = await people.choose_home_region(store, actor, callback_data.code)
    await replace(query, i18n.get("region-saved", region=region.name(i18n.locale)))


def build_router() -> Router:
    router = Router(name="citizen")
    router.message.filter(Requires(Role.CITIZEN))
    router.callback_query.filter(Requires(Role.CITIZEN))
    router.message.register(home_region, Command("region"))
    router.callback_query.register(home_region_chosen, HomeRegion.filter())
    return router
