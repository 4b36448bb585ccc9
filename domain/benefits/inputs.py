"""Checks of calculator inputs shared by all benefits; each failure is a named DomainError."""

from decimal import Decimal

from domain.benefits.errors import DayCountBelowOne, NegativeAmount, PercentageOutOfRange
from domain.money import czk

HUNDRED = Decimal(100)


def require_amount(name: str, value: Decimal) -> Decimal:
    """An amount in CZK that is not negative (``czk`` itself refuses floats and sub-haléř values)."""
    parsed = czk(value)
    if parsed < 0:
        raise NegativeAmount(f"{name} must not be negative, got {parsed}")
    return parsed


def require_percentage(name: str, value: Decimal) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise PercentageOutOfRange(f"{name} must be a Decimal percentage, got {value!r}")
    parsed = Decimal(value)
    if not parsed.is_finite() or not Decimal(0) <= parsed <= HUNDRED:
        raise PercentageOutOfRange(f"{name} must be between 0 and 100 %, got {parsed}")
    return parsed


def require_day_count(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DayCountBelowOne(f"{name} must be a whole number of days, at least 1, got {value!r}")
    return value
