"""aiogram routers, thin: parse the update, call one workflow, render the answer."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    ambassador,
    appeals,
    audit,
    broadcasts,
    catalog,
    citizen,
    commissar,
    common,
    coordinator,
    exports,
    fallback,
    fieldwork,
    invites,
    moderation,
    receptions,
    report,
    statistics,
    supervision,
    tips,
)


def build_root_router() -> Router:
    """Everyone's commands first, then each role's router (filtered once, at the router), and
    last the fallback that answers whatever nobody else did."""
    root = Router(name="root")
    root.include_routers(
        common.build_router(),
        citizen.build_router(),
        report.build_router(),
        tips.build_router(),
        receptions.build_citizen_router(),
        broadcasts.build_recipient_router(),
        commissar.build_router(),
        fieldwork.build_router(),
        receptions.build_commissar_router(),
        supervision.build_router(),
        ambassador.build_router(),
        appeals.build_router(),
        statistics.build_router(),
        broadcasts.build_router(),
        exports.build_router(),
        coordinator.build_router(),
        invites.build_router(),
        moderation.build_router(),
        audit.build_router(),
        catalog.build_router(),
        fallback.build_router(),
    )
    return root
