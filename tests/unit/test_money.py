from decimal import Decimal

import pytest

from domain.money import InvalidAmount, czk, from_halere, round_czk, to_halere


def test_amounts_are_exact_decimals() -> None:
    assert czk("777") == Decimal("777.00")
    assert to_halere(Decimal("389.50")) == 38950
    assert from_halere(19400) == Decimal("194.00")


@pytest.mark.parametrize("bad", [0.1, "1.005", "NaN", "Infinity", "abc"])
def test_inexact_or_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(InvalidAmount):
        czk(bad)  # type: ignore[arg-type]


def test_rounding_is_half_up_to_haler() -> None:
    assert round_czk(Decimal("0.005")) == Decimal("0.01")
    assert round_czk(Decimal("777") * Decimal("0.93")) == Decimal("722.61")
