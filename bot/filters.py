"""The router filter that asks the one access check, `roles.model.permits`."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import Message

from bot.i18n import Translations
from roles.model import Actor, Permission, Role, permits


class Requires(Filter):
    """Passes when the person holds the role or a role with the permission.

    Set once on a role's router: `router.message.filter(Requires(Role.COMMISSAR))`."""

    def __init__(self, need: Role | Permission) -> None:
        self.need = need

    async def __call__(self, event: Any, actor: Actor | None = None) -> bool:
        return actor is not None and permits(actor, self.need)

    def __str__(self) -> str:
        return f"Requires({self.need})"


class MenuButton(Filter):
    """A press of a button of the keyboard under the message field: its label, in any of the
    bot's languages (a keyboard sent before a change of language keeps its old labels)."""

    def __init__(self, key: str) -> None:
        self.key = key

    async def __call__(self, message: Message, translations: Translations) -> bool:
        return message.text is not None and message.text in translations.labels(self.key)
