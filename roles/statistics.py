"""Figures for ambassadors, ombudsmen and coordinators."""

from __future__ import annotations

from db.stats import AudienceFigures
from db.store import Store
from roles.model import Actor, Permission, require


async def audience(store: Store, actor: Actor) -> AudienceFigures:
    require(actor, Permission.VIEW_STATISTICS)
    return await store.statistics.audience()
