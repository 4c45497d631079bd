"""How the figures choose their regions and count tips over a period.

Tips are counted per month and per day (UTC) of arrival, region, category and status in
`tip_months` and `tip_days`; a trigger appends every change of a tip to `tip_count_changes`
(locking nothing another change needs), and `tip_counts_fold()` moves those into the counts
every minute. The figures read `tip_months_now` and `tip_days_now`, the counts and the changes
not yet folded together, so they are exact whether folded or not (0010_figures.sql,
0011_tip_count_changes.sql). A period [since, until) is counted from the first of a month nearest to
each end (its "anchor": the first of the end's own month in the first half of a month, of the
next one in the second): the whole months between the two anchors, plus or minus the whole days
and then the hours (from the tips themselves) between each end and its anchor. A year costs
about 12 months of rows and a few days, and every sum is exact."""

from __future__ import annotations


def in_regions(column: str, regions: list[str] | None) -> str:
    """Rows of the regions given as $1, or of the whole country when there are none. A
    nationwide and a regional figure are two statements, not one with `$1 IS NULL OR`: that
    form hides the region from the planner, so a region's figures read the whole country."""
    return "$1::text[] IS NULL" if regions is None else f"{column} = ANY($1::text[])"


def _utc(moment: str) -> str:
    return f"(({moment}) AT TIME ZONE 'UTC')"


def _starts(day: str) -> str:
    """The moment a UTC day starts."""
    return f"(({day})::timestamp AT TIME ZONE 'UTC')"


def _early(moment: str) -> str:
    return f"(extract(day FROM {_utc(moment)}) <= 15)"


def _anchor(moment: str) -> str:
    month = f"date_trunc('month', {_utc(moment)})"
    return f"(CASE WHEN {_early(moment)} THEN {month} ELSE {month} + interval '1 month' END)::date"


def _to_anchor(moment: str, sign: int, regions: list[str] | None) -> list[str]:
    """Rows whose sums are `sign` times the tips from the moment's anchor to the moment: those
    of [anchor, moment) when the anchor is before it, minus those of [moment, anchor) after."""
    utc = _utc(moment)
    day = f"{utc}::date"
    month = f"date_trunc('month', {utc})::date"
    next_month = f"(date_trunc('month', {utc}) + interval '1 month')::date"
    days = in_regions("d.region_code", regions)
    tips = in_regions("t.region_code", regions)
    early = _early(moment)
    return [
        f"""SELECT d.region_code, d.category_code, d.status, {sign} * d.tips FROM tip_days_now d
            WHERE {early} AND {days} AND d.day >= {month} AND d.day < {day}""",
        f"""SELECT t.region_code, t.category_code, t.status, {sign} FROM tips t
            WHERE {early} AND {tips} AND t.created_at >= {_starts(day)}
              AND t.created_at < ({moment})""",
        f"""SELECT d.region_code, d.category_code, d.status, {-sign} * d.tips FROM tip_days_now d
            WHERE NOT {early} AND {days} AND d.day > {day} AND d.day < {next_month}""",
        f"""SELECT t.region_code, t.category_code, t.status, {-sign} FROM tips t
            WHERE NOT {early} AND {tips} AND t.created_at >= ({moment})
              AND t.created_at < {_starts(f"{day} + 1")}""",
    ]


def tips_counted(since: str, until: str, regions: list[str] | None) -> str:
    """A query of rows (region_code, category_code, status, tips) whose sums per region,
    category and status are the tips that arrived in [since, until) (two SQL expressions of
    timestamptz, since <= until), in their status now. A row may hold 0 or less."""
    months = in_regions("m.region_code", regions)
    return "\nUNION ALL\n".join(
        [
            f"""SELECT m.region_code, m.category_code, m.status, m.tips FROM tip_months_now m
                WHERE {months} AND m.month >= {_anchor(since)} AND m.month < {_anchor(until)}""",
            *_to_anchor(until, 1, regions),
            *_to_anchor(since, -1, regions),
        ]
    )
