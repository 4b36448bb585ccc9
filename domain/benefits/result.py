"""What a calculator returns: the amount, how it was reached, and what the payout ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from domain.benefits.covers import Cover


@dataclass(frozen=True)
class BreakdownLine:
    description: str
    amount: Decimal


@dataclass(frozen=True)
class BenefitResult:
    """``amount`` is the payout in CZK; ``ends_*`` and ``notes`` tell the policy what changes."""

    amount: Decimal
    breakdown: tuple[BreakdownLine, ...]
    ends_covers: frozenset[Cover] = field(default_factory=frozenset)
    ends_groups: frozenset[int] = field(default_factory=frozenset)
    ends_degrees: frozenset[int] = field(default_factory=frozenset)
    notes: tuple[str, ...] = ()
