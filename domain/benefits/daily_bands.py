"""Daily benefits paid at a multiple of the daily sum that rises from a given day, as data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.benefits.result import BreakdownLine


@dataclass(frozen=True)
class DayBand:
    """From day ``from_day`` (1-based, inclusive) the daily sum is paid ``multiple`` times."""

    from_day: int
    multiple: int


FLAT = (DayBand(1, 1),)

# flexi-risk-life-precontract.txt, "Pojištění denního odškodného – úraz": "od 85. dne léčení
# úrazu vyplácíme dvojnásobek sjednané částky, od 183. dne ... trojnásobek".
DAILY_ALLOWANCE_PROGRESSION = (DayBand(1, 1), DayBand(85, 2), DayBand(183, 3))


def pay_days(
    first_day: int, last_day: int, daily_sum: Decimal, bands: tuple[DayBand, ...]
) -> tuple[Decimal, tuple[BreakdownLine, ...]]:
    """Pay days ``first_day``..``last_day`` inclusive, each at its band's multiple of ``daily_sum``."""
    lines = []
    for index, band in enumerate(bands):
        band_end = bands[index + 1].from_day - 1 if index + 1 < len(bands) else last_day
        start, end = max(first_day, band.from_day), min(last_day, band_end)
        if start > end:
            continue
        days = end - start + 1
        line_amount = daily_sum * band.multiple * days
        lines.append(
            BreakdownLine(f"days {start}–{end}: {days} × {band.multiple} × {daily_sum}", line_amount)
        )
    return sum((line.amount for line in lines), Decimal(0)), tuple(lines)
