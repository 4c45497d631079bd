"""Command menus: what each role sees in Telegram's menu, and the help line of each command.

The menu is a hint, never a permission: access is always checked by `roles.model.permits`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from roles.model import Role, roles_in_order


@dataclass(frozen=True)
class MenuCommand:
    name: str

    @property
    def description_key(self) -> str:
        """The locales/ key of the command's one-line description."""
        return f"command-{self.name}"


def _commands(*names: str) -> tuple[MenuCommand, ...]:
    return tuple(MenuCommand(name) for name in names)


ROLE_MENUS: dict[Role, tuple[MenuCommand, ...]] = {
    Role.CITIZEN: _commands(
        "report",
        "mytips",
        "receipt",
        "subscribe",
        "reception",
        "region",
        "language",
        "start",
        "help",
        "privacy",
        "cancel",
    ),
    Role.COMMISSAR: _commands(
        "queue", "assignments", "checks", "violations", "receptions", "myregions"
    ),
    Role.AMBASSADOR: _commands("risks", "register", "appeals", "stats", "export"),
    Role.OMBUDSMAN: _commands("broadcast", "broadcasts", "stats", "export"),
    Role.COORDINATOR: _commands(
        "overdue",
        "grant",
        "revoke",
        "invite",
        "invites",
        "staff",
        "block",
        "unblock",
        "catalog",
        "audit",
        "broadcast",
        "broadcasts",
        "stats",
        "export",
    ),
}


def menu_for(roles: Iterable[Role]) -> list[MenuCommand]:
    """The union of the menus of `roles`: volunteer commands first, then everyone's, no repeats."""
    ordered = roles_in_order(roles)
    ordered = [role for role in ordered if role != Role.CITIZEN] + [Role.CITIZEN]
    seen: set[str] = set()
    menu = []
    for role in ordered:
        for command in ROLE_MENUS[role]:
            if command.name not in seen:
                seen.add(command.name)
                menu.append(command)
    return menu


def roles_with_command(name: str) -> list[Role]:
    """The roles whose menu has `/name`; empty for a command nobody has."""
    return [role for role, commands in ROLE_MENUS.items() if any(c.name == name for c in commands)]


def all_commands() -> list[MenuCommand]:
    return menu_for(Role)
