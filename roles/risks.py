"""Ambassadors' risk picture and their register of pain points and corruption risks.

An ambassador with a regional grant sees and keeps only that region's figures and entries.
What an ambassador reads of a tip is its number, category, region, body and status: never
anything that could lead to its tipster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

from db.appeals import AppealRow
from db.fieldwork import ViolationRow
from db.risks import EntryRow, LinkedTip, NewEntry, RiskPicture
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, permits, regions_permitted
from roles.tips import KeptInConversation, check_choice, one_line, within

PICTURE_DAYS = (30, 90, 365)
ENTRY_KINDS = ("pain_point", "corruption_risk")
LEVELS = ("low", "medium", "high", "critical")
ENTRY_STATUSES = ("open", "appeal_sent", "answered", "closed")
ENTRY_BODY_LIMITS = (2, 200)
ENTRY_DESCRIPTION_LIMITS = (10, 2000)
DRILL_LIMIT = 30


def scope(actor: Actor, need: Permission) -> list[str] | None:
    """The regions whose records the actor may see for `need` (None: the whole country)."""
    regions = regions_permitted(actor, need)
    if regions is None:
        return None
    if not regions:
        raise NotAllowed(need=str(need))
    return list(regions)


@dataclass(frozen=True)
class Period:
    """Calendar days from `first` to `last`, both included, in the bot's time zone."""

    first: date
    last: date

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        since = datetime.combine(self.first, time(0), tzinfo=zone)
        until = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=zone)
        return since, until

    def text(self) -> str:
        return f"{self.first:%d.%m.%Y}–{self.last:%d.%m.%Y}"


@dataclass(frozen=True)
class PictureView:
    period: Period
    picture: RiskPicture


def _picture_period(days: int, zone: ZoneInfo, clock: Clock) -> Period:
    if days not in PICTURE_DAYS:
        raise InvalidInput()
    return Period.last_days(days, clock.now().astimezone(zone).date())


async def risk_picture(
    store: Store, actor: Actor, days: int, zone: ZoneInfo, clock: Clock
) -> PictureView:
    regions = scope(actor, Permission.KEEP_RISK_REGISTER)
    period = _picture_period(days, zone, clock)
    since, until = period.bounds(zone)
    previous_since, _ = period.previous().bounds(zone)
    picture = await store.risks.picture(regions, since, until, previous_since, zone.key)
    return PictureView(period, picture)


async def violations_behind(
    store: Store,
    actor: Actor,
    days: int,
    zone: ZoneInfo,
    clock: Clock,
    *,
    region_code: str | None = None,
    body_rank: int | None = None,
) -> tuple[str | None, list[ViolationRow]]:
    """The violations behind a region's number or behind the `body_rank`-th body of the
    picture (as the same picture lists them now), with that body's name."""
    regions = scope(actor, Permission.KEEP_RISK_REGISTER)
    period = _picture_period(days, zone, clock)
    since, until = period.bounds(zone)
    body_key = body_name = None
    if region_code is not None:
        if not permits(actor, Permission.KEEP_RISK_REGISTER, region_code):
            raise NotFound("error-risk-nothing-behind")
    elif body_rank is not None:
        view = await risk_picture(store, actor, days, zone, clock)
        if not 0 <= body_rank < len(view.picture.by_body):
            raise NotFound("error-risk-nothing-behind")
        body_key = view.picture.by_body[body_rank].key
        body_name = view.picture.by_body[body_rank].body
    else:
        raise InvalidInput()
    violations = await store.risks.violations_behind(
        regions, since, until, region_code=region_code, body=body_key, limit=DRILL_LIMIT
    )
    return body_name, violations


# ------------------------------------------------------------------ the register


@dataclass
class EntryDraft(KeptInConversation):
    data_key: ClassVar[str] = "entry"

    region: str | None = None
    body: str | None = None
    kind: str | None = None
    level: str | None = None


def check_entry_body(text: str | None) -> str:
    return within(one_line(text), ENTRY_BODY_LIMITS, "error-entry-body")


def check_entry_description(text: str | None) -> str:
    return within((text or "").strip(), ENTRY_DESCRIPTION_LIMITS, "error-entry-description")


def register_regions(actor: Actor) -> list[str] | None:
    return scope(actor, Permission.KEEP_RISK_REGISTER)


def check_entry_region(actor: Actor, code: str) -> str:
    if not permits(actor, Permission.KEEP_RISK_REGISTER, code):
        raise InvalidInput("error-unknown-region", region=code)
    return code


async def create_entry(
    store: Store, actor: Actor, draft: EntryDraft, description: str, clock: Clock
) -> int:
    if draft.region is None or draft.body is None or draft.kind is None or draft.level is None:
        raise InvalidInput()
    region = check_entry_region(actor, draft.region)
    if await store.catalog.region(region) is None:
        raise InvalidInput("error-unknown-region", region=region)
    entry = NewEntry(
        region_code=region,
        body=check_entry_body(draft.body),
        description=check_entry_description(description),
        kind=check_choice(draft.kind, ENTRY_KINDS),
        level=check_choice(draft.level, LEVELS),
    )
    now = clock.now()
    async with store.transaction() as tx:
        entry_id = await tx.risks.add_entry(entry, actor.user_id, now)
        await _audit(tx, actor, "risk.created", entry_id, now, region=region, kind=entry.kind)
    return entry_id


