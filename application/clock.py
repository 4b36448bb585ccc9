"""Time is injected: workflows, tests and replays decide what "now" is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...
    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def today(self) -> date:
        return self.now().date()


class FixedClock:
    """A clock that moves only when told to: for tests, simulations and the demo."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at

    def now(self) -> datetime:
        return self._at

    def today(self) -> date:
        return self._at.date()

    def advance(self, delta: timedelta) -> None:
        self._at += delta


class CalendarClock:
    """The business date is the business calendar's (its last tick); the recorded time is the wall clock's.

    Before the calendar's first tick the business date is the wall-clock date."""

    def __init__(self, business_date: Callable[[], date | None], wall: Clock | None = None) -> None:
        self._business_date = business_date
        self._wall = wall or SystemClock()

    def now(self) -> datetime:
        return self._wall.now()

    def today(self) -> date:
        return self._business_date() or self._wall.today()
