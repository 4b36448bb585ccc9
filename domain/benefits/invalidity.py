"""Invalidity (degrees 1–3) or long-term care: what is paid and which degrees the payout ends."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import IntEnum

from domain.benefits.errors import InvalidityDegreeNotInsured, UnknownInvalidityDegree
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.benefits.traffic_accident import traffic_accident_extra


class InvalidityDegree(IntEnum):
    """Degree 3 also stands for the care allowance, dependency II or higher ("dlouhodobá péče")."""

    FIRST = 1
    SECOND = 2
    THIRD_OR_LONG_TERM_CARE = 3


def invalidity_benefit(
    recognised_degree: int,
    sums_insured_by_degree: Mapping[int, Decimal],
    degrees_already_ended: frozenset[int] = frozenset(),
    traffic_accident: bool = False,
) -> BenefitResult:
    """Pay the recognised degree's sum insured; it ends that degree and every lower one.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Dospělý – Pojištění invalidity nebo
    dlouhodobé péče": "výplatou pojistného plnění zaniká pojištění daného stupně invalidity
    a zároveň pojištění nižšího stupně / nižších stupňů invalidity ...; pojištění vyššího
    stupně invalidity pokračuje dál"; "pokud se pojištěný stane následkem úrazu způsobeného při
    dopravní nehodě invalidním 3. stupně, nebo mu bude přiznán příspěvek na péči, vyplácíme
    dvojnásobek pojistné částky platné ke dni vzniku úrazu (maximálně 1 000 000 Kč navíc)".
    For a traffic accident pass the sums insured valid on the day of the injury.
    """
    degree = _known_degree(recognised_degree)
    ended = frozenset(_known_degree(ended_degree) for ended_degree in degrees_already_ended)
    if degree not in sums_insured_by_degree or degree in ended:
        raise InvalidityDegreeNotInsured(f"degree {degree.value} is not insured or has ended")
    sum_insured = require_amount(f"sum insured for degree {degree.value}", sums_insured_by_degree[degree])
    lines = [BreakdownLine(f"sum insured for invalidity degree {degree.value}", sum_insured)]
    if traffic_accident and degree is InvalidityDegree.THIRD_OR_LONG_TERM_CARE:
        lines.append(traffic_accident_extra(sum_insured))
    ends = (
        frozenset(
            int(lower) for lower in InvalidityDegree if lower <= degree and lower in sums_insured_by_degree
        )
        - ended
    )
    return BenefitResult(amount=sum(line.amount for line in lines), breakdown=tuple(lines), ends_degrees=ends)


def _known_degree(degree: int) -> InvalidityDegree:
    try:
        return InvalidityDegree(degree)
    except ValueError:
        raise UnknownInvalidityDegree(f"invalidity degrees are 1–3, not {degree!r}") from None
