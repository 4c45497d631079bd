"""Commissars' field work: planned checks of six kinds, filled item by item from their checklist,
and violations found by a check or while working a tip.

A violation's evidence is fixed when it is recorded: each file keeps the moment the bot received
it, Telegram's unique id and the SHA-256 of the file as downloaded. Files can be added later,
never changed or removed (the store refuses it), and every look at them is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from db.fieldwork import (
    CheckKind,
    ChecklistItem,
    CheckRow,
    NewCheck,
    NewViolation,
    NewViolationEvidence,
    ViolationEvidenceRow,
    ViolationRow,
)
from db.store import Store
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, Role, permits, require
from roles.tips import (
    Evidence,
    KeptInConversation,
    check_evidence,
    handled_tip,
    one_line,
    parse_date,
    within,
)

TARGET_LIMITS = (2, 200)
REFERENCE_LIMITS = (1, 100)
VIOLATION_DESCRIPTION_LIMITS = (10, 2000)
RULE_LIMITS = (2, 300)
CHECK_ANSWERS = ("yes", "no", "na")
SEVERITIES = ("low", "medium", "high", "critical")
AMOUNT_LIMIT = Decimal("10000000000000")
VIOLATION_FILES_LIMIT = 20
PLAN_AHEAD = timedelta(days=366)


@dataclass(frozen=True)
class CheckView:
    check: CheckRow
    kind: CheckKind
    items: list[ChecklistItem]
    violations: list[ViolationRow]

    @property
    def open(self) -> bool:
        return self.check.status in ("planned", "in_progress")

    @property
    def next_item(self) -> ChecklistItem | None:
        return next((item for item in self.items if item.answer is None), None)


@dataclass(frozen=True)
class ReceivedFile:
    """A file of a violation as the bot received it: Telegram's description, the moment it
    arrived, and the SHA-256 of its bytes."""

    evidence: Evidence
    sha256: str
    received_at: datetime

    def as_data(self) -> dict[str, Any]:
        return {
            **self.evidence.as_data(),
            "sha256": self.sha256,
            "received_at": self.received_at.isoformat(),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ReceivedFile:
        return cls(
            Evidence.from_data(data),
            str(data["sha256"]),
            datetime.fromisoformat(str(data["received_at"])),
        )

    def as_row(self) -> NewViolationEvidence:
        item = self.evidence
        return NewViolationEvidence(
            kind=item.kind,
            file_id=item.file_id,
            file_unique_id=item.file_unique_id,
            file_size=item.file_size,
            mime_type=item.mime_type,
            file_name=item.file_name,
            sha256=self.sha256,
            received_at=self.received_at,
        )


@dataclass
class ViolationDraft(KeptInConversation):
    """A violation being written, as kept in the conversation's data between steps."""

    data_key: ClassVar[str] = "violation"

    check_id: int | None = None
    tip_id: int | None = None
    region: str | None = None
    body: str | None = None
    description: str | None = None
    rule: str | None = None
    severity: str | None = None
    amount: str | None = None
    files: list[dict[str, Any]] = field(default_factory=list)

    @property
    def received(self) -> list[ReceivedFile]:
        return [ReceivedFile.from_data(item) for item in self.files]


# ------------------------------------------------------------------ checking answers


def check_target(text: str | None) -> str:
    return within(one_line(text), TARGET_LIMITS, "error-check-target")


def check_reference(text: str | None) -> str:
    return within((text or "").strip(), REFERENCE_LIMITS, "error-check-reference")


def check_planned_date(text: str | None, today: date) -> date:
    """The day of a check, up to a year before or after today."""
    chosen = parse_date(text, "error-check-date")
    if not today - PLAN_AHEAD <= chosen <= today + PLAN_AHEAD:
        raise InvalidInput("error-check-date-range")
    return chosen


def check_violation_description(text: str | None) -> str:
    return within((text or "").strip(), VIOLATION_DESCRIPTION_LIMITS, "error-violation-what")


def check_violation_body(text: str | None) -> str:
    return within(one_line(text), TARGET_LIMITS, "error-violation-body")


def check_rule(text: str | None) -> str:
    return within(one_line(text), RULE_LIMITS, "error-violation-rule")


def check_amount(text: str | None) -> Decimal:
    """A sum of money as people type it: 1 500 000, 1500000.50 or 1 500 000,50 (tenge)."""
    value = re.sub(r"[\s\u00a0\u202f]", "", text or "").replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", value):
        raise InvalidInput("error-violation-amount")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise InvalidInput("error-violation-amount") from None
    if amount >= AMOUNT_LIMIT:
        raise InvalidInput("error-violation-amount")
    return amount


def check_file(item: Evidence, already: int) -> Evidence:
    """A file a violation may carry: the kinds, types and sizes a tip allows, and at most
    VIOLATION_FILES_LIMIT files in all."""
    if already >= VIOLATION_FILES_LIMIT:
        raise InvalidInput("error-violation-too-many", limit=VIOLATION_FILES_LIMIT)
    return check_evidence(item, 0)


