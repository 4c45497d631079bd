"""The risk picture (violations and tips counted by region, body, category, severity and month)
and the register of pain points and corruption risks with the violations and tips behind each
entry. No query here reads who sent a tip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.executor import Executor, with_work_mem
from db.fieldwork import _VIOLATION_COLUMNS, ViolationRow

REGIONS_FILTER = "($1::text[] IS NULL OR {column} = ANY($1::text[]))"
"""Rows of the given regions; NULL means the whole country."""


@dataclass(frozen=True)
class RegionFigures:
    region_code: str
    violations: int
    tips: int
    previous_violations: int
    previous_tips: int


@dataclass(frozen=True)
class BodyFigures:
    key: str
    body: str
    violations: int
    tips: int
    previous_violations: int
    previous_tips: int


@dataclass(frozen=True)
class RiskPicture:
    by_region: list[RegionFigures]
    by_body: list[BodyFigures]
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_month: list[tuple[date, int, int]]
    """(first day of the month, violations, tips)."""


@dataclass(frozen=True)
class EntryRow:
    id: int
    region_code: str
    body: str
    description: str
    kind: str
    level: str
    status: str
    created_by: int
    created_at: datetime
    status_changed_at: datetime
    violations: int
    tips: int


@dataclass(frozen=True)
class LinkedTip:
    """A tip as an ambassador sees it: its number, category, region, body and status."""

    id: int
    category_code: str
    region_code: str
    body_concerned: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class NewEntry:
    region_code: str
    body: str
    description: str
    kind: str
    level: str


_ENTRY_COLUMNS = """
    r.id, r.region_code, r.body, r.description, r.kind, r.level, r.status, r.created_by,
    r.created_at, r.status_changed_at,
    (SELECT count(*) FROM risk_entry_violations l WHERE l.entry_id = r.id) AS violations,
    (SELECT count(*) FROM risk_entry_tips l WHERE l.entry_id = r.id) AS tips
