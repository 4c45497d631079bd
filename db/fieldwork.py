"""Queries about commissars' field work: kinds of check and their checklists, checks and their
answers, violations and their evidence (which can only be added to)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from db.executor import Executor


@dataclass(frozen=True)
class CheckKind:
    code: str
    name_ru: str
    name_kk: str
    name_en: str
    needs_reference: bool

    def name(self, language: str) -> str:
        return {"kk": self.name_kk, "en": self.name_en}.get(language, self.name_ru)


@dataclass(frozen=True)
class ChecklistItem:
    position: int
    text_ru: str
    text_kk: str
    text_en: str
    answer: str | None

    def text(self, language: str) -> str:
        return {"kk": self.text_kk, "en": self.text_en}.get(language, self.text_ru)


@dataclass(frozen=True)
class NewCheck:
    kind_code: str
    commissar_user_id: int
    region_code: str
    target: str
    reference: str | None
    planned_on: date


@dataclass(frozen=True)
class CheckRow:
    id: int
    kind_code: str
    commissar_user_id: int
    region_code: str
    target: str
    reference: str | None
    planned_on: date
    status: str
    created_at: datetime
    finished_at: datetime | None
    items: int
    answered: int
    violations: int


@dataclass(frozen=True)
class NewViolation:
    check_id: int | None
    tip_id: int | None
    region_code: str
    recorded_by: int
    body: str
    description: str
    rule_broken: str | None
    severity: str
    amount: Decimal | None


@dataclass(frozen=True)
class ViolationRow:
    id: int
    check_id: int | None
    tip_id: int | None
    region_code: str
    recorded_by: int
    body: str
    description: str
    rule_broken: str | None
    severity: str
    amount: Decimal | None
    created_at: datetime
    evidence_count: int


@dataclass(frozen=True)
class NewViolationEvidence:
    kind: str
    file_id: str
    file_unique_id: str
    file_size: int | None
    mime_type: str | None
    file_name: str | None
    sha256: str
    received_at: datetime


@dataclass(frozen=True)
class ViolationEvidenceRow:
    id: int
    position: int
    kind: str
    file_id: str
    file_unique_id: str
    file_size: int | None
    mime_type: str | None
    file_name: str | None
    sha256: str
    received_at: datetime


_KIND_COLUMNS = "code, name_ru, name_kk, name_en, needs_reference"

_CHECK_COLUMNS = """
    c.id, c.kind_code, c.commissar_user_id, c.region_code, c.target, c.reference, c.planned_on,
    c.status, c.created_at, c.finished_at,
    (SELECT count(*) FROM check_items i WHERE i.kind_code = c.kind_code) AS items,
    (SELECT count(*) FROM check_answers a WHERE a.check_id = c.id) AS answered,
    (SELECT count(*) FROM violations v WHERE v.check_id = c.id) AS violations
"""

_VIOLATION_COLUMNS = """
    v.id, v.check_id, v.tip_id, v.region_code, v.recorded_by, v.body, v.description,
    v.rule_broken, v.severity, v.amount, v.created_at,
    (SELECT count(*) FROM violation_evidence e WHERE e.violation_id = v.id) AS evidence_count
