"""Figures on tips and appeals for ambassadors, ombudsmen and coordinators, and the rows of the
CSV exports. No query here reads a tipster: not `tipster_user_id`, not a receipt, not a name
of a citizen (commissars are named as handlers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from db.counts import in_regions, tips_counted
from db.executor import Executor, with_work_mem
from db.risks import BODY_KEY, REGIONS_FILTER


@dataclass(frozen=True)
class BodyAppeals:
    addressee: str
    answered: int
    overdue: int


@dataclass(frozen=True)
class TipFigures:
    total: int
    by_status: dict[str, int]
    by_region: dict[str, int]
    by_category: dict[str, int]
    median_take: timedelta | None
    median_resolve: timedelta | None
    overdue_assignments: int
    appeals_awaiting: int
    appeals_overdue: int
    appeals_by_body: list[BodyAppeals]


def _seconds(value: float | None) -> timedelta | None:
    return None if value is None else timedelta(seconds=round(value))


class Analytics:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def fold_tip_counts(self) -> int:
        """Move the tip count changes committed so far into the counts (0011): how many."""
        folded: int = await self._db.fetchval("SELECT tip_counts_fold()")
        return folded

    async def figures(
        self,
        regions: list[str] | None,
        since: datetime,
        until: datetime,
        now: datetime,
        today: date,
        working: tuple[str, ...],
    ) -> TipFigures:
        """Tips reported in [since, until); overdue assignments and appeals as they are now."""
        region_t = in_regions("t.region_code", regions)
        region_a = REGIONS_FILTER.format(column="a.region_code")
        async with with_work_mem(self._db) as db:
            record = await db.fetchrow(
                f"""
                WITH t AS MATERIALIZED (
                    SELECT status, region_code, category_code, sum(tips) AS n
                    FROM ({tips_counted("$2", "$3", regions)}) counted
                    GROUP BY status, region_code, category_code
                    HAVING sum(tips) > 0
                ), a AS (
                    SELECT a.* FROM appeals a WHERE {region_a} AND a.status <> 'draft'
                )
                SELECT
                    (SELECT coalesce(sum(n), 0)::bigint FROM t) AS total,
                    (SELECT coalesce(json_object_agg(status, n), '{{}}') FROM
                        (SELECT status, sum(n)::bigint AS n FROM t GROUP BY status) s) AS by_status,
                    (SELECT coalesce(json_object_agg(region_code, n), '{{}}') FROM
                        (SELECT region_code, sum(n)::bigint AS n FROM t GROUP BY region_code) r)
                        AS by_region,
                    (SELECT coalesce(json_object_agg(category_code, n), '{{}}') FROM
                        (SELECT category_code, sum(n)::bigint AS n FROM t GROUP BY category_code) c)
                        AS by_category,
                    medians.take AS median_take,
                    medians.resolve AS median_resolve,
                    (SELECT count(*) FROM tips t
                     WHERE {region_t} AND t.status = ANY($6::text[]) AND t.resolve_due < $4)
                        AS overdue_assignments,
                    (SELECT count(*) FROM a WHERE status = 'sent') AS appeals_awaiting,
                    (SELECT count(*) FROM a WHERE status = 'sent' AND due_on < $5)
                        AS appeals_overdue,
                    (SELECT coalesce(json_agg(json_build_array(addressee, answered, overdue)
                                              ORDER BY answered + overdue DESC, addressee), '[]')
                     FROM (
                        SELECT min(addressee) AS addressee,
                               count(*) FILTER (WHERE status = 'answered') AS answered,
                               count(*) FILTER (WHERE status = 'sent' AND due_on < $5) AS overdue
                        FROM a GROUP BY {BODY_KEY.format(column="addressee")}
                        HAVING count(*) FILTER (WHERE status = 'answered'
                                                OR (status = 'sent' AND due_on < $5)) > 0
                     ) b) AS appeals_by_body
                FROM (
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t.take_seconds) AS take,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolve_seconds)
                               AS resolve
                    FROM tips t
                    WHERE {region_t} AND t.created_at >= $2 AND t.created_at < $3
                ) medians
                """,
                regions,
                since,
                until,
                now,
                today,
                list(working),
            )
        assert record is not None
        return TipFigures(
            total=record["total"],
            by_status=dict(record["by_status"]),
            by_region=dict(record["by_region"]),
            by_category=dict(record["by_category"]),
            median_take=_seconds(record["median_take"]),
            median_resolve=_seconds(record["median_resolve"]),
            overdue_assignments=record["overdue_assignments"],
            appeals_awaiting=record["appeals_awaiting"],
            appeals_overdue=record["appeals_overdue"],
            appeals_by_body=[BodyAppeals(*row) for row in record["appeals_by_body"]],
        )

    # -------------------------------------------------------------- exports

    async def tips_for_export(
        self, regions: list[str] | None, since: datetime, until: datetime
    ) -> list[dict[str, Any]]:
        region_t = REGIONS_FILTER.format(column="t.region_code")
        records = await self._db.fetch(
            f"""
            SELECT t.id, t.created_at, t.region_code AS region, t.category_code AS category,
                   t.body_concerned AS body, t.status, t.status_changed_at, t.taken_at,
                   t.first_action_due, t.resolve_due, t.resolved_at,
                   concat_ws(' ', u.first_name, u.last_name) AS handler,
                   (SELECT count(*) FROM violations v WHERE v.tip_id = t.id) AS violations
            FROM tips t LEFT JOIN users u ON u.id = t.assignee_user_id
            WHERE {region_t} AND t.created_at >= $2 AND t.created_at < $3
            ORDER BY t.id
            """,
            regions,
            since,
            until,
        )
        return [dict(record) for record in records]

    async def violations_for_export(
        self, regions: list[str] | None, since: datetime, until: datetime
    ) -> list[dict[str, Any]]:
        region_v = REGIONS_FILTER.format(column="v.region_code")
        records = await self._db.fetch(
            f"""
            SELECT v.id, v.created_at, v.region_code AS region, v.body, v.description,
                   v.rule_broken, v.severity, v.amount, v.tip_id, v.check_id,
                   concat_ws(' ', u.first_name, u.last_name) AS recorded_by,
                   (SELECT count(*) FROM violation_evidence e WHERE e.violation_id = v.id)
                       AS evidence_files,
                   (SELECT string_agg(e.sha256, ' ' ORDER BY e.position)
                    FROM violation_evidence e WHERE e.violation_id = v.id) AS evidence_sha256
            FROM violations v JOIN users u ON u.id = v.recorded_by
            WHERE {region_v} AND v.created_at >= $2 AND v.created_at < $3
            ORDER BY v.id
            """,
            regions,
            since,
            until,
        )
        return [dict(record) for record in records]

    async def appeals_for_export(
        self, regions: list[str] | None, since: datetime, until: datetime, today: date
    ) -> list[dict[str, Any]]:
        region_a = REGIONS_FILTER.format(column="a.region_code")
        records = await self._db.fetch(
            f"""
            SELECT a.id, a.created_at, a.region_code AS region, a.entry_id AS register_entry,
                   a.addressee, a.subject, a.status, a.sent_on, a.due_on,
                   (a.status = 'sent' AND a.due_on < $4) AS overdue, a.answered_at,
                   (SELECT string_agg(l.violation_id::text, ' ' ORDER BY l.violation_id)
                    FROM appeal_violations l WHERE l.appeal_id = a.id) AS violations
            FROM appeals a
            WHERE {region_a} AND a.created_at >= $2 AND a.created_at < $3
            ORDER BY a.id
            """,
            regions,
            since,
            until,
            today,
        )
        return [dict(record) for record in records]
