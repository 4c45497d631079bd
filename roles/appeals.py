"""Appeals to state bodies, written by ambassadors from a register entry.

An appeal carries the violations chosen as its evidence. Recording it "sent" on a date fixes the
answer's due date: `answer_working_days` working days later (weekends and Kazakhstan's public
holidays not counted). Reminders go to its ambassador 3 working days before, on the due day,
and the day after when no answer has come (then to the region's coordinators too). Recording the
answer closes the loop: the entry and its tips move on, and confidential tipsters hear of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

from db.appeals import AppealRow, NewAppeal
from db.fieldwork import ViolationEvidenceRow, ViolationRow
from db.risks import EntryRow
from db.store import Store
from roles import outcomes
from roles.calendar import add_working_days, working_days_before
from roles.clock import Clock
from roles.errors import InvalidInput, NotFound
from roles.model import Actor, Permission, permits, require
from roles.risks import kept_entry, scope
from roles.tips import KeptInConversation, advance_with_appeal, one_line, parse_date, within

ADDRESSEE_LIMITS = (2, 300)
SUBJECT_LIMITS = (3, 300)
APPEAL_BODY_LIMITS = (20, 4000)
"""A Telegram message holds 4,096 characters; the letter itself can be longer once edited."""
ANSWER_LIMITS = (1, 4000)
REMIND_BEFORE_WORKING_DAYS = 3
REMIND_AT = time(9, 0)
"""Appeal reminders arrive at this local hour of their day."""


@dataclass(frozen=True)
class AppealRules:
    answer_working_days: int
    zone: ZoneInfo
    outcomes_channel: int | None = None

    def today(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()


@dataclass
class AppealDraft(KeptInConversation):
    data_key: ClassVar[str] = "appeal"

    entry: int = 0
    addressee: str | None = None
    subject: str | None = None
    body: str | None = None
    violations: list[int] = field(default_factory=list)


def check_addressee(text: str | None) -> str:
    return within(one_line(text), ADDRESSEE_LIMITS, "error-appeal-addressee")


def check_subject(text: str | None) -> str:
    return within(one_line(text), SUBJECT_LIMITS, "error-appeal-subject")


def check_body(text: str | None) -> str:
    return within((text or "").strip(), APPEAL_BODY_LIMITS, "error-appeal-body")


async def start_appeal(store: Store, actor: Actor, entry_id: int) -> EntryRow:
    """The entry an appeal is written from: the actor's, not closed, with violations to cite."""
    require(actor, Permission.WRITE_APPEALS)
    entry = await kept_entry(store, actor, entry_id)
    if entry.status == "closed":
        raise InvalidInput("error-entry-closed", number=entry_id)
    if entry.violations == 0:
        raise InvalidInput("error-appeal-no-violations", number=entry_id)
    return entry


async def citable_violations(store: Store, actor: Actor, entry_id: int) -> list[ViolationRow]:
    await start_appeal(store, actor, entry_id)
    return await store.risks.linked_violations(entry_id)


async def create_appeal(store: Store, actor: Actor, draft: AppealDraft, clock: Clock) -> int:
    now = clock.now()
    async with store.transaction() as tx:
        entry = await start_appeal(tx, actor, draft.entry)
        linked = {violation.id for violation in await tx.risks.linked_violations(entry.id)}
        chosen = tuple(sorted(set(draft.violations)))
        if not chosen or not set(chosen) <= linked:
            raise InvalidInput("error-appeal-choose-violations")
        appeal = NewAppeal(
            entry_id=entry.id,
            region_code=entry.region_code,
            addressee=check_addressee(draft.addressee),
            subject=check_subject(draft.subject),
            body=check_body(draft.body),
            violation_ids=chosen,
        )
        appeal_id = await tx.appeals.add(appeal, actor.user_id, now)
        await _audit(tx, actor, "appeal.created", appeal_id, now, entry=entry.id,
                     violations=list(chosen))  # fmt: skip
    return appeal_id


async def _audit(
    tx: Store, actor: Actor, action: str, appeal_id: int, now: datetime, **details: object
) -> None:
    await tx.audit.write(
        actor_kind="user",
        actor_user_id=actor.user_id,
        action=action,
        object_type="appeal",
        object_id=str(appeal_id),
        details=dict(details),
        at=now,
    )


async def written_appeal(store: Store, actor: Actor, appeal_id: int) -> AppealRow:
    """An appeal of the actor's regions; any other is "not found", whether it exists or not."""
    require(actor, Permission.WRITE_APPEALS)
    appeal = await store.appeals.get(appeal_id)
    if appeal is None or not permits(actor, Permission.WRITE_APPEALS, appeal.region_code):
        raise NotFound("error-appeal-not-found", number=appeal_id)
    return appeal


@dataclass(frozen=True)
class AppealView:
    appeal: AppealRow
    entry: EntryRow
    violations: list[ViolationRow]
    evidence: dict[int, list[ViolationEvidenceRow]]


async def appeal_view(store: Store, actor: Actor, appeal_id: int) -> AppealView:
    """The appeal with its violations and their evidence (kind, received, SHA-256)."""
    appeal = await written_appeal(store, actor, appeal_id)
    entry = await store.risks.entry(appeal.entry_id)
    assert entry is not None
    violations = []
    evidence = {}
    for violation_id in await store.appeals.violation_ids(appeal_id):
        violation = await store.fieldwork.violation(violation_id)
        assert violation is not None
        violations.append(violation)
        evidence[violation_id] = await store.fieldwork.violation_evidence(violation_id)
    return AppealView(appeal, entry, violations, evidence)


