"""Premium periods: how a regular premium is split over time and what a payment covers.

Regular premium falls due on the first day of each premium period (DOMAIN.md, "Money in").
A payment covers whole periods in order; what is left over is kept as credit for the next one.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
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


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_of_next_month(day: date) -> date:
    return add_months(day.replace(day=1), 1)


def period_start(start_date: date, frequency: Frequency, index: int) -> date:
    """First day of the ``index``-th premium period (0-based) of a policy starting on ``start_date``."""
    return add_months(start_date, index * frequency.months)


def paid_to_date(start_date: date, frequency: Frequency, periods_paid: int) -> date | None:
    """Last day covered by ``periods_paid`` whole periods; ``None`` while nothing is paid."""
    if periods_paid <= 0:
        return None
    return period_start(start_date, frequency, periods_paid) - timedelta(days=1)


@dataclass(frozen=True)
class PaymentAllocation:
    periods_paid: int
    credit: Decimal


def allocate_payment(
    premium: Decimal, periods_paid: int, credit: Decimal, amount: Decimal
) -> PaymentAllocation:
    """Apply ``amount`` (plus any credit) to whole periods; the remainder stays as credit."""
    available = credit + amount
    whole_periods = int(available // premium)
    return PaymentAllocation(
        periods_paid=periods_paid + whole_periods,
        credit=available - whole_periods * premium,
    )
