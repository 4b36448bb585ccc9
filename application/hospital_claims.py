"""Hospital claims: the adult's and the child's hospital covers and the newborn's post-natal stay.

Seed: flexi-risk-life-precontract.txt, Produktový list, "Dospělý – Pojištění hospitalizace" and "Dítě –
Pojištění hospitalizace – úraz nebo nemoc" (the rules are cited in ``domain/benefits/hospital.py``). The
newborn's stay "bezprostředně navazuje na porod" is paid "pouze jednou z pojištění hospitalizace matky":
the mother's claim has the birth as its event, which the policy registers once per cover.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from application.commands import HospitalFacts
from domain.benefits.hospital import (
    HospitalStay,
    adult_hospital_benefit,
    child_hospital_benefit,
    postnatal_complications_benefit,
)
from domain.benefits.result import BenefitResult
from domain.errors import DomainError

ADULT_HOSPITAL_COVERS = frozenset({"hospitalisation_accident", "hospitalisation_accident_or_illness"})
CHILD_HOSPITAL_COVER = "child_hospitalisation"
HOSPITAL_COVERS = ADULT_HOSPITAL_COVERS | {CHILD_HOSPITAL_COVER}


class HospitalFactsDoNotFitCover(DomainError):
    rule = "hospital-facts-fit-the-cover"


def hospital_benefit(cover_code: str, daily_sum: Decimal, facts: HospitalFacts, insured_born_on: date,
                     event_date: date) -> BenefitResult:
    stay = HospitalStay(facts.admitted_at, facts.discharged_at)
    if facts.newborn_postnatal_complications:
        if facts.admitted_at.date() != event_date:
            raise HospitalFactsDoNotFitCover(
                f"the newborn's stay must follow the birth on {event_date} directly, "
                f"not start {facts.admitted_at:%Y-%m-%d}")
        return postnatal_complications_benefit(daily_sum, stay)
    if cover_code == CHILD_HOSPITAL_COVER:
        return child_hospital_benefit(daily_sum, stay, insured_born_on, facts.accompanied_by_legal_guardian)
    if facts.accompanied_by_legal_guardian:
        raise HospitalFactsDoNotFitCover("a guardian's company doubles the benefit of a child's hospital cover only")
    return adult_hospital_benefit(daily_sum, stay)