async def _audit(
    tx: Store, actor: Actor, action: str, entry_id: int, now: datetime, **details: object
) -> None:
    await tx.audit.write(
        actor_kind="user",
        actor_user_id=actor.user_id,
        action=action,
        object_type="risk_entry",
        object_id=str(entry_id),
        details=dict(details),
        at=now,
    )


@dataclass(frozen=True)
class EntryView:
    entry: EntryRow
    violations: list[ViolationRow]
    tips: list[LinkedTip]
    appeals: list[AppealRow] = field(default_factory=list)


async def kept_entry(store: Store, actor: Actor, entry_id: int) -> EntryRow:
    """An entry of the actor's regions; any other is "not found", whether it exists or not."""
    entry = await store.risks.entry(entry_id)
    if entry is None or not permits(actor, Permission.KEEP_RISK_REGISTER, entry.region_code):
        raise NotFound("error-entry-not-found", number=entry_id)
    return entry


async def entry_view(store: Store, actor: Actor, entry_id: int) -> EntryView:
    entry = await kept_entry(store, actor, entry_id)
    return EntryView(
        entry,
        await store.risks.linked_violations(entry_id),
        await store.risks.linked_tips(entry_id),
        await store.appeals.of_entry(entry_id),
    )


async def entries(
    store: Store, actor: Actor, *, page: int, per_page: int
) -> tuple[list[EntryRow], int]:
    regions = register_regions(actor)
    return await store.risks.entries(regions, offset=page * per_page, limit=per_page)


def _open_for_links(entry: EntryRow) -> None:
    if entry.status == "closed":
        raise InvalidInput("error-entry-closed", number=entry.id)


LINK_SUGGESTIONS = 8


async def violations_to_link(store: Store, actor: Actor, entry_id: int) -> list[ViolationRow]:
    """The region's violations not linked to the entry yet, those of the entry's body first."""
    entry = await kept_entry(store, actor, entry_id)
    _open_for_links(entry)
    return await store.risks.unlinked_violations(
        entry.id, entry.region_code, entry.body, LINK_SUGGESTIONS
    )


async def tips_to_link(store: Store, actor: Actor, entry_id: int) -> list[LinkedTip]:
    """The region's tips passed to ambassadors and not linked to the entry yet."""
    entry = await kept_entry(store, actor, entry_id)
    _open_for_links(entry)
    return await store.risks.passed_tips(entry.id, entry.region_code, LINK_SUGGESTIONS)


def parse_number(text: str | None, error_key: str) -> int:
    value = (text or "").strip().lstrip("#")
    if not value.isdigit() or len(value) > 12:
        raise InvalidInput(error_key)
    return int(value)


async def link_violation(
    store: Store, actor: Actor, entry_id: int, violation_id: int, clock: Clock
) -> bool:
    """Link a violation of the entry's region (the entry is one of the actor's regions); False
    when it was linked already."""
    now = clock.now()
    async with store.transaction() as tx:
        entry = await kept_entry(tx, actor, entry_id)
        _open_for_links(entry)
        violation = await tx.fieldwork.violation(violation_id)
        if violation is None or violation.region_code != entry.region_code:
            raise NotFound("error-entry-violation-not-found", number=violation_id)
        linked = await tx.risks.link_violation(entry_id, violation_id, actor.user_id, now)
        if linked:
            await _audit(tx, actor, "risk.violation_linked", entry_id, now, violation=violation_id)
    return linked


async def link_tip(store: Store, actor: Actor, entry_id: int, tip_id: int, clock: Clock) -> bool:
    """Link a tip of the entry's region (not a withdrawn one); False when linked already."""
    now = clock.now()
    async with store.transaction() as tx:
        entry = await kept_entry(tx, actor, entry_id)
        _open_for_links(entry)
        tip = await tx.risks.tip(tip_id)
        if tip is None or tip.status == "withdrawn" or tip.region_code != entry.region_code:
            raise NotFound("error-entry-tip-not-found", number=tip_id)
        linked = await tx.risks.link_tip(entry_id, tip_id, actor.user_id, now)
        if linked:
            await _audit(tx, actor, "risk.tip_linked", entry_id, now, tip=tip_id)
    return linked


async def close_entry(store: Store, actor: Actor, entry_id: int, clock: Clock) -> None:
    now = clock.now()
    async with store.transaction() as tx:
        await kept_entry(tx, actor, entry_id)
        if not await tx.risks.set_status(
            entry_id, "closed", now, allowed_from=("open", "appeal_sent", "answered")
        ):
            raise InvalidInput("error-entry-closed", number=entry_id)
        await _audit(tx, actor, "risk.closed", entry_id, now)
