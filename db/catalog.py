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
    active: bool = True

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
    active: bool = True

    def name(self, language: str) -> str:
        return {"kk": self.name_kk, "en": self.name_en}.get(language, self.name_ru)


_CATEGORY_COLUMNS = "code, name_ru, name_kk, name_en, first_action_within, resolve_within, active"
_REGION_COLUMNS = "code, kind, name_ru, name_kk, name_en, active"
_NAME_COLUMNS = {"ru": "name_ru", "kk": "name_kk", "en": "name_en"}


class Catalog:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def regions(self) -> list[Region]:
        """Active regions in display order."""
        records = await self._db.fetch(
            f"SELECT {_REGION_COLUMNS} FROM regions WHERE active ORDER BY position, code"
        )
        return [Region(**dict(record)) for record in records]

    async def region(self, code: str) -> Region | None:
        record = await self._db.fetchrow(
            f"SELECT {_REGION_COLUMNS} FROM regions WHERE code = $1 AND active", code
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

    # ------------------------------------------------------------ managed by coordinators

    async def every_region(self) -> list[Region]:
        """Active and inactive regions, in display order."""
        records = await self._db.fetch(
            f"SELECT {_REGION_COLUMNS} FROM regions ORDER BY position, code"
        )
        return [Region(**dict(record)) for record in records]

    async def any_region(self, code: str) -> Region | None:
        record = await self._db.fetchrow(
            f"SELECT {_REGION_COLUMNS} FROM regions WHERE code = $1", code
        )
        return Region(**dict(record)) if record else None

    async def every_category(self) -> list[Category]:
        """Active and inactive tip categories, in display order."""
        records = await self._db.fetch(
            f"SELECT {_CATEGORY_COLUMNS} FROM tip_categories ORDER BY position, code"
        )
        return [Category(**dict(record)) for record in records]

    async def add_category(
        self,
        code: str,
        names: dict[str, str],
        first_action_within: timedelta,
        resolve_within: timedelta,
    ) -> Category | None:
        """A new category at the end of the list; None when the code is taken."""
        record = await self._db.fetchrow(
            f"""
            INSERT INTO tip_categories (code, name_ru, name_kk, name_en, position,
                                        first_action_within, resolve_within)
            VALUES ($1, $2, $3, $4,
                    (SELECT coalesce(max(position), 0) + 1 FROM tip_categories), $5, $6)
            ON CONFLICT (code) DO NOTHING
            RETURNING {_CATEGORY_COLUMNS}
            """,
            code,
            names["ru"],
            names["kk"],
            names["en"],
            first_action_within,
            resolve_within,
        )
        return Category(**dict(record)) if record else None

    async def rename_category(self, code: str, language: str, name: str) -> bool:
        column = _NAME_COLUMNS[language]
        return bool(
            await self._db.fetchval(
                f"UPDATE tip_categories SET {column} = $2 WHERE code = $1 RETURNING true",
                code,
                name,
            )
        )

    async def set_category_active(self, code: str, active: bool) -> bool:
        """Change the flag; False when the category is unknown or already so."""
        return bool(
            await self._db.fetchval(
                "UPDATE tip_categories SET active = $2 WHERE code = $1 AND active <> $2 "
                "RETURNING true",
                code,
                active,
            )
        )

    async def set_service_levels(
        self, code: str, first_action_within: timedelta, resolve_within: timedelta
    ) -> bool:
        """New service levels for tips taken from now on (taken tips keep their deadlines)."""
        return bool(
            await self._db.fetchval(
                "UPDATE tip_categories SET first_action_within = $2, resolve_within = $3 "
                "WHERE code = $1 RETURNING true",
                code,
                first_action_within,
                resolve_within,
            )
        )

    async def rename_region(self, code: str, language: str, name: str) -> bool:
        column = _NAME_COLUMNS[language]
        return bool(
            await self._db.fetchval(
                f"UPDATE regions SET {column} = $2 WHERE code = $1 RETURNING true", code, name
            )
        )

    async def set_region_active(self, code: str, active: bool) -> bool:
        return bool(
            await self._db.fetchval(
                "UPDATE regions SET active = $2 WHERE code = $1 AND active <> $2 RETURNING true",
                code,
                active,
            )
        )
