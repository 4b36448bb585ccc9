"""Value types shared by all product lines: ages, sum-insured bounds, product versions.

``Frequency`` is the one of ``domain.premium_periods``, re-exported here for the product data.
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from domain.premium_periods import Frequency as Frequency  # re-exported for the product data


class SumUnit(Enum):
    """What a sum insured measures: a lump sum, a daily benefit or a monthly annuity."""

    LUMP_SUM = "Kč"
    PER_DAY = "Kč/den"
    PER_MONTH = "Kč/měsíc"


@dataclass(frozen=True)
class AgeLimits:
    """Entry age in completed years at the start; exit age is the age reached in the year the cover ends."""

    entry_min: int
    entry_max: int
    exit_max: int


@dataclass(frozen=True)
class SumBounds:
    minimum: Decimal
    maximum: Decimal | None
    unit: SumUnit = SumUnit.LUMP_SUM


@dataclass(frozen=True)
class ProductVersion:
    """One effective-dated version of a product; a policy keeps the version it was sold under.

    ``rules`` holds the product line's own frozen rule object (FlexiRules, AccidentRules, BelongingsRules).
    """

    code: str
    version: str
    effective_from: date
    name: str
    source: str
    rules: Any


def completed_years(birth_date: date, on: date) -> int:
    """Age in completed years ("dovršený věk") on a date."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def age_reached_in_year(birth_date: date, year: int) -> int:
    """The age a person reaches during a calendar year ("rok, ve kterém se dožije")."""
    return year - birth_date.year


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)
