"""A premium quote with its breakdown, and the rules shared by all product lines' pricing."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from domain.money import HALER
from domain.premium_periods import Frequency
from domain.products.errors import PremiumBelowMinimum


class LineKind(Enum):
    RISK = "risk premium"
    FIXED_TARIFF = "fixed tariff"
    FEE = "fee"
    OPERATING_COSTS = "operating costs"
    DISTRIBUTION_COSTS = "distribution costs"
    LOYALTY_DISCOUNT = "loyalty discount"
    FINAL_YEARS_LOYALTY_DISCOUNT = "loyalty discount in the final years"
    FREQUENCY_DISCOUNT = "frequency discount"
    RESERVE = "to the life reserve"  # FLEXI's level premium: what an instalment leaves after its costs


@dataclass(frozen=True)
class PremiumLine:
    """One component of the instalment; discounts are negative."""

    kind: LineKind
    label: str
    amount: Decimal
    insured_id: str | None = None
    cover: str | None = None


@dataclass(frozen=True)
class PremiumQuote:
    product_code: str
    product_version: str
    frequency: Frequency
    lines: tuple[PremiumLine, ...]

    @property
    def per_instalment(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def per_year(self) -> Decimal:
        return self.per_instalment * self.frequency.instalments_per_year

    def total(self, kind: LineKind) -> Decimal:
        return sum((line.amount for line in self.lines if line.kind is kind), Decimal("0.00"))


def whole_czk(amount: Decimal) -> Decimal:
    """Round to whole crowns, half up (FLEXI: "Rizikové pojistné je zaokrouhleno na celé číslo")."""
    return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP).quantize(HALER)


def check_minimum_premium(minimum_premium: Mapping[Frequency, Decimal], frequency: Frequency,
                          per_instalment: Decimal) -> None:
    """Refuse a regular premium below the product's minimum for its frequency."""
    minimum = minimum_premium[frequency]
    if per_instalment < minimum:
        raise PremiumBelowMinimum(
            f"premium {per_instalment} paid {frequency.name.lower()} is below the minimum {minimum}"
        )
