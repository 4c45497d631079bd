"""The router filter that asks the one access check, `roles.model.permits`."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter

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
