"""Who may use what: the rule table the authorization matrix (tests/test_authorization_matrix.py)
walks. Every command, keyboard button, button handler and conversation of the bot must be named
here; the matrix fails on anything the routers handle that this table does not know, and on
anything named here that no router handles any more.

The people of the walk (`WALKERS`) are a citizen, a commissar of region A, an ambassador of
region A, a nationwide ombudsman, a nationwide coordinator, a coordinator of region A, and a
blocked account that still holds the commissar's and the coordinator's roles. Records that
belong to somebody else (`World`) are made by people who never press anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from aiogram.filters.callback_data import CallbackData

from handlers.audit import AuditNarrow, AuditView
from handlers.catalog import CatalogPress
from handlers.invites import InviteRevoke
from handlers.keyboards import (
    AppealAction,
    AppealsPage,
    AssignmentsPage,
    BookingAction,
    BroadcastAction,
    CheckAction,
    ChecklistAnswer,
    EntriesPage,
    EntryAction,
    FollowUp,
    HandlerAction,
    HomeRegion,
    LanguageChoice,
    OverduePage,
    QueuePage,
    ReassignTo,
    ReceiptAction,
    RiskDrill,
    RiskPeriod,
    SlotAction,
    StatisticsPeriod,
    Step,
    Subscription,
    TipAction,
    TipsPage,
    ViolationAction,
)

CITIZEN = "citizen"
COMMISSAR = "commissar"
AMBASSADOR = "ambassador"
OMBUDSMAN = "ombudsman"
COORDINATOR = "coordinator"
REGIONAL_COORDINATOR = "regional coordinator"
BLOCKED = "blocked"

WALKERS = (
    CITIZEN,
    COMMISSAR,
    AMBASSADOR,
    OMBUDSMAN,
    COORDINATOR,
    REGIONAL_COORDINATOR,
    BLOCKED,
)
EVERYONE = frozenset(WALKERS) - {BLOCKED}
"""Every walker but the blocked one: everybody is a citizen."""
NOBODY: frozenset[str] = frozenset()
COORDINATORS = frozenset({COORDINATOR, REGIONAL_COORDINATOR})
BROADCASTERS = frozenset({OMBUDSMAN}) | COORDINATORS
FIGURES = frozenset({AMBASSADOR, OMBUDSMAN}) | COORDINATORS
"""Statistics and exports."""
ONLY_COMMISSAR = frozenset({COMMISSAR})
ONLY_AMBASSADOR = frozenset({AMBASSADOR})
NATIONWIDE = frozenset({COORDINATOR})

REGION_A = "AKT"
REGION_B = "AKM"


@dataclass
class World:
    """Records of other people, in region A (the walkers' region) and region B."""

    walker_user_ids: dict[str, int] = field(default_factory=dict)
    tip_b: int = 0
    """New, in region B, sent by another citizen (still withdrawable by its tipster)."""
    tip_a_theirs: int = 0
    """In region A, taken by another commissar of region A, sent by another citizen."""
    check_b: int = 0
    check_a_theirs: int = 0
    violation_b: int = 0
    violation_a_theirs: int = 0
    slot_a_theirs: int = 0
    slot_b: int = 0
    booking_theirs: int = 0
    broadcast_theirs: int = 0
    """Scheduled far ahead by another ombudsman, to region B."""
    entry_b: int = 0
    appeal_b: int = 0
    invite_b: int = 0
    """An invitation into region B, made by another coordinator."""


Data = Callable[[World], CallbackData]


@dataclass(frozen=True)
class Press:
    """One forged press: the data, who gets a real answer, and who passes the router but is
    refused by the workflow (everyone else is refused at the router, the blocked one by the
    blocked refusal). `alert_answer` is the locale key of an answer shown as an alert."""

    data: Data
    answered: frozenset[str] = NOBODY
    refused_by_workflow: frozenset[str] = NOBODY
    why: str = ""
    alert_answer: str | None = None


@dataclass(frozen=True)
class Command:
    answered: frozenset[str]
    refused_by_workflow: dict[str, str] = field(default_factory=dict)
    """Walker -> the locale key of the workflow's refusal."""


COMMANDS: dict[str, Command] = {
    "start": Command(EVERYONE),
    "language": Command(EVERYONE),
    "help": Command(EVERYONE),
    "privacy": Command(EVERYONE),
    "cancel": Command(EVERYONE),
    "region": Command(EVERYONE),
    "report": Command(EVERYONE),
    "mytips": Command(EVERYONE),
    "receipt": Command(EVERYONE),
    "subscribe": Command(EVERYONE),
    "reception": Command(EVERYONE),
    "myregions": Command(ONLY_COMMISSAR),
    "queue": Command(ONLY_COMMISSAR),
    "assignments": Command(ONLY_COMMISSAR),
    "checks": Command(ONLY_COMMISSAR),
    "violations": Command(ONLY_COMMISSAR),
    "receptions": Command(ONLY_COMMISSAR),
    "risks": Command(ONLY_AMBASSADOR),
    "register": Command(ONLY_AMBASSADOR),
    "appeals": Command(ONLY_AMBASSADOR),
    "stats": Command(FIGURES),
    "export": Command(FIGURES),
    "broadcast": Command(BROADCASTERS),
    "broadcasts": Command(BROADCASTERS),
    "overdue": Command(COORDINATORS),
    "grant": Command(COORDINATORS),
    "revoke": Command(COORDINATORS),
    "staff": Command(COORDINATORS),
    "invite": Command(COORDINATORS),
    "invites": Command(COORDINATORS),
    "block": Command(COORDINATORS),
    "unblock": Command(COORDINATORS),
    "audit": Command(NATIONWIDE, {REGIONAL_COORDINATOR: "error-nationwide-only"}),
    "catalog": Command(NATIONWIDE, {REGIONAL_COORDINATOR: "error-nationwide-only"}),
}

MENU_BUTTONS: dict[str, frozenset[str]] = {
    "menu-report": EVERYONE,
    "menu-my-tips": EVERYONE,
    "menu-receipt": EVERYONE,
    "menu-subscription": EVERYONE,
}
"""The keyboard under the message field: locale key of the label -> who gets an answer."""

TEXTS: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    ("tips", "receipt_typed"): ("7KQ2-M4XD-AAAA-BBBB-CCCC-DDDD", EVERYONE),
}
"""Message handlers outside commands, menu buttons and conversations: (router, handler) -> a
message that reaches it, and who gets an answer."""

