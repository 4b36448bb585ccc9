"""Daily allowance DO8 / DO29: flexi-risk-life-precontract.txt, "Pojištění denního odškodného – úraz"."""

from decimal import Decimal

import pytest

from domain.benefits.daily_allowance import DailyAllowanceVariant, daily_allowance_benefit
from domain.benefits.errors import DayCountBelowOne, HealingTooShort

DAILY_SUM = Decimal("100.00")
TABLE_MAXIMUM = 400  # the diagnosis allows more than a year, so only 365 days cap


@pytest.mark.parametrize(
    ("healing_days", "expected"),
    [
        (84, "8400.00"),  # 84 × 100
        (85, "8600.00"),  # 84 × 100 + 1 × 200
        (182, "28000.00"),  # 84 × 100 + 98 × 200 = 8 400 + 19 600
        (183, "28300.00"),  # 28 000 + 1 × 300
        (365, "82900.00"),  # 28 000 + 183 × 300 = 28 000 + 54 900
        (366, "82900.00"),  # day 366 is beyond "maximálně za 365 dnů"
    ],
)
def test_progression_doubles_from_day_85_and_triples_from_day_183(healing_days, expected):
    result = daily_allowance_benefit(DailyAllowanceVariant.DO8, DAILY_SUM, healing_days, TABLE_MAXIMUM, True)

    assert result.amount == Decimal(expected)
    assert sum(line.amount for line in result.breakdown) == result.amount


@pytest.mark.parametrize(
    ("healing_days", "expected"), [(85, "8500.00"), (365, "36500.00"), (366, "36500.00")]
)
def test_without_progression_every_day_is_paid_once(healing_days, expected):
    result = daily_allowance_benefit(DailyAllowanceVariant.DO8, DAILY_SUM, healing_days, TABLE_MAXIMUM, False)

    assert result.amount == Decimal(expected)


def test_days_beyond_the_valuation_tables_maximum_are_not_paid():
    # healed 60 days, the table allows 42: 42 × 100
    result = daily_allowance_benefit(DailyAllowanceVariant.DO8, DAILY_SUM, 60, 42, True)

    assert result.amount == Decimal("4200.00")


@pytest.mark.parametrize(
    ("variant", "table_maximum", "payable"),
    [
        (DailyAllowanceVariant.DO8, 7, False),
        (DailyAllowanceVariant.DO8, 8, True),  # 8 × 100 = 800 from the first day
        (DailyAllowanceVariant.DO29, 28, False),
        (DailyAllowanceVariant.DO29, 29, True),
    ],
)
def test_the_tables_healing_period_must_reach_the_variants_minimum(variant, table_maximum, payable):
    if payable:
        result = daily_allowance_benefit(variant, DAILY_SUM, table_maximum, table_maximum, False)
        assert result.amount == DAILY_SUM * table_maximum
    else:
        with pytest.raises(HealingTooShort):
            daily_allowance_benefit(variant, DAILY_SUM, table_maximum, table_maximum, False)


def test_zero_days_is_invalid():
    with pytest.raises(DayCountBelowOne):
        daily_allowance_benefit(DailyAllowanceVariant.DO8, DAILY_SUM, 0, TABLE_MAXIMUM, False)
