"""CSV exports of tips, violations and appeals for a period and a region, for ambassadors,
ombudsmen and coordinators. Every export is audited; none carries a tipster."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import Requires
from bot.replies import Answer, show
from db.store import Store
from handlers.keyboards import (
    NATIONWIDE,
    ExportKind,
    ExportPeriod,
    RegionChoice,
    button,
    period_buttons,
    region_picker,
    rows,
    step_buttons,
)
from handlers.report import use_buttons
from roles import analytics, catalog
from roles.appeals import AppealRules
from roles.clock import Clock
from roles.errors import InvalidInput
from roles.model import Actor, Permission, regions_permitted
from roles.risks import Period


class ExportFlow(StatesGroup):
    kind = State()
    period = State()
    region = State()


async def export_command(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await state.set_state(ExportFlow.kind)
    kinds = [
        [button(i18n, f"export-kind-{kind}", ExportKind(kind=kind))]
        for kind in analytics.EXPORT_KINDS
    ]
    await message.answer(
        i18n.get("export-ask-kind"), reply_markup=rows(*kinds, step_buttons(i18n, back=False))
    )


async def kind_chosen(
    query: CallbackQuery, callback_data: ExportKind, state: FSMContext, i18n: I18nContext
) -> None:
    if callback_data.kind not in analytics.EXPORT_KINDS:
        raise InvalidInput()
    await state.set_data({"export": {"kind": callback_data.kind}})
    await state.set_state(ExportFlow.period)
    await show(
        query,
        i18n.get("export-ask-period"),
        reply_markup=rows(
            period_buttons(
                i18n, analytics.EXPORT_DAYS, None, lambda number: ExportPeriod(days=number)
            ),
            step_buttons(i18n, back=False),
        ),
    )


async def period_set(
    target: Answer,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
    period: Period,
) -> None:
    data = (await state.get_data())["export"]
    data.update(first=period.first.isoformat(), last=period.last.isoformat())
    await state.update_data(export=data)
    allowed = regions_permitted(actor, Permission.EXPORT_DATA)
    if allowed is not None and len(allowed) == 1:
        await send_export(target, state, actor, store, i18n, appeal_rules, clock, allowed[0])
        return
    await state.set_state(ExportFlow.region)
    regions = await catalog.regions(store)
    if allowed is not None:
        regions = [region for region in regions if region.code in allowed]
    await show(
        target,
        i18n.get("export-ask-region"),
        reply_markup=region_picker(
            regions,
            i18n.locale,
            factory=RegionChoice,
            nationwide_label=i18n.get("export-all-regions"),
            steps=step_buttons(i18n, back=False),
        ),
    )


async def period_button(
    query: CallbackQuery,
    callback_data: ExportPeriod,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    if callback_data.days not in analytics.EXPORT_DAYS:
        raise InvalidInput()
    today = appeal_rules.today(clock.now())
    period = Period.last_days(callback_data.days, today)
    await period_set(query, state, actor, store, i18n, appeal_rules, clock, period)


async def period_typed(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    period = analytics.parse_period(message.text, appeal_rules.today(clock.now()))
    await period_set(message, state, actor, store, i18n, appeal_rules, clock, period)


async def region_chosen(
    query: CallbackQuery,
    callback_data: RegionChoice,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
) -> None:
    region = None if callback_data.code == NATIONWIDE else callback_data.code
    await send_export(query, state, actor, store, i18n, appeal_rules, clock, region)


async def send_export(
    target: Answer,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    appeal_rules: AppealRules,
    clock: Clock,
    region: str | None,
) -> None:
    data = (await state.get_data())["export"]
    period = Period(date.fromisoformat(data["first"]), date.fromisoformat(data["last"]))
    export = await analytics.export_csv(
        store, actor, data["kind"], period, region, appeal_rules.zone, clock
    )
    await state.clear()
    names = await catalog.region_names(store, i18n.locale)
    caption = i18n.get(
        "export-caption",
        kind=i18n.get(f"export-kind-{data['kind']}"),
        period=period.text(),
        region=names.get(region, region) if region else i18n.get("export-all-regions"),
        count=export.rows,
    )
    document = BufferedInputFile(export.data, filename=export.file_name)
    if isinstance(target, CallbackQuery):
        await show(target, caption)
        if target.bot is not None:
            await target.bot.send_document(target.from_user.id, document)
        return
    await target.answer(caption)
    await target.answer_document(document)


async def period_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("export-period-expected"))


def build_router() -> Router:
    router = Router(name="exports")
    router.message.filter(Requires(Permission.EXPORT_DATA))
    router.callback_query.filter(Requires(Permission.EXPORT_DATA))
    not_command = ~F.text.startswith("/")
    router.message.register(export_command, Command("export"))
    router.callback_query.register(kind_chosen, ExportFlow.kind, ExportKind.filter())
    router.callback_query.register(period_button, ExportFlow.period, ExportPeriod.filter())
    router.message.register(period_typed, ExportFlow.period, F.text, not_command)
    router.message.register(period_expected, ExportFlow.period, ~F.text)
    router.callback_query.register(region_chosen, ExportFlow.region, RegionChoice.filter())
    router.message.register(
        use_buttons, StateFilter(ExportFlow.kind, ExportFlow.region), not_command
    )
    return router
