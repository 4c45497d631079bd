"""Citizen receptions: commissars publish and cancel slots (/receptions); citizens of the region
book and cancel a place (/reception)."""

from __future__ import annotations

from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.i18n import join
from bot.replies import Answer, replace, show
from db.receptions import SlotRow
from db.store import Store
from handlers.commissar import only_region_or_ask
from handlers.keyboards import (
    BookingAction,
    RegionChoice,
    SlotAction,
    button,
    rows,
    step_button,
    steps_only,
)
from handlers.render import moment
from handlers.report import text_expected, use_buttons
from roles import catalog, receptions
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Permission, Role
from roles.tips import TipRules


class SlotFlow(StatesGroup):
    region = State()
    starts_at = State()
    place = State()
    capacity = State()


def slot_line(i18n: I18nContext, slot: SlotRow, rules: TipRules, names: dict[str, str]) -> str:
    return i18n.get(
        "slot-line",
        number=slot.id,
        at=moment(slot.starts_at, rules.zone),
        place=slot.place,
        region=names.get(slot.region_code, slot.region_code),
        booked=slot.booked,
        capacity=slot.capacity,
    )


# ------------------------------------------------------------------ commissars


async def my_slots(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await state.clear()
    slots = await receptions.my_slots(store, actor, clock)
    names = await catalog.region_names(store, i18n.locale)
    lines = [i18n.get("slots-title", count=len(slots))] if slots else [i18n.get("slots-empty")]
    lines += [slot_line(i18n, slot, rules, names) for slot in slots]
    buttons = [
        [
            button(
                i18n,
                "button-cancel-slot",
                SlotAction(action="cancel", slot=slot.id),
                number=slot.id,
            )
        ]
        for slot in slots
    ]
    buttons.append([button(i18n, "button-publish-slot", SlotAction(action="publish", slot=0))])
    await message.answer(join("\n", lines), reply_markup=rows(*buttons))


async def start_publish(
    query: CallbackQuery, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.set_data({"slot": {}})
    region = await only_region_or_ask(
        query, state, store, i18n, receptions.reception_regions(actor),
        asking=SlotFlow.region, question_key="slot-ask-region",
    )  # fmt: skip
    if region is not None:
        await state.update_data(slot={"region": region})
        await ask_start(query, state, i18n)


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    if callback_data.code not in receptions.reception_regions(actor):
        raise InvalidInput("error-unknown-region", region=callback_data.code)
    await state.update_data(slot={"region": callback_data.code})
    await ask_start(query, state, i18n)


async def ask_start(target: Answer, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(SlotFlow.starts_at)
    await show(target, i18n.get("slot-ask-time"), reply_markup=steps_only(i18n, back=False))


async def start_given(
    message: Message, state: FSMContext, i18n: I18nContext, rules: TipRules, clock: Clock
) -> None:
    starts_at = receptions.check_start(message.text, rules, clock.now())
    slot = (await state.get_data())["slot"]
    slot["starts_at"] = starts_at.isoformat()
    await state.update_data(slot=slot)
    await state.set_state(SlotFlow.place)
    await message.answer(i18n.get("slot-ask-place"), reply_markup=steps_only(i18n, back=False))


async def place_given(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    slot = (await state.get_data())["slot"]
    slot["place"] = receptions.check_place(message.text)
    await state.update_data(slot=slot)
    await state.set_state(SlotFlow.capacity)
    await message.answer(i18n.get("slot-ask-capacity"), reply_markup=steps_only(i18n, back=False))


async def capacity_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    capacity = receptions.check_capacity(message.text)
    slot = (await state.get_data())["slot"]
    slot_id = await receptions.publish_slot(
        store,
        actor,
        region=slot["region"],
        starts_at=datetime.fromisoformat(slot["starts_at"]),
        place=slot["place"],
        capacity=capacity,
        clock=clock,
    )
    await state.clear()
    await message.answer(
        i18n.get(
            "slot-published",
            number=slot_id,
            at=moment(datetime.fromisoformat(slot["starts_at"]), rules.zone),
            place=slot["place"],
            capacity=capacity,
        )
    )


async def ask_cancel_slot(
    query: CallbackQuery, callback_data: SlotAction, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await receptions.own_slot(store, actor, callback_data.slot)
    await replace(
        query,
        i18n.get("slot-cancel-confirm", number=callback_data.slot),
        reply_markup=rows(
            [
                button(
                    i18n,
                    "button-cancel-slot-yes",
                    SlotAction(action="cancel_yes", slot=callback_data.slot),
                ),
                step_button(i18n, "button-keep-slot", "cancel"),
            ]
        ),
    )


async def cancel_slot(
    query: CallbackQuery,
    callback_data: SlotAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    told = await receptions.cancel_slot(store, actor, callback_data.slot, clock)
    await replace(query, i18n.get("slot-cancelled", number=callback_data.slot, count=told))


# ------------------------------------------------------------------ citizens


async def booking_menu(
    target: Answer,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    bookings = await receptions.my_bookings(store, actor, clock)
    slots = await receptions.open_slots(store, actor, clock)
    names = await catalog.region_names(store, i18n.locale)
    booked = {booking.slot_id for booking in bookings}
    lines = []
    buttons = []
    if bookings:
        lines.append(i18n.get("bookings-title", count=len(bookings)))
        for booking in bookings:
            lines.append(
                i18n.get(
                    "booking-line",
                    number=booking.slot_id,
                    at=moment(booking.starts_at, rules.zone),
                    place=booking.place,
                )
            )
            buttons.append(
                [
                    button(
                        i18n,
                        "button-cancel-booking",
                        BookingAction(action="cancel", booking=booking.id),
                        number=booking.slot_id,
                    )
                ]
            )
    free = [slot for slot in slots if slot.id not in booked]
    if free:
        lines.append(i18n.get("open-slots-title", count=len(free)))
        for slot in free:
            lines.append(slot_line(i18n, slot, rules, names))
            if slot.booked < slot.capacity:
                buttons.append(
                    [
                        button(
                            i18n,
                            "button-book",
                            SlotAction(action="book", slot=slot.id),
                            number=slot.id,
                        )
                    ]
                )
    elif not bookings:
        lines.append(i18n.get("open-slots-empty"))
    await show(target, join("\n", lines), reply_markup=rows(*buttons))


async def reception_command(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    await state.clear()
    await booking_menu(message, actor, store, i18n, rules, clock)


async def book(
    query: CallbackQuery,
    callback_data: SlotAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    rules: TipRules,
    clock: Clock,
) -> None:
    slot = await receptions.book(store, actor, callback_data.slot, clock)
    await replace(
        query,
        i18n.get(
            "booking-done", number=slot.id, at=moment(slot.starts_at, rules.zone), place=slot.place
        ),
    )


async def cancel_booking(
    query: CallbackQuery,
    callback_data: BookingAction,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    await receptions.cancel_booking(store, actor, callback_data.booking, clock)
    await replace(query, i18n.get("booking-cancelled"))


def build_commissar_router() -> Router:
    router = Router(name="receptions-commissar")
    router.message.filter(Requires(Permission.HOLD_RECEPTIONS))
    router.callback_query.filter(Requires(Permission.HOLD_RECEPTIONS))
    not_command = ~F.text.startswith("/")
    router.message.register(my_slots, Command("receptions"))
    router.callback_query.register(start_publish, SlotAction.filter(F.action == "publish"))
    router.callback_query.register(region_chosen, SlotFlow.region, RegionChoice.filter())
    router.message.register(start_given, SlotFlow.starts_at, F.text, not_command)
    router.message.register(place_given, SlotFlow.place, F.text, not_command)
    router.message.register(capacity_given, SlotFlow.capacity, F.text, not_command)
    router.callback_query.register(ask_cancel_slot, SlotAction.filter(F.action == "cancel"))
    router.callback_query.register(cancel_slot, SlotAction.filter(F.action == "cancel_yes"))
    router.message.register(use_buttons, SlotFlow.region, not_command)
    router.message.register(text_expected, StateFilter(SlotFlow), ~F.text)
    return router


def build_citizen_router() -> Router:
    router = Router(name="receptions-citizen")
    router.message.filter(Requires(Role.CITIZEN))
    router.callback_query.filter(Requires(Role.CITIZEN))
    router.message.register(reception_command, Command("reception"))
    router.callback_query.register(book, SlotAction.filter(F.action == "book"))
    router.callback_query.register(cancel_booking, BookingAction.filter(F.action == "cancel"))
    return router
