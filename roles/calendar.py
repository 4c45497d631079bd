"""Working days in Kazakhstan: weekends and the public holidays (with the days the law moves
them to) are not counted, as in the legal deadline for a state body's answer to an appeal."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KZ", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start` (the day of `start` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_before(due: date, count: int) -> date:
    """The `count`-th working day before `due`."""
    day = due
    while count > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
