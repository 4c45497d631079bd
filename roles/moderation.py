"""Coordinators block and unblock accounts. A blocked account keeps its roles on paper, but
`permits()` denies it everything and the bot answers it with one polite refusal."""

from __future__ import annotations

from dataclasses import dataclass

from db.store import Store
from db.users import UserRow
from roles import staff
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, Role, regions_permitted, require
from roles.tips import one_line, within

REASON_LIMITS = (3, 300)


@dataclass(frozen=True)
class Moderated:
    person: UserRow
    changed: bool


def check_reason(text: str | None) -> str:
    return within(one_line(text), REASON_LIMITS, "error-block-reason")


async def person_to_block(store: Store, actor: Actor, reference: str) -> UserRow:
    """Someone who has written to the bot and may be blocked by this coordinator: not the
    coordinator themselves and not another coordinator."""
    require(actor, Permission.MODERATE_USERS)
    found = await staff.find_person(store, reference)
    if found.known is None:
        raise NotFound("error-block-unknown", reference=reference.strip())
    if found.known.id == actor.user_id:
        raise InvalidInput("error-block-self")
    if any(grant.role == Role.COORDINATOR for grant in found.known.grants):
        raise InvalidInput("error-block-coordinator")
    within_reach(actor, found.known)
    return found.known


async def person_to_unblock(store: Store, actor: Actor, reference: str) -> UserRow:
    require(actor, Permission.MODERATE_USERS)
    found = await staff.find_person(store, reference)
    if found.known is None:
        raise NotFound("error-block-unknown", reference=reference.strip())
    within_reach(actor, found.known)
    return found.known


def within_reach(actor: Actor, person: UserRow) -> None:
    """A coordinator of some regions moderates only the people of those regions: every grant
    the person holds (or, without any, their home region) must lie there."""
    regions = regions_permitted(actor, Permission.MODERATE_USERS)
    if regions is None:
        return
    places = [grant.region_code for grant in person.grants] or [person.region_code]
    if any(place is None or place not in regions for place in places):
        raise NotAllowed("error-block-outside-region")


async def set_blocked(
    store: Store,
    actor: Actor,
    telegram_id: int,
    blocked: bool,
    clock: Clock,
    reason: str | None = None,
) -> Moderated:
    """Block (with a reason, kept in the audit log) or unblock; nothing changes when the account
    already is so."""
    if blocked:
        person = await person_to_block(store, actor, str(telegram_id))
        reason = check_reason(reason)
    else:
        person = await person_to_unblock(store, actor, str(telegram_id))
    if person.blocked == blocked:
        return Moderated(person, changed=False)
    async with store.transaction() as tx:
        await tx.users.set_blocked(person.id, blocked)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="user.blocked" if blocked else "user.unblocked",
            object_type="user",
            object_id=str(person.id),
            details={"reason": reason} if blocked else {},
            at=clock.now(),
        )
    return Moderated(person, changed=True)
