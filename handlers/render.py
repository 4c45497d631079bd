"""Texts assembled from locales/ for more than one handler."""

from __future__ import annotations

from typing import Protocol

from aiogram_i18n import I18nContext

from bot.i18n import join
from roles.menus import menu_for
from roles.model import Actor, Role, roles_in_order


def role_name(i18n: I18nContext, role: Role, region: str | None, names: dict[str, str]) -> str:
    label = i18n.get(f"role-{role}")
    if region is None:
        return label
    return i18n.get("role-in-region", role=label, region=names.get(region, region))


def roles_summary(i18n: I18nContext, actor: Actor, names: dict[str, str]) -> str:
    parts = []
    for role in roles_in_order(actor.roles):
        regions = actor.regions_of(role)
        if role == Role.CITIZEN or not regions:
            parts.append(role_name(i18n, role, None, names))
        else:
            parts.extend(role_name(i18n, role, region, names) for region in regions)
    return join(", ", parts)


def command_lines(i18n: I18nContext, actor: Actor) -> str:
    return join(
        "\n",
        (
            i18n.get(
                "help-line", command=command.name, description=i18n.get(command.description_key)
            )
            for command in menu_for(actor.roles)
        ),
    )


def help_text(i18n: I18nContext, actor: Actor, names: dict[str, str]) -> str:
    return join(
        "\n\n",
        [
            i18n.get("help-roles", roles=roles_summary(i18n, actor, names)),
            join("\n", [i18n.get("help-commands"), command_lines(i18n, actor)]),
            i18n.get("help-footer"),
        ],
    )


class Named(Protocol):
    @property
    def first_name(self) -> str | None: ...
    @property
    def last_name(self) -> str | None: ...
    @property
    def username(self) -> str | None: ...


def person_label(i18n: I18nContext, telegram_id: int, known: Named | None) -> str:
    """How a coordinator sees a volunteer: name, @username and Telegram id."""
    if known is None or not known.first_name:
        return i18n.get("person-unknown", id=str(telegram_id))
    name = " ".join(part for part in (known.first_name, known.last_name) if part)
    if known.username:
        return i18n.get(
            "person-with-username", name=name, username=known.username, id=str(telegram_id)
        )
    return i18n.get("person-named", name=name, id=str(telegram_id))
