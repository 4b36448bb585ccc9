"""Incapacity for work (pracovní neschopnost) PN15 / PN29 / PN57, for illness or injury."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from domain.benefits.daily_bands import FLAT, pay_days
from domain.benefits.errors import QualifyingPeriodNotReached
from domain.benefits.inputs import require_amount, require_day_count
from domain.benefits.result import BenefitResult, BreakdownLine

SELF_EMPLOYED_NON_PAYER_MAXIMUM_DAYS = 548


class IncapacityVariant(Enum):
    """(days the incapacity must last, first day paid)."""

    PN15 = (15, 15)
    PN29_FROM_DAY_29 = (29, 29)
    PN29_FROM_DAY_1 = (29, 1)
    PN57 = (57, 57)

    @property
    def minimum_days(self) -> int:
        return self.value[0]

    @property
    def first_paid_day(self) -> int:
        return self.value[1]


def incapacity_benefit(
    variant: IncapacityVariant,
    daily_sum: Decimal,
    incapacity_days: int,
    self_employed_without_sickness_insurance: bool,
) -> BenefitResult:
    """Pay each calendar day of incapacity from the variant's first paid day.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění pracovní neschopnosti –
    nemoc": "PN15 (s plněním následně od 15. dne) a/nebo PN29: a) s plněním následně od 29. dne
    nebo b) s plněním od 1. dne a/nebo PN57 (s plněním následně od 57. dne)"; PN29 from day 1
    needs "pracovní neschopnost min. 29 dnů" ("Pojištění úvěru"). For "osoby samostatně
    výdělečně činné – neplátce nemocenského pojištění je maximální počet dnů, za které
    vyplatíme v rámci jedné pojistné události pojistné plnění, 548 dnů" – a cap on paid days.
    The seed sets no cap for others. "Připojištění úrazu k pracovní neschopnosti" pays injury
    the same way. A relapse at least 7 years after recovery is a new event: the caller decides.
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    incapacity_days = require_day_count("incapacity_days", incapacity_days)
    if incapacity_days < variant.minimum_days:
        raise QualifyingPeriodNotReached(
            f"{variant.name} pays incapacity of {variant.minimum_days} days or more,"
            f" this one lasted {incapacity_days}"
        )
    last_paid_day = incapacity_days
    if self_employed_without_sickness_insurance:
        last_paid_day = min(last_paid_day, variant.first_paid_day + SELF_EMPLOYED_NON_PAYER_MAXIMUM_DAYS - 1)
    total, lines = pay_days(variant.first_paid_day, last_paid_day, daily_sum, FLAT)
    if last_paid_day < incapacity_days:
        lines += (
            BreakdownLine(
                f"days {last_paid_day + 1}–{incapacity_days} not paid: self-employed without"
                f" sickness insurance are paid at most {SELF_EMPLOYED_NON_PAYER_MAXIMUM_DAYS} days",
                Decimal(0),
            ),
        )
    return BenefitResult(amount=total, breakdown=lines)
