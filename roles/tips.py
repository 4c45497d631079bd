"""Citizens' tips: checking each answer of the report conversation, sending a tip, the tipster's
own view, receipts, status changes with their notifications, the relay of questions and answers,
and the follow-up after a tip is resolved.

Privacy: a confidential tip keeps its tipster's account so the bot can write to them; nothing a
handler receives is built from it. An anonymous tip keeps no link to an account anywhere: the
draft is deleted in the transaction that stores the tip, the audit log records tipsters without a
name, the daily counter names no tip, and a receipt opened in the chat lives only in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, ClassVar, Self
from zoneinfo import ZoneInfo

from db.fsm import ConversationKey
from db.store import Store
from db.tips import (
    HistoryRow,
    NewEvidence,
    NewTip,
    StatusChange,
    ThreadMessage,
    TipListItem,
    TipRow,
)
from roles import outcomes, receipts
from roles.clock import Clock, QuietHours
from roles.errors import InvalidInput, NotAllowed, NotFound
from roles.model import Actor, Permission, Role, permits, require
from roles.receipts import ReceiptCode, ReceiptSessions

BODY_LIMITS = (2, 200)
DESCRIPTION_LIMITS = (20, 4000)
ADDRESS_LIMITS = (3, 300)
ANSWER_LIMIT = 4000
COMMENT_LIMIT = 1000
EVIDENCE_LIMIT = 10
FILE_SIZE_LIMIT = 20 * 1024 * 1024
"""Telegram lets bots download files up to 20 MB; a larger one could never be checked."""
EARLIEST_DATE = date(2000, 1, 1)

EVIDENCE_KINDS = ("photo", "video", "document", "voice")
DOCUMENT_EXTENSIONS = frozenset((
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv",
    "jpg", "jpeg", "png", "heic", "heif", "webp", "gif", "tif", "tiff", "bmp",
    "mp4", "mov", "avi", "mkv", "3gp", "webm", "mp3", "m4a", "ogg", "oga", "opus", "wav", "amr",
))  # fmt: skip
DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/msword",
        "application/rtf",
        "text/plain",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    }
)
DOCUMENT_TYPE_FAMILIES = ("image/", "video/", "audio/")

WHEN_CHOICES = ("today", "week", "earlier", "date")
IDENTITY_MODES = ("confidential", "anonymous")
FOLLOW_UP_ANSWERS = ("yes", "no", "partly")

CLOSED = frozenset({"resolved", "unfounded", "withdrawn"})
"""Statuses after which nobody works on the tip (a follow-up "no" can reopen a resolved one)."""

WORKING = ("taken", "in_work", "info_needed", "reopened")
STATUS_CHANGES: dict[str, tuple[str, ...]] = {
    "new": WORKING,
    "taken": ("new",),
    "in_work": ("taken", "info_needed", "reopened"),
    "info_needed": ("taken", "in_work", "reopened"),
    "resolved": WORKING,
    "unfounded": WORKING,
    "passed": WORKING,
    "appeal_sent": ("passed",),
    "answered": ("appeal_sent",),
}
"""What a handler may move a tip to, and from which statuses ('new': given back to the queue).
Withdrawing is the tipster's and reopening the follow-up's."""

NOTE_REQUIRED = frozenset({"resolved", "unfounded", "passed", "new"})
"""Changes that must say why: the outcome, the reason, what was passed on, why given back."""
NOTE_FOR_TIPSTER = frozenset({"resolved", "unfounded"})
"""Notes the tipster reads: the outcome and the reason. The others stay with the handlers."""
NOTE_LIMITS = (10, 1000)
QUESTION_LIMITS = (5, ANSWER_LIMIT)

RECEIPT_TRIES = 5
RECEIPT_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class TipRules:
    """The settings tips follow."""

    daily_limit: int
    follow_up_after: timedelta
    zone: ZoneInfo
    unclaimed_after: timedelta = timedelta(hours=24)
    quiet_hours: QuietHours | None = None
    outcomes_channel: int | None = None

    def today(self, now: datetime) -> date:
        return now.astimezone(self.zone).date()


@dataclass(frozen=True)
class SentTip:
    tip_id: int
    receipt: ReceiptCode | None


@dataclass(frozen=True)
class TipView:
    """A tip as its tipster sees it: the tip, what happened to it, and the thread."""

    tip: TipRow
    history: list[HistoryRow]
    thread: list[ThreadMessage]

    @property
    def open_for_answers(self) -> bool:
        return self.tip.status not in CLOSED

    @property
    def can_withdraw(self) -> bool:
        return self.tip.status == "new"


@dataclass(frozen=True)
class Evidence:
    """One file as Telegram describes it (the bot keeps its ids, never its bytes)."""

    kind: str
    file_id: str
    file_unique_id: str
    file_size: int | None = None
    mime_type: str | None = None
    file_name: str | None = None
    album: str | None = None

    def as_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.file_size,
            "mime_type": self.mime_type,
            "file_name": self.file_name,
            "album": self.album,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            kind=str(data["kind"]),
            file_id=str(data["file_id"]),
            file_unique_id=str(data["file_unique_id"]),
            file_size=data.get("file_size"),
            mime_type=data.get("mime_type"),
            file_name=data.get("file_name"),
            album=data.get("album"),
        )

    def as_row(self) -> NewEvidence:
        return NewEvidence(**self.as_data())


@dataclass
class KeptInConversation:
    """A dataclass kept under `data_key` in a conversation's data between steps (JSON)."""

    data_key: ClassVar[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Self:
        values = data.get(cls.data_key) or {}
        names = {item.name for item in fields(cls)}
        return cls(**{name: values[name] for name in names if name in values})

    def as_data(self) -> dict[str, Any]:
        return {self.data_key: {item.name: getattr(self, item.name) for item in fields(self)}}


@dataclass
class Draft(KeptInConversation):
    """The report being written, as kept in the conversation's data between steps."""

    data_key: ClassVar[str] = "draft"

    category: str | None = None
    region: str | None = None
    body: str | None = None
    description: str | None = None
    when: str | None = None
    when_date: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: str | None = None
    where_done: bool = False
    evidence: list[dict[str, Any]] = field(default_factory=list)
    evidence_done: bool = False
    identity: str | None = None

    @property
    def occurred_on(self) -> date | None:
        return date.fromisoformat(self.when_date) if self.when_date else None

    def complete(self) -> bool:
        return None not in (
            self.category,
            self.region,
            self.body,
            self.description,
            self.when,
            self.identity,
        )


# ------------------------------------------------------------------ checking answers


def one_line(text: str | None) -> str:
    """The text on one line, runs of spaces and line breaks made one space."""
    return re.sub(r"\s+", " ", text or "").strip()


def within(text: str, limits: tuple[int, int], key: str) -> str:
    low, high = limits
    if len(text) < low:
        raise InvalidInput(f"{key}-short", minimum=low, length=len(text))
    if len(text) > high:
        raise InvalidInput(f"{key}-long", maximum=high, length=len(text))
    return text


def check_body(text: str | None) -> str:
    return within(one_line(text), BODY_LIMITS, "error-tip-body")


def check_description(text: str | None) -> str:
    return within((text or "").strip(), DESCRIPTION_LIMITS, "error-tip-description")


def check_address(text: str | None) -> str:
    return within(one_line(text), ADDRESS_LIMITS, "error-tip-address")


def parse_date(text: str | None, error_key: str) -> date:
    """A date typed as 31.12.2025, 31/12/2025 or 2025-12-31; `error_key` refuses anything else."""
    value = (text or "").strip()
    found = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", value)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if found:
            day, month, year = (int(part) for part in found.groups())
        elif iso:
            year, month, day = (int(part) for part in iso.groups())
        else:
            raise InvalidInput(error_key)
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(error_key) from None


def parse_moment(text: str | None, zone: ZoneInfo, error_key: str) -> datetime:
    """A local date and time typed as 31.12.2026 15:30; `error_key` refuses anything else."""
    found = re.fullmatch(
        r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s+(\d{1,2})[:.](\d{2})", (text or "").strip()
    )
    if not found:
        raise InvalidInput(error_key)
    day, month, year, hour, minute = (int(part) for part in found.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        raise InvalidInput(error_key) from None


def check_date(text: str | None, today: date) -> date:
    """The day it happened: not in the future."""
    chosen = parse_date(text, "error-tip-date-format")
    if chosen > today:
        raise InvalidInput("error-tip-date-future")
    if chosen < EARLIEST_DATE:
        raise InvalidInput("error-tip-date-too-old", earliest=EARLIEST_DATE.strftime("%d.%m.%Y"))
    return chosen


def check_location(latitude: float, longitude: float) -> tuple[float, float]:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InvalidInput("error-tip-location")
    return latitude, longitude


def check_evidence(item: Evidence, already: int) -> Evidence:
    """A file the tip may carry: an allowed kind and type, 20 MB at most, 10 files at most."""
    if already >= EVIDENCE_LIMIT:
        raise InvalidInput("error-evidence-too-many", limit=EVIDENCE_LIMIT)
    if item.kind not in EVIDENCE_KINDS:
        raise InvalidInput("error-evidence-kind")
    if item.file_size is not None and item.file_size > FILE_SIZE_LIMIT:
        raise InvalidInput(
            "error-evidence-too-big",
            size=round(item.file_size / 1024 / 1024, 1),
            limit=FILE_SIZE_LIMIT // 1024 // 1024,
        )
    if item.kind == "document" and not _allowed_document(item.file_name, item.mime_type):
        raise InvalidInput("error-evidence-type", name=item.file_name or "")
    return item


def _allowed_document(file_name: str | None, mime_type: str | None) -> bool:
    extension = PurePosixPath(file_name or "").suffix.lower().lstrip(".")
    if extension:
        return extension in DOCUMENT_EXTENSIONS
    mime = (mime_type or "").lower()
    return mime in DOCUMENT_TYPES or mime.startswith(DOCUMENT_TYPE_FAMILIES)


def check_choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InvalidInput()
    return value


async def check_category(store: Store, code: str) -> str:
    if await store.catalog.category(code) is None:
        raise InvalidInput("error-tip-category")
    return code


# ------------------------------------------------------------------ sending


async def may_start_report(store: Store, actor: Actor, rules: TipRules, clock: Clock) -> None:
    """Refuse at once when today's tips are used up, rather than after the whole conversation."""
    require(actor, Permission.SEND_TIPS)
    sent = await store.tips.sent_on(actor.user_id, rules.today(clock.now()))
    if sent >= rules.daily_limit:
        raise InvalidInput("error-tip-daily-limit", limit=rules.daily_limit)


async def send_tip(
    store: Store,
    actor: Actor,
    conversation: ConversationKey,
    confirm_state: str,
    rules: TipRules,
    clock: Clock,
) -> SentTip:
    """Store the draft of this conversation as a tip, in one transaction with its evidence, its
    first status and the end of the conversation. Pressing Send again finds no draft: one tip."""
    require(actor, Permission.SEND_TIPS)
    receipt = None
    receipt_hash = None
    now = clock.now()
    async with store.transaction() as tx:
        taken = await tx.conversations.take(conversation)
        if taken is None or taken[0] != confirm_state:
            raise NotFound("error-tip-already-sent")
        draft = Draft.from_data(taken[1])
        if not draft.complete():
            raise NotFound("error-tip-already-sent")
        if not await tx.tips.count_towards_daily_limit(
            actor.user_id, rules.today(now), rules.daily_limit
        ):
            raise InvalidInput("error-tip-daily-limit", limit=rules.daily_limit)
        anonymous = draft.identity == "anonymous"
        if anonymous:
            receipt = receipts.new_code()
            while await tx.tips.receipt_lookup_taken(receipt.lookup):
                receipt = receipts.new_code()
            receipt_hash = await receipts.hash_secret(receipt)
        assert draft.category and draft.region and draft.body and draft.description
        assert draft.when and draft.identity
        tip_id = await tx.tips.add(
            NewTip(
                category_code=await check_category(tx, draft.category),
                region_code=draft.region,
                body_concerned=draft.body,
                description=draft.description,
                occurred_kind=draft.when,
                occurred_on=draft.occurred_on,
                latitude=draft.latitude,
                longitude=draft.longitude,
                address=draft.address,
                identity_mode=draft.identity,
                tipster_user_id=None if anonymous else actor.user_id,
                receipt_lookup=receipt.lookup if receipt else None,
                receipt_hash=receipt_hash,
            ),
            now,
        )
        evidence = [Evidence.from_data(item).as_row() for item in draft.evidence]
        if evidence:
            await tx.tips.add_evidence(tip_id, evidence, now)
        await tx.tips.add_history(tip_id, "new", now)
        await tx.reminders.add("tip_unclaimed", now + rules.unclaimed_after, now, tip_id=tip_id)
        await tx.audit.write(
            actor_kind="tipster",
            actor_user_id=None,
            action="tip.submitted",
            object_type="tip",
            object_id=str(tip_id),
            details={"identity_mode": draft.identity, "evidence": len(evidence)},
            at=now,
        )
    return SentTip(tip_id, receipt)


# ------------------------------------------------------------------ the tipster's view


async def my_tips(
    store: Store, actor: Actor, *, page: int, per_page: int
) -> tuple[list[TipListItem], int]:
    require(actor, Permission.SEND_TIPS)
    return await store.tips.list_of_tipster(
        actor.user_id, limit=per_page, offset=max(page, 0) * per_page
    )


async def _view(store: Store, tip: TipRow) -> TipView:
    return TipView(tip, await store.tips.history(tip.id), await store.tips.thread(tip.id))


async def my_tip(store: Store, actor: Actor, tip_id: int) -> TipView:
    """One of the person's own confidential tips; someone else's tip is "not found"."""
    require(actor, Permission.SEND_TIPS)
    tip = await store.tips.of_tipster(tip_id, actor.user_id)
    if tip is None:
        raise NotFound("error-tip-not-found")
    return await _view(store, tip)


async def withdraw(store: Store, actor: Actor, tip_id: int, clock: Clock) -> int:
    require(actor, Permission.SEND_TIPS)
    now = clock.now()
    async with store.transaction() as tx:
        change = await tx.tips.change_status(
            tip_id, "withdrawn", now, allowed_from=("new",), tipster_user_id=actor.user_id
        )
        if change is None:
            if await tx.tips.of_tipster(tip_id, actor.user_id) is None:
                raise NotFound("error-tip-not-found")
            raise InvalidInput("error-tip-withdraw-taken", number=tip_id)
        await tx.tips.add_history(tip_id, "withdrawn", now)
        await tx.audit.write(
            actor_kind="tipster",
            actor_user_id=None,
            action="tip.withdrawn",
            object_type="tip",
            object_id=str(tip_id),
            at=now,
        )
    return tip_id


async def open_receipt(
    store: Store,
    actor: Actor,
    text: str,
    sessions: ReceiptSessions,
    clock: Clock,
) -> TipView:
    """The tip a receipt code names, for anyone holding the code. Wrong codes get one answer
    whatever they name, and an account that keeps guessing is made to wait."""
    require(actor, Permission.SEND_TIPS)
    now = clock.now()
    failures = await store.tips.receipt_failures_since(actor.user_id, now - RECEIPT_WINDOW)
    if len(failures) >= RECEIPT_TRIES:
        wait = failures[-RECEIPT_TRIES] + RECEIPT_WINDOW - now
        raise NotAllowed("error-receipt-wait", minutes=max(1, -(-int(wait.total_seconds()) // 60)))
    code = receipts.parse_code(text)
    found = await store.tips.receipt(code.lookup) if code else None
    if code is None or not await receipts.secret_matches(code, found[1] if found else None):
        await store.tips.add_receipt_failure(actor.user_id, now)
        raise NotFound("error-receipt-wrong")
    assert found is not None
    tip = await store.tips.get(found[0])
    assert tip is not None
    await sessions.open(actor.user_id, tip.id, now)
    return await _view(store, tip)


async def opened_receipt(
    store: Store, actor: Actor, sessions: ReceiptSessions, clock: Clock
) -> TipView:
    """The anonymous tip this person opened with its code a short while ago."""
    tip_id = await sessions.tip_of(actor.user_id, clock.now())
    tip = await store.tips.get(tip_id) if tip_id is not None else None
    if tip is None:
        raise NotFound("error-receipt-expired")
    return await _view(store, tip)


# ------------------------------------------------------------------ handlers' side


def may_handle(actor: Actor, tip: TipRow) -> None:
    """Commissars of the tip's region and supervisors see a tip; nobody else learns it exists."""
    if not (
        permits(actor, Permission.HANDLE_TIPS, tip.region_code)
        or permits(actor, Permission.SUPERVISE_TIPS, tip.region_code)
    ):
        raise NotFound("error-handler-tip-not-found", number=tip.id)


async def handled_tip(store: Store, actor: Actor, tip_id: int) -> TipRow:
    tip = await store.tips.get(tip_id)
    if tip is None:
        raise NotFound("error-handler-tip-not-found", number=tip_id)
    may_handle(actor, tip)
    return tip


def works_on(actor: Actor, tip: TipRow) -> bool:
    """Whether the actor may move the tip on: its assignee, or a supervisor of its region."""
    return tip.assignee_user_id == actor.user_id or permits(
        actor, Permission.SUPERVISE_TIPS, tip.region_code
    )


async def change_status(
    store: Store,
    actor: Actor,
    tip_id: int,
    status: str,
    rules: TipRules,
    clock: Clock,
    *,
    note: str | None = None,
) -> None:
    """A handler moves a tip on; the history keeps it and a confidential tipster hears of it.

    Taking a tip makes the handler its assignee and starts its deadlines (the category's service
    levels), which reminders chase; after that only the assignee (or a supervisor) moves it. A
    tip given back goes to the queue again. A resolved tip asks its tipster, later, whether the
    problem was really fixed."""
    allowed = STATUS_CHANGES.get(status)
    if allowed is None:
        raise InvalidInput("error-tip-status")
    if status in NOTE_REQUIRED:
        note = within((note or "").strip(), NOTE_LIMITS, "error-tip-note")
    now = clock.now()
    async with store.transaction() as tx:
        tip = await handled_tip(tx, actor, tip_id)
        if status == "taken":
            require(actor, Permission.HANDLE_TIPS, tip.region_code)
        elif not works_on(actor, tip):
            raise NotAllowed("error-tip-not-yours", number=tip_id)
        change = await tx.tips.change_status(
            tip_id,
            status,
            now,
            allowed_from=allowed,
            assignee_user_id=actor.user_id if status == "taken" else None,
            assignee_only=None if status == "taken" else tip.assignee_user_id,
        )
        if change is None:
            key = "error-tip-already-taken" if status == "taken" else "error-tip-status-moved"
            raise InvalidInput(key, number=tip_id)
        if status == "taken":
            await _start_deadlines(tx, tip, actor.user_id, now)
        elif status not in WORKING:
            await tx.reminders.cancel(now, tip_id=tip_id)
        if status == "new":
            await tx.reminders.add("tip_unclaimed", now + rules.unclaimed_after, now, tip_id=tip_id)
        await _record_change(tx, actor.user_id, change, status, now, note=note)
        if status == "resolved":
            await outcomes.announce(
                tx, rules.outcomes_channel, "tip_resolved", {"tip": tip_id}, now
            )
        if status == "passed":
            await _tell_ambassadors(tx, tip, rules, now)
        if change.tipster_user_id is not None and status == "resolved":
            await tx.outbox.put(
                change.tipster_user_id,
                "follow_up",
                {"tip": tip_id},
                now,
                not_before=now + rules.follow_up_after,
            )


async def _tell_ambassadors(tx: Store, tip: TipRow, rules: TipRules, now: datetime) -> None:
    """A tip passed on reaches the region's ambassadors (outside quiet hours): its number,
    category and body, for their register. Nothing of the tipster."""
    morning = rules.quiet_hours.next_allowed(now) if rules.quiet_hours else now
    for ambassador in await tx.grants.holders(Role.AMBASSADOR, tip.region_code):
        assert ambassador.user_id is not None
        await tx.outbox.put(
            ambassador.user_id, "tip_passed", {"tip": tip.id}, now, not_before=morning
        )


async def _record_change(
    tx: Store,
    actor_user_id: int,
    change: StatusChange,
    status: str,
    now: datetime,
    *,
    note: str | None = None,
) -> None:
    """What every handler's change of a tip leaves: a history row, an audit row and, for a
    confidential tip, a message to its tipster (with the note they may read)."""
    tip_id = change.tip_id
    await tx.tips.add_history(tip_id, status, now, actor_user_id=actor_user_id, note=note)
    await tx.audit.write(
        actor_kind="user",
        actor_user_id=actor_user_id,
        action="tip.status",
        object_type="tip",
        object_id=str(tip_id),
        details={"from": change.previous, "to": status},
        at=now,
    )
    if change.tipster_user_id is not None:
        payload: dict[str, Any] = {"tip": tip_id, "status": status}
        if status in NOTE_FOR_TIPSTER:
            payload["note"] = note
        await tx.outbox.put(change.tipster_user_id, "tip_status", payload, now)


APPEAL_STEPS: dict[str, tuple[str, ...]] = {
    "appeal_sent": ("passed",),
    "answered": ("appeal_sent", "passed"),
}
"""What a linked tip may move from when its appeal is sent or answered (a tip linked after the
appeal was sent is still 'passed' when the answer comes)."""


async def advance_with_appeal(
    tx: Store, actor_user_id: int, tip_ids: list[int], status: str, now: datetime
) -> list[int]:
    """Tips behind an appeal follow it: passed → appeal sent when it is sent, appeal sent →
    answered when the answer comes; their tipsters hear of it like of any other change. Tips in
    other statuses stay as they are. Returns the tips that moved. Inside the caller's
    transaction, which has checked the ambassador's right to the appeal."""
    if status not in ("appeal_sent", "answered"):
        raise InvalidInput("error-tip-status")
    moved = []
    for tip_id in tip_ids:
        change = await tx.tips.change_status(tip_id, status, now, allowed_from=APPEAL_STEPS[status])
        if change is not None:
            await _record_change(tx, actor_user_id, change, status, now)
            moved.append(tip_id)
    return moved


async def return_assignments(tx: Store, user_id: int, region_code: str, now: datetime) -> int:
    """When a commissar leaves a region, the tips they worked on there go back to its queue,
    and the region's commissars are reminded of them at once. Returns how many."""
    returned = await tx.tips.return_to_queue(user_id, region_code, WORKING, now)
    for change in returned:
        await tx.reminders.cancel(now, tip_id=change.tip_id)
        await tx.reminders.add("tip_unclaimed", now, now, tip_id=change.tip_id)
        await tx.tips.add_history(change.tip_id, "new", now, event="assignee_left")
        await tx.audit.write(
            actor_kind="system",
            actor_user_id=None,
            action="tip.status",
            object_type="tip",
            object_id=str(change.tip_id),
            details={"from": change.previous, "to": "new", "reason": "assignee_left"},
            at=now,
        )
        if change.tipster_user_id is not None:
            await tx.outbox.put(
                change.tipster_user_id, "tip_status", {"tip": change.tip_id, "status": "new"}, now
            )
    return len(returned)


DEADLINE_WARNING = timedelta(hours=24)
"""How long before a deadline its handler is reminded."""


async def _start_deadlines(tx: Store, tip: TipRow, assignee: int, now: datetime) -> None:
    category = await tx.catalog.category(tip.category_code, active_only=False)
    assert category is not None
    first_action_due = now + category.first_action_within
    resolve_due = now + category.resolve_within
    await tx.tips.set_deadlines(tip.id, first_action_due, resolve_due)
    await schedule_deadline_reminders(tx, tip.id, assignee, first_action_due, resolve_due, now)


async def schedule_deadline_reminders(
    tx: Store,
    tip_id: int,
    assignee: int,
    first_action_due: datetime | None,
    resolve_due: datetime,
    now: datetime,
) -> None:
    """A warning a day before each deadline still ahead (at once when less than a day is left)
    and a reminder when it passes, addressed to the assignee. A deadline already passed has
    been escalated once; it is not announced again."""
    deadlines = [("resolve", resolve_due)]
    if first_action_due is not None:
        deadlines.insert(0, ("first_action", first_action_due))
    for name, due in deadlines:
        if due <= now:
            continue
        await tx.reminders.add(
            f"{name}_soon", max(due - DEADLINE_WARNING, now), now, tip_id=tip_id, user_id=assignee
        )
        await tx.reminders.add(f"{name}_overdue", due, now, tip_id=tip_id, user_id=assignee)


async def ask_tipster(store: Store, actor: Actor, tip_id: int, question: str, clock: Clock) -> int:
    """A handler's question on a tip. A confidential tipster gets it from the bot with a Reply
    button; an anonymous one sees it under the receipt code. The tip then needs information."""
    text = within(question.strip(), QUESTION_LIMITS, "error-tip-question")
    now = clock.now()
    async with store.transaction() as tx:
        tip = await handled_tip(tx, actor, tip_id)
        if not works_on(actor, tip):
            raise NotAllowed("error-tip-not-yours", number=tip_id)
        if tip.status in CLOSED:
            raise InvalidInput("error-tip-closed", number=tip_id)
        message_id = await tx.tips.add_message(
            tip_id, "to_tipster", text, now, author=actor.user_id
        )
        if tip.status in STATUS_CHANGES["info_needed"]:
            await tx.tips.change_status(
                tip_id, "info_needed", now, allowed_from=STATUS_CHANGES["info_needed"]
            )
            await tx.tips.add_history(tip_id, "info_needed", now, actor_user_id=actor.user_id)
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="tip.question",
            object_type="tip",
            object_id=str(tip_id),
            at=now,
        )
        tipster = await tx.tips.tipster_of(tip_id)
        if tipster is not None:
            await tx.outbox.put(
                tipster, "tip_question", {"tip": tip_id, "message": message_id}, now
            )
    return message_id


async def _answer(
    store: Store, tip: TipRow, text: str | None, evidence: list[Evidence], clock: Clock
) -> None:
    if tip.status in CLOSED:
        raise InvalidInput("error-tip-closed", number=tip.id)
    body = (text or "").strip() or None
    if body is None and not evidence:
        raise InvalidInput("error-answer-empty")
    if body is not None and len(body) > ANSWER_LIMIT:
        raise InvalidInput("error-answer-long", maximum=ANSWER_LIMIT, length=len(body))
    now = clock.now()
    async with store.transaction() as tx:
        message_id = await tx.tips.add_message(tip.id, "from_tipster", body, now, author=None)
        if tip.status == "info_needed":
            await tx.tips.change_status(tip.id, "in_work", now, allowed_from=("info_needed",))
            await tx.tips.add_history(tip.id, "in_work", now, event="tipster_answered")
        if evidence:
            await tx.tips.add_evidence(
                tip.id, [item.as_row() for item in evidence], now, message_id=message_id
            )
        await tx.audit.write(
            actor_kind="tipster",
            actor_user_id=None,
            action="tip.answer",
            object_type="tip",
            object_id=str(tip.id),
            at=now,
        )
        if tip.assignee_user_id is not None:
            await tx.outbox.put(tip.assignee_user_id, "tip_answer", {"tip": tip.id}, now)


async def answer_my_tip(
    store: Store,
    actor: Actor,
    tip_id: int,
    text: str | None,
    evidence: list[Evidence],
    clock: Clock,
) -> None:
    """A confidential tipster's answer or addition; it reaches the thread with no name on it."""
    view = await my_tip(store, actor, tip_id)
    await _answer(store, view.tip, text, evidence, clock)


async def answer_by_receipt(
    store: Store,
    actor: Actor,
    sessions: ReceiptSessions,
    text: str | None,
    evidence: list[Evidence],
    clock: Clock,
) -> int:
    """An anonymous tipster's answer on the tip opened with its receipt code."""
    view = await opened_receipt(store, actor, sessions, clock)
    await _answer(store, view.tip, text, evidence, clock)
    return view.tip.id


async def answer_follow_up(
    store: Store, actor: Actor, tip_id: int, answer: str, clock: Clock
) -> str:
    """Was the problem really fixed? "no" reopens the tip for its handler, with new deadlines
    from the category's service levels."""
    check_choice(answer, FOLLOW_UP_ANSWERS)
    require(actor, Permission.SEND_TIPS)
    now = clock.now()
    async with store.transaction() as tx:
        if await tx.tips.of_tipster(tip_id, actor.user_id) is None:
            raise NotFound("error-tip-not-found")
        if not await tx.tips.record_follow_up(tip_id, actor.user_id, answer, now):
            raise InvalidInput("error-follow-up-answered", number=tip_id)
        await tx.audit.write(
            actor_kind="tipster",
            actor_user_id=None,
            action="tip.follow_up",
            object_type="tip",
            object_id=str(tip_id),
            details={"answer": answer},
            at=now,
        )
        if answer == "no":
            change = await tx.tips.change_status(
                tip_id, "reopened", now, allowed_from=("resolved",)
            )
            if change is not None:
                await tx.tips.add_history(tip_id, "reopened", now, event="follow_up")
                if change.assignee_user_id is not None:
                    reopened = await tx.tips.get(tip_id)
                    assert reopened is not None
                    await _start_deadlines(tx, reopened, change.assignee_user_id, now)
                    await tx.outbox.put(
                        change.assignee_user_id, "tip_reopened", {"tip": tip_id}, now
                    )
    return answer


async def comment_follow_up(store: Store, actor: Actor, tip_id: int, comment: str) -> None:
    text = within(comment.strip(), (1, COMMENT_LIMIT), "error-follow-up-comment")
    if not await store.tips.add_follow_up_comment(tip_id, actor.user_id, text):
        raise NotFound("error-tip-not-found")


async def follow_up_still_due(store: Store, tip_id: int) -> bool:
    """Ask only while the tip is resolved and its tipster has not answered yet."""
    return await store.tips.status(tip_id) == "resolved"


# ------------------------------------------------------------------ subscriptions


async def subscribe(store: Store, actor: Actor, region_code: str | None) -> None:
    """Announcements for the whole country (no region) or one region."""
    require(actor, Permission.SUBSCRIBE)
    if region_code is not None:
        region = await store.catalog.region(region_code)
        if region is None:
            raise InvalidInput("error-unknown-region", region=region_code)
    await store.users.set_subscription(actor.user_id, True, region_code)


async def unsubscribe(store: Store, actor: Actor) -> None:
    require(actor, Permission.SUBSCRIBE)
    await store.users.set_subscription(actor.user_id, False, None)
