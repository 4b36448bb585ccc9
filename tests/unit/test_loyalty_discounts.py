"""Loyalty discounts ("Slevy za věrnost") start as events; the policy checks the seed's conditions.

A 20-year FLEXI policy from 1 Jan 2026, 500 monthly: the 8th year starts on 1 Jan 2033; the last
5 years (term >= 18) start on 1 Jan 2041; a discount is at least 30 Kč; the frequency's minimum
(300 monthly) holds after the 8th-year discount, 100 Kč a month after the final-years one.
"""

from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import (
    FinalYearsDiscountNeedsLongTerm,
    FinalYearsPremiumTooLow,
    LoyaltyDiscount,
    LoyaltyDiscountNotOffered,
    LoyaltyDiscountTooEarly,
    LoyaltyDiscountTooSmall,
    PremiumBelowMinimum,
)
from domain.premium_periods import Frequency
from tests.factories import metadata
from tests.unit.test_policy_collections import ACCIDENT_7UO, FLEXI, flexi

TODAY = date(2041, 6, 1)
EIGHTH, FINAL = LoyaltyDiscount.FROM_EIGHTH_YEAR, LoyaltyDiscount.FINAL_YEARS


def grant(policy, kind, amount: str, on: date, product=FLEXI) -> None:
    policy.grant_loyalty_discount(kind=kind, amount=Decimal(amount), effective_from=on, product=product,
                                  today=TODAY, meta=metadata())


@pytest.mark.parametrize("kind, amount, on, error", [
    (EIGHTH, "40", date(2032, 12, 1), LoyaltyDiscountTooEarly),     # still the 7th year
    (EIGHTH, "29.99", date(2033, 1, 1), LoyaltyDiscountTooSmall),   # below 30 Kč
    (EIGHTH, "201", date(2033, 1, 1), PremiumBelowMinimum),         # 299 < 300 monthly minimum
    (FINAL, "100", date(2040, 12, 1), LoyaltyDiscountTooEarly),     # the last 5 years start 1 Jan 2041
    (FINAL, "401", date(2041, 1, 1), FinalYearsPremiumTooLow),      # 99 < 100 a month
])
def test_conditions_refuse_with_their_rule(kind, amount, on, error) -> None:
    policy = flexi()
    with pytest.raises(error):
        grant(policy, kind, amount, on)
    assert policy.premium == Decimal("500.00") and len(policy.pending_events) == 1  # only Issued


def test_discounts_lower_the_instalments_from_their_day() -> None:
    policy = flexi()
    grant(policy, EIGHTH, "200", date(2033, 1, 1))                  # 300: exactly the minimum
    grant(policy, FINAL, "200", date(2041, 1, 1))                   # 100: exactly the final-years floor
    amounts = {i.due_date: i.amount for i in policy.schedule.instalments(date(2041, 2, 1))}
    assert (amounts[date(2032, 12, 1)], amounts[date(2033, 1, 1)], amounts[date(2041, 1, 1)]) == (
        Decimal("500.00"), Decimal("300.00"), Decimal("100.00"))
    granted = [e for e in policy.collect_events() if type(e).__name__ == "LoyaltyDiscountGranted"]
    assert [(e.kind, e.amount, e.premium) for e in granted] == [
        ("from_eighth_year", Decimal("200.00"), Decimal("300.00")), ("final_years", Decimal("200.00"), Decimal("100.00"))]


def test_final_years_discount_needs_a_term_of_18_years() -> None:
    policy = flexi(end_date=date(2043, 1, 1))  # 17 years
    with pytest.raises(FinalYearsDiscountNeedsLongTerm):
        grant(policy, FINAL, "50", date(2038, 1, 1))


def test_accident_insurance_has_no_loyalty_discount() -> None:
    policy = flexi(product=ACCIDENT_7UO, frequency=Frequency.YEARLY, premium=Decimal("777"), insured=[], covers=[],
                   end_date=date(2036, 1, 1))
    with pytest.raises(LoyaltyDiscountNotOffered):
        grant(policy, EIGHTH, "50", date(2033, 1, 1), product=ACCIDENT_7UO)
