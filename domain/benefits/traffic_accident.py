"""Traffic-accident doubling shared by accidental death and invalidity 3 / long-term care."""

from __future__ import annotations

from decimal import Decimal

from domain.benefits.result import BreakdownLine

TRAFFIC_ACCIDENT_EXTRA_CAP = Decimal("1000000.00")


def traffic_accident_extra(sum_insured_at_injury: Decimal) -> BreakdownLine:
    """The second sum insured a traffic accident adds, at most 1 000 000 Kč.

    Seed: flexi-risk-life-precontract.txt, Produktový list: "vyplácíme dvojnásobek pojistné
    částky platné k datu vzniku úrazu (maximálně 1 000 000 Kč navíc)"; for invalidity the cap
    "platí i pro součet konstantní a klesající pojistné částky", so pass their sum.
    """
    extra = min(sum_insured_at_injury, TRAFFIC_ACCIDENT_EXTRA_CAP)
    description = "traffic accident: sum insured paid twice"
    if extra < sum_insured_at_injury:
        description += f", extra capped at {TRAFFIC_ACCIDENT_EXTRA_CAP}"
    return BreakdownLine(description, extra)
