"""Daily allowance for injury (denní odškodné) DO8 / DO29, optionally with progression."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from domain.benefits.daily_bands import DAILY_ALLOWANCE_PROGRESSION, FLAT, pay_days
from domain.benefits.errors import HealingTooShort
from domain.benefits.inputs import require_amount, require_day_count
from domain.benefits.result import BenefitResult

MAXIMUM_PAID_DAYS = 365


class DailyAllowanceVariant(Enum):
    """Minimum healing period per the valuation table: "DO8" 8 days, "DO29" 29 days."""

    DO8 = 8
    DO29 = 29


def daily_allowance_benefit(
    variant: DailyAllowanceVariant,
    daily_sum: Decimal,
    healing_days: int,
    table_maximum_days: int,
    with_progression: bool,
) -> BenefitResult:
    """Pay every healing day from the first, at most the table's maximum and 365 days.

    Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění denního odškodného – úraz
    (doba léčení 8 a/nebo 29 dní)" (adult) and "Dítě – Pojištění denního odškodného – úraz":
    "pokud je doba léčení dle Oceňovací tabulky max. plnění denního odškodného alespoň 8 dnů,
    vyplatíme pojistné plnění za každý den léčení úrazu od prvního dne ... a to maximálně za
    365 dnů"; with progression "od 85. dne ... dvojnásobek, od 183. dne ... trojnásobek".
    ``healing_days`` is the actual healing period, ``table_maximum_days`` the valuation table's
    maximum for the diagnosis; the table decides the variant's minimum and caps the days paid.
    """
    daily_sum = require_amount("daily_sum", daily_sum)
    healing_days = require_day_count("healing_days", healing_days)
    table_maximum_days = require_day_count("table_maximum_days", table_maximum_days)
    if table_maximum_days < variant.value:
        raise HealingTooShort(
            f"{variant.name} needs a table healing period of {variant.value} days,"
            f" the diagnosis has {table_maximum_days}"
        )
    paid_days = min(healing_days, table_maximum_days, MAXIMUM_PAID_DAYS)
    bands = DAILY_ALLOWANCE_PROGRESSION if with_progression else FLAT
    total, lines = pay_days(1, paid_days, daily_sum, bands)
    return BenefitResult(amount=total, breakdown=lines)
