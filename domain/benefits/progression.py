"""Progression tables for permanent consequences of injury, encoded as data.

Seed: flexi-risk-life-precontract.txt, Produktový list, "Pojištění trvalých následků úrazu":
the assessed percentage of damage is paid from a multiple of the sum insured that grows with
the percentage ("od 0,5 % ... do 25 % včetně – z jednonásobku pojistné částky, nad 25 % do 50 %
včetně – z dvojnásobku ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


@dataclass(frozen=True)
class ProgressionBand:
    """Damage up to ``up_to_percent`` inclusive is paid from ``multiple`` × the sum insured."""

    up_to_percent: Decimal
    multiple: int


FOUR_FOLD = (
    ProgressionBand(Decimal("25"), 1),
    ProgressionBand(Decimal("50"), 2),
    ProgressionBand(Decimal("75"), 3),
    ProgressionBand(Decimal("100"), 4),
)

TEN_FOLD_PLUS = (
    ProgressionBand(Decimal("20"), 1),
    ProgressionBand(Decimal("30"), 2),
    ProgressionBand(Decimal("40"), 3),
    ProgressionBand(Decimal("50"), 4),
    ProgressionBand(Decimal("60"), 5),
    ProgressionBand(Decimal("70"), 6),
    ProgressionBand(Decimal("80"), 7),
    ProgressionBand(Decimal("90"), 8),
    ProgressionBand(Decimal("99.99"), 9),
    ProgressionBand(Decimal("100"), 10),
)


class Progression(Enum):
    FOUR_FOLD = FOUR_FOLD
    TEN_FOLD_PLUS = TEN_FOLD_PLUS


def multiple_for(damage_percent: Decimal, progression: Progression) -> int:
    """The multiple of the sum insured that ``damage_percent`` (0–100) is paid from."""
    return next(band.multiple for band in progression.value if damage_percent <= band.up_to_percent)
