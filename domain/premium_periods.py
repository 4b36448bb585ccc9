"""Premium frequency: how many months one premium period lasts (the schedule is domain/instalments.py)."""

from __future__ import annotations

from enum import Enum


class Frequency(Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        """Months in one premium period."""
        return _MONTHS[self]

    @property
    def instalments_per_year(self) -> int:
        return 12 // _MONTHS[self]


_MONTHS = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
