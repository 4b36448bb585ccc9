"""Value types shared by all product lines: ages, sum-insured bounds, product versions."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from domain.dunning import DunningTerms
from domain.errors import DomainError
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency


class ReductionNotAllowed(DomainError):
    rule = "reduction-instead-of-lapse-needs-reduction"


class SumUnit(Enum):
    """What a sum insured measures: a lump sum, a daily benefit or a monthly annuity."""

    LUMP_SUM = "Kč"
    PER_DAY = "Kč/den"
    PER_MONTH = "Kč/měsíc"


@dataclass(frozen=True)
class AgeLimits:
    """Entry age in completed years at the start; exit age is the age reached in the year the cover ends."""

    entry_min: int
    entry_max: int
    exit_max: int


@dataclass(frozen=True)
class SumBounds:
    minimum: Decimal
    maximum: Decimal | None
    unit: SumUnit = SumUnit.LUMP_SUM


@dataclass(frozen=True)
class ProductVersion:
    """One effective-dated version of a product; a policy keeps the version it was sold under.

    ``rules`` holds the product line's own frozen rule object (FlexiRules, AccidentRules, BelongingsRules).
    """

    code: str
    version: str
    effective_from: date
    name: str
    source: str
    rules: Any
    lifecycle: "LifecycleTerms"


class ProductLine(Enum):
    LIFE = "life"
    NON_LIFE = "non_life"


@dataclass(frozen=True)
class LifecycleTerms:
    """How a policy of this product may change and end (flexi-risk-life-precontract.txt, sections 9-11;
    accident-insurance-handbook.txt, sections 7-8; personal-belongings-and-cards.txt, termination)."""

    line: ProductLine
    # Withdrawal without giving a reason: 30 days for life, 14 days for non-life concluded at a distance.
    withdrawal_days: int
    withdrawal_only_at_distance: bool
    # "Nárok na odkupné nemáte ... rizikové pojištění": pure risk products have no surrender value.
    surrender_allowed: bool
    reduction_allowed: bool
    notice_weeks: int
    # "U úrazových pojištění nelze provádět změny rizik": premium may change only with the frequency.
    premium_changes_allowed: bool
    minimum_premium: Mapping[Frequency, Decimal] | None = None
    # A fixed tariff (7 UO: 777 / 389 / 194, never monthly): the premium is the frequency's.
    fixed_premium: Mapping[Frequency, Decimal] | None = None
    # The road to lapse for unpaid premium; None when the premium is collected by direct debit.
    dunning: DunningTerms | None = None
    # The group cover's fee is collected from the client's account on each due date ("inkasován").
    collected_by_direct_debit: bool = False
    payment_methods: frozenset[PaymentMethod] = frozenset(PaymentMethod)
    # Methods not accepted for a monthly premium (accident: a payment order).
    payment_methods_not_monthly: frozenset[PaymentMethod] = frozenset()

    def __post_init__(self) -> None:
        if self.dunning is not None and self.dunning.reduction_instead_of_lapse and not self.reduction_allowed:
            raise ReductionNotAllowed("a product without reduction cannot threaten reduction in its reminders")
