from datetime import date

import pytest

from domain.dates import add_months, add_years, completed_years, first_of_next_month


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # clamped to the month's end
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 11, 15), 3, date(2027, 2, 15)),  # across the year end
        (date(2026, 3, 1), 12, date(2027, 3, 1)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),  # 29 February falls back to the month's last day
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2026, 7, 1), 10, date(2036, 7, 1)),
    ],
)
def test_add_years(day: date, years: int, expected: date) -> None:
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("birth_date", "on", "age"),
    [
        (date(2008, 5, 10), date(2026, 5, 9), 17),  # the day before the 18th birthday
        (date(2008, 5, 10), date(2026, 5, 10), 18),
        (date(2004, 2, 29), date(2022, 2, 28), 17),  # a leap-day birthday is reached on 1 March
    ],
)
def test_completed_years(birth_date: date, on: date, age: int) -> None:
    assert completed_years(birth_date, on) == age


def test_first_of_next_month() -> None:
    assert first_of_next_month(date(2026, 12, 31)) == date(2027, 1, 1)
