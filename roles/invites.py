"""Invitations into a role: a coordinator makes a deep link that grants the role to whoever opens
it (once or N times, until it expires); opening it grants through the same audited path as
/grant and installs the new menu."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from db.invites import ActiveInvite, InviteRow
from db.store import Store
from roles import people, staff
from roles.clock import Clock
from roles.errors import DomainError, InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, Role, parse_role, permits_nationwide, require

PREFIX = "inv_"
"""What starts an invitation's /start payload (Telegram allows A-Z a-z 0-9 _ - up to 64)."""
CODE = re.compile(r"^inv_([A-Za-z0-9_-]{22})$")
MAX_USES = 500
LIFETIMES = (timedelta(days=1), timedelta(days=7), timedelta(days=30))
FAILURE_TRIES = 5
FAILURE_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class NewInvite:
    invite: InviteRow
    payload: str
    """The /start payload: shown once, in the link, and never stored."""


@dataclass(frozen=True)
class Redeemed:
    invite: InviteRow
    role: Role
    region_code: str | None


def _hash(payload: str) -> bytes:
    return hashlib.sha256(payload.encode()).digest()


def is_invitation(payload: str) -> bool:
    return payload.startswith(PREFIX)


def parse_uses(text: str) -> int:
    value = text.strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_USES:
        raise InvalidInput("error-invite-uses", most=MAX_USES)
    return int(value)


def parse_lifetime(days: int) -> timedelta:
    lifetime = timedelta(days=days)
    if lifetime not in LIFETIMES:
        raise InvalidInput("error-invalid-input")
    return lifetime


def inviting_regions(actor: Actor) -> tuple[str, ...] | None:
    """The regions this coordinator may invite into; None: every region and nationwide."""
    require(actor, Permission.MANAGE_INVITES)
    if permits_nationwide(actor, Permission.MANAGE_INVITES):
        return None
    return actor.regions_of(Role.COORDINATOR)


def _require_scope(actor: Actor, region_code: str | None) -> None:
    regions = inviting_regions(actor)
    if regions is not None and region_code not in regions:
        raise NotAllowed("error-invite-region")


async def target_region(
    store: Store, actor: Actor, role: Role, region_code: str | None
) -> str | None:
    """The region an invitation into `role` names (None: nationwide), if this coordinator may
    invite there."""
    region = await staff.region_for(store, role, region_code)
    code = region.code if region else None
    _require_scope(actor, code)
    return code


async def create(
    store: Store,
    actor: Actor,
    role_name: str,
    region_code: str | None,
    uses: int,
    lifetime: timedelta,
    clock: Clock,
) -> NewInvite:
    role = parse_role(role_name)
    code = await target_region(store, actor, role, region_code)
    if not 1 <= uses <= MAX_USES:
        raise InvalidInput("error-invite-uses", most=MAX_USES)
    parse_lifetime(lifetime.days)
    payload = PREFIX + secrets.token_urlsafe(16)
    now = clock.now()
    async with store.transaction() as tx:
        invite = await tx.invites.add(
            _hash(payload), role, code, uses, now + lifetime, actor.user_id, now
        )
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="invite.created",
            object_type="invite",
            object_id=str(invite.id),
            details={
                "role": str(role),
                "region": code,
                "uses": uses,
                "days": lifetime.days,
            },
            at=now,
        )
    return NewInvite(invite, payload)


async def active(store: Store, actor: Actor, clock: Clock) -> list[ActiveInvite]:
    return await store.invites.active(clock.now(), inviting_regions(actor))


async def revoke(store: Store, actor: Actor, invite_id: int, clock: Clock) -> InviteRow:
    found = await store.invites.by_id(invite_id)
    if found is None:
        raise NotFound("error-invite-not-found")
    _require_scope(actor, found.region_code)
    now = clock.now()
    async with store.transaction() as tx:
        if not await tx.invites.revoke(invite_id, actor.user_id, now):
            raise InvalidInput("error-invite-already-revoked")
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="invite.revoked",
            object_type="invite",
            object_id=str(invite_id),
            details={"role": found.role, "region": found.region_code},
            at=now,
        )
    return found


async def _creator_still_may_invite(store: Store, invite: InviteRow) -> bool:
    """An invitation speaks for its coordinator: it stops working when they no longer could
    make it (role revoked, account blocked, region left)."""
    creator = await store.users.by_id(invite.created_by)
    if creator is None:
        return False
    try:
        _require_scope(people.actor_from(creator), invite.region_code)
    except DomainError:
        return False
    return True


async def redeem(store: Store, actor: Actor, payload: str, clock: Clock) -> Redeemed:
    """Open an invitation: one use, one grant, in one transaction under the invitation's row
    lock. Codes that do not open count against the account, which waits after a few."""
    now = clock.now()
    failures = await store.invites.failures_since(actor.user_id, now - FAILURE_WINDOW)
    if len(failures) >= FAILURE_TRIES:
        wait = failures[-FAILURE_TRIES] + FAILURE_WINDOW - now
        raise NotAllowed("error-invite-wait", minutes=max(1, -(-int(wait.total_seconds()) // 60)))
    refusal: str | None = None
    async with store.transaction() as tx:
        invite = await tx.invites.lock_by_hash(_hash(payload)) if CODE.match(payload) else None
        if invite is None:
            refusal = "error-invite-invalid"
        elif invite.revoked_at is not None:
            refusal = "error-invite-revoked"
        elif invite.expires_at <= now:
            refusal = "error-invite-expired"
        elif invite.uses_left <= 0:
            refusal = "error-invite-used"
        elif not await _creator_still_may_invite(tx, invite):
            refusal = "error-invite-revoked"
        else:
            role = Role(invite.role)
            authority = staff.Authority.invitation(invite.created_by)
            if not await tx.invites.redeem(invite.id, actor.user_id, now):
                raise InvalidInput("error-invite-opened-before")
            if not await staff.add_grant(
                tx, authority, actor.user_id, role, invite.region_code, invite=invite.id
            ):
                raise InvalidInput("error-invite-already-held")
            await tx.audit.write(
                actor_kind="user",
                actor_user_id=actor.user_id,
                action="invite.redeemed",
                object_type="invite",
                object_id=str(invite.id),
                details={"role": invite.role, "region": invite.region_code},
                at=now,
            )
            return Redeemed(invite, role, invite.region_code)
    await store.invites.add_failure(actor.user_id, now)
    raise NotFound(refusal)
