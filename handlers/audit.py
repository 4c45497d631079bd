"""Coordinators read the audit log: /audit, ten entries a page, narrowed by person, action or
period. The current filter travels in the buttons' data, so an old page's buttons stay true."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, show
from db.audit import AuditFilter, AuditLine
from db.store import Store
from handlers.keyboards import button, paging, rows, steps_only
from handlers.render import (
    USERNAME_LIMIT,
    calendar_day,
    moment,
    person_label,
    person_name,
    shortened,
)
from roles import audit
from roles.clock import Clock
from roles.model import Actor, Permission
from roles.tips import TipRules


class AuditView(CallbackData, prefix="aud"):
    """A page of the log under a filter: `who` a user id, days as ordinals; 0 or '' for any."""

    page: int
    who: int
    action: str
    first: int
    last: int


class AuditNarrow(CallbackData, prefix="audn"):
    """Change one part of the filter (p: person, a: action, d: period) of the view given."""

    part: str
    who: int
    action: str
    first: int
    last: int


class AuditFlow(StatesGroup):
    person = State()
    period = State()


ANY = AuditView(page=0, who=0, action="", first=0, last=0)


def view_filter(view: AuditView, zone: ZoneInfo) -> AuditFilter:
    period = audit.period_of_days(view.first, view.last)
    since, until = period.bounds(zone) if period else (None, None)
    return AuditFilter(view.who or None, view.action or None, since, until)


def narrowing(view: AuditView, part: str) -> AuditNarrow:
    return AuditNarrow(
        part=part, who=view.who, action=view.action, first=view.first, last=view.last
    )


def as_view(narrow: AuditNarrow | dict[str, Any], **changes: Any) -> AuditView:
    fields = narrow.model_dump() if isinstance(narrow, AuditNarrow) else dict(narrow)
    fields.pop("part", None)
    return AuditView(**{**fields, "page": 0, **changes})


def action_words(i18n: I18nContext, action: str) -> str:
    """The action in words; one the texts do not know yet (a newer feature's) as it is named."""
    return i18n.get("audit-action", action=action.replace(".", "-"))


class _Named:
    """The actor's or the object's names of a line, as `person_name` reads them."""

    def __init__(self, line: AuditLine, *, object_side: bool = False) -> None:
        prefix = "object" if object_side else "actor"
        self.first_name: str | None = getattr(line, f"{prefix}_first_name")
        self.last_name: str | None = getattr(line, f"{prefix}_last_name")
        self.username: str | None = getattr(line, f"{prefix}_username")


def who_words(i18n: I18nContext, line: AuditLine) -> str:
    if line.actor_telegram_id is None:
        return i18n.get("audit-actor", kind=line.actor_kind)
    name = person_name(_Named(line), line.actor_telegram_id)
    if line.actor_username and line.actor_first_name:
        return f"{name} (@{shortened(line.actor_username, USERNAME_LIMIT)})"
    return name


def object_words(i18n: I18nContext, line: AuditLine) -> str:
    if line.object_type is None:
        return ""
    if line.object_type == "user" and line.object_telegram_id is not None:
        return person_name(_Named(line, object_side=True), line.object_telegram_id)
    return i18n.get("audit-object", kind=line.object_type, id=line.object_id or "")


def detail_words(line: AuditLine) -> str:
    shown = [
        f"{name}: {value}"
        for name, value in line.details.items()
        if value is not None and isinstance(value, str | int | float) and name != "via"
    ]
    return f"({shortened(', '.join(shown), 120)})" if shown else ""


async def show_log(
    target: Answer,
    view: AuditView,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    found = await audit.read(store, actor, view_filter(view, rules.zone), view.page, clock)
    heading = [i18n.get("audit-title", count=found.total)]
    if view.who or view.action or view.first:
        heading.append(await filter_words(view, actor, store, i18n))
    lines = [
        i18n.get(
            "audit-line",
            at=moment(line.at, rules.zone),
            who=who_words(i18n, line),
            action=action_words(i18n, line.action),
            object=object_words(i18n, line),
            details=detail_words(line),
        )
        for line in found.lines
    ]
    text = join("\n", [*heading, "", *(lines or [i18n.get("audit-empty")])])
    page_buttons = paging(
        i18n,
        found.page,
        audit.PER_PAGE,
        found.total,
        lambda number: AuditView(**{**view.model_dump(), "page": number}),
    )
    filters = [
        button(i18n, "button-audit-person", narrowing(view, "p")),
        button(i18n, "button-audit-action", narrowing(view, "a")),
        button(i18n, "button-audit-period", narrowing(view, "d")),
    ]
    filtered = bool(view.who or view.action or view.first)
    clear = [button(i18n, "button-audit-clear", ANY)] if filtered else []
    await show(target, text, reply_markup=rows(page_buttons, filters, clear))


async def filter_words(view: AuditView, actor: Actor, store: Store, i18n: I18nContext) -> str:
    parts = []
    if view.who:
        person = await audit.person(store, actor, view.who)
        known = person_label(i18n, person.telegram_id, person) if person else str(view.who)
        parts.append(i18n.get("audit-filter-person", person=known))
    if view.action:
        parts.append(action_words(i18n, view.action))
    if view.first:
        parts.append(
            i18n.get(
                "audit-filter-period",
                first=calendar_day(date.fromordinal(view.first)),
                last=calendar_day(date.fromordinal(view.last)),
            )
        )
    return i18n.get("audit-filtered", filters=join(" · ", parts))


async def audit_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await state.clear()
    await show_log(message, ANY, actor, store, i18n, rules, clock)


async def audit_page(
    query: CallbackQuery,
    callback_data: AuditView,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await show_log(query, callback_data, actor, store, i18n, rules, clock)


async def narrow_pressed(
    query: CallbackQuery,
    callback_data: AuditNarrow,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    if callback_data.part == "a":
        await show(
            query,
            i18n.get("audit-ask-action"),
            reply_markup=action_picker(i18n, await audit.actions(store, actor), callback_data),
        )
        return
    await state.set_state(AuditFlow.person if callback_data.part == "p" else AuditFlow.period)
    await state.update_data(view=callback_data.model_dump())
    key = "audit-ask-person" if callback_data.part == "p" else "audit-ask-period"
    await show(query, i18n.get(key), reply_markup=steps_only(i18n, back=False))


def action_picker(
    i18n: I18nContext, names: list[str], current: AuditNarrow
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in names:
        try:
            data = as_view(current, action=name).pack()
        except ValueError:  # a name too long for Telegram's 64 bytes of button data
            continue
        builder.add(InlineKeyboardButton(text=action_words(i18n, name), callback_data=data))
    builder.adjust(2)
    builder.row(button(i18n, "button-audit-any-action", as_view(current, action="")))
    return builder.as_markup()


async def person_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    who = await audit.person_filter(store, actor, message.text or "")
    view = as_view((await state.get_data())["view"], who=who)
    await state.clear()
    await show_log(message, view, actor, store, i18n, rules, clock)


async def period_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    period = audit.parse_period(message.text)
    view = as_view(
        (await state.get_data())["view"],
        first=period.first.toordinal(),
        last=period.last.toordinal(),
    )
    await state.clear()
    await show_log(message, view, actor, store, i18n, rules, clock)


def build_router() -> Router:
    router = Router(name="audit")
    router.message.filter(Requires(Permission.READ_AUDIT))
    router.callback_query.filter(Requires(Permission.READ_AUDIT))
    router.message.register(audit_command, Command("audit"))
    router.callback_query.register(audit_page, AuditView.filter())
    router.callback_query.register(narrow_pressed, AuditNarrow.filter())
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(person_given, AuditFlow.person, *text)
    router.message.register(period_given, AuditFlow.period, *text)
    return router
