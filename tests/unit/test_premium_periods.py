from datetime import date
from decimal import Decimal

import pytest

from domain.premium_periods import Frequency, add_months, allocate_payment, paid_to_date


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
    ("frequency", "periods", "expected"),
    [
        (Frequency.MONTHLY, 0, None),
        (Frequency.MONTHLY, 2, date(2026, 2, 28)),  # Jan + Feb
        (Frequency.QUARTERLY, 1, date(2026, 3, 31)),
        (Frequency.HALF_YEARLY, 2, date(2026, 12, 31)),
        (Frequency.YEARLY, 1, date(2026, 12, 31)),
    ],
)
def test_paid_to_date_from_start_1_january(frequency: Frequency, periods: int, expected: date | None) -> None:
    assert paid_to_date(date(2026, 1, 1), frequency, periods) == expected


@pytest.mark.parametrize(
    ("credit", "amount", "periods", "left"),
    [
        ("0", "500", 1, "0"),  # exact
        ("0", "1200", 2, "200"),  # over-payment: 2 x 500, 200 kept as credit
        ("0", "499.99", 0, "499.99"),  # partial: nothing covered yet
        ("200", "300", 1, "0"),  # credit completes the next period
    ],
)
def test_allocate_payment_covers_whole_periods_and_keeps_credit(credit: str, amount: str, periods: int, left: str) -> None:
    allocation = allocate_payment(Decimal("500"), 3, Decimal(credit), Decimal(amount))
    assert allocation.periods_paid == 3 + periods
    assert allocation.credit == Decimal(left)