# ------------------------------------------------------------------ checks


async def check_kinds(store: Store) -> list[CheckKind]:
    return await store.fieldwork.kinds()


async def check_kind(store: Store, code: str) -> CheckKind:
    kind = await store.fieldwork.kind(code)
    if kind is None:
        raise InvalidInput("error-check-kind")
    return kind


def fieldwork_regions(actor: Actor) -> tuple[str, ...]:
    require(actor, Permission.RECORD_FIELDWORK)
    return actor.regions_of(Role.COMMISSAR)


async def plan_check(
    store: Store,
    actor: Actor,
    *,
    kind: str,
    region: str,
    target: str,
    reference: str | None,
    planned_on: date,
    clock: Clock,
) -> int:
    require(actor, Permission.RECORD_FIELDWORK, region)
    chosen = await check_kind(store, kind)
    if chosen.needs_reference and not reference:
        raise InvalidInput("error-check-reference-short", minimum=REFERENCE_LIMITS[0], length=0)
    now = clock.now()
    async with store.transaction() as tx:
        check_id = await tx.fieldwork.add_check(
            NewCheck(
                kind_code=chosen.code,
                commissar_user_id=actor.user_id,
                region_code=region,
                target=check_target(target),
                reference=check_reference(reference) if chosen.needs_reference else None,
                planned_on=planned_on,
            ),
            now,
        )
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="check.planned",
            object_type="check",
            object_id=str(check_id),
            details={"kind": chosen.code, "region": region},
            at=now,
        )
    return check_id


async def my_checks(store: Store, actor: Actor) -> list[CheckRow]:
    require(actor, Permission.RECORD_FIELDWORK)
    return await store.fieldwork.checks_of(actor.user_id, limit=20)


def _sees_region(actor: Actor, region: str) -> bool:
    return permits(actor, Permission.RECORD_FIELDWORK, region) or permits(
        actor, Permission.SUPERVISE_TIPS, region
    )


async def check_view(store: Store, actor: Actor, check_id: int) -> CheckView:
    """A check for its commissar, the region's commissars and supervisors."""
    check = await store.fieldwork.check(check_id)
    if check is None or not _sees_region(actor, check.region_code):
        raise NotFound("error-check-not-found")
    kind = await check_kind(store, check.kind_code)
    return CheckView(
        check,
        kind,
        await store.fieldwork.checklist(check_id),
        await store.fieldwork.violations_of(check_id=check_id),
    )


async def check_to_fill(store: Store, actor: Actor, check_id: int) -> CheckView:
    """A check its own commissar goes on filling (a closed one only shows its card)."""
    view = await check_view(store, actor, check_id)
    if view.check.commissar_user_id != actor.user_id:
        raise NotAllowed("error-check-not-yours")
    return view


async def _own_open_check(store: Store, actor: Actor, check_id: int) -> CheckView:
    view = await check_view(store, actor, check_id)
    if view.check.commissar_user_id != actor.user_id:
        raise NotAllowed("error-check-not-yours")
    if not view.open:
        raise InvalidInput("error-check-closed", number=check_id)
    return view


async def answer_item(
    store: Store, actor: Actor, check_id: int, position: int, answer: str, clock: Clock
) -> CheckView:
    """Record one answer of the checklist; the check is then under way."""
    if answer not in CHECK_ANSWERS:
        raise InvalidInput()
    view = await _own_open_check(store, actor, check_id)
    if not any(item.position == position for item in view.items):
        raise InvalidInput()
    if not await store.fieldwork.answer_item(check_id, position, answer, clock.now()):
        raise InvalidInput("error-check-closed", number=check_id)
    return await check_view(store, actor, check_id)


async def finish_check(store: Store, actor: Actor, check_id: int, clock: Clock) -> CheckView:
    view = await _own_open_check(store, actor, check_id)
    unanswered = sum(1 for item in view.items if item.answer is None)
    if unanswered:
        raise InvalidInput("error-check-unanswered", count=unanswered)
    await _close_check(store, actor, check_id, "done", clock)
    return await check_view(store, actor, check_id)


async def cancel_check(store: Store, actor: Actor, check_id: int, clock: Clock) -> None:
    await _own_open_check(store, actor, check_id)
    await _close_check(store, actor, check_id, "cancelled", clock)


async def _close_check(
    store: Store, actor: Actor, check_id: int, status: str, clock: Clock
) -> None:
    now = clock.now()
    async with store.transaction() as tx:
        if not await tx.fieldwork.finish_check(check_id, status, now):
            raise InvalidInput("error-check-closed", number=check_id)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action=f"check.{status}",
            object_type="check",
            object_id=str(check_id),
            at=now,
        )


# ------------------------------------------------------------------ violations


