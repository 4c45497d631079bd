"""Citizen receptions: a commissar publishes slots (when, where, how many people), citizens of
the slot's region book them, either side can cancel, and both are reminded the day before and an
hour before."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from db.receptions import BookingRow, SlotRow
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput, NotFound
from roles.model import Actor, Permission, Role, require
from roles.tips import TipRules, one_line, parse_moment, within

PLACE_LIMITS = (3, 300)
CAPACITY_LIMITS = (1, 100)
BOOK_AHEAD = timedelta(days=366)
REMINDERS = (("reception_day", timedelta(days=1)), ("reception_hour", timedelta(hours=1)))


def check_start(text: str | None, rules: TipRules, now: datetime) -> datetime:
    """A local date and time typed as 31.12.2026 15:30; in the future, up to a year ahead."""
    starts = parse_moment(text, rules.zone, "error-reception-time")
    if not now < starts <= now + BOOK_AHEAD:
        raise InvalidInput("error-reception-time-range")
    return starts


def check_place(text: str | None) -> str:
    return within(one_line(text), PLACE_LIMITS, "error-reception-place")


def check_capacity(text: str | None) -> int:
    value = (text or "").strip()
    low, high = CAPACITY_LIMITS
    if not re.fullmatch(r"[0-9]{1,3}", value) or not low <= int(value) <= high:
        raise InvalidInput("error-reception-capacity", minimum=low, maximum=high)
    return int(value)


def reception_regions(actor: Actor) -> tuple[str, ...]:
    require(actor, Permission.HOLD_RECEPTIONS)
    return actor.regions_of(Role.COMMISSAR)


async def _remind(
    tx: Store, starts_at: datetime, now: datetime, *, user_id: int, slot_id: int,
    booking_id: int | None = None,
) -> None:  # fmt: skip
    """The day-before and hour-before reminders still ahead."""
    for kind, before in REMINDERS:
        if starts_at - before > now:
            await tx.reminders.add(
                kind, starts_at - before, now, user_id=user_id, slot_id=slot_id,
                booking_id=booking_id,
            )  # fmt: skip


async def publish_slot(
    store: Store,
    actor: Actor,
    *,
    region: str,
    starts_at: datetime,
    place: str,
    capacity: int,
    clock: Clock,
) -> int:
    require(actor, Permission.HOLD_RECEPTIONS, region)
    now = clock.now()
    if starts_at <= now:
        raise InvalidInput("error-reception-time-range")
    async with store.transaction() as tx:
        slot_id = await tx.receptions.add_slot(
            actor.user_id, region, starts_at, check_place(place), capacity, now
        )
        await _remind(tx, starts_at, now, user_id=actor.user_id, slot_id=slot_id)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="reception.published",
            object_type="reception",
            object_id=str(slot_id),
            details={"region": region, "capacity": capacity},
            at=now,
        )
    return slot_id


async def my_slots(store: Store, actor: Actor, clock: Clock) -> list[SlotRow]:
    require(actor, Permission.HOLD_RECEPTIONS)
    return await store.receptions.slots_of(actor.user_id, clock.now())


async def own_slot(store: Store, actor: Actor, slot_id: int) -> SlotRow:
    """One's own reception slot (before asking whether to cancel it)."""
    require(actor, Permission.HOLD_RECEPTIONS)
    slot = await store.receptions.slot(slot_id)
    if slot is None or slot.commissar_user_id != actor.user_id:
        raise NotFound("error-reception-not-found")
    return slot


async def cancel_slot(store: Store, actor: Actor, slot_id: int, clock: Clock) -> int:
    """Cancel one's own slot; its citizens are told. Returns how many had booked."""
    require(actor, Permission.HOLD_RECEPTIONS)
    now = clock.now()
    async with store.transaction() as tx:
        slot = await tx.receptions.slot(slot_id, lock=True)
        if slot is None or slot.commissar_user_id != actor.user_id:
            raise NotFound("error-reception-not-found")
        if slot.cancelled_at is not None:
            raise InvalidInput("error-reception-cancelled")
        citizens = await tx.receptions.cancel_slot(slot_id, actor.user_id, now)
        await tx.reminders.cancel(now, slot_id=slot_id)
        for citizen in citizens:
            await tx.outbox.put(citizen, "reception_cancelled", {"slot": slot_id}, now)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="reception.cancelled",
            object_type="reception",
            object_id=str(slot_id),
            details={"bookings": len(citizens)},
            at=now,
        )
    return len(citizens)


def _home_region(actor: Actor) -> str:
    require(actor, Permission.BOOK_RECEPTIONS)
    if actor.region_code is None:
        raise InvalidInput("error-reception-no-region")
    return actor.region_code


async def open_slots(store: Store, actor: Actor, clock: Clock) -> list[SlotRow]:
    """Upcoming receptions in the citizen's home region."""
    return await store.receptions.open_slots(_home_region(actor), clock.now())


async def book(store: Store, actor: Actor, slot_id: int, clock: Clock) -> SlotRow:
    """Book a place; the slot's row is locked so that its last place goes to one person."""
    region = _home_region(actor)
    now = clock.now()
    async with store.transaction() as tx:
        slot = await tx.receptions.slot(slot_id, lock=True)
        if slot is None or slot.region_code != region:
            raise NotFound("error-reception-not-found")
        if slot.cancelled_at is not None:
            raise InvalidInput("error-reception-cancelled")
        if slot.starts_at <= now:
            raise InvalidInput("error-reception-past")
        if slot.booked >= slot.capacity:
            raise InvalidInput("error-reception-full")
        booking_id = await tx.receptions.book(slot_id, actor.user_id, now)
        if booking_id is None:
            raise InvalidInput("error-reception-booked-already")
        await _remind(
            tx, slot.starts_at, now, user_id=actor.user_id, slot_id=slot_id, booking_id=booking_id
        )
    return slot


async def my_bookings(store: Store, actor: Actor, clock: Clock) -> list[BookingRow]:
    require(actor, Permission.BOOK_RECEPTIONS)
    return await store.receptions.bookings_of(actor.user_id, clock.now())


async def cancel_booking(store: Store, actor: Actor, booking_id: int, clock: Clock) -> None:
    require(actor, Permission.BOOK_RECEPTIONS)
    now = clock.now()
    async with store.transaction() as tx:
        booking = await tx.receptions.booking(booking_id)
        if booking is None or booking.citizen_user_id != actor.user_id:
            raise NotFound("error-reception-not-found")
        if not await tx.receptions.cancel_booking(booking_id, actor.user_id, now):
            raise InvalidInput("error-reception-cancelled")
        await tx.reminders.cancel(now, booking_id=booking_id)
