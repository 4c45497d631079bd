"""Working days in Kazakhstan: the legal deadline of an appeal skips weekends and holidays."""

from __future__ import annotations

from datetime import date

import pytest

from roles.appeals import reminder_moments
from roles.calendar import add_working_days, is_working_day, working_days_before
from tests.helpers import make_settings
from tests.test_fieldwork import ALMATY


def test_new_year_and_orthodox_christmas_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 1, 1))
    assert not is_working_day(date(2026, 1, 2))
    assert not is_working_day(date(2026, 1, 7))
    assert is_working_day(date(2026, 1, 5))


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        # Wednesday 31 December: 1–2 January are holidays, 3–4 a weekend.
        (date(2025, 12, 31), 1, date(2026, 1, 5)),
        # ... and 7 January (Orthodox Christmas) is a holiday too.
        (date(2025, 12, 31), 3, date(2026, 1, 8)),
        # Friday 20 March: the weekend and Nauryz (21–23 March, moved days 24–25) are skipped.
        (date(2026, 3, 20), 1, date(2026, 3, 26)),
        # Friday 13 March, 15 working days: 16–20, 26–27, 30–31 March, 1–3 and 6–8 April.
        (date(2026, 3, 13), 15, date(2026, 4, 8)),
        # An ordinary Friday: the weekend only.
        (date(2026, 6, 12), 1, date(2026, 6, 15)),
        (date(2026, 6, 12), 0, date(2026, 6, 12)),
    ],
)
def test_working_days_are_added_across_weekends_and_holidays(
    start: date, count: int, due: date
) -> None:
    assert add_working_days(start, count) == due


def test_working_days_are_counted_back_across_nauryz() -> None:
    assert working_days_before(date(2026, 4, 8), 3) == date(2026, 4, 3)
    assert working_days_before(date(2026, 3, 27), 2) == date(2026, 3, 20)


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 1, 5), -1)


def test_reminders_come_at_nine_three_working_days_before_on_the_day_and_after() -> None:
    moments = dict(reminder_moments(date(2026, 4, 8), ALMATY))
    assert {kind: (moment.date(), moment.hour) for kind, moment in moments.items()} == {
        "appeal_due_soon": (date(2026, 4, 3), 9),
        "appeal_due_today": (date(2026, 4, 8), 9),
        "appeal_overdue": (date(2026, 4, 9), 9),
    }
    defaults = make_settings("postgresql://unused@127.0.0.1/none")
    assert defaults.appeal_rules.answer_working_days == 15  # the setting's default