EVENTS: dict[tuple[str, str, str], str] = {
    ("my_chat_member", "common", "reachability"): "Telegram's own notice that a person blocked "
    "or unblocked the bot; it changes only that person's reachability",
}
"""Handlers of updates a person cannot forge (not messages, not button presses)."""

CONVERSATIONS: dict[str, frozenset[str]] = {
    "ReportFlow": EVERYONE,
    "AnswerFlow": EVERYONE,
    "ReceiptFlow": EVERYONE,
    "FollowUpFlow": EVERYONE,
    "HandlerFlow": ONLY_COMMISSAR,
    "CheckFlow": ONLY_COMMISSAR,
    "ViolationFlow": ONLY_COMMISSAR,
    "EvidenceFlow": ONLY_COMMISSAR,
    "SlotFlow": ONLY_COMMISSAR,
    "EntryFlow": ONLY_AMBASSADOR,
    "LinkFlow": ONLY_AMBASSADOR,
    "AppealFlow": ONLY_AMBASSADOR,
    "AppealSentFlow": ONLY_AMBASSADOR,
    "AppealAnswerFlow": ONLY_AMBASSADOR,
    "ExportFlow": FIGURES,
    "BroadcastFlow": BROADCASTERS,
    "GrantFlow": COORDINATORS,
    "RevokeFlow": COORDINATORS,
    "InviteFlow": COORDINATORS,
    "BlockFlow": COORDINATORS,
    "UnblockFlow": COORDINATORS,
    "AuditFlow": COORDINATORS,
    "CatalogFlow": COORDINATORS,
}
"""Conversation (its StatesGroup) -> who may be in it. Each step's handlers are walked by
someone outside the conversation's role who is left in that step (a role revoked mid-way)."""


