"""Installs each person's command menu in their language with `set_my_commands`.

Workflows only mark a person's menu stale (in their transaction, with a NOTIFY); this installer
claims the stale ones and installs them, at once when notified and every minute as a sweep. One
instance at a time installs menus (an advisory lock), so the newest menu always wins.
"""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.i18n import Translations
from bot.workers import run_on_notifications
from db.locks import MENU_INSTALLER_LOCK, try_transaction_lock
from db.store import Store
from db.users import MENU_CHANNEL, MenuTarget
from roles.menus import menu_for
from roles.model import LANGUAGES, Language, Role, resolve_language

log = logging.getLogger(__name__)

BATCH = 50
TRANSIENT = (TelegramNetworkError, TelegramRetryAfter, TelegramServerError)


def not_started(error: TelegramAPIError) -> bool:
    """The person has not written to the bot yet, or has blocked it: there is no chat to set a
    menu in. Their next message marks the menu stale again (see `db.users.Users.touch`)."""
    return isinstance(error, TelegramForbiddenError) or (
        isinstance(error, TelegramBadRequest) and "chat not found" in error.message
    )


class _TryLater(Exception):
    """The Bot API could not be reached: keep the claimed menus stale for the next round."""


class MenuInstaller:
    def __init__(
        self, bot: Bot, store: Store, translations: Translations, default_language: Language
    ) -> None:
        self.bot = bot
        self.store = store
        self.translations = translations
        self.default_language = default_language
        self._lock = asyncio.Lock()

    def commands(self, roles: set[Role], language: str) -> list[BotCommand]:
        return [
            BotCommand(
                command=command.name,
                description=self.translations.get(command.description_key, language),
            )
            for command in menu_for(roles)
        ]

    async def install_defaults(self) -> None:
        """Everyone's menu for people the bot has no menu of its own for, in each language."""
        citizen = {Role.CITIZEN}
        try:
            for language in LANGUAGES:
                await self.bot.set_my_commands(
                    self.commands(citizen, language),
                    scope=BotCommandScopeDefault(),
                    language_code=language,
                )
            await self.bot.set_my_commands(
                self.commands(citizen, self.default_language), scope=BotCommandScopeDefault()
            )
        except TelegramAPIError as error:
            log.warning("The Bot API refused the default command menus: %s", error)

    async def install(self, target: MenuTarget) -> None:
        language = resolve_language(
            target.language, target.telegram_language, self.default_language
        )
        roles = {Role.CITIZEN, *(Role(grant.role) for grant in target.grants)}
        await self.bot.set_my_commands(
            self.commands(roles, language),
            scope=BotCommandScopeChat(chat_id=target.telegram_id),
        )

    async def sync_pending(self) -> int:
        """Install every stale menu; return how many were handled."""
        handled = 0
        async with self._lock:
            while True:
                try:
                    batch = await self._install_batch()
                except _TryLater as reason:
                    log.warning("Menus will be installed later: %s", reason)
                    return handled
                if batch is None:
                    return handled
                handled += batch

    async def _install_batch(self) -> int | None:
        async with self.store.transaction() as tx:
            connection = tx.connection
            if not await try_transaction_lock(connection, MENU_INSTALLER_LOCK):
                return None
            targets = await tx.users.claim_stale_menus(BATCH)
            if not targets:
                return None
            for target in targets:
                try:
                    await self.install(target)
                except TRANSIENT as error:
                    raise _TryLater(str(error)) from error
                except TelegramAPIError as error:
                    if not_started(error):
                        log.info(
                            "Chat %s gets its menu when it writes: %s", target.telegram_id, error
                        )
                    else:
                        log.warning(
                            "The Bot API refused a command menu (chat %s): %s",
                            target.telegram_id,
                            error,
                        )
            return len(targets)

    async def run(self) -> None:
        """Install menus whenever a workflow marks one stale, until cancelled."""
        await run_on_notifications(self.store, MENU_CHANNEL, self.sync_pending, type(self).__name__)
