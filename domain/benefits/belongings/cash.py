"""Theft of cash: by how long after a withdrawal from the insured's account it was stolen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from domain.benefits.belongings.variants import Variant
from domain.benefits.belongings.yearly_payouts import require_payout_available
from domain.benefits.errors import InvalidPeriod
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine

WITHIN_DAYS_OF_WITHDRAWAL = 5
VIOLENT_ROBBERY_WITHIN = timedelta(hours=12)


@dataclass(frozen=True)
class Withdrawal:
    """Cash withdrawn from the insured's private account at Česká spořitelna."""

    withdrawn_at: datetime
    amount: Decimal

    def __post_init__(self) -> None:
        require_amount("withdrawal amount", self.amount)


def cash_theft_benefit(
    variant: Variant,
    stolen_amount: Decimal,
    stolen_at: datetime,
    withdrawal: Withdrawal | None,
    violent_robbery: bool,
    earlier_payout_event_dates: Iterable[date] = (),
) -> BenefitResult:
    """Pay the stolen cash up to the best limit the theft qualifies for (limits do not add up).

    Seed: personal-belongings-and-cards.txt, PP 01/2022 čl. 3.2 b)–d) and contract čl. II 2.3:
    withdrawn cash stolen "nejpozději 5 dnů od výběru hotovosti" (10 000 / 20 000), "do 12 hodin
    od výběru hotovosti prokazatelně při násilném přepadení nebo v důsledku nuceného výběru
    učiněného pod hrozbou fyzického násilí" (50 000 / 100 000), and "bez ohledu na zdroj
    a termín výběru" (2 000 / 4 000). The withdrawal tiers pay at most the amount withdrawn;
    5 days are calendar days after the withdrawal day.
    """
    require_payout_available(variant, stolen_at.date(), earlier_payout_event_dates)
    stolen = require_amount("stolen_amount", stolen_amount)
    limits = variant.limits
    candidates = [
        BreakdownLine(f"cash regardless of source, at most {limits.cash_any}", min(stolen, limits.cash_any))
    ]
    if withdrawal is not None:
        if stolen_at < withdrawal.withdrawn_at:
            raise InvalidPeriod(f"theft {stolen_at} precedes the withdrawal {withdrawal.withdrawn_at}")
        withdrawn_and_stolen = min(stolen, withdrawal.amount)
        days_after = (stolen_at.date() - withdrawal.withdrawn_at.date()).days
        if days_after <= WITHIN_DAYS_OF_WITHDRAWAL:
            limit = limits.cash_within_5_days_of_withdrawal
            candidates.append(
                BreakdownLine(
                    f"withdrawn cash stolen within 5 days, at most {limit}", min(withdrawn_and_stolen, limit)
                )
            )
        if violent_robbery and stolen_at - withdrawal.withdrawn_at <= VIOLENT_ROBBERY_WITHIN:
            limit = limits.cash_within_12_hours_violent
            candidates.append(
                BreakdownLine(
                    f"withdrawn cash taken by violence within 12 hours, at most {limit}",
                    min(withdrawn_and_stolen, limit),
                )
            )
    best = max(candidates, key=lambda line: line.amount)
    return BenefitResult(amount=best.amount, breakdown=(best,))
