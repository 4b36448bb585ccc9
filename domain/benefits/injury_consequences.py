"""Permanent consequences of injury under FLEXI, with four-fold or ten-fold Plus progression."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from domain.benefits.errors import BelowDamageThreshold
from domain.benefits.inputs import HUNDRED, require_amount, require_percentage
from domain.benefits.progression import Progression, multiple_for
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.money import round_czk


class DamageThreshold(Enum):
    """The variant's lowest damage that pays: "s plněním od 0,5 % / od 10 % tělesného poškození"."""

    FROM_HALF_PERCENT = Decimal("0.5")
    FROM_TEN_PERCENT = Decimal("10")


def injury_consequences_benefit(
    damage_percent: Decimal,
    sum_insured: Decimal,
    progression: Progression,
    threshold: DamageThreshold,
) -> BenefitResult:
    """Pay the assessed damage % of the multiple of the sum insured its progression band gives.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění trvalých následků úrazu"
    (adult, both progressions) and "Dítě – Pojištění trvalých následků úrazu (čtyřnásobná
    progrese od 0,5 %)", which spells the rule out: "nad 25 % do 50 % včetně – příslušné %
    z dvojnásobku pojistné částky". So 26 % four-fold pays 26 % × 2 × sum insured.
    """
    damage_percent = require_percentage("damage_percent", damage_percent)
    sum_insured = require_amount("sum_insured", sum_insured)
    if damage_percent < threshold.value:
        raise BelowDamageThreshold(
            f"damage {damage_percent} % is below the variant's {threshold.value} % threshold"
        )
    multiple = multiple_for(damage_percent, progression)
    payout = round_czk(damage_percent / HUNDRED * multiple * sum_insured)
    line = BreakdownLine(
        f"{damage_percent} % × {multiple} × sum insured {sum_insured} ({progression.name})", payout
    )
    return BenefitResult(amount=payout, breakdown=(line,))