"""


class Fieldwork:
    def __init__(self, db: Executor) -> None:
        self._db = db

    # ------------------------------------------------------------------ checks

    async def kinds(self) -> list[CheckKind]:
        records = await self._db.fetch(
            f"SELECT {_KIND_COLUMNS} FROM check_kinds ORDER BY position, code"
        )
        return [CheckKind(**dict(record)) for record in records]

    async def kind(self, code: str) -> CheckKind | None:
        record = await self._db.fetchrow(
            f"SELECT {_KIND_COLUMNS} FROM check_kinds WHERE code = $1", code
        )
        return CheckKind(**dict(record)) if record else None

    async def add_check(self, check: NewCheck, at: datetime) -> int:
        check_id: int = await self._db.fetchval(
            """
            INSERT INTO field_checks (kind_code, commissar_user_id, region_code, target,
                                      reference, planned_on, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            check.kind_code,
            check.commissar_user_id,
            check.region_code,
            check.target,
            check.reference,
            check.planned_on,
            at,
        )
        return check_id

    async def check(self, check_id: int) -> CheckRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_CHECK_COLUMNS} FROM field_checks c WHERE c.id = $1", check_id
        )
        return CheckRow(**dict(record)) if record else None

    async def checks_of(self, user_id: int, *, limit: int) -> list[CheckRow]:
        """A commissar's checks: open ones first by date, then the latest finished ones."""
        records = await self._db.fetch(
            f"""
            SELECT {_CHECK_COLUMNS} FROM field_checks c
            WHERE c.commissar_user_id = $1 AND c.status <> 'cancelled'
            ORDER BY c.status IN ('done'), c.planned_on DESC, c.id DESC LIMIT $2
            """,
            user_id,
            limit,
        )
        return [CheckRow(**dict(record)) for record in records]

    async def checklist(self, check_id: int) -> list[ChecklistItem]:
        records = await self._db.fetch(
            """
            SELECT i.position, i.text_ru, i.text_kk, i.text_en, a.answer
            FROM field_checks c
            JOIN check_items i ON i.kind_code = c.kind_code
            LEFT JOIN check_answers a ON a.check_id = c.id AND a.position = i.position
            WHERE c.id = $1 ORDER BY i.position
            """,
            check_id,
        )
        return [ChecklistItem(**dict(record)) for record in records]

    async def answer_item(self, check_id: int, position: int, answer: str, at: datetime) -> bool:
        """Record (or correct) one answer of an open check; False when the check is not open."""
        recorded = await self._db.fetchval(
            """
            WITH open_check AS (
                UPDATE field_checks SET status = 'in_progress'
                WHERE id = $1 AND status IN ('planned', 'in_progress') RETURNING id
            )
            INSERT INTO check_answers (check_id, position, answer, answered_at)
            SELECT id, $2, $3, $4 FROM open_check
            ON CONFLICT (check_id, position)
            DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at
            RETURNING check_id
            """,
            check_id,
            position,
            answer,
            at,
        )
        return recorded is not None

    async def finish_check(self, check_id: int, status: str, at: datetime) -> bool:
        finished = await self._db.fetchval(
            "UPDATE field_checks SET status = $2, finished_at = $3 "
            "WHERE id = $1 AND status IN ('planned', 'in_progress') RETURNING id",
            check_id,
            status,
            at,
        )
        return finished is not None

    # ------------------------------------------------------------------ violations

    async def add_violation(self, violation: NewViolation, at: datetime) -> int:
        violation_id: int = await self._db.fetchval(
            """
            INSERT INTO violations (check_id, tip_id, region_code, recorded_by, body,
                                    description, rule_broken, severity, amount, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """,
            violation.check_id,
            violation.tip_id,
            violation.region_code,
            violation.recorded_by,
            violation.body,
            violation.description,
            violation.rule_broken,
            violation.severity,
            violation.amount,
            at,
        )
        return violation_id

    async def add_violation_evidence(
        self, violation_id: int, items: list[NewViolationEvidence], added_by: int
    ) -> None:
        """Append files; the violation's row is locked so two additions number them in turn."""
        await self._db.execute("SELECT id FROM violations WHERE id = $1 FOR UPDATE", violation_id)
        start: int = await self._db.fetchval(
            "SELECT coalesce(max(position), 0) FROM violation_evidence WHERE violation_id = $1",
            violation_id,
        )
        await self._db.executemany(
            """
            INSERT INTO violation_evidence (violation_id, position, kind, file_id, file_unique_id,
                                            file_size, mime_type, file_name, sha256, received_at,
                                            added_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            [
                (
                    violation_id,
                    start + index,
                    item.kind,
                    item.file_id,
                    item.file_unique_id,
                    item.file_size,
                    item.mime_type,
                    item.file_name,
                    item.sha256,
                    item.received_at,
                    added_by,
                )
                for index, item in enumerate(items, start=1)
            ],
        )

    async def violation(self, violation_id: int) -> ViolationRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_VIOLATION_COLUMNS} FROM violations v WHERE v.id = $1", violation_id
        )
        return ViolationRow(**dict(record)) if record else None

    async def violations_of(
        self, *, check_id: int | None = None, tip_id: int | None = None
    ) -> list[ViolationRow]:
        records = await self._db.fetch(
            f"""
            SELECT {_VIOLATION_COLUMNS} FROM violations v
            WHERE ($1::bigint IS NULL OR v.check_id = $1) AND ($2::bigint IS NULL OR v.tip_id = $2)
            ORDER BY v.id
            """,
            check_id,
            tip_id,
        )
        return [ViolationRow(**dict(record)) for record in records]

    async def violations_recorded_by(self, user_id: int, *, limit: int) -> list[ViolationRow]:
        records = await self._db.fetch(
            f"""
            SELECT {_VIOLATION_COLUMNS} FROM violations v WHERE v.recorded_by = $1
            ORDER BY v.id DESC LIMIT $2
            """,
            user_id,
            limit,
        )
        return [ViolationRow(**dict(record)) for record in records]

    async def violation_evidence(self, violation_id: int) -> list[ViolationEvidenceRow]:
        records = await self._db.fetch(
            """
            SELECT id, position, kind, file_id, file_unique_id, file_size, mime_type, file_name,
                   sha256, received_at
            FROM violation_evidence WHERE violation_id = $1 ORDER BY position
            """,
            violation_id,
        )
        return [ViolationEvidenceRow(**dict(record)) for record in records]
