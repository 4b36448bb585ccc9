"""Pojištění osobních věcí a karet (seeds/personal-belongings-and-cards.txt).

Two versions: the framework contract no. 7720894995 as amended by dodatek č. 5 (effective 1. 1. 2022), and
the insurer's public promise ("Veřejný příslib") that doubles the unauthorised-transaction limits for events
from 1. 11. 2024. The monthly fees 99 / 159 Kč are from the brochure ("Měsíční poplatek je 99 Kč pro
variantu Plus a 159 Kč pro variantu Rodina Plus"); the seed does not date them, so both versions carry them.
"""

from datetime import date
from decimal import Decimal as D
from types import MappingProxyType

from domain.payment_methods import PaymentMethod
from domain.products.belongings import BelongingsRules, BelongingsVariant, VariantTerms
from domain.products.model import LifecycleTerms, ProductLine, ProductVersion

SOURCE = "seeds/personal-belongings-and-cards.txt (pojistná smlouva č. 7720894995, čl. II 2.3-2.5, čl. V)"


# (Plus, Rodina Plus) limits per peril, art. II 2.3 and the brochure's table.
_LIMITS = {
    "cash_theft_within_5_days_of_withdrawal": ("10000", "20000"),
    "cash_theft_within_12_hours_under_violence": ("50000", "100000"),
    "cash_theft_any_source": ("2000", "4000"),
    "online_purchase_new_from_listed_countries": ("50000", "100000"),
    "online_purchase_new_from_other_countries": ("5000", "10000"),
    "online_purchase_used_goods": ("5000", "10000"),
    "personal_belongings_aggregate_per_event": ("50000", "100000"),
    "lost_electronics_or_valuables_per_item": ("10000", "10000"),
}


def _limits(column: int, unauthorised_transactions: str) -> MappingProxyType:
    limits = {peril: D(pair[column]) for peril, pair in _LIMITS.items()}
    return MappingProxyType({"unauthorised_transactions": D(unauthorised_transactions), **limits})


def _rules(plus_transactions: str, family_transactions: str) -> BelongingsRules:
    return BelongingsRules(
        variants=MappingProxyType({
            BelongingsVariant.PLUS: VariantTerms(D("99"), False, 2, D("1000"), _limits(0, plus_transactions)),
            BelongingsVariant.FAMILY_PLUS: VariantTerms(D("159"), True, 4, D("2000"),
                                                        _limits(1, family_transactions)),
        }),
        main_insured_min_age=18,
        child_member_until_age=18,
        electronics_max_age_years=5,
    )


# Group cover: ends by notice with 6 weeks' warning, account closed or blocked, or death.
BELONGINGS_LIFECYCLE = LifecycleTerms(
    line=ProductLine.NON_LIFE, withdrawal_days=14, withdrawal_only_at_distance=True,
    surrender_allowed=False, reduction_allowed=False, notice_weeks=6, premium_changes_allowed=False,
    collected_by_direct_debit=True,  # 5.2.5: "účtu, ze kterého je poplatek za pojištění inkasován"
    payment_methods=frozenset({PaymentMethod.DIRECT_DEBIT}),
)
BELONGINGS_2022_01 = ProductVersion(
    "BELONGINGS_CARDS", "7720894995-D5", date(2022, 1, 1), "Pojištění osobních věcí a karet", SOURCE,
    _rules("100000", "200000"),
    BELONGINGS_LIFECYCLE,
)
BELONGINGS_2024_11 = ProductVersion(
    "BELONGINGS_CARDS", "7720894995-D5-VP2024", date(2024, 11, 1), "Pojištění osobních věcí a karet",
    SOURCE + "; Veřejný příslib zvýšení limitu pojistného plnění (události od 1. 11. 2024)",
    _rules("200000", "400000"),
    BELONGINGS_LIFECYCLE,
)