async def start_violation(
    store: Store, actor: Actor, *, check_id: int | None = None, tip_id: int | None = None
) -> ViolationDraft:
    """A new violation of a check (its own commissar) or of a tip (its assignee)."""
    require(actor, Permission.RECORD_FIELDWORK)
    if check_id is not None:
        view = await check_view(store, actor, check_id)
        if view.check.commissar_user_id != actor.user_id:
            raise NotAllowed("error-check-not-yours")
        if view.check.status == "cancelled":
            raise InvalidInput("error-check-cancelled", number=check_id)
        return ViolationDraft(
            check_id=check_id, region=view.check.region_code, body=view.check.target
        )
    if tip_id is None:
        raise InvalidInput()
    tip = await handled_tip(store, actor, tip_id)
    if tip.assignee_user_id != actor.user_id:
        raise NotAllowed("error-tip-not-yours", number=tip_id)
    return ViolationDraft(tip_id=tip_id, region=tip.region_code, body=tip.body_concerned)


async def record_violation(store: Store, actor: Actor, draft: ViolationDraft, clock: Clock) -> int:
    """Store the violation with its evidence in one transaction. Its source is checked again:
    the conversation's data is only what the person typed."""
    fresh = await start_violation(store, actor, check_id=draft.check_id, tip_id=draft.tip_id)
    if draft.severity not in SEVERITIES or draft.description is None:
        raise InvalidInput("error-violation-incomplete")
    files = draft.received
    if not files:
        raise InvalidInput("error-violation-no-evidence")
    if len(files) > VIOLATION_FILES_LIMIT:
        raise InvalidInput("error-violation-too-many", limit=VIOLATION_FILES_LIMIT)
    assert fresh.region is not None
    now = clock.now()
    async with store.transaction() as tx:
        violation_id = await tx.fieldwork.add_violation(
            NewViolation(
                check_id=fresh.check_id,
                tip_id=fresh.tip_id,
                region_code=fresh.region,
                recorded_by=actor.user_id,
                body=check_violation_body(draft.body or fresh.body),
                description=check_violation_description(draft.description),
                rule_broken=check_rule(draft.rule) if draft.rule else None,
                severity=draft.severity,
                amount=check_amount(draft.amount) if draft.amount else None,
            ),
            now,
        )
        await tx.fieldwork.add_violation_evidence(
            violation_id, [item.as_row() for item in files], actor.user_id
        )
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="violation.recorded",
            object_type="violation",
            object_id=str(violation_id),
            details={"check": fresh.check_id, "tip": fresh.tip_id, "files": len(files)},
            at=now,
        )
    return violation_id


async def files_of(store: Store, actor: Actor, violation_id: int) -> int:
    """How many files the violation holds (for the limit on additions)."""
    return (await violation_view(store, actor, violation_id)).evidence_count


async def own_violation(store: Store, actor: Actor, violation_id: int) -> ViolationRow:
    """A violation its recorder adds evidence to."""
    violation = await violation_view(store, actor, violation_id)
    if violation.recorded_by != actor.user_id:
        raise NotAllowed("error-violation-not-yours")
    return violation


async def violation_view(store: Store, actor: Actor, violation_id: int) -> ViolationRow:
    violation = await store.fieldwork.violation(violation_id)
    if violation is None or not _sees_region(actor, violation.region_code):
        raise NotFound("error-violation-not-found")
    return violation


async def my_violations(store: Store, actor: Actor) -> list[ViolationRow]:
    require(actor, Permission.RECORD_FIELDWORK)
    return await store.fieldwork.violations_recorded_by(actor.user_id, limit=20)


async def add_evidence(
    store: Store, actor: Actor, violation_id: int, files: list[ReceivedFile], clock: Clock
) -> int:
    """More files for a recorded violation, by the commissar who recorded it."""
    violation = await violation_view(store, actor, violation_id)
    if violation.recorded_by != actor.user_id:
        raise NotAllowed("error-violation-not-yours")
    if not files:
        raise InvalidInput("error-violation-no-evidence")
    if violation.evidence_count + len(files) > VIOLATION_FILES_LIMIT:
        raise InvalidInput("error-violation-too-many", limit=VIOLATION_FILES_LIMIT)
    now = clock.now()
    async with store.transaction() as tx:
        await tx.fieldwork.add_violation_evidence(
            violation_id, [item.as_row() for item in files], actor.user_id
        )
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="violation.evidence_added",
            object_type="violation",
            object_id=str(violation_id),
            details={"files": len(files)},
            at=now,
        )
    return len(files)


async def violation_evidence(
    store: Store, actor: Actor, violation_id: int, clock: Clock
) -> list[ViolationEvidenceRow]:
    """The violation's files with their hashes; every look is in the audit log."""
    async with store.transaction() as tx:
        await violation_view(tx, actor, violation_id)
        evidence = await tx.fieldwork.violation_evidence(violation_id)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="violation.evidence_viewed",
            object_type="violation",
            object_id=str(violation_id),
            details={"files": len(evidence)},
            at=clock.now(),
        )
    return evidence
