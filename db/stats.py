"""Aggregate figures for ambassadors, ombudsmen and coordinators. No person is ever named.

"People" are those who have written to the bot and are not blocked."""

from __future__ import annotations

from dataclasses import dataclass

from db.executor import Executor


@dataclass(frozen=True)
class AudienceFigures:
    people: int
    subscribers: int
    by_language: dict[str, int]
    without_language: int
    by_role: dict[str, int]
    by_region: list[tuple[str, int]]


class Statistics:
    def __init__(self, db: Executor) -> None:
        self._db = db

    async def audience(self) -> AudienceFigures:
        record = await self._db.fetchrow(
            """
            WITH people AS (
                SELECT * FROM users WHERE last_seen_at IS NOT NULL AND NOT blocked
            )
            SELECT
                (SELECT count(*) FROM people) AS people,
                (SELECT count(*) FROM people WHERE subscribed AND NOT unreachable) AS subscribers,
                (SELECT coalesce(json_object_agg(language, n), '{}') FROM
                    (SELECT language, count(*) AS n FROM people
                     WHERE language IS NOT NULL GROUP BY language) l) AS by_language,
                (SELECT count(*) FROM people WHERE language IS NULL) AS without_language,
                (SELECT coalesce(json_object_agg(role, n), '{}') FROM
                    (SELECT role, count(DISTINCT user_id) AS n FROM role_grants
                     WHERE revoked_at IS NULL GROUP BY role) r) AS by_role,
                (SELECT coalesce(json_agg(json_build_array(region_code, n) ORDER BY n DESC,
                                          region_code), '[]') FROM
                    (SELECT region_code, count(*) AS n FROM people
                     WHERE region_code IS NOT NULL GROUP BY region_code) g) AS by_region
            """
        )
        assert record is not None
        return AudienceFigures(
            people=record["people"],
            subscribers=record["subscribers"],
            by_language=dict(record["by_language"]),
            without_language=record["without_language"],
            by_role=dict(record["by_role"]),
            by_region=[(code, count) for code, count in record["by_region"]],
        )
