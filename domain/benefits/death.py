"""Death, accidental death and the terminal-illness advance on the supplementary death cover."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.benefits.covers import Cover
from domain.benefits.errors import InvalidPeriod, TerminalIllnessOutsideCoveredPeriod
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.benefits.traffic_accident import traffic_accident_extra
from domain.dates import add_years
from domain.money import round_czk

TERMINAL_ILLNESS_ADVANCE_SHARE = Decimal("0.60")
TERMINAL_ILLNESS_EXCLUDED_YEARS = 2


def death_benefit(
    sum_insured_at_death: Decimal,
    cover: Cover = Cover.BASIC_DEATH,
    terminal_advance_paid: Decimal = Decimal(0),
) -> BenefitResult:
    """Pay the sum insured valid on the day of death, less a terminal-illness advance paid.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Základní pojištění smrti" and
    "Doplňkové pojištění smrti": "vyplatíme ... pojistnou částku platnou ke dni úmrtí"; under
    "Terminální stadium onemocnění": "při následném úmrtí pojištěného ... vyplatíme obmyšlené
    osobě aktuální pojistnou částku sníženou o již vyplacenou zálohu".
    """
    sum_insured = require_amount("sum_insured_at_death", sum_insured_at_death)
    advance = require_amount("terminal_advance_paid", terminal_advance_paid)
    lines = [BreakdownLine("sum insured on the day of death", sum_insured)]
    if advance:
        lines.append(BreakdownLine("terminal-illness advance already paid", -min(advance, sum_insured)))
    payout = max(sum_insured - advance, Decimal(0))
    return BenefitResult(amount=payout, breakdown=tuple(lines), ends_covers=frozenset({cover}))


def accidental_death_benefit(
    sum_insured_at_death: Decimal,
    sum_insured_at_injury: Decimal,
    traffic_accident: bool,
) -> BenefitResult:
    """Pay the sum insured; a traffic accident doubles the one valid at the injury, +1 000 000 at most.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění smrti následkem úrazu":
    "v případě smrti úrazem vyplatíme pojistnou částku platnou k datu úmrtí" and "pokud pojištěný
    zemře následkem úrazu způsobeného při dopravní nehodě, vyplácíme dvojnásobek pojistné částky
    platné k datu vzniku úrazu (maximálně 1 000 000 Kč navíc)".
    """
    at_death = require_amount("sum_insured_at_death", sum_insured_at_death)
    at_injury = require_amount("sum_insured_at_injury", sum_insured_at_injury)
    if traffic_accident:
        lines = (
            BreakdownLine("sum insured on the day of the injury", at_injury),
            traffic_accident_extra(at_injury),
        )
    else:
        lines = (BreakdownLine("sum insured on the day of death", at_death),)
    return BenefitResult(
        amount=sum(line.amount for line in lines),
        breakdown=lines,
        ends_covers=frozenset({Cover.ACCIDENTAL_DEATH}),
    )


def terminal_illness_advance(
    supplementary_death_sum_insured: Decimal,
    prognosis_confirmed_on: date,
    cover_starts_on: date,
    cover_ends_on: date,
    sum_insured_before_recent_increase: Decimal | None = None,
) -> BenefitResult:
    """Advance 60 % of the supplementary death sum insured on a confirmed terminal prognosis.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Terminální stadium onemocnění":
    "vyplácíme zálohu ve výši 60 % z pojistné částky sjednané pro doplňkové pojištění smrti";
    nothing is paid "a) do dvou let ode dne počátku pojištění anebo b) kratším dvou let před
    koncem doby trvání tohoto pojištění"; if the sum was raised in the two years before the
    prognosis, "vyplatíme příslušné procento z pojistné částky platné před jejím zvýšením" –
    pass that earlier sum as ``sum_insured_before_recent_increase``. The cover itself continues.
    """
    sum_insured = require_amount("supplementary_death_sum_insured", supplementary_death_sum_insured)
    if cover_ends_on <= cover_starts_on:
        raise InvalidPeriod(f"cover ends {cover_ends_on} before it starts {cover_starts_on}")
    first_covered_day = add_years(cover_starts_on, TERMINAL_ILLNESS_EXCLUDED_YEARS)
    last_covered_day = add_years(cover_ends_on, -TERMINAL_ILLNESS_EXCLUDED_YEARS)
    if not first_covered_day <= prognosis_confirmed_on <= last_covered_day:
        raise TerminalIllnessOutsideCoveredPeriod(
            f"prognosis of {prognosis_confirmed_on} is outside {first_covered_day}–{last_covered_day}"
        )
    base = sum_insured
    description = "60 % of the supplementary death sum insured"
    if sum_insured_before_recent_increase is not None:
        base = require_amount("sum_insured_before_recent_increase", sum_insured_before_recent_increase)
        description += " valid before its increase in the last two years"
    payout = round_czk(base * TERMINAL_ILLNESS_ADVANCE_SHARE)
    return BenefitResult(
        amount=payout,
        breakdown=(BreakdownLine(f"{description} ({base})", payout),),
        notes=("the sum insured may no longer be raised nor the term extended",),
    )
