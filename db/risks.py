"""The risk picture (violations and tips counted by region, body, category, severity and month)
and the register of pain points and corruption risks with the violations and tips behind each
entry. No query here reads who sent a tip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db.counts import in_regions, tips_counted
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
"""Violations and tips of the period (a, b) and of the one before (c, d), from `by_region`."""


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
        region_v = in_regions("v.region_code", regions)
        region_t = in_regions("t.region_code", regions)
        month_tips = tips_counted("greatest(starts, $2)", "least(ends, $3)", regions)
        async with with_work_mem(self._db) as db:
            record = await db.fetchrow(
                f"""
                WITH v AS MATERIALIZED (
                    SELECT v.created_at >= $2 AS current, v.region_code, v.body_key,
                           v.severity, min(v.body) AS body, count(*) AS n
                    FROM violations v
                    WHERE {region_v} AND v.created_at >= $4 AND v.created_at < $3
                    GROUP BY v.created_at >= $2, v.region_code, v.body_key, v.severity
                ), t AS MATERIALIZED (
                    SELECT true AS current, region_code, category_code, sum(tips) AS n
                    FROM ({tips_counted("$2", "$3", regions)}) counted
                    WHERE status <> 'withdrawn' GROUP BY region_code, category_code
                    UNION ALL
                    SELECT false, region_code, category_code, sum(tips)
                    FROM ({tips_counted("$4", "$2", regions)}) counted
                    WHERE status <> 'withdrawn' GROUP BY region_code, category_code
                ), by_region AS (
                    SELECT 'violation' AS kind, current, region_code, n FROM v
                    UNION ALL
                    SELECT 'tip', current, region_code, n FROM t
                ), v_bodies AS MATERIALIZED (
                    SELECT body_key, min(body) AS body,
                           coalesce(sum(n) FILTER (WHERE current), 0) AS a,
                           coalesce(sum(n) FILTER (WHERE NOT current), 0) AS c
                    FROM v GROUP BY body_key
                ), bar AS (
                    -- The violations of the last body shown: no body with fewer can be shown,
                    -- so only the tips of those with as many are counted. 0 when fewer bodies
                    -- than are shown have violations: then any body with tips may be shown.
                    SELECT coalesce((SELECT a FROM v_bodies WHERE a > 0
                                     ORDER BY a DESC OFFSET greatest($5 - 1, 0) LIMIT 1), 0) AS a
                ), t_bodies AS (
                    SELECT t.body_key, min(t.body_concerned) AS body,
                           count(*) FILTER (WHERE t.created_at >= $2) AS b,
                           count(*) FILTER (WHERE t.created_at < $2) AS d
                    FROM tips t
                    WHERE (SELECT a FROM bar) > 0
                      AND t.body_key = ANY(ARRAY(SELECT body_key FROM v_bodies
                                                 WHERE a >= (SELECT a FROM bar)))
                      AND {region_t} AND t.status <> 'withdrawn'
                      AND t.created_at >= $4 AND t.created_at < $3
                    GROUP BY t.body_key
                    UNION ALL
                    SELECT t.body_key, min(t.body_concerned),
                           count(*) FILTER (WHERE t.created_at >= $2),
                           count(*) FILTER (WHERE t.created_at < $2)
                    FROM tips t
                    WHERE (SELECT a FROM bar) = 0
                      AND {region_t} AND t.status <> 'withdrawn'
                      AND t.created_at >= $4 AND t.created_at < $3
                    GROUP BY t.body_key
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
                        FROM by_region GROUP BY region_code
                        HAVING bool_or(current)) r) AS by_region,
                    (SELECT coalesce(json_agg(json_build_array(body_key, body, a, b, c, d)
                                              ORDER BY a DESC, b DESC, body_key), '[]') FROM (
                        SELECT body_key, min(body) AS body, sum(a) AS a, sum(b) AS b,
                               sum(c) AS c, sum(d) AS d
                        FROM (SELECT body_key, body, a, 0 AS b, c, 0 AS d FROM v_bodies
                              UNION ALL
                              SELECT body_key, body, 0, b, 0, d FROM t_bodies) bodies
                        GROUP BY body_key
                        HAVING sum(a) + sum(b) > 0
                        ORDER BY a DESC, b DESC, body_key LIMIT $5) b) AS by_body,
                    (SELECT coalesce(json_object_agg(severity, n), '{{}}') FROM (
                        SELECT severity, sum(n)::bigint AS n FROM v
                        WHERE current GROUP BY severity) s) AS by_severity,
                    (SELECT coalesce(json_object_agg(category_code, n), '{{}}') FROM (
                        SELECT category_code, sum(n)::bigint AS n FROM t
                        WHERE current GROUP BY category_code HAVING sum(n) > 0) c) AS by_category,
                    (SELECT coalesce(json_agg(json_build_array(to_char(month, 'YYYY-MM-DD'), a, b)
                                              ORDER BY month), '[]')
                     FROM months,
                     LATERAL (SELECT count(*) AS a FROM violations v
                              WHERE {region_v} AND v.created_at >= greatest(starts, $2)
                                AND v.created_at < least(ends, $3)) a,
                     LATERAL (SELECT coalesce(sum(tips), 0) AS b
                              FROM ({month_tips}) counted
                              WHERE status <> 'withdrawn') b
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
