"""Hospital stay: flexi-risk-life-precontract.txt, "Pojištění hospitalizace" (adult and child)."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.benefits.errors import HospitalStayTooShort, InvalidPeriod
from domain.benefits.hospital import (
    HospitalStay,
    adult_hospital_benefit,
    child_hospital_benefit,
    postnatal_complications_benefit,
)

DAILY_SUM = Decimal("500.00")
ADMITTED = datetime(2025, 1, 1, 10, 0)


def stay_of(calendar_days: int, discharge_hour: int = 10) -> HospitalStay:
    """A stay over ``calendar_days`` calendar days, admission and discharge day included."""
    discharged = datetime.combine(ADMITTED.date() + timedelta(days=calendar_days - 1), datetime.min.time())
    return HospitalStay(ADMITTED, discharged.replace(hour=discharge_hour))


@pytest.mark.parametrize(
    ("calendar_days", "expected"),
    [
        (2, "1000.00"),  # admitted 1. 1., discharged 2. 1.: 2 days × 500
        (730, "365000.00"),  # 730 × 500
        (731, "365000.00"),  # "maximálně za 730 dnů"
    ],
)
def test_adult_stay_is_paid_per_day_up_to_730_days(calendar_days, expected):
    assert adult_hospital_benefit(DAILY_SUM, stay_of(calendar_days)).amount == Decimal(expected)


def test_adult_discharged_on_the_admission_day_is_not_paid():
    with pytest.raises(HospitalStayTooShort):
        adult_hospital_benefit(DAILY_SUM, HospitalStay(ADMITTED, ADMITTED + timedelta(hours=8)))


def test_discharge_before_admission_is_invalid():
    with pytest.raises(InvalidPeriod):
        HospitalStay(ADMITTED, ADMITTED - timedelta(hours=1))


CHILD_BORN = date(2020, 6, 1)  # turns 7 on 1. 6. 2027


@pytest.mark.parametrize(
    ("calendar_days", "accompanied", "expected"),
    [
        (14, True, "7000.00"),  # 14 × 500, doubling starts only on day 15
        (15, True, "8000.00"),  # 14 × 500 + 1 × 1 000
        (20, True, "13000.00"),  # 20 × 500 + 6 × 500 extra
        (20, False, "10000.00"),  # 20 × 500
        (365, False, "182500.00"),  # 365 × 500
        (366, False, "182500.00"),  # "maximálně za 365 dnů"
    ],
)
def test_child_stay_doubles_from_day_15_with_a_guardian(calendar_days, accompanied, expected):
    result = child_hospital_benefit(DAILY_SUM, stay_of(calendar_days), CHILD_BORN, accompanied)

    assert result.amount == Decimal(expected)
    assert sum(line.amount for line in result.breakdown) == result.amount


def test_child_doubling_stops_at_the_seventh_birthday():
    # child turns 7 on 25. 1. 2025 = day 25 of a stay from 1. 1.; 30 days in hospital:
    # 30 × 500 + days 15–24 (10 days) × 500 extra = 15 000 + 5 000
    result = child_hospital_benefit(DAILY_SUM, stay_of(30), date(2018, 1, 25), True)

    assert result.amount == Decimal("20000.00")


def test_child_already_seven_gets_no_doubling():
    result = child_hospital_benefit(DAILY_SUM, stay_of(30), date(2017, 12, 31), True)

    assert result.amount == Decimal("15000.00")


def test_child_stay_shorter_than_24_hours_is_not_paid():
    overnight = HospitalStay(ADMITTED, ADMITTED + timedelta(hours=23, minutes=59))
    with pytest.raises(HospitalStayTooShort):
        child_hospital_benefit(DAILY_SUM, overnight, CHILD_BORN, False)


@pytest.mark.parametrize(("calendar_days", "expected"), [(30, "15000.00"), (31, "15000.00"), (3, "1500.00")])
def test_postnatal_complications_are_paid_at_most_30_days(calendar_days, expected):
    assert postnatal_complications_benefit(DAILY_SUM, stay_of(calendar_days)).amount == Decimal(expected)
