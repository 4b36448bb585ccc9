"""The business calendar: the one clock the whole system shares.

Time enters the system as events: each business day starts with a ``DayStarted`` event,
recorded in the event store like any other fact and published on the event topics. Workflows
(billing, dunning, claim deadlines) act on these ticks and never read a wall clock, so a run is
reproducible and a simulation can move through months in seconds. The recorded time of every
event (``meta.recorded_at``) stays the wall-clock time: business dates and recorded time are
two separate axes.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError
from domain.metadata import EventMetadata

CALENDAR_ID = uuid5(NAMESPACE_URL, "urn:policy-core:business-calendar")
# One command writes at most a year of ticks: a longer jump is most likely a typo in the date.
MAX_DAYS_PER_ADVANCE = 366


class BusinessDateNotForward(DomainError):
    rule = "business-date-moves-forward"


class AdvanceTooLong(DomainError):
    rule = "business-date-advances-at-most-a-year-at-once"


class BusinessCalendar(Aggregate):
    @staticmethod
    def create_id(**_: object) -> UUID:
        return CALENDAR_ID

    @classmethod
    def open(cls, *, first_day: date, meta: EventMetadata) -> BusinessCalendar:
        """The calendar starts on ``first_day``: its first tick."""
        return cls(business_date=first_day, meta=meta)

    @event("Opened")
    def __init__(self, business_date: date, meta: EventMetadata) -> None:
        self.business_date = business_date

    def advance_to(self, *, day: date, meta: EventMetadata) -> int:
        """Start every business day after the current one up to ``day``, one tick each, in order."""
        if day <= self.business_date:
            raise BusinessDateNotForward(f"the business date is {self.business_date}; {day} is not after it")
        days = (day - self.business_date).days
        if days > MAX_DAYS_PER_ADVANCE:
            raise AdvanceTooLong(f"{days} days from {self.business_date} to {day}; at most {MAX_DAYS_PER_ADVANCE}")
        for _ in range(days):
            self._day_started(business_date=self.business_date + timedelta(days=1), meta=meta)
        return days

    @event("DayStarted")
    def _day_started(self, business_date: date, meta: EventMetadata) -> None:
        self.business_date = business_date
