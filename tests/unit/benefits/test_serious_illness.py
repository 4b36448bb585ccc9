"""Serious illness and in-situ: flexi-risk-life-precontract.txt, "Pojištění vážných nemocí a úrazů"."""

from datetime import date
from decimal import Decimal

import pytest

from domain.benefits.covers import Cover
from domain.benefits.errors import SeriousIllnessGroupEnded, SurvivalPeriodNotMet, UnknownSeriousIllnessGroup
from domain.benefits.serious_illness import (
    SeriousIllnessGroup,
    SeriousIllnessVariant,
    in_situ_neoplasm_benefit,
    serious_illness_benefit,
)

SUM_INSURED = Decimal("500000.00")
CONFIRMED = date(2025, 3, 1)
AFTER_SURVIVAL = date(2025, 4, 1)  # 1. 3. + 30 days = 31. 3., survived by the next day


def complete(group, groups_already_paid=frozenset(), **dates):
    dates.setdefault("assessed_on", AFTER_SURVIVAL)
    return serious_illness_benefit(
        SeriousIllnessVariant.COMPLETE,
        group,
        SUM_INSURED,
        CONFIRMED,
        groups_already_paid=groups_already_paid,
        **dates,
    )


def test_complete_variant_pays_100_percent_and_ends_the_group():
    result = complete(SeriousIllnessGroup.CARDIOVASCULAR)

    assert result.amount == SUM_INSURED
    assert result.ends_groups == {3}
    assert result.ends_covers == frozenset()


def test_paying_the_neoplasm_group_ends_the_in_situ_rider():
    result = complete(SeriousIllnessGroup.NEOPLASMS)

    assert result.ends_groups == {5}
    assert result.ends_covers == {Cover.IN_SITU_NEOPLASM}


def test_a_paid_group_is_refused():
    with pytest.raises(SeriousIllnessGroupEnded):
        complete(3, groups_already_paid=frozenset({3}))


def test_the_sixth_event_ends_the_complete_variant_and_a_seventh_is_refused():
    five_paid = frozenset({1, 2, 3, 4, 5})

    sixth = complete(6, groups_already_paid=five_paid)

    assert sixth.amount == SUM_INSURED
    assert sixth.ends_covers == {Cover.SERIOUS_ILLNESS, Cover.IN_SITU_NEOPLASM}
    with pytest.raises(SeriousIllnessGroupEnded):
        complete(1, groups_already_paid=five_paid | {6})


def test_basic_variant_ends_entirely_on_the_first_payout():
    result = serious_illness_benefit(
        SeriousIllnessVariant.BASIC, SeriousIllnessGroup.NEOPLASMS, SUM_INSURED, CONFIRMED, AFTER_SURVIVAL
    )

    assert result.amount == SUM_INSURED
    assert result.ends_covers == {Cover.SERIOUS_ILLNESS, Cover.IN_SITU_NEOPLASM}


@pytest.mark.parametrize(
    ("assessed_on", "died_on", "payable"),
    [
        (date(2025, 3, 31), None, False),  # the 30th day is not over yet
        (date(2025, 4, 1), None, True),
        (date(2025, 5, 1), date(2025, 3, 31), False),  # died on the 30th day
        (date(2025, 5, 1), date(2025, 4, 1), True),  # died on the 31st day: survived 30 days
    ],
)
def test_insured_must_survive_30_days_from_the_confirmation(assessed_on, died_on, payable):
    if payable:
        assert complete(2, assessed_on=assessed_on, died_on=died_on).amount == SUM_INSURED
    else:
        with pytest.raises(SurvivalPeriodNotMet):
            complete(2, assessed_on=assessed_on, died_on=died_on)


@pytest.mark.parametrize(("group", "paid"), [(0, frozenset()), (7, frozenset()), (1, frozenset({9}))])
def test_unknown_groups_are_invalid(group, paid):
    with pytest.raises(UnknownSeriousIllnessGroup):
        complete(group, groups_already_paid=paid)


def test_in_situ_pays_30_percent_of_the_serious_illness_sum_and_ends_itself():
    # 30 % × 500 000 = 150 000; 30 % × 34 000 = 10 200 (the seed's minimum rider sum)
    assert in_situ_neoplasm_benefit(SUM_INSURED).amount == Decimal("150000.00")
    result = in_situ_neoplasm_benefit(Decimal("34000.00"))
    assert result.amount == Decimal("10200.00")
    assert result.ends_covers == {Cover.IN_SITU_NEOPLASM}
