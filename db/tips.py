"""Queries about tips: the tip, its evidence, history and thread, the tipster's own view, receipts,
the daily limit and wrong receipt codes.

Rows returned for a tip never carry the tipster's account: workflows that need it (to notify a
confidential tipster) ask `tipster_of`, and nothing handlers see is built from it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from asyncpg import Record

from db.executor import Executor


@dataclass(frozen=True)
class NewEvidence:
    kind: str
    file_id: str
    file_unique_id: str
    file_size: int | None
    mime_type: str | None
    file_name: str | None
    album: str | None


@dataclass(frozen=True)
class NewTip:
    category_code: str
    region_code: str
    body_concerned: str
    description: str
    occurred_kind: str
    occurred_on: date | None
    latitude: float | None
    longitude: float | None
    address: str | None
    identity_mode: str
    tipster_user_id: int | None
    receipt_lookup: str | None
    receipt_hash: str | None


@dataclass(frozen=True)
class TipRow:
    id: int
    category_code: str
    region_code: str
    body_concerned: str
    description: str | None
    occurred_kind: str
    occurred_on: date | None
    latitude: float | None
    longitude: float | None
    address: str | None
    identity_mode: str
    status: str
    assignee_user_id: int | None
    created_at: datetime
    status_changed_at: datetime
    resolved_at: datetime | None
    evidence_count: int
    taken_at: datetime | None
    first_action_due: datetime | None
    resolve_due: datetime | None
    first_action_at: datetime | None
    purged_at: datetime | None = None


@dataclass(frozen=True)
class TipListItem:
    id: int
    category_code: str
    status: str
    status_changed_at: datetime


@dataclass(frozen=True)
class HistoryRow:
    status: str
    note: str | None
    at: datetime
    event: str | None = None


@dataclass(frozen=True)
class ThreadMessage:
    id: int
    direction: str
    body: str | None
    at: datetime
    evidence_count: int


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    kind: str
    file_id: str | None
    file_unique_id: str
    file_size: int | None
    mime_type: str | None
    file_name: str | None
    received_at: datetime


@dataclass(frozen=True)
class StatusChange:
    """A tip after a change of status, and who is to hear about it."""

    tip_id: int
    status: str
    previous: str
    tipster_user_id: int | None
    assignee_user_id: int | None
    previous_assignee: int | None = None


@dataclass(frozen=True)
class QueueItem:
    id: int
    category_code: str
    region_code: str
    body_concerned: str
    created_at: datetime


@dataclass(frozen=True)
class AssignmentItem:
    id: int
    category_code: str
    region_code: str
    status: str
    assignee_user_id: int | None
    first_action_due: datetime | None
    resolve_due: datetime | None
    first_action_at: datetime | None

    def late(self, now: datetime) -> bool:
        """Past the deadline of its resolution, or of a first action not yet taken."""
        if self.resolve_due is not None and self.resolve_due < now:
            return True
        return (
            self.first_action_at is None
            and self.first_action_due is not None
            and self.first_action_due < now
        )


_ASSIGNMENT_COLUMNS = """
    t.id, t.category_code, t.region_code, t.status, t.assignee_user_id, t.first_action_due,
    t.resolve_due, t.first_action_at
"""

Item = TypeVar("Item")


_CHANGE_COLUMNS = """
    t.id, t.status, before.status AS previous, t.tipster_user_id, t.assignee_user_id,
    before.assignee_user_id AS previous_assignee
"""
"""What an `UPDATE tips t ... FROM tips before` returns, read by `_status_change`."""


def _status_change(record: Record) -> StatusChange:
    return StatusChange(
        tip_id=record["id"],
        status=record["status"],
        previous=record["previous"],
        tipster_user_id=record["tipster_user_id"],
        assignee_user_id=record["assignee_user_id"],
        previous_assignee=record["previous_assignee"],
    )


async def _page(
    records: list[Record],
    item: Callable[..., Item],
    count: Callable[[], Awaitable[int]],
    offset: int,
) -> tuple[list[Item], int]:
    """The rows of one page as items, and the total the query's window counted (asked again
    when a page past the end is empty)."""
    total = records[0]["total"] if records else 0
    if not records and offset:
        total = await count()
    return [item(**{k: v for k, v in r.items() if k != "total"}) for r in records], int(total)


_TIP_COLUMNS = """
    t.id, t.category_code, t.region_code, t.body_concerned, t.description, t.occurred_kind,
    t.occurred_on, t.latitude, t.longitude, t.address, t.identity_mode, t.status,
    t.assignee_user_id, t.created_at, t.status_changed_at, t.resolved_at,
    (SELECT count(*) FROM tip_evidence e WHERE e.tip_id = t.id AND e.message_id IS NULL)
        AS evidence_count,
    t.taken_at, t.first_action_due, t.resolve_due, t.first_action_at, t.purged_at
