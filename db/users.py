"""Queries about people: who they are, their language, region and menu state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from db.executor import Executor

MENU_CHANNEL = "acf_menus"
"""NOTIFY channel that wakes the menu installer when a user's menu must change."""


@dataclass(frozen=True)
class GrantRow:
    role: str
    region_code: str | None


@dataclass(frozen=True)
class UserRow:
    id: int
    telegram_id: int
    first_name: str | None
    last_name: str | None
    username: str | None
    telegram_language: str | None
    language: str | None
    region_code: str | None
    subscribed: bool
    subscription_region: str | None
    blocked: bool
    menu_stale: bool
    created_at: datetime
    grants: tuple[GrantRow, ...]


@dataclass(frozen=True)
class MenuTarget:
    """What the menu installer needs to know about one user."""

    user_id: int
    telegram_id: int
    language: str | None
    telegram_language: str | None
    grants: tuple[GrantRow, ...]


_ACTIVE_GRANTS = """
    coalesce((SELECT json_agg(json_build_object('role', g.role, 'region_code', g.region_code)
                              ORDER BY g.role, g.region_code)
              FROM role_grants g WHERE g.user_id = u.id AND g.revoked_at IS NULL), '[]') AS grants
"""
"""The active grants of the user row `u`, as a JSON list."""

_USER_COLUMNS = f"""
    u.id, u.telegram_id, u.first_name, u.last_name, u.username, u.telegram_language,
    u.language, u.region_code, u.subscribed, u.subscription_region, u.blocked, u.menu_stale,
    u.created_at,
    {_ACTIVE_GRANTS}
"""

_TOUCH = f"""
WITH upserted AS (
    INSERT INTO users AS u (telegram_id, first_name, last_name, username,
                            telegram_language, last_seen_at)
    VALUES ($1, $2, $3, $4, $5, now())
    ON CONFLICT (telegram_id) DO UPDATE
        SET first_name = excluded.first_name, last_name = excluded.last_name,
            username = excluded.username,
            telegram_language = excluded.telegram_language,
            last_seen_at = excluded.last_seen_at, updated_at = now(),
            menu_stale = u.menu_stale OR u.menu_waiting
                OR (u.language IS NULL
                    AND u.telegram_language IS DISTINCT FROM excluded.telegram_language),
            menu_waiting = false
        WHERE (u.first_name, u.last_name, u.username, u.telegram_language)
              IS DISTINCT FROM (excluded.first_name, excluded.last_name,
                                excluded.username, excluded.telegram_language)
           OR u.menu_waiting
           OR u.last_seen_at IS NULL
           OR u.last_seen_at < now() - interval '1 minute'
    RETURNING u.*
), person AS (
    SELECT * FROM upserted
    UNION ALL
    SELECT * FROM users WHERE telegram_id = $1 AND NOT EXISTS (SELECT FROM upserted)
)
SELECT {_USER_COLUMNS} FROM person u
"""


def _grants(raw: Any) -> tuple[GrantRow, ...]:
    return tuple(GrantRow(item["role"], item["region_code"]) for item in raw)


def _user(record: asyncpg.Record) -> UserRow:
    values = dict(record)
    values["grants"] = _grants(values["grants"])
    return UserRow(**values)


