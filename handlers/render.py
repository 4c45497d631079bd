"""Texts assembled from locales/ for more than one handler."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from aiogram_i18n import I18nContext

from bot.i18n import join
from db.fieldwork import ViolationRow
from db.store import Store
from db.tips import TipRow
from roles import catalog
from roles.menus import menu_for
from roles.model import Actor, Role, roles_in_order
from roles.tips import NOTE_FOR_TIPSTER, WORKING, Draft, TipView


def role_name(i18n: I18nContext, role: Role, region: str | None, names: dict[str, str]) -> str:
    label = i18n.get(f"role-{role}")
    if region is None:
        return label
    return i18n.get("role-in-region", role=label, region=names.get(region, region))


def roles_summary(i18n: I18nContext, actor: Actor, names: dict[str, str]) -> str:
    parts = []
    for role in roles_in_order(actor.roles):
        regions = actor.regions_of(role)
        if role == Role.CITIZEN or not regions:
            parts.append(role_name(i18n, role, None, names))
        else:
            parts.extend(role_name(i18n, role, region, names) for region in regions)
    return join(", ", parts)


def command_lines(i18n: I18nContext, actor: Actor) -> str:
    return join(
        "\n",
        (
            i18n.get(
                "help-line", command=command.name, description=i18n.get(command.description_key)
            )
            for command in menu_for(actor.roles)
        ),
    )


def help_text(i18n: I18nContext, actor: Actor, names: dict[str, str]) -> str:
    return join(
        "\n\n",
        [
            i18n.get("help-roles", roles=roles_summary(i18n, actor, names)),
            join("\n", [i18n.get("help-commands"), command_lines(i18n, actor)]),
            i18n.get("help-footer"),
        ],
    )


class Named(Protocol):
    @property
    def first_name(self) -> str | None: ...
    @property
    def last_name(self) -> str | None: ...
    @property
    def username(self) -> str | None: ...


def person_label(i18n: I18nContext, telegram_id: int, known: Named | None) -> str:
    """How a coordinator sees a volunteer: name, @username and Telegram id."""
    if known is None or not known.first_name:
        return i18n.get("person-unknown", id=str(telegram_id))
    name = shortened(" ".join(p for p in (known.first_name, known.last_name) if p), NAME_LIMIT)
    if known.username:
        username = shortened(known.username, USERNAME_LIMIT)
        return i18n.get("person-with-username", name=name, username=username, id=str(telegram_id))
    return i18n.get("person-named", name=name, id=str(telegram_id))


# ------------------------------------------------------------------ tips

SUMMARY_DESCRIPTION = 1500
"""How much of the description the summary repeats (a Telegram message holds 4,096 characters)."""


NAME_LIMIT = 64
USERNAME_LIMIT = 32
"""Telegram's limits on a first name and a username: names are never shown longer, so a page
of them stays within a message whatever an update claimed."""


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def status_name(i18n: I18nContext, status: str) -> str:
    return i18n.get(f"tip-status-{status}")


def when_text(
    i18n: I18nContext, kind: str | None, on: date | None, reported: date | None = None
) -> str:
    """When it happened; "today" and "this week" of a sent tip are told from the day it was
    reported, so they stay true when read later."""
    if kind == "date" and on is not None:
        return calendar_day(on)
    if reported is not None and kind in ("today", "week"):
        return i18n.get(f"tip-when-{kind}", date=calendar_day(reported))
    return i18n.get(f"report-when-{kind or 'earlier'}")


def where_text(
    i18n: I18nContext, latitude: float | None, longitude: float | None, address: str | None
) -> str:
    if latitude is not None and longitude is not None:
        return i18n.get(
            "report-where-location", latitude=f"{latitude:.5f}", longitude=f"{longitude:.5f}"
        )
    if address:
        return address
    return i18n.get("report-where-none")


def evidence_text(i18n: I18nContext, kinds: list[str]) -> str:
    if not kinds:
        return i18n.get("report-evidence-none")
    counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
    return join(", ", [i18n.get(f"evidence-{kind}", count=count) for kind, count in counts.items()])


async def tip_summary(i18n: I18nContext, store: Store, draft: Draft) -> str:
    categories = await catalog.category_names(store, i18n.locale)
    regions = await catalog.region_names(store, i18n.locale)
    return i18n.get(
        "report-summary",
        category=categories.get(draft.category or "", "—"),
        region=regions.get(draft.region or "", "—"),
        body=draft.body or "—",
        description=shortened(draft.description or "—", SUMMARY_DESCRIPTION),
        when=when_text(i18n, draft.when, draft.occurred_on),
        where=where_text(i18n, draft.latitude, draft.longitude, draft.address),
        evidence=evidence_text(i18n, [item["kind"] for item in draft.evidence]),
        identity=i18n.get(f"report-identity-{draft.identity or 'confidential'}"),
    )


def receipt_text(i18n: I18nContext, number: int, code: str) -> str:
    return i18n.get("report-sent-anonymous", number=number, code=code)


def calendar_day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def day(moment: datetime, zone: ZoneInfo) -> str:
    return calendar_day(moment.astimezone(zone).date())


def moment(value: datetime, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%d.%m.%Y %H:%M")


async def tip_card(
    i18n: I18nContext, store: Store, view: TipView, zone: ZoneInfo, *, for_handler: bool = False
) -> list[str]:
    """A tip as its tipster sees it (or, `for_handler`, its handlers: with the notes of each
    change and the deadlines): what was reported, what happened, and the thread. Several
    messages when it is long."""
    tip = view.tip
    categories = await catalog.category_names(store, i18n.locale)
    regions = await catalog.region_names(store, i18n.locale)
    head = i18n.get(
        "tip-card",
        number=tip.id,
        status=status_name(i18n, tip.status),
        changed=moment(tip.status_changed_at, zone),
        category=categories.get(tip.category_code, tip.category_code),
        region=regions.get(tip.region_code, tip.region_code),
        body=tip.body_concerned,
        description=i18n.get("tip-card-purged")
        if tip.purged_at
        else shortened(tip.description or "", SUMMARY_DESCRIPTION),
        when=when_text(
            i18n, tip.occurred_kind, tip.occurred_on, tip.created_at.astimezone(zone).date()
        ),
        where=where_text(i18n, tip.latitude, tip.longitude, tip.address),
        evidence=i18n.get(
            "tip-card-evidence",
            count=tip.evidence_count + sum(message.evidence_count for message in view.thread),
        ),
    )
    if for_handler:
        identity = i18n.get(f"tip-card-tipster-{tip.identity_mode}")
        head = join("\n\n", [head, identity, deadlines_text(i18n, tip, zone)])
    history = [i18n.get("tip-card-history")] + [
        i18n.get(
            "tip-history-line-note"
            if entry.note and (for_handler or entry.status in NOTE_FOR_TIPSTER)
            else "tip-history-line",
            at=moment(entry.at, zone),
            status=i18n.get(f"tip-history-{entry.event}")
            if entry.event
            else status_name(i18n, entry.status),
            note=entry.note or "",
        )
        for entry in view.history
        if for_handler or entry.event != "reassigned"
    ]
    parts = [head, join("\n", history)]
    if view.thread:
        lines = [i18n.get("tip-card-thread")]
        for message in view.thread:
            key = (
                "tip-thread-question"
                if message.direction == "to_tipster"
                else "tip-thread-answer-handler"
                if for_handler
                else "tip-thread-answer"
            )
            lines.append(
                i18n.get(
                    key,
                    at=moment(message.at, zone),
                    text=message.body or "",
                    files=message.evidence_count,
                )
            )
        parts.append(join("\n\n", lines))
    return parts


def deadlines_text(i18n: I18nContext, tip: TipRow, zone: ZoneInfo) -> str:
    """An assignment's deadlines as its handlers see them."""
    if tip.first_action_due is None or tip.resolve_due is None:
        return i18n.get("tip-card-unassigned")
    first_action = (
        i18n.get("deadline-met", at=moment(tip.first_action_at, zone))
        if tip.first_action_at is not None
        else moment(tip.first_action_due, zone)
    )
    resolve = (
        i18n.get("deadline-met", at=moment(tip.status_changed_at, zone))
        if tip.status not in WORKING
        else moment(tip.resolve_due, zone)
    )
    return i18n.get("tip-card-deadlines", first_action=first_action, resolve=resolve)


def person_name(person: Named, telegram_id: int) -> str:
    """A volunteer's name for buttons: first and last name, else @username, else the id (no
    longer than NAME_LIMIT)."""
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    name = name or (f"@{person.username}" if person.username else str(telegram_id))
    return shortened(name, NAME_LIMIT)


def violation_lines(i18n: I18nContext, violations: list[ViolationRow]) -> str:
    return join(
        "\n",
        [i18n.get("tip-card-violations")]
        + [
            i18n.get(
                "violation-line",
                number=violation.id,
                severity=i18n.get(f"severity-{violation.severity}"),
                body=violation.body,
            )
            for violation in violations
        ],
    )


def money(amount: Decimal, language: str) -> str:
    """A sum in tenge as people of that language write it: 12 500 000,50 ₸ or 12,500,000.50 ₸."""
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    if language != "en":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return f"{text} ₸"
