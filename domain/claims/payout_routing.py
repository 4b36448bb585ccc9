"""Where a payout goes: to the payee's account, or to the collection account when anti-money-laundering
rules hold it. A payout above 1 000 EUR (converted at the CNB rate of the day) to a payee the insurer has
not identified is not paid out until the payee is identified: it goes to the collection account.

The CNB rates below are ILLUSTRATIVE data (the seeds print none); production reads the CNB daily fixing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum

from domain.errors import DomainError

AML_THRESHOLD_EUR = Decimal("1000")
# (valid from, CZK for 1 EUR), oldest first: ILLUSTRATIVE.
ILLUSTRATIVE_EUR_CZK: tuple[tuple[date, Decimal], ...] = (
    (date(2022, 1, 3), Decimal("24.860")),
    (date(2024, 1, 2), Decimal("24.725")),
    (date(2025, 1, 2), Decimal("25.185")),
    (date(2026, 1, 2), Decimal("24.330")),
)


class NoRateForDay(DomainError):
    rule = "cnb-rate-known-for-the-day"


class Destination(Enum):
    PAYEE = "payee"
    COLLECTION_ACCOUNT = "collection_account"


def eur_czk_on(day: date) -> Decimal:
    """The rate in force on ``day``: the latest fixing on or before it."""
    known = [rate for valid_from, rate in ILLUSTRATIVE_EUR_CZK if valid_from <= day]
    if not known:
        raise NoRateForDay(f"no CNB EUR/CZK rate on or before {day}")
    return known[-1]


def destination(amount_czk: Decimal, eur_czk: Decimal, payee_identified: bool) -> Destination:
    """Above 1 000 EUR to an unidentified payee: the collection account."""
    if not payee_identified and amount_czk > AML_THRESHOLD_EUR * eur_czk:
        return Destination.COLLECTION_ACCOUNT
    return Destination.PAYEE