class Users:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def touch(
        self,
        telegram_id: int,
        *,
        first_name: str | None,
        last_name: str | None,
        username: str | None,
        telegram_language: str | None,
    ) -> UserRow:
        """Record that this person wrote to the bot, in one round trip: insert on first contact,
        refresh names when they change (and `last_seen_at` at most once a minute). The menu is
        marked stale when it waited for this person to write (`menu_waiting`: now there is a chat
        to install it in) or when their Telegram app's language, which it follows until they
        choose one, has changed."""
        for _attempt in range(3):
            record = await self._db.fetchrow(
                _TOUCH, telegram_id, first_name, last_name, username, telegram_language
            )
            if record is not None:
                return _user(record)
        # Only when another first contact of the same person commits in between, every time.
        raise RuntimeError(f"could not record user {telegram_id}")

    async def ensure(self, telegram_id: int) -> UserRow:
        """The user with this Telegram id, created bare if the person never wrote to the bot."""
        await self._db.execute(
            "INSERT INTO users (telegram_id) VALUES ($1) ON CONFLICT (telegram_id) DO NOTHING",
            telegram_id,
        )
        found = await self.by_telegram_id(telegram_id)
        assert found is not None
        return found

    async def by_id(self, user_id: int) -> UserRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_USER_COLUMNS} FROM users u WHERE u.id = $1", user_id
        )
        return _user(record) if record else None

    async def by_telegram_id(self, telegram_id: int) -> UserRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_USER_COLUMNS} FROM users u WHERE u.telegram_id = $1", telegram_id
        )
        return _user(record) if record else None

    async def by_username(self, username: str) -> UserRow | None:
        record = await self._db.fetchrow(
            f"SELECT {_USER_COLUMNS} FROM users u WHERE lower(u.username) = lower($1) "
            "ORDER BY u.last_seen_at DESC NULLS LAST LIMIT 1",
            username,
        )
        return _user(record) if record else None

    async def set_language(self, user_id: int, language: str) -> None:
        await self._db.execute(
            "UPDATE users SET language = $2, updated_at = now() WHERE id = $1", user_id, language
        )

    async def set_region(self, user_id: int, region_code: str) -> None:
        await self._db.execute(
            "UPDATE users SET region_code = $2, updated_at = now() WHERE id = $1",
            user_id,
            region_code,
        )

    async def mark_menu_stale(self, user_id: int) -> None:
        """Ask the menu installer to install this user's menu again (after the transaction)."""
        await self._db.execute("UPDATE users SET menu_stale = true WHERE id = $1", user_id)
        await self.wake_menu_installer()

    async def menu_waits_for_contact(self, user_id: int) -> None:
        """The menu could not be installed (no chat with the bot yet, or the bot is blocked):
        install it when this person next writes."""
        await self._db.execute("UPDATE users SET menu_waiting = true WHERE id = $1", user_id)

    async def mark_every_menu_stale(self) -> None:
        """Install everyone's menu again (the sandbox forgets its chats when it restarts)."""
        await self._db.execute("UPDATE users SET menu_stale = true WHERE NOT menu_stale")
        await self.wake_menu_installer()

    async def wake_menu_installer(self) -> None:
        """NOTIFY the installers of every instance (delivered when the transaction commits)."""
        await self._db.execute("SELECT pg_notify($1, '')", MENU_CHANNEL)

    async def claim_stale_menus(self, limit: int) -> list[MenuTarget]:
        """Take up to `limit` users whose menu must be installed, clearing their flag. Run it in a
        transaction: if the installer fails before commit, the flags come back."""
        records = await self._db.fetch(
            f"""
            UPDATE users u SET menu_stale = false
            WHERE u.id IN (SELECT id FROM users WHERE menu_stale ORDER BY id LIMIT $1
                           FOR UPDATE SKIP LOCKED)
            RETURNING u.id, u.telegram_id, u.language, u.telegram_language, {_ACTIVE_GRANTS}
            """,
            limit,
        )
        return [
            MenuTarget(
                user_id=record["id"],
                telegram_id=record["telegram_id"],
                language=record["language"],
                telegram_language=record["telegram_language"],
                grants=_grants(record["grants"]),
            )
            for record in records
        ]

    async def set_reachable(self, user_id: int, reachable: bool) -> None:
        """Whether the bot can write to this person (False after they blocked the bot)."""
        await self._db.execute(
            "UPDATE users SET unreachable = NOT $2, updated_at = now() WHERE id = $1",
            user_id,
            reachable,
        )

    async def lost(self, user_id: int) -> None:
        """The person blocked the bot: unreachable, and no longer a subscriber."""
        await self._db.execute(
            "UPDATE users SET unreachable = true, subscribed = false, subscription_region = NULL, "
            "updated_at = now() WHERE id = $1",
            user_id,
        )

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        await self._db.execute(
            "UPDATE users SET blocked = $2, blocked_at = CASE WHEN $2 THEN now() END, "
            "updated_at = now() WHERE id = $1",
            user_id,
            blocked,
        )

    async def set_subscription(
        self, user_id: int, subscribed: bool, region_code: str | None
    ) -> None:
        """Announcements for the whole country (no region), one region, or none."""
        await self._db.execute(
            "UPDATE users SET subscribed = $2, subscription_region = $3, updated_at = now() "
            "WHERE id = $1",
            user_id,
            subscribed,
            region_code if subscribed else None,
        )
