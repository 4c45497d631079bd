"""Everyone's commands: /start, /language, /help, /privacy, /cancel."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message
from aiogram_i18n import I18nContext

from bot.i18n import Translations, join
from bot.replies import replace, retire_buttons
from db.store import Store
from handlers.keyboards import LanguageChoice, Step, language_picker, main_menu
from handlers.render import help_text, role_name, roles_summary
from roles import catalog, invites, people
from roles.clock import Clock
from roles.menus import ROLE_MENUS
from roles.model import Actor


def welcome(i18n: I18nContext, actor: Actor, names: dict[str, str]) -> str:
    return i18n.get("start-welcome", roles=roles_summary(i18n, actor, names))


async def start(
    message: Message,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    translations: Translations,
) -> None:
    """Start over: any unfinished conversation ends, the greeting and the menu come again."""
    await state.clear()
    name = message.from_user.first_name if message.from_user else ""
    if actor.language is None:
        await message.answer(
            i18n.get("start-greeting", name=name),
            reply_markup=language_picker(translations, None),
        )
        return
    await people.refresh_menu(store, actor)
    names = await catalog.region_names(store, i18n.locale)
    await message.answer(welcome(i18n, actor, names), reply_markup=main_menu(i18n))


async def start_with_invitation(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    translations: Translations,
    clock: Clock,
) -> None:
    """`/start inv_…`, from an invitation's link: the role is granted, the menu follows."""
    await state.clear()
    redeemed = await invites.redeem(store, actor, command.args or "", clock)
    names = await catalog.region_names(store, i18n.locale)
    commands = [
        i18n.get("help-line", command=item.name, description=i18n.get(item.description_key))
        for item in ROLE_MENUS[redeemed.role]
    ]
    await message.answer(
        i18n.get(
            "invite-welcome",
            role=role_name(i18n, redeemed.role, redeemed.region_code, names),
            commands=join("\n", commands),
        ),
        reply_markup=main_menu(i18n),
    )
    if actor.language is None:
        await message.answer(
            i18n.get("language-choose"), reply_markup=language_picker(translations, None)
        )


async def language(message: Message, i18n: I18nContext, translations: Translations) -> None:
    await message.answer(
        i18n.get("language-choose"), reply_markup=language_picker(translations, i18n.locale)
    )


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageChoice,
    actor: Actor,
    store: Store,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    first_contact = actor.language is None
    chosen = await people.choose_language(store, actor, callback_data.code)
    with i18n.use_locale(chosen):
        await replace(query, i18n.get("language-saved"))
        if first_contact:
            names = await catalog.region_names(store, chosen)
            await bot.send_message(
                actor.telegram_id, welcome(i18n, actor, names), reply_markup=main_menu(i18n)
            )


async def show_help(message: Message, actor: Actor, store: Store, i18n: I18nContext) -> None:
    names = await catalog.region_names(store, i18n.locale)
    await message.answer(help_text(i18n, actor, names))


async def privacy(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("privacy-text"))


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    if await state.get_state() is None:
        await message.answer(i18n.get("cancel-nothing"))
        return
    await state.clear()
    await message.answer(i18n.get("cancel-done"))


async def cancel_button(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    if await state.get_state() is None:
        await retire_buttons(query, i18n.get("cancel-nothing"))
        return
    await state.clear()
    await replace(query, i18n.get("cancel-done"))


async def reachability(update: ChatMemberUpdated, actor: Actor, store: Store) -> None:
    reachable = update.new_chat_member.status not in ("kicked", "left")
    await people.note_reachability(store, actor, reachable)


def build_router() -> Router:
    router = Router(name="common")
    router.message.register(
        start_with_invitation,
        CommandStart(deep_link=True, magic=F.args.startswith(invites.PREFIX)),
    )
    router.message.register(start, CommandStart())
    router.message.register(language, Command("language"))
    router.callback_query.register(language_chosen, LanguageChoice.filter())
    router.message.register(show_help, Command("help"))
    router.message.register(privacy, Command("privacy"))
    router.message.register(cancel, Command("cancel"))
    router.callback_query.register(cancel_button, Step.filter(F.action == "cancel"))
    router.my_chat_member.register(reachability)
    return router
