"""The two variants and their limits, as data (framework contract čl. II bod 2.3 and 2.4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

LOST_ELECTRONICS_OR_VALUABLE_ITEM_CAP = Decimal("10000.00")
# Veřejný příslib: double limits for unauthorised transactions for "pojistnou událost, která
# nastala nejdříve dne 1. 11. 2024".
DOUBLED_TRANSACTION_LIMITS_FROM = date(2024, 11, 1)


@dataclass(frozen=True)
class VariantLimits:
    payouts_per_calendar_year: int
    personal_items_aggregate: Decimal
    documents_contribution: Decimal
    cash_within_5_days_of_withdrawal: Decimal
    cash_within_12_hours_violent: Decimal
    cash_any: Decimal
    online_new_from_listed_countries: Decimal
    online_new_from_other_countries: Decimal
    online_used_goods: Decimal
    secured_transactions: Decimal


class Variant(Enum):
    PLUS = VariantLimits(
        payouts_per_calendar_year=2,
        personal_items_aggregate=Decimal("50000.00"),
        documents_contribution=Decimal("1000.00"),
        cash_within_5_days_of_withdrawal=Decimal("10000.00"),
        cash_within_12_hours_violent=Decimal("50000.00"),
        cash_any=Decimal("2000.00"),
        online_new_from_listed_countries=Decimal("50000.00"),
        online_new_from_other_countries=Decimal("5000.00"),
        online_used_goods=Decimal("5000.00"),
        secured_transactions=Decimal("100000.00"),
    )
    RODINA_PLUS = VariantLimits(
        payouts_per_calendar_year=4,
        personal_items_aggregate=Decimal("100000.00"),
        documents_contribution=Decimal("2000.00"),
        cash_within_5_days_of_withdrawal=Decimal("20000.00"),
        cash_within_12_hours_violent=Decimal("100000.00"),
        cash_any=Decimal("4000.00"),
        online_new_from_listed_countries=Decimal("100000.00"),
        online_new_from_other_countries=Decimal("10000.00"),
        online_used_goods=Decimal("10000.00"),
        secured_transactions=Decimal("200000.00"),
    )

    @property
    def limits(self) -> VariantLimits:
        return self.value

    def secured_transactions_limit(self, event_date: date) -> Decimal:
        """Contract čl. II 2.3: 100 000 / 200 000; doubled for events from 1. 11. 2024."""
        if event_date >= DOUBLED_TRANSACTION_LIMITS_FROM:
            return self.limits.secured_transactions * 2
        return self.limits.secured_transactions
