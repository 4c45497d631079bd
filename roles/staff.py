"""Coordinators' workflows over roles: grant, revoke, list. Each change is audited and refreshes
the person's command menu."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from db.catalog import Region
from db.grants import StaffEntry
from db.store import Store
from db.users import UserRow
from roles import catalog, tips
from roles.clock import Clock, SystemClock
from roles.errors import InvalidInput, NotFound
from roles.model import (
    REGION_BOUND_ROLES,
    Actor,
    Permission,
    Role,
    parse_role,
    require,
    require_nationwide,
)

GrantChannel = Literal["chat", "shell", "settings", "sandbox", "invite"]


@dataclass(frozen=True)
class Authority:
    """Who performs a change of roles: a coordinator in the chat, the operator's shell, or the
    bot's own configuration (coordinator ids in the settings, the sandbox's demo people)."""

    via: GrantChannel
    actor: Actor | None = None
    inviter_user_id: int | None = None
    """For a grant through an invitation: the coordinator who created it (checked then)."""

    @classmethod
    def person(cls, actor: Actor) -> Authority:
        return cls("chat", actor)

    @classmethod
    def invitation(cls, inviter_user_id: int) -> Authority:
        return cls("invite", inviter_user_id=inviter_user_id)

    @property
    def actor_kind(self) -> str:
        if self.user_id is not None:
            return "user"
        return "shell" if self.via == "shell" else "system"

    @property
    def user_id(self) -> int | None:
        return self.actor.user_id if self.actor else self.inviter_user_id

    def check(self, region: str | None = None, *, everywhere: bool = False) -> None:
        """A coordinator changes roles only where their own grant reaches: a region of theirs,
        or (`everywhere`: a grant for the whole country, or revoking in every region) anything
        with a nationwide grant. The shell and the settings may do anything."""
        if self.actor is None:
            return
        require(self.actor, Permission.MANAGE_ROLES)
        if everywhere:
            require_nationwide(self.actor, Permission.MANAGE_ROLES)
        elif region is not None:
            require(self.actor, Permission.MANAGE_ROLES, region)


@dataclass(frozen=True)
class RoleChange:
    person: UserRow | None
    role: Role
    regions: tuple[str | None, ...]
    changed: bool


@dataclass(frozen=True)
class Person:
    """Someone a coordinator named: known when they have written to the bot."""

    telegram_id: int
    known: UserRow | None


async def find_person(store: Store, reference: str) -> Person:
    """A person by Telegram id or @username. A username must belong to someone who has written
    to the bot; an id may be of someone who has not yet (their grant waits for them)."""
    text = reference.strip()
    if re.fullmatch(r"\d{1,18}", text) and int(text) > 0:
        telegram_id = int(text)
        return Person(telegram_id, await store.users.by_telegram_id(telegram_id))
    if re.fullmatch(r"@?[A-Za-z][A-Za-z0-9_]{3,31}", text):
        found = await store.users.by_username(text.lstrip("@"))
        if found is None:
            raise NotFound("error-person-not-found", reference=text)
        return Person(found.telegram_id, found)
    raise InvalidInput("error-person-reference")


async def region_for(store: Store, role: Role, region_code: str | None) -> Region | None:
    """The region a grant of `role` names (None: nationwide), or a refusal."""
    if region_code is None:
        if role in REGION_BOUND_ROLES:
            raise InvalidInput("error-region-required", role=str(role))
        return None
    return await catalog.region(store, region_code)


async def _record(
    tx: Store,
    authority: Authority,
    action: str,
    user_id: int,
    role: Role,
    region: str | None,
    **more: object,
) -> None:
    """Audit a change of someone's roles and have their menu installed again."""
    await tx.audit.write(
        actor_kind=authority.actor_kind,
        actor_user_id=authority.user_id,
        action=action,
        object_type="user",
        object_id=str(user_id),
        details={"role": str(role), "region": region, "via": authority.via, **more},
    )
    await tx.users.mark_menu_stale(user_id)


async def add_grant(
    tx: Store,
    authority: Authority,
    user_id: int,
    role: Role,
    region_code: str | None,
    **details: object,
) -> bool:
    """Grant inside the caller's transaction, audited; False when the person already holds it."""
    grant = await tx.grants.add(
        user_id, role, region_code, granted_by=authority.user_id, via=authority.via
    )
    if grant is not None:
        await _record(tx, authority, "role.grant", user_id, role, region_code, **details)
    return grant is not None


async def grant_role(
    store: Store,
    authority: Authority,
    telegram_id: int,
    role_name: str,
    region_code: str | None = None,
) -> RoleChange:
    authority.check()
    role = parse_role(role_name)
    region = await region_for(store, role, region_code)
    code = region.code if region else None
    authority.check(code, everywhere=code is None)
    async with store.transaction() as tx:
        person = await tx.users.ensure(telegram_id)
        changed = await add_grant(tx, authority, person.id, role, code)
    return RoleChange(person, role, (code,), changed=changed)


async def revoke_role(
    store: Store,
    authority: Authority,
    telegram_id: int,
    role_name: str,
    region_code: str | None = None,
    clock: Clock | None = None,
) -> RoleChange:
    """Revoke `role` in one region, or in all of them when no region is given. A commissar's
    tips in a region they leave go back to that region's queue."""
    authority.check()
    role = parse_role(role_name)
    code = region_code.strip().upper() if region_code else None
    authority.check(code, everywhere=code is None)
    person = await store.users.by_telegram_id(telegram_id)
    if person is None:
        return RoleChange(None, role, (), changed=False)
    if authority.actor is not None:
        refuse_own_coordinator_role(authority.actor, telegram_id, role)
    async with store.transaction() as tx:
        revoked = await tx.grants.revoke(
            person.id, role, code, revoked_by=authority.user_id, via=authority.via
        )
        now = (clock or SystemClock()).now()
        for grant in revoked:
            await _record(tx, authority, "role.revoke", person.id, role, grant.region_code)
            if role == Role.COMMISSAR and grant.region_code is not None:
                await tips.return_assignments(tx, person.id, grant.region_code, now)
    return RoleChange(
        person, role, tuple(grant.region_code for grant in revoked), changed=bool(revoked)
    )


def refuse_own_coordinator_role(actor: Actor, telegram_id: int, role: Role) -> None:
    """A coordinator may not take their own coordinator role away (someone must remain)."""
    if actor.telegram_id == telegram_id and role == Role.COORDINATOR:
        raise InvalidInput("error-revoke-self")


async def list_staff(store: Store, actor: Actor) -> list[StaffEntry]:
    require(actor, Permission.VIEW_STAFF)
    return await store.grants.staff()


async def grants_of(store: Store, actor: Actor, telegram_id: int) -> list[tuple[Role, str | None]]:
    """The volunteer roles a person holds, for a coordinator choosing what to revoke."""
    require(actor, Permission.MANAGE_ROLES)
    person = await store.users.by_telegram_id(telegram_id)
    if person is None:
        return []
    return [(Role(grant.role), grant.region_code) for grant in person.grants]
