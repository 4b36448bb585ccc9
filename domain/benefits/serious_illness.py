"""Serious illness and injury (vážné nemoci a úrazy) and the in-situ neoplasm rider."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from enum import Enum, IntEnum

from domain.benefits.covers import Cover
from domain.benefits.errors import (
    SeriousIllnessGroupEnded,
    SurvivalPeriodNotMet,
    UnknownSeriousIllnessGroup,
)
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.money import round_czk

SURVIVAL_PERIOD = timedelta(days=30)
IN_SITU_SHARE = Decimal("0.30")


class SeriousIllnessGroup(IntEnum):
    ORGAN_FAILURE = 1
    NERVOUS_SYSTEM = 2
    CARDIOVASCULAR = 3
    INFLAMMATIONS = 4
    NEOPLASMS = 5
    OTHER = 6


class SeriousIllnessVariant(Enum):
    BASIC = "basic"
    COMPLETE = "complete"


def serious_illness_benefit(
    variant: SeriousIllnessVariant,
    group: int,
    sum_insured: Decimal,
    confirmed_on: date,
    assessed_on: date,
    died_on: date | None = None,
    groups_already_paid: frozenset[int] = frozenset(),
) -> BenefitResult:
    """Pay 100 % of the sum insured if the insured survives 30 days; end the group or the cover.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Dospělý – Pojištění vážných nemocí
    a úrazů" and "Dítě – Pojištění vážných nemocí a úrazů": "vyplácíme sjednanou pojistnou
    částku za předpokladu přežití 30 dnů od data potvrzení diagnózy, případně od data provedení
    operačního nebo lékařského výkonu" (``confirmed_on``); basic variant: "k datu potvrzení
    diagnózy ... pojištění základní varianty zaniká"; complete variant: "končí pojištění
    skupiny, ve které jsou tato diagnóza či zákrok obsaženy", "maximálně šest pojistných
    událostí, které budou pokaždé z jiné skupiny" – with six groups, refusing a paid group is
    that limit – and "zánikem pojištění všech ... skupin zaniká pojištění kompletní varianty".
    In-situ ends with group 5 or with the whole cover ("Připojištění na novotvary in situ").
    Concurrent events in one group are one call, so they are paid once.
    """
    illness_group = _known_group(group)
    sum_insured = require_amount("sum_insured", sum_insured)
    groups_already_paid = frozenset(_known_group(paid) for paid in groups_already_paid)
    _require_survival(confirmed_on, assessed_on, died_on)
    line = BreakdownLine(
        f"100 % of sum insured, group {illness_group.value} {illness_group.name}", sum_insured
    )
    notes = ("the term may no longer be extended",)
    whole_cover_ends = frozenset({Cover.SERIOUS_ILLNESS, Cover.IN_SITU_NEOPLASM})
    if variant is SeriousIllnessVariant.BASIC:
        return BenefitResult(amount=sum_insured, breakdown=(line,), ends_covers=whole_cover_ends, notes=notes)
    if illness_group in groups_already_paid:
        raise SeriousIllnessGroupEnded(f"group {illness_group.value} has already been paid and ended")
    paid_after = groups_already_paid | {illness_group}
    if paid_after >= set(SeriousIllnessGroup):
        ends_covers = whole_cover_ends
    elif illness_group is SeriousIllnessGroup.NEOPLASMS:
        ends_covers = frozenset({Cover.IN_SITU_NEOPLASM})
    else:
        ends_covers = frozenset()
    return BenefitResult(
        amount=sum_insured,
        breakdown=(line,),
        ends_covers=ends_covers,
        ends_groups=frozenset({int(illness_group)}),
        notes=notes,
    )


def _known_group(group: int) -> SeriousIllnessGroup:
    try:
        return SeriousIllnessGroup(group)
    except ValueError:
        raise UnknownSeriousIllnessGroup(f"there are groups 1–6, not {group!r}") from None


def _require_survival(confirmed_on: date, assessed_on: date, died_on: date | None) -> None:
    """Alive at the end of the 30th day after ``confirmed_on``, so known only the day after."""
    survival_day = confirmed_on + SURVIVAL_PERIOD
    if died_on is not None and died_on <= survival_day:
        raise SurvivalPeriodNotMet(f"died {died_on}, before surviving 30 days after {confirmed_on}")
    if died_on is None and assessed_on <= survival_day:
        raise SurvivalPeriodNotMet(f"30 days after {confirmed_on} have not passed by {assessed_on}")


def in_situ_neoplasm_benefit(serious_illness_sum_insured: Decimal) -> BenefitResult:
    """Pay 30 % of the serious-illness sum insured; the rider ends.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Připojištění na novotvary in situ":
    "plnění vyplácíme ve výši 30 % z pojistné částky pro vážné nemoci a úrazy platné k datu
    vzniku pojistné události" and "zaniká: pojistnou událostí".
    """
    sum_insured = require_amount("serious_illness_sum_insured", serious_illness_sum_insured)
    payout = round_czk(sum_insured * IN_SITU_SHARE)
    return BenefitResult(
        amount=payout,
        breakdown=(BreakdownLine(f"30 % of serious-illness sum insured {sum_insured}", payout),),
        ends_covers=frozenset({Cover.IN_SITU_NEOPLASM}),
    )
