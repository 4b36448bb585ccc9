"""Calendar arithmetic on business dates, shared by every rule that counts months, years and ages."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb,
    as § 607 of the Civil Code counts a period in months)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls back to the month's last day (§ 605 OZ)."""
    return add_months(day, 12 * years)


def first_of_next_month(day: date) -> date:
    return add_months(day.replace(day=1), 1)


def completed_years(birth_date: date, on: date) -> int:
    """Age in completed years ("dovršený věk") on a date."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def age_reached_in_year(birth_date: date, year: int) -> int:
    """The age a person reaches during a calendar year ("rok, ve kterém se dožije")."""
    return year - birth_date.year