def on_their_tip(action: str) -> Data:
    return lambda w: HandlerAction(action=action, tip=w.tip_a_theirs)


def on_entry_b(action: str) -> Data:
    return lambda w: EntryAction(action=action, entry=w.entry_b)


def on_appeal_b(action: str) -> Data:
    return lambda w: AppealAction(action=action, appeal=w.appeal_b)


OTHER_REGION = "a record of region B"
OTHER_PERSON = "another person's record"

BUTTONS: dict[tuple[str, str], tuple[Press, ...]] = {
    # ---------------------------------------------------------------- everyone's
    ("common", "language_chosen"): (Press(lambda w: LanguageChoice(code="en"), EVERYONE),),
    ("common", "cancel_button"): (Press(lambda w: Step(action="cancel"), EVERYONE),),
    ("citizen", "home_region_chosen"): (Press(lambda w: HomeRegion(code=REGION_A), EVERYONE),),
    ("report", "send"): (
        Press(lambda w: Step(action="send"), NOBODY, EVERYONE, "Send without a draft of one's own"),
    ),
    ("tips", "my_tips_page"): (Press(lambda w: TipsPage(page=0), EVERYONE),),
    ("tips", "open_my_tip"): (
        Press(lambda w: TipAction(action="open", tip=w.tip_b), NOBODY, EVERYONE, OTHER_PERSON),
    ),
    ("tips", "ask_withdraw"): (
        Press(lambda w: TipAction(action="withdraw", tip=w.tip_b), NOBODY, EVERYONE, OTHER_PERSON),
    ),
    ("tips", "withdraw"): (
        Press(
            lambda w: TipAction(action="withdraw_yes", tip=w.tip_b), NOBODY, EVERYONE, OTHER_PERSON
        ),
    ),
    ("tips", "start_my_answer"): (
        Press(
            lambda w: TipAction(action="reply", tip=w.tip_a_theirs), NOBODY, EVERYONE, OTHER_PERSON
        ),
    ),
    ("tips", "start_receipt_answer"): (
        Press(lambda w: ReceiptAction(action="answer"), NOBODY, EVERYONE, "no receipt opened"),
    ),
    ("tips", "follow_up_answered"): (
        Press(lambda w: FollowUp(tip=w.tip_a_theirs, answer="no"), NOBODY, EVERYONE, OTHER_PERSON),
    ),
    ("tips", "subscription_chosen"): (Press(lambda w: Subscription(code="-"), EVERYONE),),
    ("receptions-citizen", "book"): (
        Press(lambda w: SlotAction(action="book", slot=w.slot_b), NOBODY, EVERYONE, OTHER_REGION),
    ),
    ("receptions-citizen", "cancel_booking"): (
        Press(
            lambda w: BookingAction(action="cancel", booking=w.booking_theirs),
            NOBODY,
            EVERYONE,
            OTHER_PERSON,
        ),
    ),
    ("broadcast-recipients", "acknowledge"): (
        Press(
            lambda w: BroadcastAction(action="ack", broadcast=w.broadcast_theirs),
            NOBODY,
            EVERYONE,
            "a broadcast the presser did not receive",
        ),
    ),
    # ---------------------------------------------------------------- commissars
    ("commissar", "queue_page"): (
        Press(lambda w: QueuePage(category="*", page=0), ONLY_COMMISSAR),
    ),
    ("commissar", "assignments_page"): (Press(lambda w: AssignmentsPage(page=0), ONLY_COMMISSAR),),
    ("commissar", "open_tip"): (
        Press(
            lambda w: HandlerAction(action="open", tip=w.tip_b),
            NATIONWIDE,
            ONLY_COMMISSAR | {REGIONAL_COORDINATOR},
            OTHER_REGION,
        ),
    ),
    ("commissar", "show_evidence"): (
        Press(
            lambda w: HandlerAction(action="evidence", tip=w.tip_b),
            NATIONWIDE,
            ONLY_COMMISSAR | {REGIONAL_COORDINATOR},
            OTHER_REGION,
        ),
    ),
    ("commissar", "take"): (
        Press(
            lambda w: HandlerAction(action="take", tip=w.tip_b),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_REGION,
        ),
        Press(
            lambda w: HandlerAction(action="take", tip=w.tip_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            "a tip another commissar has taken",
        ),
    ),
    ("commissar", "change_without_note"): (
        Press(
            lambda w: HandlerAction(action="work", tip=w.tip_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("commissar", "ask_note"): tuple(
        Press(
            on_their_tip(action),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        )
        for action in ("resolved", "unfounded", "passed", "giveback")
    ),
    ("commissar", "ask_question"): (
        Press(
            lambda w: HandlerAction(action="ask", tip=w.tip_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "start_plan"): (
        Press(lambda w: CheckAction(action="plan", check=0), ONLY_COMMISSAR),
    ),
    ("fieldwork", "open_check"): (
        Press(
            lambda w: CheckAction(action="open", check=w.check_b),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_REGION,
        ),
    ),
    ("fieldwork", "fill_checklist"): (
        Press(
            lambda w: CheckAction(action="fill", check=w.check_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "item_answered"): (
        Press(
            lambda w: ChecklistAnswer(check=w.check_a_theirs, position=1, answer="yes"),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "finish_check"): (
        Press(
            lambda w: CheckAction(action="finish", check=w.check_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "cancel_check"): (
        Press(
            lambda w: CheckAction(action="cancel", check=w.check_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "violation_of_check"): (
        Press(
            lambda w: CheckAction(action="violation", check=w.check_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "violation_of_tip"): (
        Press(
            lambda w: HandlerAction(action="violation", tip=w.tip_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("fieldwork", "open_violation"): (
        Press(
            lambda w: ViolationAction(action="open", violation=w.violation_b),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_REGION,
        ),
    ),
    ("fieldwork", "show_violation_evidence"): (
        Press(
            lambda w: ViolationAction(action="evidence", violation=w.violation_b),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_REGION,
        ),
    ),
    ("fieldwork", "start_adding_evidence"): (
        Press(
            lambda w: ViolationAction(action="add", violation=w.violation_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("receptions-commissar", "start_publish"): (
        Press(lambda w: SlotAction(action="publish", slot=0), ONLY_COMMISSAR),
    ),
    ("receptions-commissar", "ask_cancel_slot"): (
        Press(
            lambda w: SlotAction(action="cancel", slot=w.slot_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    ("receptions-commissar", "cancel_slot"): (
        Press(
            lambda w: SlotAction(action="cancel_yes", slot=w.slot_a_theirs),
            NOBODY,
            ONLY_COMMISSAR,
            OTHER_PERSON,
        ),
    ),
    # ---------------------------------------------------------------- coordinators over tips
    ("supervision", "overdue_page"): (Press(lambda w: OverduePage(page=0), COORDINATORS),),
    ("supervision", "open_tip"): (
        Press(
            lambda w: HandlerAction(action="open", tip=w.tip_b),
            NATIONWIDE,
            ONLY_COMMISSAR | {REGIONAL_COORDINATOR},
            OTHER_REGION,
        ),
    ),
    ("supervision", "show_evidence"): (
        Press(
            lambda w: HandlerAction(action="evidence", tip=w.tip_b),
            NATIONWIDE,
            ONLY_COMMISSAR | {REGIONAL_COORDINATOR},
            OTHER_REGION,
        ),
    ),
    ("supervision", "choose_commissar"): (
        Press(
            lambda w: HandlerAction(action="reassign", tip=w.tip_b),
            NATIONWIDE,
            frozenset({REGIONAL_COORDINATOR}),
            OTHER_REGION,
        ),
    ),
    ("supervision", "reassign"): (
        Press(
            lambda w: ReassignTo(tip=w.tip_a_theirs, user=w.walker_user_ids[AMBASSADOR]),
            NOBODY,
            COORDINATORS,
            "to somebody who is not a commissar of the tip's region",
        ),
    ),
    # ---------------------------------------------------------------- ambassadors
    ("ambassador", "picture_period"): (Press(lambda w: RiskPeriod(days=30), ONLY_AMBASSADOR),),
    ("ambassador", "drill_down"): (
        Press(lambda w: RiskDrill(days=30, region=REGION_B), NOBODY, ONLY_AMBASSADOR, OTHER_REGION),
    ),
    ("ambassador", "register_page"): (Press(lambda w: EntriesPage(page=0), ONLY_AMBASSADOR),),
    ("ambassador", "new_entry"): (
        Press(lambda w: EntryAction(action="new", entry=0), ONLY_AMBASSADOR),
    ),
    ("ambassador", "open_entry"): (
        Press(
            lambda w: EntryAction(action="open", entry=w.entry_b),
            NOBODY,
            ONLY_AMBASSADOR,
            OTHER_REGION,
        ),
    ),
    ("ambassador", "start_link"): tuple(
        Press(
            on_entry_b(action),
            NOBODY,
            ONLY_AMBASSADOR,
            OTHER_REGION,
        )
        for action in ("link_violation", "link_tip")
    ),
    ("ambassador", "close_entry"): (
        Press(
            lambda w: EntryAction(action="close", entry=w.entry_b),
            NOBODY,
            ONLY_AMBASSADOR,
            OTHER_REGION,
        ),
    ),
    ("appeals", "appeals_page"): (Press(lambda w: AppealsPage(page=0), ONLY_AMBASSADOR),),
    ("appeals", "start_appeal"): (
        Press(
            lambda w: EntryAction(action="appeal", entry=w.entry_b),
            NOBODY,
            ONLY_AMBASSADOR,
            OTHER_REGION,
        ),
    ),
    **{
        ("appeals", handler): (
            Press(
                on_appeal_b(action),
                NOBODY,
                ONLY_AMBASSADOR,
                OTHER_REGION,
            ),
        )
        for handler, action in (
            ("open_appeal", "open"),
            ("letter_again", "letter"),
            ("answer_file", "answer_file"),
            ("ask_sent_date", "sent"),
            ("ask_answer", "answer"),
        )
    },
    # ---------------------------------------------------------------- figures
    ("statistics", "period_chosen"): (Press(lambda w: StatisticsPeriod(days=30), FIGURES),),
    # ---------------------------------------------------------------- broadcasts
    ("broadcasts", "ask_stop"): (
        Press(
            lambda w: BroadcastAction(action="stop", broadcast=w.broadcast_theirs),
            NATIONWIDE,
            frozenset({OMBUDSMAN, REGIONAL_COORDINATOR}),
            "another ombudsman's, to region B",
        ),
    ),
    ("broadcasts", "stop"): (
        Press(
            lambda w: BroadcastAction(action="stop_yes", broadcast=w.broadcast_theirs),
            NATIONWIDE,
            frozenset({OMBUDSMAN, REGIONAL_COORDINATOR}),
            "another ombudsman's, to region B (a nationwide coordinator may stop it)",
        ),
    ),
    ("broadcasts", "keep_going"): (
        Press(lambda w: BroadcastAction(action="keep", broadcast=w.broadcast_theirs), BROADCASTERS),
    ),
    # ---------------------------------------------------------------- coordination
    ("invites", "revoke_pressed"): (
        Press(
            lambda w: InviteRevoke(invite=w.invite_b),
            NATIONWIDE,
            frozenset({REGIONAL_COORDINATOR}),
            "another coordinator's invitation into region B",
            alert_answer="invite-revoked",
        ),
    ),
    ("audit", "audit_page"): (
        Press(
            lambda w: AuditView(page=0, who=0, action="", first=0, last=0),
            NATIONWIDE,
            frozenset({REGIONAL_COORDINATOR}),
            "the log is for the whole country's coordinators",
        ),
    ),
    ("audit", "narrow_pressed"): (
        Press(
            lambda w: AuditNarrow(part="a", who=0, action="", first=0, last=0),
            NATIONWIDE,
            frozenset({REGIONAL_COORDINATOR}),
            "the log is for the whole country's coordinators",
        ),
    ),
    ("catalog", "pressed"): (
        Press(
            lambda w: CatalogPress(what="home"),
            NATIONWIDE,
            frozenset({REGIONAL_COORDINATOR}),
            "the catalog is for the whole country's coordinators",
        ),
    ),
}
"""Button handlers that need no conversation: (router, handler) -> the presses to try."""
