"""Permanent consequences of illness: 25 / 100 / 400 % of the sum insured, at most 400 % in all."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from domain.benefits.errors import IllnessConsequencesLimitReached, PercentageOutOfRange
from domain.benefits.inputs import HUNDRED, require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.money import round_czk

MAXIMUM_PERCENT_OF_SUM_INSURED = Decimal("400")


class IllnessConsequenceTier(Enum):
    """The column of the seed's table the assessor places the consequence in."""

    TIER_25 = Decimal("25")
    TIER_100 = Decimal("100")
    TIER_400 = Decimal("400")


def illness_consequences_benefit(
    tier: IllnessConsequenceTier,
    sum_insured: Decimal,
    percent_already_paid: Decimal = Decimal(0),
) -> BenefitResult:
    """Pay the tier's % of the sum insured, so that all payouts together stay within 400 %.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění trvalých následků nemoci":
    "vyplatíme pojistné plnění max. do výše příslušného procenta pojistné částky platné ke dni
    vzniku pojistné události, a to dle následující tabulky" and "Maximální možné plnění je ve
    výši 400 % pojistné částky", read as a limit over the life of the cover.
    """
    sum_insured = require_amount("sum_insured", sum_insured)
    percent = percent_payable(tier, percent_already_paid)
    payout = round_czk(percent / HUNDRED * sum_insured)
    description = f"{percent} % of sum insured {sum_insured}"
    if percent < tier.value:
        description += f" (tier {tier.value} %, limited by the 400 % maximum)"
    return BenefitResult(amount=payout, breakdown=(BreakdownLine(description, payout),))


def percent_payable(tier: IllnessConsequenceTier, percent_already_paid: Decimal) -> Decimal:
    """The tier's %, less what would exceed 400 % with the payouts already made from the cover."""
    if not Decimal(0) <= percent_already_paid <= MAXIMUM_PERCENT_OF_SUM_INSURED:
        raise PercentageOutOfRange(
            f"percent_already_paid must be between 0 and 400 %, got {percent_already_paid}"
        )
    remaining = MAXIMUM_PERCENT_OF_SUM_INSURED - percent_already_paid
    if remaining == 0:
        raise IllnessConsequencesLimitReached("400 % of the sum insured has already been paid")
    return min(tier.value, remaining)