"""

BODY_KEY = "lower(btrim(regexp_replace({column}, '\\s+', ' ', 'g')))"
"""How bodies typed by people are grouped; tips and violations keep it as `body_key`
(0007_indexes.sql), computed once when the row is written."""


def body_key(body: str) -> str:
    """How bodies are grouped: case and runs of spaces do not matter."""
    return " ".join(body.split()).lower()


PERIOD_SUMS = ", ".join(
    f"coalesce(sum(n) FILTER (WHERE {period} AND kind = '{kind}'), 0) AS {name}"
    for name, period, kind in (
        ("a", "current", "violation"),
        ("b", "current", "tip"),
        ("c", "NOT current", "violation"),
        ("d", "NOT current", "tip"),
    )
)
"""Violations and tips of the period (a, b) and of the one before (c, d), from `counted`."""


class Risks:
    def __init__(self, db: Executor) -> None:
        self._db = db

    # -------------------------------------------------------------- the picture

    async def picture(
        self,
        regions: list[str] | None,
        since: datetime,
        until: datetime,
        previous_since: datetime,
        zone: str,
        *,
        bodies: int = 10,
    ) -> RiskPicture:
        """Counts over [since, until) and, for the trend, over [previous_since, since); months
        are those of `zone`. Withdrawn tips are not counted."""
        region_v = REGIONS_FILTER.format(column="v.region_code")
        region_t = REGIONS_FILTER.format(column="t.region_code")
        async with with_work_mem(self._db) as db:
            record = await db.fetchrow(
                f"""
                WITH counted AS MATERIALIZED (
                    SELECT 'violation' AS kind, v.created_at >= $2 AS current, v.region_code,
                           v.body_key, min(v.body) AS body, v.severity AS detail, count(*) AS n
                    FROM violations v
                    WHERE {region_v} AND v.created_at >= $4 AND v.created_at < $3
                    GROUP BY v.created_at >= $2, v.region_code, v.body_key, v.severity
                    UNION ALL
                    SELECT 'tip', t.created_at >= $2, t.region_code, t.body_key,
                           min(t.body_concerned), t.category_code, count(*)
                    FROM tips t
                    WHERE {region_t} AND t.status <> 'withdrawn'
                      AND t.created_at >= $4 AND t.created_at < $3
                    GROUP BY t.created_at >= $2, t.region_code, t.body_key, t.category_code
                ), months AS (
                    SELECT month, month AT TIME ZONE $6 AS starts,
                           (month + interval '1 month') AT TIME ZONE $6 AS ends
                    FROM generate_series(date_trunc('month', $2 AT TIME ZONE $6),
                                         $3 AT TIME ZONE $6, interval '1 month') AS month
                )
                SELECT
                    (SELECT coalesce(json_agg(json_build_array(region_code, a, b, c, d)
                                              ORDER BY a DESC, b DESC, region_code), '[]') FROM (
                        SELECT region_code,
                               {PERIOD_SUMS}
                        FROM counted GROUP BY region_code
                        HAVING bool_or(current)) r) AS by_region,
                    (SELECT coalesce(json_agg(json_build_array(body_key, body, a, b, c, d)
                                              ORDER BY a DESC, b DESC, body_key), '[]') FROM (
                        SELECT body_key, min(body) AS body,
                               {PERIOD_SUMS}
                        FROM counted GROUP BY body_key
                        HAVING bool_or(current)
                        ORDER BY a DESC, b DESC, body_key LIMIT $5) b) AS by_body,
                    (SELECT coalesce(json_object_agg(detail, n), '{{}}') FROM (
                        SELECT detail, sum(n)::bigint AS n FROM counted
                        WHERE kind = 'violation' AND current GROUP BY detail) s) AS by_severity,
                    (SELECT coalesce(json_object_agg(detail, n), '{{}}') FROM (
                        SELECT detail, sum(n)::bigint AS n FROM counted
                        WHERE kind = 'tip' AND current GROUP BY detail) c) AS by_category,
                    (SELECT coalesce(json_agg(json_build_array(to_char(month, 'YYYY-MM-DD'), a, b)
                                              ORDER BY month), '[]')
                     FROM months,
                     LATERAL (SELECT count(*) AS a FROM violations v
                              WHERE {region_v} AND v.created_at >= greatest(starts, $2)
                                AND v.created_at < least(ends, $3)) a,
                     LATERAL (SELECT count(*) AS b FROM tips t
                              WHERE {region_t} AND t.status <> 'withdrawn'
                                AND t.created_at >= greatest(starts, $2)
                                AND t.created_at < least(ends, $3)) b
                     WHERE a + b > 0) AS by_month
                """,
                regions,
                since,
                until,
                previous_since,
                bodies,
                zone,
            )
        assert record is not None
        return RiskPicture(
            by_region=[
                RegionFigures(code, a or 0, b or 0, c or 0, d or 0)
                for code, a, b, c, d in record["by_region"]
                if (a or 0) + (b or 0) > 0
            ],
            by_body=[BodyFigures(*row) for row in record["by_body"]],
            by_severity=dict(record["by_severity"]),
            by_category=dict(record["by_category"]),
            by_month=[(date.fromisoformat(month), a, b) for month, a, b in record["by_month"]],
        )

    async def violations_behind(
        self,
        regions: list[str] | None,
        since: datetime,
        until: datetime,
        *,
        region_code: str | None = None,
        body: str | None = None,
        limit: int = 30,
    ) -> list[ViolationRow]:
        """The violations counted in a region's or a body's number, newest first."""
        region_v = REGIONS_FILTER.format(column="v.region_code")
        records = await self._db.fetch(
            f"""
            SELECT {_VIOLATION_COLUMNS} FROM violations v
            WHERE {region_v} AND v.created_at >= $2 AND v.created_at < $3
              AND ($4::text IS NULL OR v.region_code = $4)
              AND ($5::text IS NULL OR v.body_key = $5)
            ORDER BY v.created_at DESC, v.id DESC LIMIT $6
            """,
            regions,
            since,
            until,
            region_code,
            body,
            limit,
        )
        return [ViolationRow(**dict(record)) for record in records]

    # -------------------------------------------------------------- the register

    async def add_entry(self, entry: NewEntry, author: int, at: datetime) -> int:
        entry_id = await self._db.fetchval(
            """
            INSERT INTO risk_entries (region_code, body, description, kind, level, created_by,
                                      created_at, status_changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id
            """,
            entry.region_code,
            entry.body,
            entry.description,
            entry.kind,
            entry.level,
            author,
            at,
        )
        assert isinstance(entry_id, int)
        return entry_id

    async def entry(self, entry_id: int) -> EntryRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_ENTRY_COLUMNS} FROM risk_entries r WHERE r.id = $1", entry_id
        )
        return EntryRow(**dict(record)) if record else None

    async def entries(
        self, regions: list[str] | None, *, offset: int, limit: int
    ) -> tuple[list[EntryRow], int]:
        region_r = REGIONS_FILTER.format(column="r.region_code")
        records = await self._db.fetch(
            f"""
            SELECT {_ENTRY_COLUMNS}, count(*) OVER () AS total FROM risk_entries r
            WHERE {region_r}
            ORDER BY (r.status = 'closed'), r.id DESC OFFSET $2 LIMIT $3
            """,
            regions,
            offset,
            limit,
        )
        total = records[0]["total"] if records else 0
        return [
            EntryRow(**{k: v for k, v in dict(record).items() if k != "total"})
            for record in records
        ], total

    async def set_status(
        self, entry_id: int, status: str, at: datetime, *, allowed_from: tuple[str, ...]
    ) -> bool:
        changed = await self._db.fetchval(
            """
            UPDATE risk_entries SET status = $2, status_changed_at = $3
            WHERE id = $1 AND status = ANY($4::text[]) RETURNING id
            """,
            entry_id,
            status,
            at,
            list(allowed_from),
        )
        return changed is not None

    async def link_violation(self, entry_id: int, violation_id: int, by: int, at: datetime) -> bool:
        """False when the violation was already linked."""
        linked = await self._db.fetchval(
            """
            INSERT INTO risk_entry_violations (entry_id, violation_id, linked_by, linked_at)
            VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING entry_id
            """,
            entry_id,
            violation_id,
            by,
            at,
        )
        return linked is not None

    async def link_tip(self, entry_id: int, tip_id: int, by: int, at: datetime) -> bool:
        linked = await self._db.fetchval(
            """
            INSERT INTO risk_entry_tips (entry_id, tip_id, linked_by, linked_at)
            VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING entry_id
            """,
            entry_id,
            tip_id,
            by,
            at,
        )
        return linked is not None

    async def linked_violations(self, entry_id: int) -> list[ViolationRow]:
        records = await self._db.fetch(
            f"""
            SELECT {_VIOLATION_COLUMNS} FROM violations v
            JOIN risk_entry_violations l ON l.violation_id = v.id
            WHERE l.entry_id = $1 ORDER BY v.id
            """,
            entry_id,
        )
        return [ViolationRow(**dict(record)) for record in records]

    async def linked_tips(self, entry_id: int) -> list[LinkedTip]:
        records = await self._db.fetch(
            """
            SELECT t.id, t.category_code, t.region_code, t.body_concerned, t.status, t.created_at
            FROM tips t JOIN risk_entry_tips l ON l.tip_id = t.id
            WHERE l.entry_id = $1 ORDER BY t.id
            """,
            entry_id,
        )
        return [LinkedTip(**dict(record)) for record in records]

    async def unlinked_violations(
        self, entry_id: int, region_code: str, body: str, limit: int
    ) -> list[ViolationRow]:
        """The region's violations not yet linked to the entry, those of its body first."""
        records = await self._db.fetch(
            f"""
            SELECT {_VIOLATION_COLUMNS} FROM violations v
            WHERE v.region_code = $2 AND NOT EXISTS (
                SELECT 1 FROM risk_entry_violations l
                WHERE l.entry_id = $1 AND l.violation_id = v.id)
            ORDER BY (v.body_key = $3) DESC, v.created_at DESC, v.id DESC
            LIMIT $4
            """,
            entry_id,
            region_code,
            body_key(body),
            limit,
        )
        return [ViolationRow(**dict(record)) for record in records]

    async def passed_tips(self, entry_id: int, region_code: str, limit: int) -> list[LinkedTip]:
        """The region's tips passed to ambassadors and not yet linked to the entry."""
        records = await self._db.fetch(
            """
            SELECT t.id, t.category_code, t.region_code, t.body_concerned, t.status, t.created_at
            FROM tips t
            WHERE t.region_code = $2 AND t.status = 'passed' AND NOT EXISTS (
                SELECT 1 FROM risk_entry_tips l WHERE l.entry_id = $1 AND l.tip_id = t.id)
            ORDER BY t.status_changed_at DESC, t.id DESC LIMIT $3
            """,
            entry_id,
            region_code,
            limit,
        )
        return [LinkedTip(**dict(record)) for record in records]

    async def tip(self, tip_id: int) -> LinkedTip | None:
        record = await self._db.fetchrow(
            """
            SELECT id, category_code, region_code, body_concerned, status, created_at
            FROM tips WHERE id = $1
            """,
            tip_id,
        )
        return LinkedTip(**dict(record)) if record else None
