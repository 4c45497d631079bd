"""Reference data kept in the store: regions (and, with the tips, categories), named in every
language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from db.executor import Executor


@dataclass(frozen=True)
class Region:
    code: str
    kind: str
    name_ru: str
    name_kk: str
    name_en: str

    def name(self, language: str) -> str:
        return {"kk": self.name_kk, "en": self.name_en}.get(language, self.name_ru)


@dataclass(frozen=True)
class Category:
    code: str
    name_ru: str
    name_kk: str
    name_en: str
    first_action_within: timedelta
    resolve_within: timedelta

    def name(self, language: str) -> str:
        return {"kk": self.name_kk, "en": self.name_en}.get(language, self.name_ru)


_CATEGORY_COLUMNS = "code, name_ru, name_kk, name_en, first_action_within, resolve_within"


class Catalog:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def regions(self) -> list[Region]:
        """Active regions in display order."""
        records = await self._db.fetch(
            "SELECT code, kind, name_ru, name_kk, name_en FROM regions "
            "WHERE active ORDER BY position, code"
        )
        return [Region(**dict(record)) for record in records]

    async def region(self, code: str) -> Region | None:
        record = await self._db.fetchrow(
            "SELECT code, kind, name_ru, name_kk, name_en FROM regions WHERE code = $1 AND active",
            code,
        )
        return Region(**dict(record)) if record else None

    async def categories(self) -> list[Category]:
        """Active tip categories in display order."""
        records = await self._db.fetch(
            f"SELECT {_CATEGORY_COLUMNS} FROM tip_categories WHERE active ORDER BY position, code"
        )
        return [Category(**dict(record)) for record in records]

    async def category(self, code: str, *, active_only: bool = True) -> Category | None:
        record = await self._db.fetchrow(
            f"SELECT {_CATEGORY_COLUMNS} FROM tip_categories "
            "WHERE code = $1 AND (active OR NOT $2)",
            code,
            active_only,
        )
        return Category(**dict(record)) if record else None
