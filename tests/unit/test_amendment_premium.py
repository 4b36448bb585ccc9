"""An amendment without a premium has it recomputed from the product's formula (FLEXI) or tariff (7 UO)
for what is insured from its effective date, in that policy year, and not below the minimum.

Jana (born 28 Oct 1973), FLEXI 1 Jan 2026 - 1 Jan 2046, monthly. In policy year 10 (from 1 Jan 2035)
the distribution costs are no longer charged (38 % in each of the first 5 years of a 20-year term); with the
ILLUSTRATIVE rates, 2 000 000 basic death costs 2 333 risk + 45 operating (35 a month + 10 for paying
monthly) = 2 378 a month, where the first year's instalment was 933 + 45 + 599 distribution = 1 577.
"""

from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import PremiumRequired
from domain.premium_periods import Frequency
from domain.products.errors import PremiumBelowMinimum
from tests.factories import metadata
from tests.unit.test_policy_collections import ACCIDENT_7UO, CATALOGUE, FLEXI, flexi

TODAY = date(2035, 6, 1)


def amend(policy, requested_on: date, frequency=Frequency.MONTHLY, covers=None, product=FLEXI) -> None:
    policy.agree_amendment(amendment_number=policy.amendments + 1, requested_on=requested_on, effective_from=None,
                           premium=None, frequency=frequency, product=product, today=TODAY, meta=metadata(),
                           covers=covers)


def basic(amount: str) -> list:
    return [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal(amount)}]


def test_the_premium_of_the_new_covers_in_the_policy_year_of_the_change() -> None:
    policy = flexi()
    amend(policy, date(2034, 12, 10), covers=basic("2000000"))  # from 1 Jan 2035: policy year 10
    assert policy.terms_on(date(2035, 1, 1)).premium == Decimal("2378.00")
    assert policy.terms_on(date(2034, 12, 31)).premium == Decimal("500.00")


def test_a_recomputed_premium_below_the_minimum_is_refused() -> None:
    policy = flexi()
    with pytest.raises(PremiumBelowMinimum):  # 100 000 alone: 117 + 45 = 162 < 300 a month
        amend(policy, date(2034, 12, 10), covers=basic("100000"))
    assert policy.amendments == 0


def test_seven_uo_takes_its_tariff_and_other_accident_tariffs_state_the_premium() -> None:
    yearly = flexi(product=ACCIDENT_7UO, frequency=Frequency.YEARLY, premium=Decimal("777"), insured=[], covers=[],
                   end_date=date(2036, 1, 1))
    amend(yearly, date(2026, 5, 20), frequency=Frequency.HALF_YEARLY, product=ACCIDENT_7UO)
    assert yearly.terms_on(date(2027, 1, 1)).premium == Decimal("389.00")
    accident = CATALOGUE.version_in_force("ACCIDENT_23UO", date(2026, 1, 1))
    other = flexi(product=accident, frequency=Frequency.QUARTERLY, premium=Decimal("450"), insured=[], covers=[],
                  end_date=date(2036, 1, 1))
    with pytest.raises(PremiumRequired):
        amend(other, date(2026, 5, 20), frequency=Frequency.YEARLY, product=accident)
