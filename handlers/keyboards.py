"""Inline keyboards and the callback data behind their buttons (64 bytes at most each)."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.i18n import Translations
from db.catalog import Region
from handlers.render import role_name
from roles.model import GRANTABLE_ROLES, LANGUAGES, Role

CHOSEN = "✓ "
NATIONWIDE = "*"


class LanguageChoice(CallbackData, prefix="lang"):
    code: str


class HomeRegion(CallbackData, prefix="home"):
    code: str


class Step(CallbackData, prefix="step"):
    """Moving through a conversation: back, cancel or confirm."""

    action: str


class RoleChoice(CallbackData, prefix="role"):
    role: str


class RegionChoice(CallbackData, prefix="reg"):
    code: str


class HeldGrant(CallbackData, prefix="held"):
    role: str
    region: str


def language_picker(translations: Translations, current: str | None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for language in LANGUAGES:
        label = translations.get("language-name", language)
        builder.button(
            text=CHOSEN + label if language == current else label,
            callback_data=LanguageChoice(code=language),
        )
    builder.adjust(3)
    return builder.as_markup()


def region_picker(
    regions: list[Region],
    language: str,
    *,
    factory: type[HomeRegion] | type[RegionChoice] | type[Subscription],
    selected: str | None = None,
    nationwide_label: str | None = None,
    steps: list[InlineKeyboardButton] | None = None,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if nationwide_label is not None:
        builder.row(
            InlineKeyboardButton(
                text=nationwide_label, callback_data=factory(code=NATIONWIDE).pack()
            )
        )
    buttons = [
        InlineKeyboardButton(
            text=(CHOSEN if region.code == selected else "") + region.name(language),
            callback_data=factory(code=region.code).pack(),
        )
        for region in regions
    ]
    for start in range(0, len(buttons), 2):
        builder.row(*buttons[start : start + 2])
    if steps:
        builder.row(*steps)
    return builder.as_markup()


def own_region_picker(
    i18n: I18nContext, regions: list[Region], own: tuple[str, ...]
) -> InlineKeyboardMarkup:
    """The regions among `own` (a volunteer's), with Cancel."""
    return region_picker(
        [region for region in regions if region.code in own],
        i18n.locale,
        factory=RegionChoice,
        steps=step_buttons(i18n, back=False),
    )


def step_buttons(
    i18n: I18nContext, *, back: bool = True, confirm_key: str | None = None
) -> list[InlineKeyboardButton]:
    buttons = []
    if back:
        buttons.append(
            InlineKeyboardButton(
                text=i18n.get("button-back"), callback_data=Step(action="back").pack()
            )
        )
    buttons.append(
        InlineKeyboardButton(
            text=i18n.get("button-cancel"), callback_data=Step(action="cancel").pack()
        )
    )
    if confirm_key:
        buttons.insert(
            0,
            InlineKeyboardButton(
                text=i18n.get(confirm_key), callback_data=Step(action="confirm").pack()
            ),
        )
    return buttons


def steps_only(
    i18n: I18nContext, *, back: bool = True, confirm_key: str | None = None
) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[step_buttons(i18n, back=back, confirm_key=confirm_key)]
    )


def role_picker(i18n: I18nContext) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in GRANTABLE_ROLES:
        builder.row(
            InlineKeyboardButton(
                text=i18n.get(f"role-{role}"), callback_data=RoleChoice(role=role).pack()
            )
        )
    builder.row(*step_buttons(i18n))
    return builder.as_markup()


def held_grant_picker(
    i18n: I18nContext, grants: list[tuple[Role, str | None]], region_names: dict[str, str]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role, region in grants:
        builder.row(
            InlineKeyboardButton(
                text=role_name(i18n, role, region, region_names),
                callback_data=HeldGrant(role=role, region=region or NATIONWIDE).pack(),
            )
        )
    builder.row(*step_buttons(i18n))
    return builder.as_markup()


# ------------------------------------------------------------------ tips


class TipCategory(CallbackData, prefix="tcat"):
    code: str


class TipWhen(CallbackData, prefix="twhen"):
    choice: str


class TipIdentity(CallbackData, prefix="tid"):
    mode: str


class ReportEdit(CallbackData, prefix="redit"):
    field: str


class TipsPage(CallbackData, prefix="tips"):
    page: int


class TipAction(CallbackData, prefix="tip"):
    """open, withdraw (asks), withdraw_yes, reply."""

    action: str
    tip: int


class ReceiptAction(CallbackData, prefix="rcpt"):
    action: str


class FollowUp(CallbackData, prefix="fup"):
    tip: int
    answer: str


class Subscription(CallbackData, prefix="sub"):
    """A region code, NATIONWIDE, or UNSUBSCRIBE."""

    code: str


UNSUBSCRIBE = "-"


def step_button(i18n: I18nContext, key: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=i18n.get(key), callback_data=Step(action=action).pack())


def button(
    i18n: I18nContext, key: str, data: CallbackData, **fields: object
) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=i18n.get(key, **fields), callback_data=data.pack())


