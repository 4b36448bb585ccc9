"""Consequences of illness: flexi-risk-life-precontract.txt, "Pojištění trvalých následků nemoci"."""

from decimal import Decimal

import pytest

from domain.benefits.errors import IllnessConsequencesLimitReached, NegativeAmount, PercentageOutOfRange
from domain.benefits.illness_consequences import IllnessConsequenceTier, illness_consequences_benefit

SUM_INSURED = Decimal("200000.00")


@pytest.mark.parametrize(
    ("tier", "already_paid", "expected"),
    [
        (IllnessConsequenceTier.TIER_25, "0", "50000.00"),  # 25 % of 200 000
        (IllnessConsequenceTier.TIER_100, "0", "200000.00"),  # 100 %
        (IllnessConsequenceTier.TIER_400, "0", "800000.00"),  # 400 %
        (IllnessConsequenceTier.TIER_100, "325", "150000.00"),  # only 75 % left of 400 %
        (IllnessConsequenceTier.TIER_25, "375", "50000.00"),  # exactly the last 25 %
    ],
)
def test_pays_the_tier_within_400_percent_in_all(tier, already_paid, expected):
    result = illness_consequences_benefit(tier, SUM_INSURED, Decimal(already_paid))

    assert result.amount == Decimal(expected)


def test_nothing_is_left_after_400_percent():
    with pytest.raises(IllnessConsequencesLimitReached):
        illness_consequences_benefit(IllnessConsequenceTier.TIER_25, SUM_INSURED, Decimal("400"))


def test_invalid_inputs_are_named():
    with pytest.raises(PercentageOutOfRange):
        illness_consequences_benefit(IllnessConsequenceTier.TIER_25, SUM_INSURED, Decimal("401"))
    with pytest.raises(NegativeAmount):
        illness_consequences_benefit(IllnessConsequenceTier.TIER_25, Decimal("-1"))
