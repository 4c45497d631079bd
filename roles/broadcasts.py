"""Broadcasts by ombudsmen and coordinators: one message of the author's chat copied to an
audience (all subscribers, a role, a region, or a role in a region), now or at a chosen time,
optionally with an "Acknowledge" button whose presses the author can count.

A regional grant broadcasts only within its region(s)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from db.broadcasts import Broadcast, Progress
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, Role, regions_permitted, require
from roles.tips import parse_moment

CONTENT_KINDS = ("text", "photo", "video", "document")
AUDIENCE_ROLES: tuple[Role, ...] = (
    Role.COMMISSAR,
    Role.AMBASSADOR,
    Role.OMBUDSMAN,
    Role.COORDINATOR,
)
SCHEDULE_AHEAD = timedelta(days=60)
RECENT = 10
PREVIEW = 0
"""The broadcast number on the buttons of a preview."""


@dataclass(frozen=True)
class Audience:
    role: Role | None = None
    region: str | None = None


@dataclass(frozen=True)
class BroadcastDraft:
    """What the author composed: a message of their chat and whom it goes to."""

    source_chat_id: int
    source_message_id: int
    content_kind: str
    audience: Audience
    with_acknowledge: bool = False


@dataclass(frozen=True)
class BroadcastReport:
    broadcast: Broadcast
    progress: Progress


def broadcast_regions(actor: Actor) -> tuple[str, ...] | None:
    """The regions this person may broadcast to; None when they may broadcast nationwide."""
    require(actor, Permission.BROADCAST)
    return regions_permitted(actor, Permission.BROADCAST)


def check_audience(actor: Actor, audience: Audience) -> Audience:
    if audience.role is not None and audience.role not in AUDIENCE_ROLES:
        raise InvalidInput("error-broadcast-audience")
    regions = broadcast_regions(actor)
    if regions is not None and audience.region not in regions:
        raise NotAllowed("error-broadcast-region")
    return audience


async def audience_size(store: Store, actor: Actor, audience: Audience) -> int:
    check_audience(actor, audience)
    if audience.region is not None and await store.catalog.region(audience.region) is None:
        raise InvalidInput("error-broadcast-audience")
    return await store.broadcasts.audience_size(
        audience.role.value if audience.role else None, audience.region, actor.user_id
    )


def check_send_time(text: str | None, zone: ZoneInfo, now: datetime) -> datetime:
    """A local time typed as 31.12.2026 15:30, later than now and within two months."""
    send_at = parse_moment(text, zone, "error-broadcast-time")
    if not now < send_at <= now + SCHEDULE_AHEAD:
        raise InvalidInput("error-broadcast-time-range")
    return send_at


async def confirm(
    store: Store,
    actor: Actor,
    draft: BroadcastDraft,
    clock: Clock,
    *,
    send_at: datetime | None = None,
) -> Broadcast:
    """Write the broadcast and one delivery row per recipient in one transaction; the sender
    starts at once (or at `send_at`)."""
    if draft.content_kind not in CONTENT_KINDS:
        raise InvalidInput("error-broadcast-content")
    audience = check_audience(actor, draft.audience)
    now = clock.now()
    async with store.transaction() as tx:
        broadcast = await tx.broadcasts.create(
            author_user_id=actor.user_id,
            source_chat_id=draft.source_chat_id,
            source_message_id=draft.source_message_id,
            content_kind=draft.content_kind,
            role=audience.role.value if audience.role else None,
            region=audience.region,
            with_acknowledge=draft.with_acknowledge,
            now=now,
            send_at=send_at or now,
        )
        if broadcast is None:
            raise InvalidInput("error-broadcast-already-sent")
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="broadcast.scheduled" if broadcast.status == "scheduled" else "broadcast.sent",
            object_type="broadcast",
            object_id=str(broadcast.id),
            details={
                "role": broadcast.audience_role,
                "region": broadcast.audience_region,
                "recipients": broadcast.recipients,
                "send_at": broadcast.send_at.isoformat(timespec="minutes"),
                "acknowledge": broadcast.with_acknowledge,
            },
            at=now,
        )
    return broadcast


def _coordinator_over(actor: Actor, region: str | None) -> bool:
    """A coordinator for `region`, or (with no region: a nationwide audience) for the whole
    country."""
    return not actor.blocked and any(
        grant.role == Role.COORDINATOR and grant.region_code in (None, region)
        for grant in actor.grants
    )


async def _own_broadcast(store: Store, actor: Actor, broadcast_id: int) -> Broadcast:
    """A broadcast its author, or a coordinator, may look at and stop."""
    broadcast = await store.broadcasts.get(broadcast_id)
    if broadcast is None:
        raise NotFound("error-broadcast-unknown")
    if broadcast.author_user_id != actor.user_id and not _coordinator_over(
        actor, broadcast.audience_region
    ):
        raise NotAllowed("error-broadcast-not-yours")
    return broadcast


async def cancel(store: Store, actor: Actor, broadcast_id: int, clock: Clock) -> Progress:
    require(actor, Permission.BROADCAST)
    now = clock.now()
    async with store.transaction() as tx:
        await _own_broadcast(tx, actor, broadcast_id)
        if not await tx.broadcasts.cancel(broadcast_id, now):
            raise InvalidInput("error-broadcast-finished")
        progress = await tx.broadcasts.progress(broadcast_id)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="broadcast.cancelled",
            object_type="broadcast",
            object_id=str(broadcast_id),
            details={"sent": progress.delivered, "cancelled": progress.cancelled},
            at=now,
        )
    return progress


async def report(store: Store, actor: Actor, broadcast_id: int) -> BroadcastReport:
    require(actor, Permission.BROADCAST)
    broadcast = await _own_broadcast(store, actor, broadcast_id)
    return BroadcastReport(broadcast, await store.broadcasts.progress(broadcast_id))


async def recent(store: Store, actor: Actor) -> list[BroadcastReport]:
    """The newest broadcasts: one's own, or everyone's for a coordinator of the whole country."""
    require(actor, Permission.BROADCAST)
    author = None if _coordinator_over(actor, None) else actor.user_id
    return [
        BroadcastReport(broadcast, await store.broadcasts.progress(broadcast.id))
        for broadcast in await store.broadcasts.recent(author, RECENT)
    ]


async def acknowledge(store: Store, actor: Actor, broadcast_id: int, clock: Clock) -> bool:
    """A recipient confirms reading; True the first time. Anyone else's press is refused."""
    if broadcast_id == PREVIEW:
        raise InvalidInput("error-broadcast-preview")
    fresh = await store.broadcasts.acknowledge(broadcast_id, actor.user_id, clock.now())
    if fresh is None:
        raise NotFound("error-broadcast-unknown")
    return fresh