def rows(*lines: list[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[line for line in lines if line])


def paging(
    i18n: I18nContext,
    page: int,
    per_page: int,
    total: int,
    page_data: Callable[[int], CallbackData],
    keys: tuple[str, str] = ("button-page-previous", "button-page-next"),
) -> list[InlineKeyboardButton]:
    """The buttons to the previous and the next page of a list, where there are such pages."""
    buttons = []
    if page > 0:
        buttons.append(button(i18n, keys[0], page_data(page - 1)))
    if (page + 1) * per_page < total:
        buttons.append(button(i18n, keys[1], page_data(page + 1)))
    return buttons


def main_menu(i18n: I18nContext) -> ReplyKeyboardMarkup:
    """The keyboard under the message field: a citizen's four everyday actions."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [
                KeyboardButton(text=i18n.get("menu-report")),
                KeyboardButton(text=i18n.get("menu-my-tips")),
            ],
            [
                KeyboardButton(text=i18n.get("menu-receipt")),
                KeyboardButton(text=i18n.get("menu-subscription")),
            ],
        ],
        resize_keyboard=True,
        is_persistent=True,
    )


# ------------------------------------------------------------------ commissars and coordinators


class QueuePage(CallbackData, prefix="q"):
    """A page of the regional queue, of every category (ALL) or one."""

    category: str
    page: int


ALL = "*"


class AssignmentsPage(CallbackData, prefix="asg"):
    page: int


class OverduePage(CallbackData, prefix="ovd"):
    page: int


class HandlerAction(CallbackData, prefix="ht"):
    """open, take, evidence, work, ask, resolved, unfounded, passed, giveback, violation,
    reassign."""

    action: str
    tip: int


class ReassignTo(CallbackData, prefix="rat"):
    tip: int
    user: int


class CheckKindChoice(CallbackData, prefix="ckind"):
    code: str


class CheckAction(CallbackData, prefix="chk"):
    """open, fill, finish, cancel, violation."""

    action: str
    check: int


class ChecklistAnswer(CallbackData, prefix="cans"):
    check: int
    position: int
    answer: str


class SeverityChoice(CallbackData, prefix="sev"):
    level: str


class ViolationAction(CallbackData, prefix="vio"):
    """open, evidence, add."""

    action: str
    violation: int


class SlotAction(CallbackData, prefix="slot"):
    """open, cancel, cancel_yes (commissar); book (citizen)."""

    action: str
    slot: int


class BookingAction(CallbackData, prefix="bkg"):
    """cancel."""

    action: str
    booking: int


class BroadcastAction(CallbackData, prefix="bc"):
    """ack (a recipient); stop, stop_yes, keep (the author or a coordinator)."""

    action: str
    broadcast: int


class BroadcastStep(CallbackData, prefix="bcs"):
    """A choice while composing: the audience (all, region, role, role_region), the
    acknowledge button (ack_yes, ack_no), and when to send (now, schedule)."""

    choice: str


# ------------------------------------------------------------------ ambassadors, figures, exports


class RiskPeriod(CallbackData, prefix="rsk"):
    days: int


class RiskDrill(CallbackData, prefix="rdr"):
    """The violations behind a region's number (`region`) or a body's (`body`, its rank)."""

    days: int
    region: str = ""
    body: int = -1


class EntriesPage(CallbackData, prefix="ents"):
    page: int


class EntryAction(CallbackData, prefix="ent"):
    """open, new, link_violation, link_tip, appeal, close."""

    action: str
    entry: int


class EntryLink(CallbackData, prefix="lnk"):
    """Link a suggested violation or tip to the entry whose number is being asked for."""

    violation: int = 0
    tip: int = 0


class EntryKindChoice(CallbackData, prefix="ekind"):
    kind: str


class AppealViolation(CallbackData, prefix="apv"):
    """Choose or unchoose a violation for the appeal being written."""

    violation: int


class AppealsPage(CallbackData, prefix="apls"):
    page: int


class AppealAction(CallbackData, prefix="apl"):
    """open, letter, sent, sent_today, answer, answer_file."""

    action: str
    appeal: int


class StatisticsPeriod(CallbackData, prefix="stp"):
    days: int


class ExportKind(CallbackData, prefix="exk"):
    kind: str


class ExportPeriod(CallbackData, prefix="exp"):
    days: int


def period_buttons(
    i18n: I18nContext,
    choices: tuple[int, ...],
    chosen: int | None,
    data: Callable[[int], CallbackData],
) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(
            text=(CHOSEN if days == chosen else "") + i18n.get("button-last-days", days=days),
            callback_data=data(days).pack(),
        )
        for days in choices
    ]
