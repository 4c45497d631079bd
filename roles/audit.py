"""Coordinators read the audit log: newest first, a page at a time, narrowed by person, action or
period. Reading it is itself audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from db.audit import AuditFilter, AuditLine
from db.store import Store
from db.users import UserRow
from roles import staff
from roles.clock import Clock
from roles.errors import InvalidInput, NotFound
from roles.model import Actor, Permission, require_nationwide
from roles.tips import parse_date

PER_PAGE = 10
LONGEST_PERIOD = timedelta(days=3660)


@dataclass(frozen=True)
class AuditPage:
    lines: list[AuditLine]
    total: int
    page: int


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """From the first day's local midnight up to (not including) the day after the last."""
        since = datetime.combine(self.first, time(), zone)
        until = datetime.combine(self.last + timedelta(days=1), time(), zone)
        return since, until


def parse_period(text: str | None) -> Period:
    """'01.11.2026–30.11.2026' (any dash, spaces allowed), or one day."""
    parts = list(re.split(r"\s*[–—-]\s*(?=\d{1,2}[./]|\d{4}-)", (text or "").strip()))
    if not 1 <= len(parts) <= 2 or not parts[0]:
        raise InvalidInput("error-audit-period")
    first = parse_date(parts[0], "error-audit-period")
    last = parse_date(parts[-1], "error-audit-period")
    if last < first or last - first > LONGEST_PERIOD:
        raise InvalidInput("error-audit-period")
    return Period(first, last)


def period_of_days(first: int, last: int) -> Period | None:
    """The period two day numbers (`date.toordinal`, from a button) name; 0 and 0: none."""
    if first == last == 0:
        return None
    try:
        period = Period(date.fromordinal(first), date.fromordinal(last))
    except (ValueError, OverflowError):
        raise InvalidInput("error-audit-period") from None
    if period.last < period.first or period.last - period.first > LONGEST_PERIOD:
        raise InvalidInput("error-audit-period")
    return period


async def person_filter(store: Store, actor: Actor, reference: str) -> int:
    """The user id of the person a coordinator named, to see what they did."""
    require_nationwide(actor, Permission.READ_AUDIT)
    found = await staff.find_person(store, reference)
    if found.known is None:
        raise NotFound("error-block-unknown", reference=reference.strip())
    return found.known.id


async def person(store: Store, actor: Actor, user_id: int) -> UserRow | None:
    require_nationwide(actor, Permission.READ_AUDIT)
    return await store.users.by_id(user_id)


async def read(
    store: Store, actor: Actor, where: AuditFilter, page: int, clock: Clock
) -> AuditPage:
    require_nationwide(actor, Permission.READ_AUDIT)
    page = max(0, page)
    async with store.transaction() as tx:
        lines, total = await tx.audit_reader.page(where, page * PER_PAGE, PER_PAGE)
        if not lines and page > 0:
            page = max(0, (total - 1) // PER_PAGE)
            lines, total = await tx.audit_reader.page(where, page * PER_PAGE, PER_PAGE)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="audit.viewed",
            details={
                "page": page,
                "person": where.actor_user_id,
                "action": where.action,
                "since": where.since.isoformat() if where.since else None,
                "until": where.until.isoformat() if where.until else None,
            },
            at=clock.now(),
        )
    return AuditPage(lines, total, page)


async def actions(store: Store, actor: Actor) -> list[str]:
    require_nationwide(actor, Permission.READ_AUDIT)
    return await store.audit_reader.actions()
