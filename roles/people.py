"""Workflows everyone uses: being recognised, choosing a language and a home region."""

from __future__ import annotations

from db.catalog import Region
from db.store import Store
from db.users import UserRow
from roles import catalog
from roles.errors import InvalidInput
from roles.model import LANGUAGES, Actor, Grant, Language, Permission, Role, require


def actor_from(row: UserRow) -> Actor:
    language: Language | None = next((code for code in LANGUAGES if code == row.language), None)
    return Actor(
        user_id=row.id,
        telegram_id=row.telegram_id,
        language=language,
        region_code=row.region_code,
        blocked=row.blocked,
        grants=tuple(Grant(Role(grant.role), grant.region_code) for grant in row.grants),
        subscribed=row.subscribed,
        subscription_region=row.subscription_region,
    )


async def recognise(
    store: Store,
    *,
    telegram_id: int,
    first_name: str | None,
    last_name: str | None,
    username: str | None,
    telegram_language: str | None,
) -> Actor:
    """The person behind an update, recorded on first contact and kept up to date."""
    row = await store.users.touch(
        telegram_id,
        first_name=first_name,
        last_name=last_name,
        username=username,
        telegram_language=telegram_language,
    )
    if row.menu_stale:
        await store.users.wake_menu_installer()
    return actor_from(row)


async def choose_language(store: Store, actor: Actor, language: str) -> Language:
    chosen = next((code for code in LANGUAGES if code == language), None)
    if chosen is None:
        raise InvalidInput("error-unknown-language")
    async with store.transaction() as tx:
        await tx.users.set_language(actor.user_id, chosen)
        await tx.users.mark_menu_stale(actor.user_id)
    return chosen


async def choose_home_region(store: Store, actor: Actor, region_code: str) -> Region:
    require(actor, Permission.CHOOSE_HOME_REGION)
    region = await catalog.region(store, region_code)
    await store.users.set_region(actor.user_id, region.code)
    return region


async def refresh_menu(store: Store, actor: Actor) -> None:
    """Install this person's menu again, e.g. after /start, in case Telegram lost it."""
    await store.users.mark_menu_stale(actor.user_id)


async def note_reachability(store: Store, actor: Actor, reachable: bool) -> None:
    """The person blocked (False) or unblocked (True) the bot in Telegram."""
    await store.users.set_reachable(actor.user_id, reachable)


async def reinstall_every_menu(store: Store) -> None:
    """Install everyone's menu again: the sandbox forgets its chats and menus when it restarts.
    Menus of people without a chat yet wait for their next message."""
    await store.users.mark_every_menu_stale()
