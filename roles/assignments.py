"""Commissars' side of tips: the regional queue, a tip as a handler sees it, its evidence (each
view audited), one's own assignments, and the coordinators' overdue list and reassignment.

A handler never sees who sent a tip: everything here is built from `TipRow`, which carries no
tipster account. Status changes themselves are `roles.tips.change_status`."""

from __future__ import annotations

from dataclasses import dataclass

from db.fieldwork import ViolationRow
from db.grants import StaffEntry
from db.store import Store
from db.tips import AssignmentItem, EvidenceRow, QueueItem
from db.users import UserRow
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed
from roles.model import Actor, Permission, Role, require
from roles.tips import WORKING, TipView, handled_tip, schedule_deadline_reminders, works_on


@dataclass(frozen=True)
class HandlerView:
    """A tip as its handlers see it: the tipster's view plus the violations recorded on it."""

    view: TipView
    violations: list[ViolationRow]
    assignee: UserRow | None = None

    @property
    def can_take(self) -> bool:
        return self.view.tip.status == "new"


async def queue(
    store: Store,
    actor: Actor,
    *,
    category: str | None,
    page: int,
    per_page: int,
) -> tuple[list[QueueItem], int]:
    """New tips of the commissar's regions, oldest first, optionally of one category."""
    require(actor, Permission.HANDLE_TIPS)
    regions = list(actor.regions_of(Role.COMMISSAR))
    if category is not None and await store.catalog.category(category) is None:
        raise InvalidInput("error-tip-category")
    return await store.tips.queue(regions, category, limit=per_page, offset=max(page, 0) * per_page)


async def tip_for_handler(store: Store, actor: Actor, tip_id: int) -> HandlerView:
    tip = await handled_tip(store, actor, tip_id)
    view = TipView(tip, await store.tips.history(tip_id), await store.tips.thread(tip_id))
    assignee = await store.users.by_id(tip.assignee_user_id) if tip.assignee_user_id else None
    return HandlerView(view, await store.fieldwork.violations_of(tip_id=tip_id), assignee)


async def tip_to_work_on(store: Store, actor: Actor, tip_id: int) -> HandlerView:
    """A tip the actor may move on now (before asking them why, or what to ask the tipster)."""
    handled = await tip_for_handler(store, actor, tip_id)
    if not works_on(actor, handled.view.tip):
        raise NotAllowed("error-tip-not-yours", number=tip_id)
    return handled


async def tip_evidence(store: Store, actor: Actor, tip_id: int, clock: Clock) -> list[EvidenceRow]:
    """The tip's files (also those the tipster sent later); every look is in the audit log."""
    async with store.transaction() as tx:
        tip = await handled_tip(tx, actor, tip_id)
        evidence = [item for item in await tx.tips.evidence(tip.id) if item.file_id]
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="tip.evidence_viewed",
            object_type="tip",
            object_id=str(tip_id),
            details={"files": len(evidence)},
            at=clock.now(),
        )
    return evidence


async def my_assignments(
    store: Store, actor: Actor, *, page: int, per_page: int
) -> tuple[list[AssignmentItem], int]:
    require(actor, Permission.HANDLE_TIPS)
    return await store.tips.assigned_to(
        actor.user_id, WORKING, limit=per_page, offset=max(page, 0) * per_page
    )


async def overdue(
    store: Store, actor: Actor, clock: Clock, *, page: int, per_page: int
) -> tuple[list[AssignmentItem], int]:
    """Every assignment past a deadline, for coordinators."""
    require(actor, Permission.SUPERVISE_TIPS)
    nationwide = any(
        grant.role == Role.COORDINATOR and grant.region_code is None for grant in actor.grants
    )
    return await store.tips.overdue(
        clock.now(),
        WORKING,
        None if nationwide else list(actor.regions_of(Role.COORDINATOR)),
        limit=per_page,
        offset=max(page, 0) * per_page,
    )


async def reassign_candidates(store: Store, actor: Actor, tip_id: int) -> list[StaffEntry]:
    """The commissars of the tip's region other than its assignee."""
    tip = await handled_tip(store, actor, tip_id)
    require(actor, Permission.SUPERVISE_TIPS, tip.region_code)
    holders = await store.grants.holders(Role.COMMISSAR, tip.region_code)
    return [holder for holder in holders if holder.user_id != tip.assignee_user_id]


async def reassign(store: Store, actor: Actor, tip_id: int, to_user_id: int, clock: Clock) -> None:
    """A coordinator gives a tip being worked to another commissar of its region. The deadlines
    stay as they were; their reminders now go to the new assignee."""
    require(actor, Permission.SUPERVISE_TIPS)
    now = clock.now()
    async with store.transaction() as tx:
        tip = await handled_tip(tx, actor, tip_id)
        require(actor, Permission.SUPERVISE_TIPS, tip.region_code)
        if not any(
            h.user_id == to_user_id
            for h in await tx.grants.holders(Role.COMMISSAR, tip.region_code)
        ):
            raise NotAllowed("error-reassign-not-commissar")
        if to_user_id == tip.assignee_user_id:
            raise InvalidInput("error-reassign-same")
        previous = await tx.tips.reassign(tip_id, to_user_id, WORKING)
        if previous is None or tip.resolve_due is None:
            raise InvalidInput("error-tip-status-moved", number=tip_id)
        await tx.reminders.cancel(now, tip_id=tip_id)
        await schedule_deadline_reminders(
            tx,
            tip_id,
            to_user_id,
            tip.first_action_due if tip.first_action_at is None else None,
            tip.resolve_due,
            now,
        )
        await tx.tips.add_history(
            tip_id, tip.status, now, actor_user_id=actor.user_id, event="reassigned"
        )
        await tx.audit.write(
            actor_kind="user",
            actor_user_id=actor.user_id,
            action="tip.reassigned",
            object_type="tip",
            object_id=str(tip_id),
            details={"from": previous, "to": to_user_id},
            at=now,
        )
        await tx.outbox.put(to_user_id, "tip_assigned", {"tip": tip_id}, now)
        if previous != to_user_id:
            await tx.outbox.put(previous, "tip_unassigned", {"tip": tip_id}, now)
