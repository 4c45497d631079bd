"""The demo people of the sandbox chat, one per role, and the roles the bot grants them."""

from __future__ import annotations

from dataclasses import dataclass

from bot.sandbox.world import World


@dataclass(frozen=True)
class DemoPerson:
    telegram_id: int
    first_name: str
    username: str
    language_code: str
    label: str
    role: str | None = None
    region_code: str | None = None


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(1001, "Aigerim", "aigerim_citizen", "ru", "citizen"),
    DemoPerson(1002, "Daniyar", "daniyar_almaty", "kk", "commissar, Almaty", "commissar", "ALA"),
    DemoPerson(1003, "Saule", "saule_ambassador", "ru", "ambassador of change", "ambassador"),
    DemoPerson(1004, "Nurlan", "nurlan_ombudsman", "ru", "ombudsman", "ombudsman"),
    DemoPerson(1005, "Olga", "olga_coordinator", "en", "coordinator", "coordinator"),
)


def add_demo_people(world: World) -> None:
    for person in DEMO_PEOPLE:
        world.add_person(
            person.first_name,
            person_id=person.telegram_id,
            username=person.username,
            language_code=person.language_code,
            label=person.label,
        )
