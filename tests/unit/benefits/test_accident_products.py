"""Accident products 7 UO / 23 UO / 53 UD: accident-insurance-handbook.txt, section 5 and 4."""

from datetime import date
from decimal import Decimal

import pytest

from domain.benefits.accident_products import (
    accident_consequences_benefit,
    accident_hospital_benefit,
    accident_incapacity_benefit,
    child_accidental_death_benefit,
)
from domain.benefits.errors import (
    ChildDeathTooLongAfterInjury,
    DayCountBelowOne,
    ProgressionTableIncomplete,
    QualifyingPeriodNotReached,
)

SUM_INSURED = Decimal("200000.00")
# The handbook refers to "tabulka progresivního plnění" without printing it; this table is a
# test fixture only, not product data.
FIXTURE_PROGRESSION = {
    Decimal("25"): Decimal("25"),
    Decimal("26"): Decimal("27"),
    Decimal("50"): Decimal("75"),
}


@pytest.mark.parametrize(
    ("damage_percent", "table", "expected"),
    [
        ("25", None, "50000.00"),  # 25 % × 200 000
        ("26", None, "52000.00"),  # without progression 26 % stays 26 %
        ("25", FIXTURE_PROGRESSION, "50000.00"),  # below 26 % the table is not used
        ("26", FIXTURE_PROGRESSION, "54000.00"),  # raised to 27 % × 200 000
        ("50", FIXTURE_PROGRESSION, "150000.00"),  # raised to 75 %
    ],
)
def test_progression_raises_percentages_from_26(damage_percent, table, expected):
    assert accident_consequences_benefit(Decimal(damage_percent), SUM_INSURED, table).amount == Decimal(
        expected
    )


def test_missing_row_of_the_progression_table_is_refused():
    with pytest.raises(ProgressionTableIncomplete):
        accident_consequences_benefit(Decimal("30"), SUM_INSURED, FIXTURE_PROGRESSION)


@pytest.mark.parametrize(
    ("days", "table_maximum", "expected"),
    [
        (8, 60, "1600.00"),  # 7 days exceeded: all 8 days × 200 from the first
        (60, 42, "8400.00"),  # at most the table's 42 days
        (400, 400, "73000.00"),  # at most 365 days
    ],
)
def test_incapacity_over_7_days_is_paid_from_day_one(days, table_maximum, expected):
    assert accident_incapacity_benefit(Decimal("200.00"), days, table_maximum).amount == Decimal(expected)


def test_incapacity_of_7_days_is_not_paid():
    with pytest.raises(QualifyingPeriodNotReached):
        accident_incapacity_benefit(Decimal("200.00"), 7, 60)


@pytest.mark.parametrize(("midnights", "expected"), [(1, "300.00"), (365, "109500.00"), (366, "109500.00")])
def test_hospital_pays_midnights_up_to_365(midnights, expected):
    assert accident_hospital_benefit(Decimal("300.00"), midnights).amount == Decimal(expected)


def test_hospital_without_a_midnight_is_invalid():
    with pytest.raises(DayCountBelowOne):
        accident_hospital_benefit(Decimal("300.00"), 0)


def test_child_accidental_death_within_three_years_pays_20000():
    assert child_accidental_death_benefit(date(2022, 5, 10), date(2025, 5, 10)).amount == Decimal("20000.00")
    with pytest.raises(ChildDeathTooLongAfterInjury):
        child_accidental_death_benefit(date(2022, 5, 10), date(2025, 5, 11))
