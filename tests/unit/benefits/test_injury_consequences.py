"""Permanent consequences of injury: flexi-risk-life-precontract.txt, "Pojištění trvalých následků úrazu"."""

from decimal import Decimal

import pytest

from domain.benefits.errors import BelowDamageThreshold, PercentageOutOfRange
from domain.benefits.injury_consequences import DamageThreshold, injury_consequences_benefit
from domain.benefits.progression import Progression

SUM_INSURED = Decimal("100000.00")


@pytest.mark.parametrize(
    ("damage_percent", "progression", "expected"),
    [
        # four-fold: "do 25 % včetně – z jednonásobku": 25 % × 1 × 100 000 = 25 000
        ("25", Progression.FOUR_FOLD, "25000.00"),
        # "nad 25 % do 50 % včetně – z dvojnásobku": 26 % × 2 × 100 000 = 52 000
        ("26", Progression.FOUR_FOLD, "52000.00"),
        ("50", Progression.FOUR_FOLD, "100000.00"),  # 50 % × 2
        ("75", Progression.FOUR_FOLD, "225000.00"),  # 75 % × 3
        ("100", Progression.FOUR_FOLD, "400000.00"),  # 100 % × 4
        ("0.5", Progression.FOUR_FOLD, "500.00"),  # 0.5 % × 1
        # ten-fold Plus: 20 % × 1 = 20 000; 21 % × 2 = 42 000; 99.99 % × 9 = 899 910; 100 % × 10
        ("20", Progression.TEN_FOLD_PLUS, "20000.00"),
        ("21", Progression.TEN_FOLD_PLUS, "42000.00"),
        ("25", Progression.TEN_FOLD_PLUS, "50000.00"),  # 25 % × 2
        ("26", Progression.TEN_FOLD_PLUS, "52000.00"),  # 26 % × 2
        ("55", Progression.TEN_FOLD_PLUS, "275000.00"),  # 55 % × 5
        ("99.99", Progression.TEN_FOLD_PLUS, "899910.00"),
        ("100", Progression.TEN_FOLD_PLUS, "1000000.00"),
    ],
)
def test_pays_the_damage_percent_of_the_bands_multiple(damage_percent, progression, expected):
    result = injury_consequences_benefit(
        Decimal(damage_percent), SUM_INSURED, progression, DamageThreshold.FROM_HALF_PERCENT
    )

    assert result.amount == Decimal(expected)
    assert result.breakdown[0].amount == result.amount


@pytest.mark.parametrize(
    ("damage_percent", "threshold"),
    [("0.4", DamageThreshold.FROM_HALF_PERCENT), ("9.99", DamageThreshold.FROM_TEN_PERCENT)],
)
def test_damage_below_the_variants_threshold_is_refused(damage_percent, threshold):
    with pytest.raises(BelowDamageThreshold):
        injury_consequences_benefit(Decimal(damage_percent), SUM_INSURED, Progression.FOUR_FOLD, threshold)


def test_from_ten_percent_variant_pays_exactly_ten_percent():
    # 10 % × 1 × 100 000 = 10 000
    result = injury_consequences_benefit(
        Decimal("10"), SUM_INSURED, Progression.FOUR_FOLD, DamageThreshold.FROM_TEN_PERCENT
    )

    assert result.amount == Decimal("10000.00")


@pytest.mark.parametrize("damage_percent", ["100.01", "-1"])
def test_percentage_outside_0_to_100_is_invalid(damage_percent):
    with pytest.raises(PercentageOutOfRange):
        injury_consequences_benefit(
            Decimal(damage_percent), SUM_INSURED, Progression.FOUR_FOLD, DamageThreshold.FROM_HALF_PERCENT
        )
