"""The outbox sender: delivers what workflows queued for people (status changes, questions on a
tip, follow-ups), in each recipient's language at the moment of sending.

At most once: a row is claimed under a row lock (other instances skip it) and committed as being
sent by this process before its request leaves. A request that may have reached Telegram (a
timeout, a dropped connection, the process killed mid-send) leaves the row unconfirmed, never
sent again; one that surely did not (no connection, 5xx, 429) is due again later. Woken by
NOTIFY when a message is queued, and every 30 s by the scheduler for messages due later.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translations
from bot.menus import not_started
from bot.retries import never_left
from bot.updates import Liveness
from bot.workers import run_on_notifications
from db.outbox import OUTBOX_CHANNEL, OutgoingMessage
from db.store import Store
from handlers.keyboards import AppealAction, FollowUp, HandlerAction, TipAction
from handlers.render import calendar_day, moment
from roles import tips
from roles.clock import Clock
from roles.model import Language, resolve_language

log = logging.getLogger(__name__)

GIVE_UP_AFTER = 10
"""Attempts before a message that keeps failing for a passing reason is dropped."""


@dataclass(frozen=True)
class Rendered:
    text: str
    markup: InlineKeyboardMarkup | None = None


Renderer = Callable[["OutboxSender", OutgoingMessage, Language], Awaitable[Rendered | None]]


class _TryLater(Exception):
    """The Bot API cannot be reached: stop this round, the message waits."""


class OutboxSender:
    def __init__(
        self,
        bot: Bot,
        store: Store,
        translations: Translations,
        default_language: Language,
        clock: Clock,
        zone: ZoneInfo,
        liveness: Liveness,
    ) -> None:
        self.bot = bot
        self.liveness = liveness
        self.store = store
        self.translations = translations
        self.default_language = default_language
        self.clock = clock
        self.zone = zone
        self._lock = asyncio.Lock()

    def text(self, key: str, language: Language, **fields: object) -> str:
        return self.translations.get(key, language, **fields)

    async def region_name(self, code: str, language: Language) -> str:
        """A region's name in `language` (its code when it is no longer in the catalog)."""
        region = await self.store.catalog.region(code)
        return region.name(language) if region else code

    async def category_name(self, code: str, language: Language) -> str:
        category = await self.store.catalog.category(code, active_only=False)
        return category.name(language) if category else code

    def button(self, key: str, language: Language, data: CallbackData) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=self.text(key, language), callback_data=data.pack())

    async def sync_pending(self) -> int:
        """Send every message that is due; return how many were handled."""
        handled = 0
        async with self._lock:
            settled = await self.store.outbox.settle_abandoned(
                self.liveness.instance, self.clock.now()
            )
            if settled:
                log.warning("%s messages were on the wire when a process stopped", settled)
            while True:
                async with self.store.transaction() as tx:
                    due = await tx.outbox.claim_due(self.clock.now(), 1)
                    if not due:
                        return handled
                    await tx.outbox.start_sending(
                        due[0].id, self.liveness.instance, self.clock.now()
                    )
                try:
                    await self._deliver(due[0])
                except _TryLater as reason:
                    log.warning("Messages will be sent later: %s", reason)
                    return handled
                handled += 1

    async def _deliver(self, message: OutgoingMessage) -> None:
        outbox = self.store.outbox
        now = self.clock.now()
        language = resolve_language(
            message.language, message.telegram_language, self.default_language
        )
        renderer = RENDERERS.get(message.kind)
        try:
            rendered = await renderer(self, message, language) if renderer else None
        except Exception as error:
            await outbox.retry_later(message.id, now + timedelta(minutes=1), repr(error))
            raise
        if rendered is None:
            await outbox.mark_dropped(message.id, now, "no longer relevant")
            return
        try:
            await self.bot.send_message(
                message.telegram_id, rendered.text, reply_markup=rendered.markup
            )
        except TelegramRetryAfter as error:
            await outbox.retry_later(
                message.id, now + timedelta(seconds=error.retry_after), str(error)
            )
            return
        except TelegramNetworkError as error:
            if not never_left(error):
                log.warning("A %s message may not have arrived: %s", message.kind, error)
                await outbox.mark_unconfirmed(message.id, now, str(error))
                return
            await self._retry_later(message, str(error))
        except TelegramServerError as error:
            await self._retry_later(message, str(error))
        except TelegramAPIError as error:
            if message.user_id is not None and (
                isinstance(error, TelegramForbiddenError) or not_started(error)
            ):
                await self.store.users.set_reachable(message.user_id, False)
            log.warning("A %s message was refused by the Bot API: %s", message.kind, error)
            await outbox.mark_dropped(message.id, now, str(error))
            return
        await outbox.mark_sent(message.id, self.clock.now())

    async def _retry_later(self, message: OutgoingMessage, error: str) -> None:
        """Telegram surely did not take it (no connection, 5xx after the session's own tries):
        due again after a growing pause, and this round stops."""
        now = self.clock.now()
        if message.attempts + 1 >= GIVE_UP_AFTER:
            await self.store.outbox.mark_dropped(message.id, now, error)
            return
        pause = timedelta(seconds=min(2 ** (message.attempts + 1), 600))
        await self.store.outbox.retry_later(message.id, now + pause, error)
        raise _TryLater(error)

    async def run(self) -> None:
        await run_on_notifications(
            self.store, OUTBOX_CHANNEL, self.sync_pending, type(self).__name__
        )