"""

_THREAD_COLUMNS = """
    m.id, m.direction, m.body, m.at,
    (SELECT count(*) FROM tip_evidence e WHERE e.message_id = m.id) AS evidence_count
"""


class Tips:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add(self, tip: NewTip, at: datetime) -> int:
        tip_id: int = await self._db.fetchval(
            """
            INSERT INTO tips (category_code, region_code, body_concerned, description,
                              occurred_kind, occurred_on, latitude, longitude, address,
                              identity_mode, tipster_user_id, receipt_lookup, receipt_hash,
                              created_at, status_changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
            RETURNING id
            """,
            tip.category_code,
            tip.region_code,
            tip.body_concerned,
            tip.description,
            tip.occurred_kind,
            tip.occurred_on,
            tip.latitude,
            tip.longitude,
            tip.address,
            tip.identity_mode,
            tip.tipster_user_id,
            tip.receipt_lookup,
            tip.receipt_hash,
            at,
        )
        return tip_id

    async def add_evidence(
        self,
        tip_id: int,
        items: list[NewEvidence],
        at: datetime,
        *,
        message_id: int | None = None,
    ) -> None:
        start: int = await self._db.fetchval(
            "SELECT coalesce(max(position), 0) FROM tip_evidence WHERE tip_id = $1", tip_id
        )
        await self._db.executemany(
            """
            INSERT INTO tip_evidence (tip_id, message_id, position, kind, file_id,
                                      file_unique_id, file_size, mime_type, file_name, album,
                                      received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            [
                (
                    tip_id,
                    message_id,
                    start + index,
                    item.kind,
                    item.file_id,
                    item.file_unique_id,
                    item.file_size,
                    item.mime_type,
                    item.file_name,
                    item.album,
                    at,
                )
                for index, item in enumerate(items, start=1)
            ],
        )

    async def add_history(
        self,
        tip_id: int,
        status: str,
        at: datetime,
        *,
        actor_user_id: int | None = None,
        note: str | None = None,
        event: str | None = None,
    ) -> None:
        """A step of the tip's history: a status with the handler's note, or an event the bot
        names itself ('reassigned', 'follow_up'), shown in the reader's language."""
        await self._db.execute(
            "INSERT INTO tip_history (tip_id, status, actor_user_id, note, at, event) "
            "VALUES ($1, $2, $3, $4, $5, $6)",
            tip_id,
            status,
            actor_user_id,
            note,
            at,
            event,
        )

    async def add_message(
        self, tip_id: int, direction: str, body: str | None, at: datetime, *, author: int | None
    ) -> int:
        message_id: int = await self._db.fetchval(
            "INSERT INTO tip_messages (tip_id, direction, author_user_id, body, at) "
            "VALUES ($1, $2, $3, $4, $5) RETURNING id",
            tip_id,
            direction,
            author,
            body,
            at,
        )
        return message_id

    async def get(self, tip_id: int) -> TipRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_TIP_COLUMNS} FROM tips t WHERE t.id = $1", tip_id
        )
        return TipRow(**dict(record)) if record else None

    async def of_tipster(self, tip_id: int, user_id: int) -> TipRow | None:
        """The tip if this account sent it confidentially."""
        record = await self._db.fetchrow(
            f"SELECT {_TIP_COLUMNS} FROM tips t WHERE t.id = $1 AND t.tipster_user_id = $2",
            tip_id,
            user_id,
        )
        return TipRow(**dict(record)) if record else None

    async def tipster_of(self, tip_id: int) -> int | None:
        """The account of a confidential tip's tipster, only ever used to write to them."""
        user_id: int | None = await self._db.fetchval(
            "SELECT tipster_user_id FROM tips WHERE id = $1", tip_id
        )
        return user_id

    async def list_of_tipster(
        self, user_id: int, *, limit: int, offset: int
    ) -> tuple[list[TipListItem], int]:
        records = await self._db.fetch(
            """
            SELECT id, category_code, status, status_changed_at, count(*) OVER () AS total
            FROM tips WHERE tipster_user_id = $1
            ORDER BY status_changed_at DESC, id DESC LIMIT $2 OFFSET $3
            """,
            user_id,
            limit,
            offset,
        )
        return await _page(
            records, TipListItem, lambda: self._count("tipster_user_id = $1", user_id), offset
        )

    async def receipt(self, lookup: str) -> tuple[int, str] | None:
        record = await self._db.fetchrow(
            "SELECT id, receipt_hash FROM tips WHERE receipt_lookup = $1", lookup
        )
        return (record["id"], record["receipt_hash"]) if record else None

    async def receipt_lookup_taken(self, lookup: str) -> bool:
        taken: bool = await self._db.fetchval(
            "SELECT EXISTS (SELECT FROM tips WHERE receipt_lookup = $1)", lookup
        )
        return taken

    async def history(self, tip_id: int) -> list[HistoryRow]:
        records = await self._db.fetch(
            "SELECT status, note, at, event FROM tip_history WHERE tip_id = $1 ORDER BY id",
            tip_id,
        )
        return [HistoryRow(**dict(record)) for record in records]

    async def thread(self, tip_id: int) -> list[ThreadMessage]:
        records = await self._db.fetch(
            f"SELECT {_THREAD_COLUMNS} FROM tip_messages m WHERE m.tip_id = $1 ORDER BY m.id",
            tip_id,
        )
        return [ThreadMessage(**dict(record)) for record in records]

    async def thread_message(self, tip_id: int, message_id: int) -> ThreadMessage | None:
        record = await self._db.fetchrow(
            f"SELECT {_THREAD_COLUMNS} FROM tip_messages m WHERE m.tip_id = $1 AND m.id = $2",
            tip_id,
            message_id,
        )
        return ThreadMessage(**dict(record)) if record else None

    async def evidence(self, tip_id: int) -> list[EvidenceRow]:
        records = await self._db.fetch(
            """
            SELECT id, kind, file_id, file_unique_id, file_size, mime_type, file_name,
                   received_at
            FROM tip_evidence WHERE tip_id = $1 ORDER BY position
            """,
            tip_id,
        )
        return [EvidenceRow(**dict(record)) for record in records]

    async def change_status(
        self,
        tip_id: int,
        status: str,
        at: datetime,
        *,
        allowed_from: tuple[str, ...],
        tipster_user_id: int | None = None,
        assignee_user_id: int | None = None,
        assignee_only: int | None = None,
    ) -> StatusChange | None:
        """Move the tip to `status` if it is in one of `allowed_from` (and, when given, belongs to
        this tipster, or is assigned to `assignee_only`); None when it is not.

        Taking a tip sets its assignee; going back to the queue ('new') clears the assignee and
        the deadlines. The first change after taking (or reopening) is the first action."""
        record = await self._db.fetchrow(
            f"""
            UPDATE tips t SET status = $2, status_changed_at = $3,
                assignee_user_id = CASE WHEN $2 = 'new' THEN NULL
                                        ELSE coalesce($6, t.assignee_user_id) END,
                taken_at = CASE WHEN $2 = 'taken' THEN $3 WHEN $2 = 'new' THEN NULL
                                ELSE t.taken_at END,
                first_action_at = CASE
                    WHEN $2 IN ('taken', 'new', 'reopened') THEN NULL
                    WHEN before.status IN ('taken', 'reopened') AND t.first_action_at IS NULL
                        THEN $3
                    ELSE t.first_action_at END,
                first_action_due = CASE WHEN $2 = 'new' THEN NULL ELSE t.first_action_due END,
                resolve_due = CASE WHEN $2 = 'new' THEN NULL ELSE t.resolve_due END,
                resolved_at = CASE WHEN $2 = 'resolved' THEN $3 ELSE t.resolved_at END
            FROM tips before
            WHERE t.id = $1 AND before.id = t.id AND t.status = ANY($4::text[])
              AND ($5::bigint IS NULL OR t.tipster_user_id = $5)
              AND ($7::bigint IS NULL OR t.assignee_user_id = $7)
            RETURNING {_CHANGE_COLUMNS}
            """,
            tip_id,
            status,
            at,
            list(allowed_from),
            tipster_user_id,
            assignee_user_id,
            assignee_only,
        )
        return _status_change(record) if record is not None else None

    async def return_to_queue(
        self, assignee_user_id: int, region_code: str, working: tuple[str, ...], at: datetime
    ) -> list[StatusChange]:
        """Put back in the queue the tips this handler works on in a region (they left it)."""
        records = await self._db.fetch(
            f"""
            UPDATE tips t SET status = 'new', status_changed_at = $4, assignee_user_id = NULL,
                taken_at = NULL, first_action_due = NULL, resolve_due = NULL,
                first_action_at = NULL
            FROM tips before
            WHERE before.id = t.id AND t.assignee_user_id = $1 AND t.region_code = $2
              AND t.status = ANY($3::text[])
            RETURNING {_CHANGE_COLUMNS}
            """,
            assignee_user_id,
            region_code,
            list(working),
            at,
        )
        return [_status_change(record) for record in records]

    async def set_deadlines(
        self, tip_id: int, first_action_due: datetime, resolve_due: datetime
    ) -> None:
        await self._db.execute(
            "UPDATE tips SET first_action_due = $2, resolve_due = $3 WHERE id = $1",
            tip_id,
            first_action_due,
            resolve_due,
        )

    async def reassign(self, tip_id: int, to_user_id: int, working: tuple[str, ...]) -> int | None:
        """Give a tip being worked to another handler; the previous one, or None when the tip
        is not being worked."""
        previous: int | None = await self._db.fetchval(
            """
            UPDATE tips t SET assignee_user_id = $2
            FROM tips before
            WHERE t.id = $1 AND before.id = t.id AND t.status = ANY($3::text[])
            RETURNING before.assignee_user_id
            """,
            tip_id,
            to_user_id,
            list(working),
        )
        return previous

    # ------------------------------------------------------------------ handlers' lists

    async def queue(
        self, regions: list[str], category: str | None, *, limit: int, offset: int
    ) -> tuple[list[QueueItem], int]:
        """New tips of these regions, oldest first.

        The queue is read whole (it is counted anyway) and then ordered: asked for the order
        directly, the planner walked every tip ever sent by `created_at`, expecting to stop
        after a page, which the count never lets it do."""
        records = await self._db.fetch(
            """
            WITH queued AS MATERIALIZED (
                SELECT id, category_code, region_code, body_concerned, created_at,
                       count(*) OVER () AS total
                FROM tips
                WHERE status = 'new' AND region_code = ANY($1::text[])
                  AND ($2::text IS NULL OR category_code = $2)
            )
            SELECT * FROM queued ORDER BY created_at, id LIMIT $3 OFFSET $4
            """,
            regions,
            category,
            limit,
            offset,
        )
        return await _page(
            records,
            QueueItem,
            lambda: self._count(
                "status = 'new' AND region_code = ANY($1::text[]) "
                "AND ($2::text IS NULL OR category_code = $2)",
                regions,
                category,
            ),
            offset,
        )

    async def assigned_to(
        self, user_id: int, statuses: tuple[str, ...], *, limit: int, offset: int
    ) -> tuple[list[AssignmentItem], int]:
        """Tips this handler works on, the nearest deadline first."""
        records = await self._db.fetch(
            f"""
            SELECT {_ASSIGNMENT_COLUMNS}, count(*) OVER () AS total
            FROM tips t
            WHERE t.assignee_user_id = $1 AND t.status = ANY($2::text[])
            ORDER BY t.resolve_due NULLS LAST, t.id LIMIT $3 OFFSET $4
            """,
            user_id,
            list(statuses),
            limit,
            offset,
        )
        return await _page(
            records,
            AssignmentItem,
            lambda: self._count(
                "assignee_user_id = $1 AND status = ANY($2::text[])", user_id, list(statuses)
            ),
            offset,
        )

    async def overdue(
        self,
        now: datetime,
        statuses: tuple[str, ...],
        regions: list[str] | None,
        *,
        limit: int,
        offset: int,
    ) -> tuple[list[AssignmentItem], int]:
        """Tips being worked whose first action or resolution is late, the longest late first;
        of these regions (None: everywhere)."""
        condition = """t.status = ANY($2::text[]) AND (t.resolve_due < $1
                       OR (t.first_action_at IS NULL AND t.first_action_due < $1))
                       AND ($3::text[] IS NULL OR t.region_code = ANY($3::text[]))"""
        records = await self._db.fetch(
            f"""
            SELECT {_ASSIGNMENT_COLUMNS}, count(*) OVER () AS total
            FROM tips t WHERE {condition}
            ORDER BY CASE WHEN t.first_action_at IS NULL THEN t.first_action_due
                          ELSE t.resolve_due END, t.id
            LIMIT $4 OFFSET $5
            """,
            now,
            list(statuses),
            regions,
            limit,
            offset,
        )
        return await _page(
            records,
            AssignmentItem,
            lambda: self._count(condition, now, list(statuses), regions),
            offset,
        )

    async def _count(self, condition: str, *args: object) -> int:
        total: int = await self._db.fetchval(
            f"SELECT count(*) FROM tips t WHERE {condition}", *args
        )
        return total

    async def status(self, tip_id: int) -> str | None:
        value: str | None = await self._db.fetchval("SELECT status FROM tips WHERE id = $1", tip_id)
        return value

    async def record_follow_up(
        self, tip_id: int, tipster_user_id: int, answer: str, at: datetime
    ) -> bool:
        """The tipster's first answer to the follow-up question; False when already answered."""
        updated = await self._db.fetchval(
            """
            UPDATE tips SET follow_up_answer = $3, follow_up_at = $4
            WHERE id = $1 AND tipster_user_id = $2 AND follow_up_answer IS NULL
              AND resolved_at IS NOT NULL
            RETURNING id
            """,
            tip_id,
            tipster_user_id,
            answer,
            at,
        )
        return updated is not None

    async def add_follow_up_comment(self, tip_id: int, tipster_user_id: int, comment: str) -> bool:
        updated = await self._db.fetchval(
            """
            UPDATE tips SET follow_up_comment = $3
            WHERE id = $1 AND tipster_user_id = $2 AND follow_up_answer IS NOT NULL
              AND follow_up_comment IS NULL
            RETURNING id
            """,
            tip_id,
            tipster_user_id,
            comment,
        )
        return updated is not None

    # ------------------------------------------------------------------ abuse limits

    async def count_towards_daily_limit(self, user_id: int, day: date, limit: int) -> bool:
        """Count one more tip of this account today; False (and nothing counted) at the limit."""
        sent = await self._db.fetchval(
            """
            INSERT INTO tip_quota AS q (user_id, day, sent) VALUES ($1, $2, 1)
            ON CONFLICT (user_id, day) DO UPDATE SET sent = q.sent + 1 WHERE q.sent < $3
            RETURNING sent
            """,
            user_id,
            day,
            limit,
        )
        return sent is not None and sent <= limit

    async def sent_on(self, user_id: int, day: date) -> int:
        sent: int | None = await self._db.fetchval(
            "SELECT sent FROM tip_quota WHERE user_id = $1 AND day = $2", user_id, day
        )
        return sent or 0

    async def receipt_failures_since(self, user_id: int, since: datetime) -> list[datetime]:
        records = await self._db.fetch(
            "SELECT at FROM receipt_failures WHERE user_id = $1 AND at >= $2 ORDER BY at",
            user_id,
            since,
        )
        return [record["at"] for record in records]

    async def add_receipt_failure(self, user_id: int, at: datetime) -> None:
        await self._db.execute(
            "INSERT INTO receipt_failures (user_id, at) VALUES ($1, $2)", user_id, at
        )

    async def purge_closed(
        self, closed_before: datetime, statuses: tuple[str, ...], now: datetime, limit: int
    ) -> tuple[int, int]:
        """Remove the free text and the file ids of up to `limit` tips closed before
        `closed_before`: description, address, place, the thread's texts, the handlers' notes
        (also in the messages that carried them), the follow-up comment, every evidence file id
        and file name. Numbers, dates, statuses, category,
        region and body stay for statistics. Returns (tips, evidence files)."""
        purged = await self._db.fetch(
            """
            UPDATE tips SET description = NULL, address = NULL, latitude = NULL,
                            longitude = NULL, follow_up_comment = NULL, purged_at = $3
            WHERE id IN (
                SELECT id FROM tips
                WHERE purged_at IS NULL AND status = ANY($2::text[]) AND status_changed_at < $1
                ORDER BY status_changed_at LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING id
            """,
            closed_before,
            list(statuses),
            now,
            limit,
        )
        ids = [record["id"] for record in purged]
        if not ids:
            return 0, 0
        await self._db.execute(
            "UPDATE tip_messages SET body = NULL WHERE tip_id = ANY($1::bigint[])", ids
        )
        await self._db.execute(
            "UPDATE tip_history SET note = NULL WHERE tip_id = ANY($1::bigint[])", ids
        )
        files = await self._db.execute(
            "UPDATE tip_evidence SET file_id = NULL, file_name = NULL "
            "WHERE tip_id = ANY($1::bigint[]) AND file_id IS NOT NULL",
            ids,
        )
        await self._db.execute(
            "UPDATE outbox SET payload = payload - 'note' "
            "WHERE payload ? 'note' AND (payload->>'tip')::bigint = ANY($1::bigint[])",
            ids,
        )
        return len(ids), int(files.split()[-1])

    async def forget_counters(self, before_day: date, failures_before: datetime) -> None:
        """Old daily tip counters and old wrong receipt codes serve no limit any more."""
        await self._db.execute("DELETE FROM tip_quota WHERE day < $1", before_day)
        await self._db.execute("DELETE FROM receipt_failures WHERE at < $1", failures_before)