async def letter(store: Store, actor: Actor, appeal_id: int, clock: Clock) -> AppealView:
    """What the DOCX letter is made of; each letter given out is audited, like every view of
    violation evidence."""
    view = await appeal_view(store, actor, appeal_id)
    now = clock.now()
    async with store.transaction() as tx:
        await _audit(tx, actor, "appeal.letter", appeal_id, now,
                     violations=[violation.id for violation in view.violations])  # fmt: skip
    return view


async def appeals(
    store: Store, actor: Actor, *, page: int, per_page: int
) -> tuple[list[AppealRow], int]:
    regions = scope(actor, Permission.WRITE_APPEALS)
    return await store.appeals.listed(regions, offset=page * per_page, limit=per_page)


def check_sent_on(text: str | None, today: date, written: date) -> date:
    """The day the appeal went out: not in the future, not before it was written."""
    sent_on = parse_date(text, "error-appeal-sent-date")
    if sent_on > today:
        raise InvalidInput("error-appeal-sent-future")
    if sent_on < written:
        raise InvalidInput("error-appeal-sent-before-written", written=f"{written:%d.%m.%Y}")
    return sent_on


def reminder_moments(due_on: date, zone: ZoneInfo) -> list[tuple[str, datetime]]:
    """When the ambassador is reminded of an answer due on `due_on`."""

    def at(day: date) -> datetime:
        return datetime.combine(day, REMIND_AT, tzinfo=zone)

    return [
        ("appeal_due_soon", at(working_days_before(due_on, REMIND_BEFORE_WORKING_DAYS))),
        ("appeal_due_today", at(due_on)),
        ("appeal_overdue", at(due_on + timedelta(days=1))),
    ]


async def record_sent(
    store: Store,
    actor: Actor,
    appeal_id: int,
    sent_text: str | None,
    rules: AppealRules,
    clock: Clock,
) -> date:
    """The appeal went out on the typed day (or today); returns the answer's due date."""
    now = clock.now()
    today = rules.today(now)
    async with store.transaction() as tx:
        appeal = await written_appeal(tx, actor, appeal_id)
        if appeal.status != "draft":
            raise InvalidInput("error-appeal-already-sent", number=appeal_id)
        written = rules.today(appeal.created_at)
        sent_on = today if sent_text is None else check_sent_on(sent_text, today, written)
        due_on = add_working_days(sent_on, rules.answer_working_days)
        if not await tx.appeals.mark_sent(appeal_id, sent_on, due_on):
            raise InvalidInput("error-appeal-already-sent", number=appeal_id)
        for kind, moment in reminder_moments(due_on, rules.zone):
            if moment > now or kind == "appeal_overdue":
                await tx.reminders.add(
                    kind, max(moment, now), now, appeal_id=appeal_id, user_id=actor.user_id
                )
        await tx.risks.set_status(appeal.entry_id, "appeal_sent", now, allowed_from=("open",))
        tips = [tip.id for tip in await tx.risks.linked_tips(appeal.entry_id)]
        moved = await advance_with_appeal(tx, actor.user_id, tips, "appeal_sent", now)
        await _audit(tx, actor, "appeal.sent", appeal_id, now, sent_on=sent_on.isoformat(),
                     due_on=due_on.isoformat(), tips=moved)  # fmt: skip
    return due_on


def check_answer(text: str | None) -> str:
    return within((text or "").strip(), ANSWER_LIMITS, "error-appeal-answer")


async def record_answer(
    store: Store,
    actor: Actor,
    appeal_id: int,
    rules: AppealRules,
    clock: Clock,
    *,
    text: str | None,
    file_id: str | None = None,
    file_name: str | None = None,
) -> list[int]:
    """The body's answer came (a text, a document, or both): the appeal is answered, its
    reminders stop, its entry is answered, and the tips behind it move to "answered" (their
    confidential tipsters are told). Returns the tips that moved.

    This is where an appeal is recorded answered (`audit_log` action `appeal.answered`)."""
    answer = check_answer(text) if text is not None else None
    if answer is None and file_id is None:
        raise InvalidInput("error-appeal-answer")
    now = clock.now()
    async with store.transaction() as tx:
        appeal = await written_appeal(tx, actor, appeal_id)
        if not await tx.appeals.mark_answered(appeal_id, now, answer, file_id, file_name):
            raise InvalidInput("error-appeal-not-awaiting", number=appeal_id)
        await tx.reminders.cancel(now, appeal_id=appeal_id)
        await tx.risks.set_status(
            appeal.entry_id, "answered", now, allowed_from=("open", "appeal_sent")
        )
        tips = [tip.id for tip in await tx.risks.linked_tips(appeal.entry_id)]
        moved = await advance_with_appeal(tx, actor.user_id, tips, "answered", now)
        late = appeal.overdue(rules.today(now))
        await _audit(tx, actor, "appeal.answered", appeal_id, now, tips=moved, late=late,
                     with_document=file_id is not None)  # fmt: skip
        await outcomes.announce(
            tx, rules.outcomes_channel, "appeal_answered", {"appeal": appeal_id}, now
        )
    return moved
