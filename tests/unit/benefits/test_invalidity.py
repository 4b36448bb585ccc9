"""Invalidity: flexi-risk-life-precontract.txt, "Dospělý – Pojištění invalidity nebo dlouhodobé péče"."""

from decimal import Decimal

import pytest

from domain.benefits.errors import InvalidityDegreeNotInsured, UnknownInvalidityDegree
from domain.benefits.invalidity import invalidity_benefit

ALL_DEGREES = {1: Decimal("300000.00"), 2: Decimal("600000.00"), 3: Decimal("1200000.00")}


@pytest.mark.parametrize(
    ("degree", "ended_before", "expected", "ends"),
    [
        (1, frozenset(), "300000.00", {1}),  # degrees 2 and 3 continue
        (2, frozenset(), "600000.00", {1, 2}),  # ends 2 and the lower 1; 3 continues
        (3, frozenset(), "1200000.00", {1, 2, 3}),
        (3, frozenset({1, 2}), "1200000.00", {3}),  # lower ones ended by an earlier payout
    ],
)
def test_payout_ends_the_degree_and_the_lower_ones(degree, ended_before, expected, ends):
    result = invalidity_benefit(degree, ALL_DEGREES, ended_before)

    assert result.amount == Decimal(expected)
    assert result.ends_degrees == ends


def test_only_insured_degrees_end():
    result = invalidity_benefit(3, {2: Decimal("100000.00"), 3: Decimal("100000.00")})

    assert result.ends_degrees == {2, 3}


@pytest.mark.parametrize(
    ("sum_insured", "expected"),
    [
        ("600000.00", "1200000.00"),  # 2 × 600 000
        ("1000000.00", "2000000.00"),  # extra exactly 1 000 000
        ("1200000.00", "2200000.00"),  # 1 200 000 + capped 1 000 000
    ],
)
def test_traffic_accident_doubles_degree_three_with_the_extra_capped(sum_insured, expected):
    result = invalidity_benefit(3, {3: Decimal(sum_insured)}, traffic_accident=True)

    assert result.amount == Decimal(expected)


def test_traffic_accident_does_not_double_lower_degrees():
    assert invalidity_benefit(2, ALL_DEGREES, traffic_accident=True).amount == Decimal("600000.00")


@pytest.mark.parametrize(("degree", "ended"), [(2, frozenset({2})), (1, frozenset({1, 2}))])
def test_an_ended_degree_is_refused(degree, ended):
    with pytest.raises(InvalidityDegreeNotInsured):
        invalidity_benefit(degree, ALL_DEGREES, ended)


def test_an_uninsured_degree_is_refused():
    with pytest.raises(InvalidityDegreeNotInsured):
        invalidity_benefit(1, {3: Decimal("100000.00")})


@pytest.mark.parametrize("degree", [0, 4])
def test_unknown_degree_is_invalid(degree):
    with pytest.raises(UnknownInvalidityDegree):
        invalidity_benefit(degree, ALL_DEGREES)
