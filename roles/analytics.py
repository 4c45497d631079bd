"""Figures on tips and appeals for ambassadors, ombudsmen and coordinators, and the CSV exports of
tips, violations and appeals. Neither ever carries a tipster: no account, no receipt, no
citizen's name, and not the tip's own text (which a tipster may have signed)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from db.analytics import TipFigures
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Permission, permits, require
from roles.risks import Period, scope
from roles.tips import EARLIEST_DATE, WORKING, parse_date

STATISTICS_DAYS = (7, 30, 90, 365)
EXPORT_KINDS = ("tips", "violations", "appeals")
EXPORT_DAYS = (30, 90, 365)
DATE = r"(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{1,2}-\d{1,2})"
PERIOD_TEXT = re.compile(rf"^\s*{DATE}\s*(?:–|—|-{{1,2}}|\.\.)\s*{DATE}\s*$")
FORBIDDEN_COLUMNS = frozenset({"tipster_user_id", "receipt_lookup", "receipt_hash"})
"""Columns no export may ever have (checked again when a file is written)."""


async def fold_tip_counts(store: Store) -> int:
    """Keep the figures quick: the tip count changes since the last fold join the counts. The
    figures are exact whether folded or not (db/counts.py)."""
    return await store.analytics.fold_tip_counts()


def parse_period(text: str | None, today: date) -> Period:
    """A period typed as 01.01.2026–31.03.2026 (a hyphen or two dots also do)."""
    found = PERIOD_TEXT.fullmatch(text or "")
    if found is None:
        raise InvalidInput("error-period-format")
    first = parse_date(found.group(1), "error-period-format")
    last = parse_date(found.group(2), "error-period-format")
    if first > last:
        raise InvalidInput("error-period-order")
    if first > today or first < EARLIEST_DATE:
        raise InvalidInput("error-period-range")
    return Period(first, min(last, today))


def choose_region(actor: Actor, need: Permission, code: str | None) -> str | None:
    """The region asked for (None: every region the actor may see), refused when not theirs."""
    if code is None:
        return None
    if not permits(actor, need, code):
        raise InvalidInput("error-unknown-region", region=code)
    return code


def _regions(actor: Actor, need: Permission, region: str | None) -> list[str] | None:
    allowed = scope(actor, need)
    return [choose_region(actor, need, region) or ""] if region is not None else allowed


@dataclass(frozen=True)
class StatisticsView:
    period: Period
    region: str | None
    figures: TipFigures


async def statistics(
    store: Store,
    actor: Actor,
    days: int,
    zone: ZoneInfo,
    clock: Clock,
    region: str | None = None,
) -> StatisticsView:
    require(actor, Permission.VIEW_STATISTICS)
    if days not in STATISTICS_DAYS:
        raise InvalidInput()
    regions = _regions(actor, Permission.VIEW_STATISTICS, region)
    now = clock.now()
    today = now.astimezone(zone).date()
    period = Period.last_days(days, today)
    since, until = period.bounds(zone)
    figures = await store.analytics.figures(regions, since, until, now, today, WORKING)
    return StatisticsView(period, region, figures)


@dataclass(frozen=True)
class Export:
    file_name: str
    data: bytes
    rows: int


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (people's words are never formulas)."""


def _cell(value: object, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return f"{value:f}"
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text  # a spreadsheet must show it, never run it
    return text


def csv_bytes(rows: list[dict[str, object]], columns: list[str], zone: ZoneInfo) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the Cyrillic right."""
    if FORBIDDEN_COLUMNS & set(columns):
        raise ValueError("an export must never carry a tipster's identity")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column], zone) for column in columns])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


EXPORT_COLUMNS = {
    "tips": [
        "id", "created_at", "region", "category", "body", "status", "status_changed_at",
        "taken_at", "first_action_due", "resolve_due", "resolved_at", "handler", "violations",
    ],
    "violations": [
        "id", "created_at", "region", "body", "description", "rule_broken", "severity",
        "amount", "tip_id", "check_id", "recorded_by", "evidence_files", "evidence_sha256",
    ],
    "appeals": [
        "id", "created_at", "region", "register_entry", "addressee", "subject", "status",
        "sent_on", "due_on", "overdue", "answered_at", "violations",
    ],
}  # fmt: skip


async def export_csv(
    store: Store,
    actor: Actor,
    kind: str,
    period: Period,
    region: str | None,
    zone: ZoneInfo,
    clock: Clock,
) -> Export:
    """One CSV of `kind` for the period and the region (None: every region the actor may
    see). The export is audited with its kind, period, region and number of rows."""
    require(actor, Permission.EXPORT_DATA)
    if kind not in EXPORT_KINDS:
        raise InvalidInput()
    regions = _regions(actor, Permission.EXPORT_DATA, region)
    since, until = period.bounds(zone)
    now = clock.now()
    async with store.transaction() as tx:
        if kind == "tips":
            rows = await tx.analytics.tips_for_export(regions, since, until)
        elif kind == "violations":
            rows = await tx.analytics.violations_for_export(regions, since, until)
        else:
            today = now.astimezone(zone).date()
            rows = await tx.analytics.appeals_for_export(regions, since, until, today)
        data = csv_bytes(rows, EXPORT_COLUMNS[kind], zone)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="export.created",
            object_type="export",
            object_id=kind,
            details={
                "kind": kind,
                "period": period.text(),
                "region": region or ("*" if regions is None else ",".join(regions)),
                "rows": len(rows),
            },
            at=now,
        )
    name = f"{kind}_{region or 'all'}_{period.first:%Y%m%d}-{period.last:%Y%m%d}.csv"
    return Export(name, data, len(rows))
