"""Queries about citizen receptions: slots commissars publish and the bookings citizens make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.executor import Executor


@dataclass(frozen=True)
class SlotRow:
    id: int
    commissar_user_id: int
    region_code: str
    starts_at: datetime
    place: str
    capacity: int
    cancelled_at: datetime | None
    booked: int


@dataclass(frozen=True)
class BookingRow:
    id: int
    slot_id: int
    citizen_user_id: int
    starts_at: datetime
    place: str
    region_code: str
    cancelled_at: datetime | None


_SLOT_COLUMNS = """
    s.id, s.commissar_user_id, s.region_code, s.starts_at, s.place, s.capacity, s.cancelled_at,
    (SELECT count(*) FROM reception_bookings b
     WHERE b.slot_id = s.id AND b.cancelled_at IS NULL) AS booked
"""

_BOOKING_COLUMNS = """
    b.id, b.slot_id, b.citizen_user_id, s.starts_at, s.place, s.region_code, b.cancelled_at
"""


class Receptions:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add_slot(
        self,
        commissar_user_id: int,
        region_code: str,
        starts_at: datetime,
        place: str,
        capacity: int,
        at: datetime,
    ) -> int:
        slot_id: int = await self._db.fetchval(
            """
            INSERT INTO reception_slots (commissar_user_id, region_code, starts_at, place,
                                         capacity, created_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """,
            commissar_user_id,
            region_code,
            starts_at,
            place,
            capacity,
            at,
        )
        return slot_id

    async def slot(self, slot_id: int, *, lock: bool = False) -> SlotRow | None:
        """The slot; with `lock`, its row stays locked until the transaction ends, so bookings
        of one slot are counted one at a time. The lock is taken by a statement of its own: the
        count is read after the wait, so it sees the booking of whoever held the lock before."""
        if lock:
            await self._db.execute(
                "SELECT id FROM reception_slots WHERE id = $1 FOR UPDATE", slot_id
            )
        record = await self._db.fetchrow(
            f"SELECT {_SLOT_COLUMNS} FROM reception_slots s WHERE s.id = $1", slot_id
        )
        return SlotRow(**dict(record)) if record else None

    async def slots_of(self, commissar_user_id: int, since: datetime) -> list[SlotRow]:
        records = await self._db.fetch(
            f"""
            SELECT {_SLOT_COLUMNS} FROM reception_slots s
            WHERE s.commissar_user_id = $1 AND s.starts_at >= $2 AND s.cancelled_at IS NULL
            ORDER BY s.starts_at, s.id LIMIT 50
            """,
            commissar_user_id,
            since,
        )
        return [SlotRow(**dict(record)) for record in records]

    async def open_slots(self, region_code: str, since: datetime) -> list[SlotRow]:
        """Upcoming slots of a region, soonest first."""
        records = await self._db.fetch(
            f"""
            SELECT {_SLOT_COLUMNS} FROM reception_slots s
            WHERE s.region_code = $1 AND s.starts_at >= $2 AND s.cancelled_at IS NULL
            ORDER BY s.starts_at, s.id LIMIT 20
            """,
            region_code,
            since,
        )
        return [SlotRow(**dict(record)) for record in records]

    async def cancel_slot(self, slot_id: int, commissar_user_id: int, at: datetime) -> list[int]:
        """Cancel the commissar's slot and its bookings; the citizens who had booked (empty
        when the slot is not theirs or already cancelled)."""
        cancelled = await self._db.fetchval(
            "UPDATE reception_slots SET cancelled_at = $3 "
            "WHERE id = $1 AND commissar_user_id = $2 AND cancelled_at IS NULL RETURNING id",
            slot_id,
            commissar_user_id,
            at,
        )
        if cancelled is None:
            return []
        records = await self._db.fetch(
            "UPDATE reception_bookings SET cancelled_at = $2 "
            "WHERE slot_id = $1 AND cancelled_at IS NULL RETURNING citizen_user_id",
            slot_id,
            at,
        )
        return [record["citizen_user_id"] for record in records]

    async def book(self, slot_id: int, citizen_user_id: int, at: datetime) -> int | None:
        """A booking of this person, None when they already hold one for the slot."""
        booking_id: int | None = await self._db.fetchval(
            """
            INSERT INTO reception_bookings (slot_id, citizen_user_id, booked_at)
            VALUES ($1, $2, $3)
            ON CONFLICT (slot_id, citizen_user_id) WHERE cancelled_at IS NULL DO NOTHING
            RETURNING id
            """,
            slot_id,
            citizen_user_id,
            at,
        )
        return booking_id

    async def bookings_of(self, citizen_user_id: int, since: datetime) -> list[BookingRow]:
        records = await self._db.fetch(
            f"""
            SELECT {_BOOKING_COLUMNS}
            FROM reception_bookings b JOIN reception_slots s ON s.id = b.slot_id
            WHERE b.citizen_user_id = $1 AND b.cancelled_at IS NULL AND s.starts_at >= $2
            ORDER BY s.starts_at
            """,
            citizen_user_id,
            since,
        )
        return [BookingRow(**dict(record)) for record in records]

    async def booking(self, booking_id: int) -> BookingRow | None:
        record = await self._db.fetchrow(
            f"""
            SELECT {_BOOKING_COLUMNS}
            FROM reception_bookings b JOIN reception_slots s ON s.id = b.slot_id
            WHERE b.id = $1
            """,
            booking_id,
        )
        return BookingRow(**dict(record)) if record else None

    async def cancel_booking(self, booking_id: int, citizen_user_id: int, at: datetime) -> bool:
        cancelled = await self._db.fetchval(
            "UPDATE reception_bookings SET cancelled_at = $3 "
            "WHERE id = $1 AND citizen_user_id = $2 AND cancelled_at IS NULL RETURNING id",
            booking_id,
            citizen_user_id,
            at,
        )
        return cancelled is not None
