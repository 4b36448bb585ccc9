"""Claims on the accident products 7 UO, 23 UO and 53 UD (accident-insurance-handbook.txt, section 5
"Obsah pojištění" and section 4 for children), each calculator citing its rule.

The handbook does not print the progression table of "Trvalé následky úrazu s progresivním plněním":
that cover is assessed with the ILLUSTRATIVE table in ``domain/products/data/illustrative_rates.py``
(see the README). A child insured by 53 UD who dies of the injury is paid the fixed 20 000 on the basic
risk (permanent consequences), which is what the policy insures the child for.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from application.commands import DeathFacts, HospitalFacts, IncapacityFacts, InjuryConsequencesFacts
from domain.benefits.accident_products import (
    accident_consequences_benefit,
    accident_hospital_benefit,
    accident_incapacity_benefit,
    child_accidental_death_benefit,
)
from domain.benefits.covers import Cover
from domain.benefits.death import death_benefit
from domain.benefits.result import BenefitResult
from domain.errors import DomainError
from domain.products.data.illustrative_rates import ILLUSTRATIVE_ACCIDENT_PROGRESSION

AccidentFacts = DeathFacts | HospitalFacts | IncapacityFacts | InjuryConsequencesFacts
CHILD_TARIFF = "53 UD"


class AccidentBenefitNotAssessed(DomainError):
    rule = "accident-benefit-calculator-for-cover"


class IncapacityTableMaximumMissing(DomainError):
    rule = "accident-incapacity-needs-table-maximum"


def assess_accident(tariff: str, cover_code: str, sum_insured: Decimal, event_date: date,
                    facts: AccidentFacts) -> BenefitResult:
    if isinstance(facts, DeathFacts) and tariff == CHILD_TARIFF and cover_code == "permanent_consequences":
        return child_accidental_death_benefit(event_date, facts.died_on)
    if isinstance(facts, DeathFacts) and cover_code == "accidental_death":
        # "Smrt následkem úrazu": the sum insured; the accident products know no traffic doubling.
        return death_benefit(sum_insured, Cover.ACCIDENTAL_DEATH)
    if isinstance(facts, InjuryConsequencesFacts) and cover_code in ("permanent_consequences", "bodily_injury"):
        # Both pay "procentní podíl ze sjednané pojistné částky" by the valuation table, without progression.
        return accident_consequences_benefit(facts.damage_percent, sum_insured)
    if isinstance(facts, InjuryConsequencesFacts) and cover_code == "permanent_consequences_progressive":
        return accident_consequences_benefit(facts.damage_percent, sum_insured, ILLUSTRATIVE_ACCIDENT_PROGRESSION)
    if isinstance(facts, IncapacityFacts) and cover_code == "incapacity":
        if facts.table_maximum_days is None:
            raise IncapacityTableMaximumMissing("an accident's incapacity is paid up to the valuation table's maximum")
        return accident_incapacity_benefit(sum_insured, facts.incapacity_days, facts.table_maximum_days)
    if isinstance(facts, HospitalFacts) and cover_code == "hospital_stay":
        # "počítají se půlnoci strávené v nemocnici"
        return accident_hospital_benefit(sum_insured, (facts.discharged_at.date() - facts.admitted_at.date()).days)
    raise AccidentBenefitNotAssessed(f"{facts.kind} facts do not decide a benefit of {tariff} {cover_code}")
