"""Decreasing sums (FLEXI "Klesající pojistná částka"), worked by hand."""

from decimal import Decimal

import pytest

from domain.products.flexi import Decrease, DecreaseKind
from domain.products.sums import sum_insured_in_year

LINEAR = Decrease(DecreaseKind.LINEAR)
ANNUITY_10 = Decrease(DecreaseKind.ANNUITY, Decimal("10"))


@pytest.mark.parametrize(
    "decrease, term, year, expected",
    [
        (None, 10, 7, "300000"),  # constant
        # linear: 1/n a year -> 300 000 over 3 years: 300 000, 200 000, 100 000
        (LINEAR, 3, 1, "300000.00"),
        (LINEAR, 3, 2, "200000.00"),
        (LINEAR, 3, 3, "100000.00"),
        # annuity 10 %, 300 000 over 2 years: the yearly instalment is 300 000 * 0.1 / (1 - 1.1^-2) = 172 857.14;
        # the balance after year 1 is 300 000 * 1.1 - 172 857.14 = 157 142.86
        (ANNUITY_10, 2, 1, "300000.00"),
        (ANNUITY_10, 2, 2, "157142.86"),
    ],
)
def test_sum_insured_in_year(decrease, term, year, expected):
    assert sum_insured_in_year(Decimal("300000"), decrease, term, year) == Decimal(expected)


def test_year_outside_the_term_is_a_programming_error():
    with pytest.raises(ValueError):
        sum_insured_in_year(Decimal("300000"), LINEAR, 3, 4)
