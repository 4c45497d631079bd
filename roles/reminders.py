"""The reminder sweep: due reminders are claimed under a row lock, turned into outbox messages for
whoever should hear of them as the store stands now, and marked done, in one transaction. A
reminder whose reason has gone (the tip was taken, the booking cancelled) is marked moot.

Volunteers are not disturbed during quiet hours: their messages wait in the outbox for morning.
A tip nobody takes keeps reminding its region's commissars, once per `unclaimed_after` (the
region's coordinators when the region has no commissar). An appeal awaiting its answer reminds
its ambassador before and on the due day, and, once late, the region's coordinators too."""

from __future__ import annotations

from datetime import datetime

from db.reminders import ReminderRow
from db.store import Store
from roles import outcomes
from roles.clock import Clock
from roles.model import Role
from roles.tips import WORKING, TipRules

BATCH = 50


async def sweep(store: Store, rules: TipRules, clock: Clock) -> int:
    """Handle every reminder that is due; return how many were handled."""
    handled = 0
    while True:
        async with store.transaction() as tx:
            now = clock.now()
            due = await tx.reminders.claim_due(now, BATCH)
            for reminder in due:
                sent = await _remind(tx, reminder, rules, now)
                await tx.reminders.finish(reminder.id, now, "sent" if sent else "moot")
        handled += len(due)
        if len(due) < BATCH:
            return handled


def _for_volunteer(rules: TipRules, now: datetime) -> datetime:
    return rules.quiet_hours.next_allowed(now) if rules.quiet_hours else now


async def _remind(tx: Store, reminder: ReminderRow, rules: TipRules, now: datetime) -> bool:
    if reminder.appeal_id is not None:
        return await _remind_of_appeal(tx, reminder, reminder.appeal_id, rules, now)
    if reminder.tip_id is not None:
        return await _remind_of_tip(tx, reminder, reminder.tip_id, rules, now)
    return await _remind_of_reception(tx, reminder, rules, now)


async def _remind_of_tip(
    tx: Store, reminder: ReminderRow, tip_id: int, rules: TipRules, now: datetime
) -> bool:
    tip = await tx.tips.get(tip_id)
    if tip is None:
        return False
    volunteers_at = _for_volunteer(rules, now)
    if reminder.kind == "tip_unclaimed":
        if tip.status != "new":
            return False
        kind = "reminder_unclaimed"
        recipients = await tx.grants.holders(Role.COMMISSAR, tip.region_code)
        if not recipients:
            kind = "reminder_no_commissar"
            recipients = await tx.grants.holders(Role.COORDINATOR, tip.region_code)
        for recipient in recipients:
            assert recipient.user_id is not None
            await tx.outbox.put(
                recipient.user_id,
                kind,
                {"tip": tip_id, "since": tip.created_at.isoformat(), "region": tip.region_code},
                now,
                not_before=volunteers_at,
            )
        await tx.reminders.add("tip_unclaimed", now + rules.unclaimed_after, now, tip_id=tip_id)
        return bool(recipients)
    assignee = reminder.user_id
    if tip.status not in WORKING or assignee is None or tip.assignee_user_id != assignee:
        return False
    first_action = reminder.kind.startswith("first_action")
    if first_action and tip.first_action_at is not None:
        return False
    due = tip.first_action_due if first_action else tip.resolve_due
    if due is None:
        return False
    payload = {"tip": tip_id, "deadline": reminder.kind, "due": due.isoformat()}
    await tx.outbox.put(
        assignee, f"reminder_{reminder.kind}", payload, now, not_before=volunteers_at
    )
    if reminder.kind.endswith("_overdue"):
        for coordinator in await tx.grants.holders(Role.COORDINATOR, tip.region_code):
            assert coordinator.user_id is not None
            await tx.outbox.put(
                coordinator.user_id,
                "reminder_escalation",
                payload,
                now,
                not_before=volunteers_at,
            )
    return True


async def _remind_of_reception(
    tx: Store, reminder: ReminderRow, rules: TipRules, now: datetime
) -> bool:
    if reminder.slot_id is None or reminder.user_id is None:
        return False
    slot = await tx.receptions.slot(reminder.slot_id)
    if slot is None or slot.cancelled_at is not None or slot.starts_at <= now:
        return False
    payload = {"slot": slot.id, "kind": reminder.kind}
    if reminder.booking_id is not None:
        booking = await tx.receptions.booking(reminder.booking_id)
        if booking is None or booking.cancelled_at is not None:
            return False
        await tx.outbox.put(reminder.user_id, "reception_reminder", payload, now)
        return True
    morning = _for_volunteer(rules, now)
    if slot.booked == 0 or morning >= slot.starts_at:
        return False
    await tx.outbox.put(
        reminder.user_id, "reception_reminder", {**payload, "booked": slot.booked}, now,
        not_before=morning,
    )  # fmt: skip
    return True


async def _remind_of_appeal(
    tx: Store, reminder: ReminderRow, appeal_id: int, rules: TipRules, now: datetime
) -> bool:
    """An answer to an appeal soon due, due today, or late. A late answer also reaches the
    region's coordinators; this is where an appeal becomes overdue (`appeal.overdue` in the
    audit log)."""
    appeal = await tx.appeals.get(appeal_id)
    if appeal is None or appeal.status != "sent" or reminder.user_id is None:
        return False
    volunteers_at = _for_volunteer(rules, now)
    payload = {"appeal": appeal_id, "when": reminder.kind}
    await tx.outbox.put(reminder.user_id, "appeal_reminder", payload, now, not_before=volunteers_at)
    if reminder.kind == "appeal_overdue":
        await outcomes.announce(
            tx, rules.outcomes_channel, "appeal_overdue", {"appeal": appeal_id}, now
        )
        for coordinator in await tx.grants.holders(Role.COORDINATOR, appeal.region_code):
            assert coordinator.user_id is not None
            await tx.outbox.put(
                coordinator.user_id, "appeal_overdue", payload, now, not_before=volunteers_at
            )
        await tx.audit.write(
            actor_kind="system",
            actor_user_id=None,
            action="appeal.overdue",
            object_type="appeal",
            object_id=str(appeal_id),
            details={"due_on": appeal.due_on.isoformat() if appeal.due_on else None},
            at=now,
        )
    return True
