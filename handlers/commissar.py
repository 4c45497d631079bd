"""Commissars' commands. The regional queue, assignments and field checks come next."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from db.store import Store
from roles import catalog
from roles.model import Actor, Role


async def my_regions(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
    names = await catalog.region_names(store, i18n.locale)
    regions = [names.get(code, code) for code in actor.regions_of(Role.COMMISSAR)]
    await message.answer(i18n.get("myregions-list", count=len(regions), regions=", ".join(regions)))


def build_router() -> Router:
    router = Router(name="commissar")
    router.message.filter(Requires(Role.COMMISSAR))
    router.callback_query.filter(Requires(Role.COMMISSAR))
    router.message.register(my_regions, Command("myregions"))
    return router
