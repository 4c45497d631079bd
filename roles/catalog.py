"""Reference data for the chat: the regions, as kept in the store."""

from __future__ import annotations

from db.catalog import Category, Region
from db.store import Store
from roles.errors import InvalidInput


async def regions(store: Store) -> list[Region]:
    return await store.catalog.regions()


async def region_names(store: Store, language: str) -> dict[str, str]:
    return {region.code: region.name(language) for region in await store.catalog.regions()}


async def region(store: Store, code: str) -> Region:
    """The active region with this code, or a refusal naming what was given."""
    found = await store.catalog.region(code.strip().upper())
    if found is None:
        raise InvalidInput("error-unknown-region", region=code)
    return found


async def category_names(store: Store, language: str) -> dict[str, str]:
    return {category.code: category.name(language) for category in await store.catalog.categories()}


async def categories(store: Store) -> list[Category]:
    return await store.catalog.categories()
