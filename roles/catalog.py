"""Reference data for the chat: the regions and tip categories, as kept in the store, and their
management by nationwide coordinators (names, on/off, service levels), each change audited."""

from __future__ import annotations

import re
from datetime import timedelta

from db.catalog import Category, Region
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput, NotFound
from roles.model import LANGUAGES, Actor, Permission, require_nationwide
from roles.tips import one_line, within


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


# ------------------------------------------------------------------ managed by coordinators

NAME_LIMITS = (2, 60)
SHORTEST_FIRST_ACTION = timedelta(hours=1)
LONGEST_FIRST_ACTION = timedelta(days=30)
LONGEST_RESOLUTION = timedelta(days=365)
DEFAULT_FIRST_ACTION = timedelta(days=3)
DEFAULT_RESOLUTION = timedelta(days=14)


def check_name(text: str | None) -> str:
    return within(one_line(text), NAME_LIMITS, "error-catalog-name")


def parse_duration(text: str | None) -> timedelta:
    """'12h', '3d', '3 дня', '5' (days) as a duration; anything else is refused."""
    found = re.fullmatch(r"(\d{1,3})\s*([^\d\s]*)", (text or "").strip().lower())
    if found is None or int(found[1]) == 0:
        raise InvalidInput("error-catalog-duration")
    amount, unit = int(found[1]), found[2].rstrip(".")
    if unit in ("h", "hr", "hrs", "hour", "hours", "ч", "час", "часа", "часов", "сағ", "сағат"):
        return timedelta(hours=amount)
    if unit in ("", "d", "day", "days", "д", "дн", "день", "дня", "дней", "к", "күн"):
        return timedelta(days=amount)
    raise InvalidInput("error-catalog-duration")


def check_first_action(first_action: timedelta) -> timedelta:
    if not SHORTEST_FIRST_ACTION <= first_action <= LONGEST_FIRST_ACTION:
        raise InvalidInput("error-catalog-first-action")
    return first_action


def check_service_levels(first_action: timedelta, resolve: timedelta) -> None:
    check_first_action(first_action)
    if not first_action <= resolve <= LONGEST_RESOLUTION:
        raise InvalidInput("error-catalog-resolve")


def category_code_for(english_name: str, taken: set[str]) -> str:
    """A code made from the English name: 'Public transport' → 'public_transport'."""
    words = re.findall(r"[a-z]+", english_name.lower())
    base = "_".join(words)[:28].strip("_") or "category"
    if len(base) < 2:
        base = f"{base}_category"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


async def _audit(
    tx: Store, actor: Actor, action: str, kind: str, code: str, clock: Clock, **details: object
) -> None:
    await tx.audit.write(
        actor_kind="user",
        actor_user_id=actor.user_id,
        action=action,
        object_type=kind,
        object_id=code,
        details=details,
        at=clock.now(),
    )


async def every_category(store: Store, actor: Actor) -> list[Category]:
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    return await store.catalog.every_category()


async def any_category(store: Store, actor: Actor, code: str) -> Category:
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    found = await store.catalog.category(code, active_only=False)
    if found is None:
        raise NotFound("error-catalog-unknown")
    return found


async def every_region(store: Store, actor: Actor) -> list[Region]:
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    return await store.catalog.every_region()


async def any_region(store: Store, actor: Actor, code: str) -> Region:
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    found = await store.catalog.any_region(code)
    if found is None:
        raise NotFound("error-catalog-unknown")
    return found


async def add_category(store: Store, actor: Actor, names: dict[str, str], clock: Clock) -> Category:
    """A new category with the default service levels, its code made from the English name."""
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    checked: dict[str, str] = {lang: check_name(names.get(lang)) for lang in LANGUAGES}
    async with store.transaction() as tx:
        taken = {category.code for category in await tx.catalog.every_category()}
        code = category_code_for(checked["en"], taken)
        added = await tx.catalog.add_category(
            code, checked, DEFAULT_FIRST_ACTION, DEFAULT_RESOLUTION
        )
        if added is None:
            raise InvalidInput("error-catalog-code-taken")
        await _audit(tx, actor, "category.created", "category", code, clock, **checked)
    return added


async def rename(
    store: Store, actor: Actor, kind: str, code: str, language: str, name: str, clock: Clock
) -> None:
    """A new name, in one language, for a category (`kind` 'category') or a region."""
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    if language not in LANGUAGES:
        raise InvalidInput("error-invalid-input")
    checked = check_name(name)
    async with store.transaction() as tx:
        if kind == "category":
            renamed = await tx.catalog.rename_category(code, language, checked)
        else:
            renamed = await tx.catalog.rename_region(code, language, checked)
        if not renamed:
            raise NotFound("error-catalog-unknown")
        await _audit(
            tx, actor, f"{kind}.changed", kind, code, clock, **{f"name_{language}": checked}
        )


async def set_active(
    store: Store, actor: Actor, kind: str, code: str, active: bool, clock: Clock
) -> bool:
    """Switch a category or region on or off; False when it already was. An inactive one leaves
    the pickers; tips and grants that name it keep it."""
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    async with store.transaction() as tx:
        if kind == "category":
            changed = await tx.catalog.set_category_active(code, active)
        else:
            changed = await tx.catalog.set_region_active(code, active)
        if changed:
            await _audit(tx, actor, f"{kind}.changed", kind, code, clock, active=active)
    return changed


async def set_service_levels(
    store: Store,
    actor: Actor,
    code: str,
    first_action: timedelta,
    resolve: timedelta,
    clock: Clock,
) -> None:
    """Service levels for tips taken from now on; taken tips keep the deadlines they got."""
    require_nationwide(actor, Permission.MANAGE_CATALOG)
    check_service_levels(first_action, resolve)
    async with store.transaction() as tx:
        if not await tx.catalog.set_service_levels(code, first_action, resolve):
            raise NotFound("error-catalog-unknown")
        await _audit(
            tx,
            actor,
            "category.changed",
            "category",
            code,
            clock,
            first_action_hours=first_action.total_seconds() / 3600,
            resolve_hours=resolve.total_seconds() / 3600,
        )
