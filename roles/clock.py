"""Time comes from one clock object, so that tests move time instead of sleeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class QuietHours:
    """Local hours when volunteers are left in peace, such as 22:00-08:00 (may span midnight)."""

    start: time
    end: time
    zone: ZoneInfo

    @classmethod
    def parse(cls, text: str, zone: ZoneInfo) -> QuietHours | None:
        """'22:00-08:00' as quiet hours; '' or 'off' for none. ValueError when malformed."""
        value = text.strip().lower()
        if value in ("", "off", "none"):
            return None
        start_text, separator, end_text = value.partition("-")
        if not separator:
            raise ValueError(f"'{text}' is not a range of hours such as 22:00-08:00")
        start, end = time.fromisoformat(start_text.strip()), time.fromisoformat(end_text.strip())
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError(f"'{text}' must be local hours, without a UTC offset")
        if start == end:
            raise ValueError(f"'{text}' starts and ends at the same time")
        return cls(start, end, zone)

    def _quiet(self, moment: time) -> bool:
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def next_allowed(self, moment: datetime) -> datetime:
        """`moment` itself outside quiet hours, else the end of this quiet period (in UTC)."""
        local = moment.astimezone(self.zone)
        if not self._quiet(local.time().replace(tzinfo=None)):
            return moment
        end = datetime.combine(local.date(), self.end, tzinfo=self.zone)
        if end <= local:
            end = datetime.combine(local.date() + timedelta(days=1), self.end, tzinfo=self.zone)
        return end.astimezone(UTC)
