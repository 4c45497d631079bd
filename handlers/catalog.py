"""Nationwide coordinators manage the catalog: /catalog lists the tip categories with their
service levels; a category's card renames it (per language), sets its service levels and
switches it on or off; new categories are added; regions are renamed and switched likewise."""

from __future__ import annotations

from datetime import timedelta

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
from bot.replies import Answer, answer_long, show
from db.catalog import Category, Region
from db.store import Store
from handlers.keyboards import button, rows, steps_only
from roles import catalog
from roles.clock import Clock
from roles.model import LANGUAGES, Actor, Permission


class CatalogPress(CallbackData, prefix="ctl"):
    """home, cat, ren, onoff, sla, add, regs, reg, rren, ronoff."""

    what: str
    code: str = ""
    lang: str = ""


class CatalogFlow(StatesGroup):
    name = State()
    first_action = State()
    resolve = State()
    new_name = State()


HOME = CatalogPress(what="home")


def duration(i18n: I18nContext, value: timedelta) -> str:
    if value.seconds == 0:
        return i18n.get("catalog-days", count=value.days)
    return i18n.get("catalog-hours", count=int(value.total_seconds() // 3600))


def status(i18n: I18nContext, active: bool) -> str:
    return i18n.get("catalog-active" if active else "catalog-inactive")


def category_line(i18n: I18nContext, category: Category) -> str:
    return i18n.get(
        "catalog-category-line",
        name=category.name(i18n.locale),
        code=category.code,
        status=status(i18n, category.active),
        first=duration(i18n, category.first_action_within),
        resolve=duration(i18n, category.resolve_within),
    )


async def show_home(target: Answer, actor: Actor, store: Store, i18n: I18nContext) -> None:
    categories = await catalog.every_category(store, actor)
    text = join(
        "\n",
        [i18n.get("catalog-title"), *(category_line(i18n, item) for item in categories)],
    )
    builder = InlineKeyboardBuilder()
    for item in categories:
        builder.add(
            InlineKeyboardButton(
                text=item.name(i18n.locale),
                callback_data=CatalogPress(what="cat", code=item.code).pack(),
            )
        )
    builder.adjust(2)
    builder.row(
        button(i18n, "button-catalog-add", CatalogPress(what="add")),
        button(i18n, "button-catalog-regions", CatalogPress(what="regs")),
    )
    if isinstance(target, Message) and len(text) > 3500:
        await answer_long(target, text)
        await target.answer(i18n.get("catalog-choose"), reply_markup=builder.as_markup())
        return
    await show(target, text, reply_markup=builder.as_markup())


def names_text(i18n: I18nContext, item: Category | Region) -> str:
    return i18n.get("catalog-names", ru=item.name_ru, kk=item.name_kk, en=item.name_en)


def card_buttons(
    i18n: I18nContext, code: str, active: bool, *, region: bool
) -> InlineKeyboardMarkup:
    rename = "rren" if region else "ren"
    renames = [
        button(
            i18n,
            "button-catalog-rename",
            CatalogPress(what=rename, code=code, lang=lang),
            language=lang.upper(),
        )
        for lang in LANGUAGES
    ]
    toggle_key = "button-catalog-deactivate" if active else "button-catalog-activate"
    toggle = button(i18n, toggle_key, CatalogPress(what="ronoff" if region else "onoff", code=code))
    extra = (
        [] if region else [button(i18n, "button-catalog-sla", CatalogPress(what="sla", code=code))]
    )
    back = CatalogPress(what="regs") if region else HOME
    return rows(renames, [*extra, toggle], [button(i18n, "button-back", back)])


async def show_category(
    target: Answer, code: str, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    item = await catalog.any_category(store, actor, code)
    text = join("\n", [category_line(i18n, item), "", names_text(i18n, item)])
    await show(target, text, reply_markup=card_buttons(i18n, item.code, item.active, region=False))


async def show_regions(target: Answer, actor: Actor, store: Store, i18n: I18nContext) -> None:
    regions = await catalog.every_region(store, actor)
    builder = InlineKeyboardBuilder()
    for region in regions:
        mark = "" if region.active else i18n.get("catalog-off-mark")
        builder.add(
            InlineKeyboardButton(
                text=mark + region.name(i18n.locale),
                callback_data=CatalogPress(what="reg", code=region.code).pack(),
            )
        )
    builder.adjust(2)
    builder.row(button(i18n, "button-back", HOME))
    await show(target, i18n.get("catalog-regions-title"), reply_markup=builder.as_markup())


async def show_region(
    target: Answer, code: str, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    region = await catalog.any_region(store, actor, code)
    text = join(
        "\n",
        [
            i18n.get(
                "catalog-region-line",
                name=region.name(i18n.locale),
                code=region.code,
                status=status(i18n, region.active),
            ),
            "",
            names_text(i18n, region),
        ],
    )
    await show(
        target, text, reply_markup=card_buttons(i18n, region.code, region.active, region=True)
    )


async def catalog_command(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    await state.clear()
    await show_home(message, actor, store, i18n)


async def pressed(
    query: CallbackQuery,
    callback_data: CatalogPress,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    what, code = callback_data.what, callback_data.code
    await state.clear()
    if what == "home":
        await show_home(query, actor, store, i18n)
    elif what == "cat":
        await show_category(query, code, actor, store, i18n)
    elif what == "regs":
        await show_regions(query, actor, store, i18n)
    elif what == "reg":
        await show_region(query, code, actor, store, i18n)
    elif what in ("onoff", "ronoff"):
        kind = "category" if what == "onoff" else "region"
        item = (
            await catalog.any_category(store, actor, code)
            if kind == "category"
            else await catalog.any_region(store, actor, code)
        )
        await catalog.set_active(store, actor, kind, code, not item.active, clock)
        if kind == "category":
            await show_category(query, code, actor, store, i18n)
        else:
            await show_region(query, code, actor, store, i18n)
    elif what in ("ren", "rren") and callback_data.lang in LANGUAGES:
        kind = "category" if what == "ren" else "region"
        await (catalog.any_category if kind == "category" else catalog.any_region)(
            store, actor, code
        )
        await state.set_state(CatalogFlow.name)
        await state.update_data(kind=kind, code=code, lang=callback_data.lang)
        await show(
            query,
            i18n.get("catalog-ask-name", language=callback_data.lang.upper()),
            reply_markup=steps_only(i18n, back=False),
        )
    elif what == "sla":
        item = await catalog.any_category(store, actor, code)
        await state.set_state(CatalogFlow.first_action)
        await state.update_data(code=code)
        await show(
            query,
            i18n.get(
                "catalog-ask-first-action",
                name=item.name(i18n.locale),
                current=duration(i18n, item.first_action_within),
            ),
            reply_markup=steps_only(i18n, back=False),
        )
    elif what == "add":
        await catalog.every_category(store, actor)
        await state.set_state(CatalogFlow.new_name)
        await state.update_data(names={})
        await ask_new_name(query, "ru", i18n)
    else:
        await query.answer(i18n.get("error-invalid-input"), show_alert=True)


async def ask_new_name(target: Answer, language: str, i18n: I18nContext) -> None:
    await show(
        target,
        i18n.get("catalog-ask-new-name", language=language.upper()),
        reply_markup=steps_only(i18n, back=False),
    )


async def name_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    data = await state.get_data()
    await catalog.rename(
        store, actor, data["kind"], data["code"], data["lang"], message.text or "", clock
    )
    await state.clear()
    if data["kind"] == "category":
        await show_category(message, data["code"], actor, store, i18n)
    else:
        await show_region(message, data["code"], actor, store, i18n)


async def new_name_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    names: dict[str, str] = (await state.get_data())["names"]
    language = next(lang for lang in LANGUAGES if lang not in names)
    names[language] = catalog.check_name(message.text)
    missing = [lang for lang in LANGUAGES if lang not in names]
    if missing:
        await state.update_data(names=names)
        await ask_new_name(message, missing[0], i18n)
        return
    added = await catalog.add_category(store, actor, names, clock)
    await state.clear()
    await message.answer(i18n.get("catalog-added", name=added.name(i18n.locale), code=added.code))
    await show_category(message, added.code, actor, store, i18n)


async def first_action_given(
    message: Message, state: FSMContext, actor: Actor, store: Store, i18n: I18nContext
) -> None:
    first = catalog.check_first_action(catalog.parse_duration(message.text))
    item = await catalog.any_category(store, actor, (await state.get_data())["code"])
    await state.update_data(first=first.total_seconds())
    await state.set_state(CatalogFlow.resolve)
    await message.answer(
        i18n.get(
            "catalog-ask-resolve",
            name=item.name(i18n.locale),
            current=duration(i18n, item.resolve_within),
        ),
        reply_markup=steps_only(i18n, back=False),
    )


async def resolve_given(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    clock: Clock,
) -> None:
    data = await state.get_data()
    first = timedelta(seconds=data["first"])
    await catalog.set_service_levels(
        store, actor, data["code"], first, catalog.parse_duration(message.text), clock
    )
    await state.clear()
    await message.answer(i18n.get("catalog-sla-saved"))
    await show_category(message, data["code"], actor, store, i18n)


def build_router() -> Router:
    router = Router(name="catalog")
    router.message.filter(Requires(Permission.MANAGE_CATALOG))
    router.callback_query.filter(Requires(Permission.MANAGE_CATALOG))
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(catalog_command, Command("catalog"))
    router.callback_query.register(pressed, CatalogPress.filter())
    router.message.register(name_given, CatalogFlow.name, *text)
    router.message.register(new_name_given, CatalogFlow.new_name, *text)
    router.message.register(first_action_given, CatalogFlow.first_action, *text)
    router.message.register(resolve_given, CatalogFlow.resolve, *text)
    return router
