"""Death, accidental death and terminal illness: flexi-risk-life-precontract.txt, Produktový list."""

from datetime import date
from decimal import Decimal

import pytest

from domain.benefits.covers import Cover
from domain.benefits.death import accidental_death_benefit, death_benefit, terminal_illness_advance
from domain.benefits.errors import InvalidPeriod, NegativeAmount, TerminalIllnessOutsideCoveredPeriod


def test_death_pays_the_sum_insured_on_the_day_of_death_and_ends_the_cover():
    result = death_benefit(Decimal("500000.00"), Cover.SUPPLEMENTARY_DEATH)

    assert result.amount == Decimal("500000.00")
    assert result.ends_covers == {Cover.SUPPLEMENTARY_DEATH}


@pytest.mark.parametrize(
    ("at_death", "at_injury", "traffic", "expected"),
    [
        ("700000.00", "800000.00", False, "700000.00"),  # plain accident: sum at death
        ("700000.00", "800000.00", True, "1600000.00"),  # 2 × 800 000 at the injury, extra 800 000
        ("1000000.00", "1000000.00", True, "2000000.00"),  # extra exactly at the 1 000 000 cap
        ("1500000.00", "1500000.00", True, "2500000.00"),  # 1 500 000 + capped 1 000 000
    ],
)
def test_accidental_death_doubles_for_traffic_accidents_with_the_extra_capped(
    at_death, at_injury, traffic, expected
):
    result = accidental_death_benefit(Decimal(at_death), Decimal(at_injury), traffic)

    assert result.amount == Decimal(expected)
    assert sum(line.amount for line in result.breakdown) == result.amount
    assert result.ends_covers == {Cover.ACCIDENTAL_DEATH}


COVER_STARTS = date(2020, 3, 1)
COVER_ENDS = date(2040, 2, 29)


@pytest.mark.parametrize(
    "prognosis_on",
    [
        date(2022, 3, 1),  # the second anniversary: "do dvou let ode dne počátku" is over
        date(2038, 2, 28),  # two years before the end: 29. 2. 2040 − 2 years = 28. 2. 2038 (§ 605 OZ)
    ],
)
def test_terminal_illness_advance_is_60_percent(prognosis_on):
    # 60 % × 1 000 000 = 600 000
    result = terminal_illness_advance(Decimal("1000000.00"), prognosis_on, COVER_STARTS, COVER_ENDS)

    assert result.amount == Decimal("600000.00")
    assert result.ends_covers == frozenset()


@pytest.mark.parametrize("prognosis_on", [date(2022, 2, 28), date(2038, 3, 1)])
def test_terminal_illness_in_the_first_or_last_two_years_is_refused(prognosis_on):
    with pytest.raises(TerminalIllnessOutsideCoveredPeriod):
        terminal_illness_advance(Decimal("1000000.00"), prognosis_on, COVER_STARTS, COVER_ENDS)


def test_terminal_illness_uses_the_sum_before_a_recent_increase():
    # raised from 800 000 to 1 000 000 within two years: 60 % × 800 000 = 480 000
    result = terminal_illness_advance(
        Decimal("1000000.00"), date(2030, 1, 1), COVER_STARTS, COVER_ENDS, Decimal("800000.00")
    )

    assert result.amount == Decimal("480000.00")


def test_terminal_advance_is_deducted_from_the_later_death_benefit():
    advance = terminal_illness_advance(Decimal("1000000.00"), date(2030, 1, 1), COVER_STARTS, COVER_ENDS)

    # "aktuální pojistnou částku sníženou o již vyplacenou zálohu": 1 000 000 − 600 000 = 400 000
    result = death_benefit(
        Decimal("1000000.00"), Cover.SUPPLEMENTARY_DEATH, terminal_advance_paid=advance.amount
    )

    assert result.amount == Decimal("400000.00")
    assert [line.amount for line in result.breakdown] == [Decimal("1000000.00"), Decimal("-600000.00")]


def test_death_benefit_never_goes_below_zero_after_an_advance():
    # a decreasing sum fell to 500 000 after an advance of 600 000
    result = death_benefit(
        Decimal("500000.00"), Cover.SUPPLEMENTARY_DEATH, terminal_advance_paid=Decimal("600000.00")
    )

    assert result.amount == Decimal("0")
    assert sum(line.amount for line in result.breakdown) == 0


def test_invalid_inputs_are_named():
    with pytest.raises(NegativeAmount):
        death_benefit(Decimal("-1.00"))
    with pytest.raises(InvalidPeriod):
        terminal_illness_advance(Decimal("1.00"), date(2030, 1, 1), COVER_ENDS, COVER_STARTS)
