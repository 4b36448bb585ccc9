"""FLEXI rizikové životní pojištění: the shape of its rules and of a proposal.

Rule values live in ``domain/products/data/flexi_2023_04.py``; validation is in ``flexi_validation.py``
and pricing in ``flexi_premium.py``.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from domain.premium_periods import Frequency
from domain.products.model import AgeLimits, SumBounds


class InsuredKind(Enum):
    ADULT = "adult"
    CHILD = "child"


class DecreaseKind(Enum):
    """Decreasing sum insured (Produktový list, "Klesající pojistná částka")."""

    LINEAR = "linear"
    ANNUITY = "annuity"


@dataclass(frozen=True)
class Decrease:
    """How a sum insured decreases each anniversary; ``annual_rate_percent`` only for the annuity kind."""

    kind: DecreaseKind
    annual_rate_percent: Decimal | None = None


@dataclass(frozen=True)
class CoverDefinition:
    """One cover of the product as the seed's product list describes it.

    ``ages`` is None for child covers that follow the product's child ages.
    ``waiting_period_months`` counts from the cover's start; when ``waiting_period_illness_only``
    it does not apply to an accident (the seed's "nevztahuje se na případy ... z důvodu úrazu").
    ``min_sum_when_alone`` is the higher minimum when no other cover is on the policy.
    ``derived_share_of`` = (cover code, share): the sum is that share of another cover's sum (in situ).
    ``accidents_only``: the cover insures the consequences of an accident ("– úraz"), not of an illness;
    a variant named "accident" (invalidity) does the same.
    """

    code: str
    name: str
    insured: InsuredKind
    ages: AgeLimits | None
    sums: SumBounds | None
    seed_section: str
    waiting_period_months: int = 0
    waiting_period_illness_only: bool = False
    decreasing: frozenset[DecreaseKind] = frozenset()
    individual_end: bool = False
    variants: tuple[str, ...] = ()
    min_sum_when_alone: Decimal | None = None
    derived_share_of: tuple[str, Decimal] | None = None
    accidents_only: bool = False


@dataclass(frozen=True)
class SharedSumCap:
    """Several covers of one insured whose sums together may not exceed ``maximum``."""

    covers: frozenset[str]
    maximum: Decimal
    seed_section: str


@dataclass(frozen=True)
class LoyaltyRules:
    """Slevy za věrnost (Výpočet pojistného)."""

    first_discount_from_year: int
    final_discount_years_before_end: int
    final_discount_min_term_years: int
    minimum_discount: Decimal
    final_years_min_monthly_premium: Decimal


@dataclass(frozen=True)
class ReserveRules:
    """The life reserve a level premium keeps ("Výpočet běžného pojistného")."""

    lowest_in_annual_premiums: Decimal  # never below minus this many annual premiums
    non_negative_from_year: int  # at the end of every month from the end of this policy year on
    end_floor: Decimal  # at the end of the term at least this ...
    end_floor_percent_of_annual_per_year: Decimal  # ... or this % of the annual premium times the term
    final_reduction_percent: Decimal  # the premium is then lowered by at most this % (end reserve not negative)
    loyalty_end_reserve_percent: Decimal  # the 8th-year discount leaves this % of the projected end reserve


@dataclass(frozen=True)
class FlexiRules:
    max_adults: int
    max_children: int
    adult_ages: AgeLimits
    child_ages: AgeLimits
    child_extended_exit_age: int
    min_term_years: int
    max_start_deferral_months: int
    minimum_premium: Mapping[Frequency, Decimal]
    operating_cost_per_month: Decimal
    monthly_payment_surcharge_per_month: Decimal
    distribution_cost_percent: Mapping[int, tuple[Decimal, ...]]
    """Row = contract term in years (the last row applies to longer terms); column = policy year 1..5."""
    annuity_decrease_percent: tuple[Decimal, Decimal]
    in_situ_min_serious_illness_sum: Decimal
    covers: Mapping[str, CoverDefinition]
    shared_caps: tuple[SharedSumCap, ...]
    loyalty: LoyaltyRules
    mortality_rates: tuple[tuple[int, int, Decimal], ...]
    """(age from, age to, annual q_x) bands for the basic death cover."""
    cover_rates: Mapping[str, tuple[tuple[int, int, Decimal], ...]]
    """Per cover: (age from, age to, annual s_x per 1 Kč of sum insured) bands."""
    reserve: ReserveRules


@dataclass(frozen=True)
class InsuredPerson:
    id: str
    kind: InsuredKind
    birth_date: date
    is_policyholder: bool = False


@dataclass(frozen=True)
class CoverSelection:
    """One chosen cover (or one part of it: a cover may carry a constant and a decreasing part)."""

    insured_id: str
    cover: str
    sum_insured: Decimal | None
    decrease: Decrease | None = None
    variant: str | None = None
    individual_end_age: int | None = None


@dataclass(frozen=True)
class FlexiProposal:
    signed_on: date
    start: date
    term_years: int
    frequency: Frequency
    insured: tuple[InsuredPerson, ...]
    covers: tuple[CoverSelection, ...]

    def person(self, insured_id: str) -> InsuredPerson:
        return next(p for p in self.insured if p.id == insured_id)

    def adults(self) -> tuple[InsuredPerson, ...]:
        return tuple(p for p in self.insured if p.kind is InsuredKind.ADULT)

    def children(self) -> tuple[InsuredPerson, ...]:
        return tuple(p for p in self.insured if p.kind is InsuredKind.CHILD)

    def covers_of(self, insured_id: str, cover: str) -> tuple[CoverSelection, ...]:
        return tuple(c for c in self.covers if c.insured_id == insured_id and c.cover == cover)


def total_sum(selections: tuple[CoverSelection, ...]) -> Decimal:
    """Constant plus decreasing part of one cover, at the start."""
    return sum((s.sum_insured or Decimal(0) for s in selections), Decimal(0))
