"""One place that turns failures into localised answers, so no handler formats an error."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, User

from bot.i18n import Translations
from bot.replies import tell
from db.store import STORE_UNAVAILABLE, unstorable_value
from roles.errors import DomainError
from roles.model import Actor, Language, resolve_language

log = logging.getLogger(__name__)


def _language(
    translations: Translations, actor: Actor | None, event_from_user: User | None
) -> Language:
    default = resolve_language(translations.default_locale, None, "ru")
    return resolve_language(
        actor.language if actor else None,
        event_from_user.language_code if event_from_user else None,
        default,
    )


async def _answer(event: ErrorEvent, text: str) -> None:
    try:
        await tell(event.update, text)
    except TelegramAPIError as error:
        log.warning("Could not tell the person about a failure: %s", error)


def build_error_router() -> Router:
    router = Router(name="errors")

    @router.error(ExceptionTypeFilter(DomainError))
    async def explain_refusal(
        event: ErrorEvent,
        translations: Translations,
        actor: Actor | None = None,
        event_from_user: User | None = None,
    ) -> None:
        error = event.exception
        assert isinstance(error, DomainError)
        language = _language(translations, actor, event_from_user)
        await _answer(event, translations.get(error.key, language, **error.fields))

    @router.error(ExceptionTypeFilter(*STORE_UNAVAILABLE))
    async def store_unavailable(
        event: ErrorEvent,
        translations: Translations,
        actor: Actor | None = None,
        event_from_user: User | None = None,
    ) -> None:
        log.warning("The store is unavailable: %r", event.exception)
        language = _language(translations, actor, event_from_user)
        await _answer(event, translations.get("error-store-unavailable", language))

    @router.error(lambda event: unstorable_value(event.exception))
    async def unstorable_input(
        event: ErrorEvent,
        translations: Translations,
        actor: Actor | None = None,
        event_from_user: User | None = None,
    ) -> None:
        log.info("Input the store cannot take (forged?): %r", event.exception)
        language = _language(translations, actor, event_from_user)
        key = "fallback-stale-button" if event.update.callback_query else "error-invalid-input"
        await _answer(event, translations.get(key, language))

    @router.error()
    async def unexpected(
        event: ErrorEvent,
        translations: Translations,
        actor: Actor | None = None,
        event_from_user: User | None = None,
    ) -> None:
        log.error("Unhandled error in update %s", event.update.update_id, exc_info=event.exception)
        language = _language(translations, actor, event_from_user)
        await _answer(event, translations.get("error-generic", language))

    return router