# ------------------------------------------------------------------ what each kind says


def _tip(message: OutgoingMessage) -> int:
    return int(message.payload["tip"])


async def _tip_status(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered:
    tip_id = _tip(message)
    status = sender.text(f"tip-status-{message.payload['status']}", language)
    note = message.payload.get("note")
    text = (
        sender.text("notify-tip-status-note", language, number=tip_id, status=status, note=note)
        if note
        else sender.text("notify-tip-status", language, number=tip_id, status=status)
    )
    return Rendered(
        text,
        InlineKeyboardMarkup(
            inline_keyboard=[
                [sender.button("button-open-tip", language, TipAction(action="open", tip=tip_id))]
            ]
        ),
    )


async def _tip_question(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    tip_id = _tip(message)
    question = await sender.store.tips.thread_message(tip_id, int(message.payload["message"]))
    if question is None or question.body is None:
        return None
    return Rendered(
        sender.text("notify-tip-question", language, number=tip_id, question=question.body),
        InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    sender.button("button-reply", language, TipAction(action="reply", tip=tip_id)),
                    sender.button(
                        "button-open-tip", language, TipAction(action="open", tip=tip_id)
                    ),
                ]
            ]
        ),
    )


async def _follow_up(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    tip_id = _tip(message)
    if not await tips.follow_up_still_due(sender.store, tip_id):
        return None
    return Rendered(
        sender.text("follow-up-question", language, number=tip_id),
        InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    sender.button(
                        f"button-follow-up-{answer}",
                        language,
                        FollowUp(tip=tip_id, answer=answer),
                    )
                    for answer in tips.FOLLOW_UP_ANSWERS
                ]
            ]
        ),
    )


def _open_for_handler(
    sender: OutboxSender, language: Language, tip_id: int
) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [sender.button("button-open-tip", language, HandlerAction(action="open", tip=tip_id))]
        ]
    )


def _handler_notice(key: str, *, with_card: bool = True) -> Renderer:
    """A short notice to a handler about a tip, with a button to its card."""

    async def render(
        sender: OutboxSender, message: OutgoingMessage, language: Language
    ) -> Rendered:
        tip_id = _tip(message)
        markup = _open_for_handler(sender, language, tip_id) if with_card else None
        return Rendered(sender.text(key, language, number=tip_id), markup)

    return render


def _deadline_reminder(key: str) -> Renderer:
    """A deadline reminder, dropped when the tip is no longer this person's to work (it may have
    waited for the end of quiet hours)."""

    async def render(
        sender: OutboxSender, message: OutgoingMessage, language: Language
    ) -> Rendered | None:
        tip_id = _tip(message)
        tip = await sender.store.tips.get(tip_id)
        if tip is None or tip.status not in tips.WORKING:
            return None
        if key != "remind-escalation" and tip.assignee_user_id != message.user_id:
            return None
        due = datetime.fromisoformat(str(message.payload["due"]))
        return Rendered(
            sender.text(
                key,
                language,
                number=tip_id,
                due=moment(due, sender.zone),
                deadline=sender.text(f"deadline-{message.payload['deadline']}", language),
            ),
            _open_for_handler(sender, language, tip_id),
        )

    return render


