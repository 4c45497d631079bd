"""The role model: roles, what each may do, and the one access check everything uses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from roles.errors import InvalidInput, NotAllowed

Language = Literal["ru", "kk", "en"]
LANGUAGES: tuple[Language, ...] = ("ru", "kk", "en")


class Role(StrEnum):
    CITIZEN = "citizen"
    COMMISSAR = "commissar"
    AMBASSADOR = "ambassador"
    OMBUDSMAN = "ombudsman"
    COORDINATOR = "coordinator"


GRANTABLE_ROLES: tuple[Role, ...] = (
    Role.COMMISSAR,
    Role.AMBASSADOR,
    Role.OMBUDSMAN,
    Role.COORDINATOR,
)
"""Roles kept as grants; citizen is everyone's and is never stored."""

REGION_BOUND_ROLES: frozenset[Role] = frozenset({Role.COMMISSAR})
"""Roles that always belong to a region."""


class Permission(StrEnum):
    CHOOSE_HOME_REGION = "choose_home_region"
    SEND_TIPS = "send_tips"
    SUBSCRIBE = "subscribe"
    HANDLE_TIPS = "handle_tips"
    SUPERVISE_TIPS = "supervise_tips"
    RECORD_FIELDWORK = "record_fieldwork"
    HOLD_RECEPTIONS = "hold_receptions"
    BOOK_RECEPTIONS = "book_receptions"
    SEE_OWN_REGIONS = "see_own_regions"
    VIEW_STATISTICS = "view_statistics"
    MANAGE_ROLES = "manage_roles"
    VIEW_STAFF = "view_staff"
    BROADCAST = "broadcast"
    MANAGE_INVITES = "manage_invites"
    MODERATE_USERS = "moderate_users"
    MANAGE_CATALOG = "manage_catalog"
    READ_AUDIT = "read_audit"
    KEEP_RISK_REGISTER = "keep_risk_register"
    WRITE_APPEALS = "write_appeals"
    EXPORT_DATA = "export_data"


ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.CITIZEN: frozenset(
        {
            Permission.CHOOSE_HOME_REGION,
            Permission.SEND_TIPS,
            Permission.SUBSCRIBE,
            Permission.BOOK_RECEPTIONS,
        }
    ),
    Role.COMMISSAR: frozenset(
        {
            Permission.SEE_OWN_REGIONS,
            Permission.HANDLE_TIPS,
            Permission.RECORD_FIELDWORK,
            Permission.HOLD_RECEPTIONS,
        }
    ),
    Role.AMBASSADOR: frozenset(
        {
            Permission.VIEW_STATISTICS,
            Permission.KEEP_RISK_REGISTER,
            Permission.WRITE_APPEALS,
            Permission.EXPORT_DATA,
        }
    ),
    Role.OMBUDSMAN: frozenset(
        {Permission.VIEW_STATISTICS, Permission.EXPORT_DATA, Permission.BROADCAST}
    ),
    Role.COORDINATOR: frozenset(
        {
            Permission.VIEW_STATISTICS,
            Permission.MANAGE_ROLES,
            Permission.VIEW_STAFF,
            Permission.SUPERVISE_TIPS,
            Permission.BROADCAST,
            Permission.MANAGE_INVITES,
            Permission.MODERATE_USERS,
            Permission.MANAGE_CATALOG,
            Permission.READ_AUDIT,
            Permission.EXPORT_DATA,
        }
    ),
}


@dataclass(frozen=True)
class Grant:
    role: Role
    region_code: str | None = None


EVERYONE = Grant(Role.CITIZEN)


@dataclass(frozen=True)
class Actor:
    """The person behind an update, as the workflows see them."""

    user_id: int
    telegram_id: int
    language: Language | None
    region_code: str | None
    blocked: bool
    grants: tuple[Grant, ...]
    subscribed: bool = False
    subscription_region: str | None = None

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset({Role.CITIZEN, *(grant.role for grant in self.grants)})

    def regions_of(self, role: Role) -> tuple[str, ...]:
        """The regions where this person holds `role` (empty for nationwide grants)."""
        return tuple(
            sorted(
                grant.region_code
                for grant in self.grants
                if grant.role == role and grant.region_code is not None
            )
        )


def permits(actor: Actor, need: Role | Permission, region: str | None = None) -> bool:
    """The one access check, asked by the routers' filters and by the workflows.

    `need` is a role to hold or a permission one of the actor's roles carries. With `region`,
    the grant must be nationwide or for that region."""
    if actor.blocked:
        return False
    for grant in (EVERYONE, *actor.grants):
        if isinstance(need, Permission):
            holds = need in ROLE_PERMISSIONS[grant.role]
        else:
            holds = grant.role == need
        if holds and (region is None or grant.region_code in (None, region)):
            return True
    return False


def regions_permitted(actor: Actor, need: Permission) -> tuple[str, ...] | None:
    """Where the actor may use `need`: None for the whole country, else the regions of their
    grants that carry it (empty when none does)."""
    if actor.blocked:
        return ()
    regions: set[str] = set()
    for grant in (EVERYONE, *actor.grants):
        if need in ROLE_PERMISSIONS[grant.role]:
            if grant.region_code is None:
                return None
            regions.add(grant.region_code)
    return tuple(sorted(regions))


def require(actor: Actor, need: Role | Permission, region: str | None = None) -> None:
    if not permits(actor, need, region):
        raise NotAllowed(need=str(need))


def permits_nationwide(actor: Actor, need: Permission) -> bool:
    """Whether the actor holds `need` through a nationwide grant (not only for some regions)."""
    return not actor.blocked and any(
        grant.region_code is None and need in ROLE_PERMISSIONS[grant.role] for grant in actor.grants
    )


def require_nationwide(actor: Actor, need: Permission) -> None:
    if not permits_nationwide(actor, need):
        raise NotAllowed("error-nationwide-only")


def parse_role(value: str) -> Role:
    """A grantable role from what a person typed ("commissar", "Commissar")."""
    try:
        role = Role(value.strip().lower())
    except ValueError:
        raise InvalidInput("error-unknown-role", role=value) from None
    if role not in GRANTABLE_ROLES:
        raise InvalidInput("error-unknown-role", role=value)
    return role


def resolve_language(
    chosen: str | None, telegram_language: str | None, default: Language
) -> Language:
    """The person's own choice, else their Telegram app's language if we speak it, else the
    default."""
    for candidate in (chosen, (telegram_language or "")[:2].lower()):
        for language in LANGUAGES:
            if candidate == language:
                return language
    return default


def roles_in_order(roles: Iterable[Role]) -> list[Role]:
    present = set(roles)
    return [role for role in Role if role in present]
