"""Texts in Russian, Kazakh and English from locales/ (Fluent, through aiogram-i18n).

Every text is HTML (the bot's parse mode), so values put into a text are escaped here, once.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aiogram.types import User
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from locales import LOCALES_DIR
from roles.model import LANGUAGES, Actor, Language, resolve_language


class Html(str):
    """Text that is already valid Telegram HTML, so it is not escaped again."""


def safe(value: str) -> Html:
    """`value` as Telegram HTML: escaped unless it already is HTML."""
    return value if isinstance(value, Html) else Html(html.escape(value, quote=False))


def join(separator: str, parts: Iterable[str]) -> Html:
    return Html(safe(separator).join(safe(part) for part in parts))


def _argument(name: str, value: Any) -> Any:
    """Strings are escaped; `$number` (always a tip's number) is shown as plain digits, never
    grouped like an amount (#1234, not #1,234)."""
    if isinstance(value, str):
        return safe(value)
    if name == "number" and isinstance(value, int):
        return str(value)
    return value


class Translations(FluentRuntimeCore):
    """The Fluent core: every text is Telegram HTML, and every string put into one is escaped
    unless it is already `Html` (another translated text, for instance)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._labels: dict[str, frozenset[str]] = {}

    def get(self, message_id: str, locale: str | None = None, /, **kwargs: Any) -> Html:
        escaped = {name: _argument(name, value) for name, value in kwargs.items()}
        return Html(super().get(message_id, locale, **escaped))

    @staticmethod
    def _extract_locales(path: Path) -> list[str]:
        """Exactly the bot's languages (the folder also holds a Python package's files)."""
        return list(LANGUAGES)

    def labels(self, message_id: str) -> frozenset[str]:
        """The text of `message_id` in every language (to recognise a pressed keyboard button)."""
        cached = self._labels.get(message_id)
        if cached is None:
            cached = frozenset(self.get(message_id, language) for language in LANGUAGES)
            self._labels[message_id] = cached
        return cached

    def keys(self, locale: str) -> set[str]:
        return set(self.get_translator(locale)._messages)

    async def startup(self) -> None:
        """The texts are loaded once, by `load_translations`."""

    async def shutdown(self) -> None:
        """The texts stay: an update still being handled when polling stops, and the outbox
        and broadcast senders, may need them until the very end."""


def load_translations(default_language: Language) -> Translations:
    translations = Translations(
        path=LOCALES_DIR / "{locale}",
        default_locale=default_language,
        use_isolating=False,
        raise_key_error=True,
    )
    translations.locales.update(translations.find_locales())
    missing = set(LANGUAGES) - set(translations.locales)
    if missing:
        raise RuntimeError(f"locales/ has no texts for {sorted(missing)}")
    return translations


class PersonLanguage(BaseManager):
    """A person's language: their own choice, else their Telegram app's, else the default."""

    def __init__(self, default_language: Language) -> None:
        super().__init__(default_locale=default_language)
        self.default_language: Language = default_language

    async def get_locale(
        self, actor: Actor | None = None, event_from_user: User | None = None
    ) -> str:
        return resolve_language(
            actor.language if actor else None,
            event_from_user.language_code if event_from_user else None,
            self.default_language,
        )

    async def set_locale(self, locale: str) -> None:
        """Languages are chosen through `roles.people.choose_language`, which stores them."""
