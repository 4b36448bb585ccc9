"""FLEXI Produktový list: who may be insured, start, term (seeds/flexi-risk-life-precontract.txt)."""

from datetime import date

import pytest

from domain.products.errors import (
    EntryAgeOutOfRange,
    ExitAgeExceeded,
    InsuredCountOutOfRange,
    StartDateOutOfRange,
    TermOutOfRange,
)
from domain.products.flexi_validation import validate_proposal
from tests.unit.products.builders import FLEXI_RULES, adult, child, cover, flexi

START_2023 = date(2023, 6, 1)


def basic_death_for(*ids):
    return tuple(cover("basic_death", "1000000", insured=i) for i in ids)


@pytest.mark.parametrize(
    "born, accepted",
    [
        # "Dospělý pojištěný dovršených 18 let – 75 let" at the start 1. 6. 2023
        (date(1948, 6, 2), True),   # 74, turns 75 the next day
        (date(1948, 6, 1), True),   # 75 on the start date
        (date(1947, 6, 2), True),   # 75, one day before turning 76
        (date(1947, 6, 1), False),  # 76 on the start date
        (date(2005, 6, 1), True),   # 18 on the start date
        (date(2005, 6, 2), False),  # 17
    ],
)
def test_adult_entry_age_18_to_75(born, accepted):
    proposal = flexi(insured=(adult(born=born),), start=START_2023, signed_on=START_2023, term_years=3)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(EntryAgeOutOfRange) as refusal:
            validate_proposal(FLEXI_RULES, proposal)
        assert refusal.value.rule == "entry-age"


@pytest.mark.parametrize("born, accepted", [(date(2005, 6, 2), True), (date(2005, 6, 1), False)])
def test_child_entry_age_0_to_17(born, accepted):
    # "Pojištěné dítě 0 – nedovršených 18 let": 17 accepted, 18 on the start date refused
    proposal = flexi(*basic_death_for("A"), insured=(adult(), child(born=born)), start=START_2023,
                     signed_on=START_2023)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(EntryAgeOutOfRange):
            validate_proposal(FLEXI_RULES, proposal)


@pytest.mark.parametrize(
    "adults, children, accepted",
    [(1, 0, True), (2, 5, True), (2, 6, False), (3, 0, False), (0, 1, False)],
)
def test_at_most_two_adults_and_five_children(adults, children, accepted):
    people = tuple(adult(f"A{i}") for i in range(adults)) + tuple(child(f"C{i}") for i in range(children))
    proposal = flexi(*basic_death_for(*(f"A{i}" for i in range(adults))) or (cover("child_death", "10000", "C0"),),
                     insured=people)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(InsuredCountOutOfRange) as refusal:
            validate_proposal(FLEXI_RULES, proposal)
        assert refusal.value.rule == "insured-count"


@pytest.mark.parametrize("term, accepted", [(3, True), (2, False)])
def test_minimum_term_three_years(term, accepted):
    proposal = flexi(term_years=term)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(TermOutOfRange):
            validate_proposal(FLEXI_RULES, proposal)


@pytest.mark.parametrize(
    "term, accepted",
    [
        # younger adult born 1. 3. 1958, start 1. 6. 2023: 20 years end 31. 5. 2043, the year they reach 85
        (20, True),
        (21, False),  # ends in 2044, the year they reach 86
    ],
)
def test_term_runs_at_most_to_the_year_the_younger_adult_reaches_85(term, accepted):
    older, younger = adult("A", born=date(1950, 1, 1)), adult("B", born=date(1958, 3, 1))
    proposal = flexi(*basic_death_for("A", "B"), insured=(older, younger), term_years=term,
                     start=START_2023, signed_on=START_2023)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(ExitAgeExceeded) as refusal:
            validate_proposal(FLEXI_RULES, proposal)
        assert refusal.value.rule == "exit-age"


@pytest.mark.parametrize(
    "start, accepted",
    [
        (date(2023, 5, 15), True),   # the signing day
        (date(2023, 8, 15), True),   # deferred exactly 3 months
        (date(2023, 8, 16), False),  # more than 3 months
        (date(2023, 5, 14), False),  # before signing
    ],
)
def test_start_deferred_at_most_three_months(start, accepted):
    proposal = flexi(signed_on=date(2023, 5, 15), start=start)
    if accepted:
        validate_proposal(FLEXI_RULES, proposal)
    else:
        with pytest.raises(StartDateOutOfRange):
            validate_proposal(FLEXI_RULES, proposal)
