"""Appeals to state bodies: drafted from a register entry with the violations chosen as evidence,
sent on a date that fixes the answer's due date, and answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.executor import Executor
from db.risks import REGIONS_FILTER


@dataclass(frozen=True)
class AppealRow:
    id: int
    entry_id: int
    region_code: str
    author_user_id: int
    addressee: str
    subject: str
    body: str
    status: str
    created_at: datetime
    sent_on: date | None
    due_on: date | None
    answered_at: datetime | None
    answer_text: str | None
    answer_file_id: str | None
    answer_file_name: str | None
    violations: int

    def overdue(self, today: date) -> bool:
        return self.status == "sent" and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class NewAppeal:
    entry_id: int
    region_code: str
    addressee: str
    subject: str
    body: str
    violation_ids: tuple[int, ...]


_APPEAL_COLUMNS = """
    a.id, a.entry_id, a.region_code, a.author_user_id, a.addressee, a.subject, a.body, a.status,
    a.created_at, a.sent_on, a.due_on, a.answered_at, a.answer_text, a.answer_file_id,
    a.answer_file_name,
    (SELECT count(*) FROM appeal_violations l WHERE l.appeal_id = a.id) AS violations
"""


class Appeals:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def add(self, appeal: NewAppeal, author: int, at: datetime) -> int:
        appeal_id = await self._db.fetchval(
            """
            INSERT INTO appeals (entry_id, region_code, author_user_id, addressee, subject, body,
                                 created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            appeal.entry_id,
            appeal.region_code,
            author,
            appeal.addressee,
            appeal.subject,
            appeal.body,
            at,
        )
        assert isinstance(appeal_id, int)
        await self._db.executemany(
            "INSERT INTO appeal_violations (appeal_id, violation_id) VALUES ($1, $2)",
            [(appeal_id, violation_id) for violation_id in appeal.violation_ids],
        )
        return appeal_id

    async def get(self, appeal_id: int) -> AppealRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_APPEAL_COLUMNS} FROM appeals a WHERE a.id = $1", appeal_id
        )
        return AppealRow(**dict(record)) if record else None

    async def listed(
        self, regions: list[str] | None, *, offset: int, limit: int
    ) -> tuple[list[AppealRow], int]:
        """Appeals awaiting an answer first (nearest due date first), then drafts, then answered."""
        region_a = REGIONS_FILTER.format(column="a.region_code")
        records = await self._db.fetch(
            f"""
            SELECT {_APPEAL_COLUMNS}, count(*) OVER () AS total FROM appeals a
            WHERE {region_a}
            ORDER BY CASE a.status WHEN 'sent' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END,
                     a.due_on NULLS LAST, a.id DESC
            OFFSET $2 LIMIT $3
            """,
            regions,
            offset,
            limit,
        )
        total = records[0]["total"] if records else 0
        return [
            AppealRow(**{k: v for k, v in dict(record).items() if k != "total"})
            for record in records
        ], total

    async def of_entry(self, entry_id: int) -> list[AppealRow]:
        records = await self._db.fetch(
            f"SELECT {_APPEAL_COLUMNS} FROM appeals a WHERE a.entry_id = $1 ORDER BY a.id",
            entry_id,
        )
        return [AppealRow(**dict(record)) for record in records]

    async def violation_ids(self, appeal_id: int) -> list[int]:
        records = await self._db.fetch(
            "SELECT violation_id FROM appeal_violations WHERE appeal_id = $1 ORDER BY violation_id",
            appeal_id,
        )
        return [record["violation_id"] for record in records]

    async def mark_sent(self, appeal_id: int, sent_on: date, due_on: date) -> bool:
        changed = await self._db.fetchval(
            """
            UPDATE appeals SET status = 'sent', sent_on = $2, due_on = $3
            WHERE id = $1 AND status = 'draft' RETURNING id
            """,
            appeal_id,
            sent_on,
            due_on,
        )
        return changed is not None

    async def mark_answered(
        self,
        appeal_id: int,
        at: datetime,
        text: str | None,
        file_id: str | None,
        file_name: str | None,
    ) -> bool:
        changed = await self._db.fetchval(
            """
            UPDATE appeals SET status = 'answered', answered_at = $2, answer_text = $3,
                               answer_file_id = $4, answer_file_name = $5
            WHERE id = $1 AND status = 'sent' RETURNING id
            """,
            appeal_id,
            at,
            text,
            file_id,
            file_name,
        )
        return changed is not None