async def _unclaimed(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    tip_id = _tip(message)
    if await sender.store.tips.status(tip_id) != "new":
        return None
    since = datetime.fromisoformat(str(message.payload["since"]))
    region = await sender.region_name(str(message.payload.get("region", "")), language)
    return Rendered(
        sender.text(
            "remind-no-commissar"
            if message.kind == "reminder_no_commissar"
            else "remind-unclaimed",
            language,
            number=tip_id,
            since=moment(since, sender.zone),
            region=region,
        ),
        _open_for_handler(sender, language, tip_id),
    )


async def _reception(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    slot = await sender.store.receptions.slot(int(message.payload["slot"]))
    if slot is None:
        return None
    fields = {
        "at": moment(slot.starts_at, sender.zone),
        "place": slot.place,
        "booked": slot.booked,
    }
    if message.kind == "reception_cancelled":
        return Rendered(sender.text("reception-cancelled-notice", language, **fields))
    if slot.cancelled_at is not None or slot.starts_at <= sender.clock.now():
        return None
    when = message.payload["kind"]
    if "booked" in message.payload:
        return Rendered(sender.text(f"remind-{when}-commissar", language, **fields))
    return Rendered(sender.text(f"remind-{when}", language, **fields))


async def _tip_resolved_outcome(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    """The channel's paragraph on a resolved tip: category, region and time taken. Not the body
    concerned: the tipster typed it, and it could point to them."""
    tip = await sender.store.tips.get(_tip(message))
    if tip is None:
        return None
    days = max(1, math.ceil((message.created_at - tip.created_at) / timedelta(days=1)))
    return Rendered(
        sender.text(
            "outcome-tip-resolved",
            language,
            category=await sender.category_name(tip.category_code, language),
            region=await sender.region_name(tip.region_code, language),
            days=days,
        )
    )


async def _tip_passed(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    """A tip passed to the region's ambassadors; dropped when it has moved on meanwhile."""
    tip = await sender.store.risks.tip(_tip(message))
    if tip is None or tip.status != "passed":
        return None
    return Rendered(
        sender.text(
            "notify-tip-passed",
            language,
            number=tip.id,
            category=await sender.category_name(tip.category_code, language),
            region=await sender.region_name(tip.region_code, language),
            body=tip.body_concerned,
        )
    )


async def _appeal_reminder(
    sender: OutboxSender, message: OutgoingMessage, language: Language
) -> Rendered | None:
    """An appeal's answer soon due, due today or late (to its ambassador; a late one also to
    the coordinators). Dropped when the answer has meanwhile been recorded."""
    appeal_id = int(message.payload["appeal"])
    appeal = await sender.store.appeals.get(appeal_id)
    if appeal is None or appeal.status != "sent" or appeal.due_on is None:
        return None
    when = str(message.payload["when"]).removeprefix("appeal_").replace("_", "-")
    key = (
        "appeal-remind-escalation" if message.kind == "appeal_overdue" else f"appeal-remind-{when}"
    )
    text = sender.text(
        key,
        language,
        number=appeal_id,
        addressee=appeal.addressee,
        subject=appeal.subject,
        due=calendar_day(appeal.due_on),
    )
    if message.kind == "appeal_overdue":
        return Rendered(text)
    return Rendered(
        text,
        InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    sender.button(
                        "button-open-appeal-plain",
                        language,
                        AppealAction(action="open", appeal=appeal_id),
                    )
                ]
            ]
        ),
    )


def _appeal_outcome(key: str) -> Renderer:
    """The channel's paragraph on an appeal answered or overdue: the body it was addressed to,
    the region, and the dates. Not its subject or text, which may name the people behind it."""

    async def render(
        sender: OutboxSender, message: OutgoingMessage, language: Language
    ) -> Rendered | None:
        appeal = await sender.store.appeals.get(int(message.payload["appeal"]))
        if appeal is None or appeal.sent_on is None or appeal.due_on is None:
            return None
        answered = appeal.answered_at.astimezone(sender.zone).date() if appeal.answered_at else None
        return Rendered(
            sender.text(
                key,
                language,
                addressee=appeal.addressee,
                region=await sender.region_name(appeal.region_code, language),
                sent=calendar_day(appeal.sent_on),
                due=calendar_day(appeal.due_on),
                late=str(answered is not None and answered > appeal.due_on).lower(),
            )
        )

    return render


RENDERERS: dict[str, Renderer] = {
    "tip_status": _tip_status,
    "tip_question": _tip_question,
    "tip_answer": _handler_notice("notify-tip-answer"),
    "tip_reopened": _handler_notice("notify-tip-reopened"),
    "follow_up": _follow_up,
    "tip_assigned": _handler_notice("notify-tip-assigned"),
    "tip_unassigned": _handler_notice("notify-tip-unassigned", with_card=False),
    "reminder_unclaimed": _unclaimed,
    "reminder_no_commissar": _unclaimed,
    "reminder_first_action_soon": _deadline_reminder("remind-deadline-soon"),
    "reminder_resolve_soon": _deadline_reminder("remind-deadline-soon"),
    "reminder_first_action_overdue": _deadline_reminder("remind-deadline-passed"),
    "reminder_resolve_overdue": _deadline_reminder("remind-deadline-passed"),
    "reminder_escalation": _deadline_reminder("remind-escalation"),
    "reception_reminder": _reception,
    "reception_cancelled": _reception,
    "outcome_tip_resolved": _tip_resolved_outcome,
    "outcome_appeal_answered": _appeal_outcome("outcome-appeal-answered"),
    "outcome_appeal_overdue": _appeal_outcome("outcome-appeal-overdue"),
    "tip_passed": _tip_passed,
    "appeal_reminder": _appeal_reminder,
    "appeal_overdue": _appeal_reminder,
}
