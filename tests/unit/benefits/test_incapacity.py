"""Incapacity for work: flexi-risk-life-precontract.txt, "Pojištění pracovní neschopnosti – nemoc"."""

from decimal import Decimal

import pytest

from domain.benefits.errors import DayCountBelowOne, QualifyingPeriodNotReached
from domain.benefits.incapacity import IncapacityVariant, incapacity_benefit

DAILY_SUM = Decimal("300.00")


@pytest.mark.parametrize(
    ("variant", "days", "expected"),
    [
        (IncapacityVariant.PN15, 15, "300.00"),  # day 15 only
        (IncapacityVariant.PN15, 40, "7800.00"),  # days 15–40: 26 × 300
        (IncapacityVariant.PN29_FROM_DAY_29, 29, "300.00"),  # day 29 only
        (IncapacityVariant.PN29_FROM_DAY_29, 60, "9600.00"),  # days 29–60: 32 × 300
        (IncapacityVariant.PN29_FROM_DAY_1, 29, "8700.00"),  # days 1–29: 29 × 300
        (IncapacityVariant.PN29_FROM_DAY_1, 60, "18000.00"),  # days 1–60: 60 × 300
        (IncapacityVariant.PN57, 60, "1200.00"),  # days 57–60: 4 × 300
        (IncapacityVariant.PN15, 700, "205800.00"),  # days 15–700: 686 × 300, no cap for employees
    ],
)
def test_pays_from_the_variants_first_day(variant, days, expected):
    assert incapacity_benefit(variant, DAILY_SUM, days, False).amount == Decimal(expected)


@pytest.mark.parametrize(
    ("variant", "days"),
    [(IncapacityVariant.PN15, 14), (IncapacityVariant.PN29_FROM_DAY_1, 28), (IncapacityVariant.PN57, 56)],
)
def test_shorter_incapacity_than_the_variant_needs_is_not_paid(variant, days):
    with pytest.raises(QualifyingPeriodNotReached):
        incapacity_benefit(variant, DAILY_SUM, days, False)


@pytest.mark.parametrize(
    ("variant", "days", "expected"),
    [
        (IncapacityVariant.PN29_FROM_DAY_1, 548, "164400.00"),  # 548 × 300
        (IncapacityVariant.PN29_FROM_DAY_1, 549, "164400.00"),  # the 549th day is not paid
        (IncapacityVariant.PN15, 700, "164400.00"),  # days 15–562 = 548 paid days
        (IncapacityVariant.PN15, 562, "164400.00"),
        (IncapacityVariant.PN15, 561, "164100.00"),  # 547 paid days
    ],
)
def test_self_employed_without_sickness_insurance_are_paid_at_most_548_days(variant, days, expected):
    result = incapacity_benefit(variant, DAILY_SUM, days, True)

    assert result.amount == Decimal(expected)
    assert sum(line.amount for line in result.breakdown) == result.amount


def test_zero_days_is_invalid():
    with pytest.raises(DayCountBelowOne):
        incapacity_benefit(IncapacityVariant.PN15, DAILY_SUM, 0, False)
