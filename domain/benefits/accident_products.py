"""Benefits of the accident products 7 UO, 23 UO and 53 UD (accident-insurance-handbook.txt)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from domain.benefits.daily_bands import FLAT, pay_days
from domain.benefits.errors import (
    ChildDeathTooLongAfterInjury,
    InvalidPeriod,
    ProgressionTableIncomplete,
    QualifyingPeriodNotReached,
)
from domain.benefits.inputs import HUNDRED, require_amount, require_day_count, require_percentage
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.dates import add_years
from domain.money import round_czk

PROGRESSION_FROM_PERCENT = Decimal("26")
INCAPACITY_QUALIFYING_DAYS = 7
MAXIMUM_PAID_DAYS = 365
CHILD_ACCIDENTAL_DEATH_SUM = Decimal("20000.00")
CHILD_ACCIDENTAL_DEATH_WITHIN_YEARS = 3


def accident_consequences_benefit(
    damage_percent: Decimal,
    sum_insured: Decimal,
    progression_table: Mapping[Decimal, Decimal] | None = None,
) -> BenefitResult:
    """Pay the assessed % of the sum insured; with progression, raise 26 % and more per the table.

    Seed: accident-insurance-handbook.txt, section 5 "Obsah pojištění", "Trvalé následky úrazu":
    "plnění ve výši procentního podílu ze sjednané pojistné částky který odpovídá rozsahu
    trvalých následků"; "Trvalé následky úrazu s progresivním plněním": "procentní podíl zvýšen
    podle tabulky progresivního plnění jsou-li trvalé následky úrazu hodnoceny ... 26 % a více".
    The handbook does not print the table, so it is passed in (assessed % → increased %) from
    the product's conditions.
    """
    damage_percent = require_percentage("damage_percent", damage_percent)
    sum_insured = require_amount("sum_insured", sum_insured)
    paid_percent = damage_percent
    description = f"{damage_percent} % of sum insured {sum_insured}"
    if progression_table is not None and damage_percent >= PROGRESSION_FROM_PERCENT:
        if damage_percent not in progression_table:
            raise ProgressionTableIncomplete(f"the progression table has no row for {damage_percent} %")
        paid_percent = progression_table[damage_percent]
        description = f"{damage_percent} % raised to {paid_percent} % of sum insured {sum_insured}"
    payout = round_czk(paid_percent / HUNDRED * sum_insured)
    return BenefitResult(amount=payout, breakdown=(BreakdownLine(description, payout),))


def accident_incapacity_benefit(
    daily_sum: Decimal, incapacity_days: int, table_maximum_days: int
) -> BenefitResult:
    """Pay incapacity longer than 7 days from day 1, at most the table's maximum and 365 days.

    Seed: accident-insurance-handbook.txt, section 5, "Pracovní neschopnost následkem úrazu":
    "nejdéle však do dne který odpovídá maximální době pracovní neschopnosti stanovené
    v příslušné oceňovací tabulce", "Z jedné pojistné události plní pojistitel nejdéle za dobu
    365 dnů. Karenční doba 7 dnů při jejím překročení pojistitel plní od prvního dne."
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    incapacity_days = require_day_count("incapacity_days", incapacity_days)
    table_maximum_days = require_day_count("table_maximum_days", table_maximum_days)
    if incapacity_days <= INCAPACITY_QUALIFYING_DAYS:
        raise QualifyingPeriodNotReached(
            f"incapacity must exceed the {INCAPACITY_QUALIFYING_DAYS}-day qualifying period,"
            f" it lasted {incapacity_days}"
        )
    total, lines = pay_days(1, min(incapacity_days, table_maximum_days, MAXIMUM_PAID_DAYS), daily_sum, FLAT)
    return BenefitResult(amount=total, breakdown=lines)


def accident_hospital_benefit(daily_sum: Decimal, midnights_in_hospital: int) -> BenefitResult:
    """Pay each midnight spent in hospital, at most 365.

    Seed: accident-insurance-handbook.txt, section 5, "Pobyt v nemocnici následkem úrazu":
    "za každý den pobytu ... (počítají se půlnoci strávené v nemocnici). Z jedné pojistné
    události plní pojistitel nejdéle za dobu 365 dnů."
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    midnights = require_day_count("midnights_in_hospital", midnights_in_hospital)
    total, lines = pay_days(1, min(midnights, MAXIMUM_PAID_DAYS), daily_sum, FLAT)
    return BenefitResult(amount=total, breakdown=lines)


def child_accidental_death_benefit(injured_on: date, died_on: date) -> BenefitResult:
    """53 UD: 20 000 Kč if the child dies of the injury within three years of it.

    Seed: accident-insurance-handbook.txt, section 4 "Úrazové pojištění dětí za běžné pojistné
    (53 UD)": "Zemře-li pojištěné dítě následkem úrazu během trvání pojištění nejpozději však do
    tří let ode dne úrazu bude oprávněné osobě vyplacena pojistná částka 20 000 Kč".
    """
    if died_on < injured_on:
        raise InvalidPeriod(f"death {died_on} precedes the injury {injured_on}")
    if died_on > add_years(injured_on, CHILD_ACCIDENTAL_DEATH_WITHIN_YEARS):
        raise ChildDeathTooLongAfterInjury(f"death {died_on} is more than three years after {injured_on}")
    return BenefitResult(
        amount=CHILD_ACCIDENTAL_DEATH_SUM,
        breakdown=(BreakdownLine("53 UD fixed sum for accidental death", CHILD_ACCIDENTAL_DEATH_SUM),),
    )
