"""Broadcasts: ombudsmen and coordinators compose one (/broadcast), preview it exactly as
recipients will see it, send it now or at a time, follow and stop it (/broadcasts); recipients
acknowledge reading with the button under it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, replace, retire_buttons, show
from db.store import Store
from handlers.keyboards import (
    BroadcastAction,
    BroadcastStep,
    RegionChoice,
    RoleChoice,
    button,
    region_picker,
    rows,
    step_button,
    steps_only,
)
from handlers.media import evidence_of
from handlers.render import moment
from handlers.report import text_expected, use_buttons
from roles import broadcasts, catalog
from roles.broadcasts import AUDIENCE_ROLES, CONTENT_KINDS, Audience, BroadcastDraft
from roles.clock import Clock
from roles.errors import InvalidInput, NotAllowed
from roles.model import Actor, Permission, Role
from roles.tips import TipRules

if TYPE_CHECKING:
    from bot.broadcasts import BroadcastSender


class BroadcastFlow(StatesGroup):
    message = State()
    audience = State()
    role = State()
    region = State()
    acknowledge = State()
    confirm = State()
    send_at = State()


def content_kind(message: Message) -> str | None:
    """What an announcement may be: a text, or a file of a kind copyMessage keeps with its
    caption (a voice message is refused)."""
    if message.text and not message.text.startswith("/"):
        return "text"
    media = evidence_of(message)
    return media.kind if media is not None and media.kind in CONTENT_KINDS else None


async def draft_of(state: FSMContext) -> dict[str, Any]:
    draft: dict[str, Any] = (await state.get_data()).get("broadcast", {})
    return draft


async def keep(state: FSMContext, **changes: Any) -> dict[str, Any]:
    draft = {**await draft_of(state), **changes}
    await state.update_data(broadcast=draft)
    return draft


def chosen_draft(draft: dict[str, Any]) -> BroadcastDraft:
    return BroadcastDraft(
        source_chat_id=int(draft["chat"]),
        source_message_id=int(draft["message"]),
        content_kind=str(draft["kind"]),
        audience=Audience(
            role=Role(draft["role"]) if draft.get("role") else None,
            region=draft.get("region"),
        ),
        with_acknowledge=bool(draft.get("ack")),
    )


async def start(message: Message, state: FSMContext, actor: Actor, i18n: I18nContext) -> None:
    broadcasts.broadcast_regions(actor)
    await state.clear()
    await state.set_state(BroadcastFlow.message)
    await message.answer(
        i18n.get("broadcast-ask-message"), reply_markup=steps_only(i18n, back=False)
    )


async def message_given(
    message: Message, state: FSMContext, actor: Actor, i18n: I18nContext
) -> None:
    kind = content_kind(message)
    if kind is None:
        raise InvalidInput("error-broadcast-content")
    await keep(state, chat=message.chat.id, message=message.message_id, kind=kind)
    await ask_audience(message, state, actor, i18n)


async def ask_audience(target: Answer, state: FSMContext, actor: Actor, i18n: I18nContext) -> None:
    nationwide = broadcasts.broadcast_regions(actor) is None
    choices = ("all", "region", "role", "role-region") if nationwide else ("region", "role-region")
    await state.set_state(BroadcastFlow.audience)
    await show(
        target,
        i18n.get("broadcast-ask-audience"),
        reply_markup=rows(
            *(
                [button(i18n, f"button-audience-{choice}", BroadcastStep(choice=choice))]
                for choice in choices
            ),
            [step_button(i18n, "button-cancel", "cancel")],
        ),
    )


async def audience_chosen(
    query: CallbackQuery,
    callback_data: BroadcastStep,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    choice = callback_data.choice
    if choice not in ("all", "region", "role", "role-region"):
        raise InvalidInput("error-broadcast-audience")
    if choice in ("all", "role") and broadcasts.broadcast_regions(actor) is not None:
        raise NotAllowed("error-broadcast-region")
    await keep(state, audience=choice, role=None, region=None)
    if choice in ("role", "role-region"):
        await state.set_state(BroadcastFlow.role)
        await replace(
            query,
            i18n.get("broadcast-ask-role"),
            reply_markup=rows(
                *(
                    [button(i18n, f"broadcast-role-{role}", RoleChoice(role=role))]
                    for role in AUDIENCE_ROLES
                ),
                [step_button(i18n, "button-cancel", "cancel")],
            ),
        )
    elif choice == "region":
        await ask_region(query, state, actor, store, i18n)
    else:
        await ask_acknowledge(query, state, i18n)


async def role_chosen(
    query: CallbackQuery,
    callback_data: RoleChoice,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    try:
        role = Role(callback_data.role)
    except ValueError:
        raise InvalidInput("error-broadcast-audience") from None
    if role not in AUDIENCE_ROLES:
        raise InvalidInput("error-broadcast-audience")
    draft = await keep(state, role=role.value)
    if draft.get("audience") == "role-region":
        await ask_region(query, state, actor, store, i18n)
    else:
        await ask_acknowledge(query, state, i18n)


async def ask_region(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    own = broadcasts.broadcast_regions(actor)
    regions = await catalog.regions(store)
    await state.set_state(BroadcastFlow.region)
    await replace(
        query,
        i18n.get("broadcast-ask-region"),
        reply_markup=region_picker(
            [region for region in regions if own is None or region.code in own],
            i18n.locale,
            factory=RegionChoice,
            steps=[step_button(i18n, "button-cancel", "cancel")],
        ),
    )


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    broadcasts.check_audience(actor, Audience(region=callback_data.code))
    await keep(state, region=callback_data.code)
    await ask_acknowledge(query, state, i18n)


async def ask_acknowledge(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(BroadcastFlow.acknowledge)
    await replace(
        query,
        i18n.get("broadcast-ask-acknowledge"),
        reply_markup=rows(
            [button(i18n, "button-broadcast-with-ack", BroadcastStep(choice="ack_yes"))],
            [button(i18n, "button-broadcast-without-ack", BroadcastStep(choice="ack_no"))],
            [step_button(i18n, "button-cancel", "cancel")],
        ),
    )


def audience_words(i18n: I18nContext, draft: dict[str, Any], names: dict[str, str]) -> str:
    region = names.get(draft.get("region") or "", draft.get("region") or "")
    role = i18n.get(f"broadcast-role-{draft['role']}") if draft.get("role") else ""
    return i18n.get(f"broadcast-audience-{draft['audience']}", role=role, region=region)


async def acknowledge_chosen(
    query: CallbackQuery,
    callback_data: BroadcastStep,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    if callback_data.choice not in ("ack_yes", "ack_no"):
        raise InvalidInput("error-broadcast-audience")
    draft = await keep(state, ack=callback_data.choice == "ack_yes")
    chosen = chosen_draft(draft)
    count = await broadcasts.audience_size(store, actor, chosen.audience)
    await query.answer()
    if query.bot is None:
        return
    await query.bot.copy_message(
        chat_id=query.from_user.id,
        from_chat_id=chosen.source_chat_id,
        message_id=chosen.source_message_id,
        reply_markup=rows(
            [
                button(
                    i18n,
                    "button-broadcast-acknowledge",
                    BroadcastAction(action="ack", broadcast=broadcasts.PREVIEW),
                )
            ]
        )
        if chosen.with_acknowledge
        else None,
    )
    names = await catalog.region_names(store, i18n.locale)
    summary = i18n.get(
        "broadcast-summary",
        audience=audience_words(i18n, draft, names),
        count=count,
        acknowledge=i18n.get(
            "broadcast-ack-yes" if chosen.with_acknowledge else "broadcast-ack-no"
        ),
    )
    await state.set_state(BroadcastFlow.confirm)
    if count == 0:
        await query.bot.send_message(
            query.from_user.id,
            join("\n\n", [summary, i18n.get("broadcast-nobody")]),
            reply_markup=steps_only(i18n, back=False),
        )
        return
    await query.bot.send_message(
        query.from_user.id,
        summary,
        reply_markup=rows(
            [button(i18n, "button-broadcast-send-now", BroadcastStep(choice="now"))],
            [button(i18n, "button-broadcast-schedule", BroadcastStep(choice="schedule"))],
            [step_button(i18n, "button-cancel", "cancel")],
        ),
    )


async def send_chosen(
    query: CallbackQuery,
    callback_data: BroadcastStep,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    broadcaster: BroadcastSender,
) -> None:
    if callback_data.choice == "schedule":
        await state.set_state(BroadcastFlow.send_at)
        await replace(
            query, i18n.get("broadcast-ask-time"), reply_markup=steps_only(i18n, back=False)
        )
        return
    if callback_data.choice != "now":
        raise InvalidInput("error-broadcast-audience")
    broadcast = await broadcasts.confirm(store, actor, chosen_draft(await draft_of(state)), clock)
    await state.clear()
    await replace(
        query, i18n.get("broadcast-confirmed", number=broadcast.id, count=broadcast.recipients)
    )
    broadcaster.wake()


async def time_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
    broadcaster: BroadcastSender,
) -> None:
    send_at = broadcasts.check_send_time(message.text, rules.zone, clock.now())
    broadcast = await broadcasts.confirm(
        store, actor, chosen_draft(await draft_of(state)), clock, send_at=send_at
    )
    await state.clear()
    await message.answer(
        i18n.get(
            "broadcast-scheduled",
            number=broadcast.id,
            count=broadcast.recipients,
            at=moment(send_at, rules.zone),
        )
    )
    broadcaster.wake()


async def list_broadcasts(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
) -> None:
    await state.clear()
    reports = await broadcasts.recent(store, actor)
    if not reports:
        await message.answer(i18n.get("broadcasts-empty"))
        return
    lines = [i18n.get("broadcasts-title")]
    stops = []
    for report in reports:
        item, progress = report.broadcast, report.progress
        lines.append(
            i18n.get(
                "broadcast-line",
                number=item.id,
                at=moment(item.send_at, rules.zone),
                status=i18n.get(f"broadcast-status-{item.status}"),
                sent=progress.delivered,
                total=progress.recipients,
                blocked=progress.blocked,
                failed=progress.failed + progress.skipped,
                acknowledged=progress.acknowledged,
                acknowledge=str(item.with_acknowledge).lower(),
            )
        )
        if item.status in ("scheduled", "sending"):
            stops.append(
                [
                    button(
                        i18n,
                        "button-broadcast-stop-number",
                        BroadcastAction(action="stop", broadcast=item.id),
                        number=item.id,
                    )
                ]
            )
    await message.answer(join("\n\n", lines), reply_markup=rows(*stops))


async def ask_stop(
    query: CallbackQuery,
    callback_data: BroadcastAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
) -> None:
    await broadcasts.report(store, actor, callback_data.broadcast)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("broadcast-stop-confirm", number=callback_data.broadcast),
            reply_markup=rows(
                [
                    button(
                        i18n,
                        "button-broadcast-stop-yes",
                        BroadcastAction(action="stop_yes", broadcast=callback_data.broadcast),
                    ),
                    button(
                        i18n,
                        "button-broadcast-keep",
                        BroadcastAction(action="keep", broadcast=callback_data.broadcast),
                    ),
                ]
            ),
        )


async def stop(
    query: CallbackQuery,
    callback_data: BroadcastAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
    broadcaster: BroadcastSender,
) -> None:
    progress = await broadcasts.cancel(store, actor, callback_data.broadcast, clock)
    await replace(
        query,
        i18n.get(
            "broadcast-stopped",
            number=callback_data.broadcast,
            sent=progress.delivered,
            total=progress.recipients,
        ),
    )
    await broadcaster.show_progress(callback_data.broadcast, paced=False)


async def keep_going(query: CallbackQuery, i18n: I18nContext) -> None:
    """The author changed their mind about stopping: only the question goes away."""
    await retire_buttons(query, i18n.get("broadcast-goes-on"))


async def acknowledge(
    query: CallbackQuery,
    callback_data: BroadcastAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    fresh = await broadcasts.acknowledge(store, actor, callback_data.broadcast, clock)
    await query.answer(
        i18n.get("broadcast-acknowledged" if fresh else "broadcast-acknowledged-before")
    )


def build_router() -> Router:
    router = Router(name="broadcasts")
    router.message.filter(Requires(Permission.BROADCAST))
    router.callback_query.filter(Requires(Permission.BROADCAST))
    not_command = ~F.text.startswith("/")
    router.message.register(start, Command("broadcast"))
    router.message.register(list_broadcasts, Command("broadcasts"))
    router.message.register(message_given, BroadcastFlow.message, not_command)
    router.callback_query.register(audience_chosen, BroadcastFlow.audience, BroadcastStep.filter())
    router.callback_query.register(role_chosen, BroadcastFlow.role, RoleChoice.filter())
    router.callback_query.register(region_chosen, BroadcastFlow.region, RegionChoice.filter())
    router.callback_query.register(
        acknowledge_chosen, BroadcastFlow.acknowledge, BroadcastStep.filter()
    )
    router.callback_query.register(send_chosen, BroadcastFlow.confirm, BroadcastStep.filter())
    router.message.register(time_given, BroadcastFlow.send_at, F.text, not_command)
    router.message.register(text_expected, BroadcastFlow.send_at, ~F.text)
    router.callback_query.register(ask_stop, BroadcastAction.filter(F.action == "stop"))
    router.callback_query.register(stop, BroadcastAction.filter(F.action == "stop_yes"))
    router.callback_query.register(keep_going, BroadcastAction.filter(F.action == "keep"))
    router.message.register(
        use_buttons,
        StateFilter(
            BroadcastFlow.audience,
            BroadcastFlow.role,
            BroadcastFlow.region,
            BroadcastFlow.acknowledge,
            BroadcastFlow.confirm,
        ),
        not_command,
    )
    return router


def build_recipient_router() -> Router:
    """The button under a broadcast, pressed by whoever received it."""
    router = Router(name="broadcast-recipients")
    router.message.filter(Requires(Role.CITIZEN))
    router.callback_query.filter(Requires(Role.CITIZEN))
    router.callback_query.register(acknowledge, BroadcastAction.filter(F.action == "ack"))
    return router
