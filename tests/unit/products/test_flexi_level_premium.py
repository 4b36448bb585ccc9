"""FLEXI's level premium from the life-reserve projection ("Výpočet běžného pojistného"), worked by hand.

Jana, 40 on the 1 Jan 2026 start (born 1 Jan 1986), basic death 100 000 alone, paid yearly. The illustrative
mortality rate for 40-49 is 0.0022; operating costs 35 x 12 = 420 a year; distribution costs 12.5 % of the
premium in each year of a 3-year term (the seed's table, row 3). Risk premium = 0.0022 x (100 000 - reserve
before the instalment), in whole crowns."""

from datetime import date
from decimal import Decimal as D

import pytest

from domain.policy_covers import flexi_proposal
from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from domain.products.errors import TermOutOfRange
from domain.products.flexi_level_premium import level_premium
from domain.products.premium import LineKind

FLEXI = default_catalogue().version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))
JANA = [{"id": "A1", "kind": "adult", "birth_date": date(1986, 1, 1), "is_policyholder": True}]


def offer(years: int, frequency: Frequency, sum_insured: str = "100000"):
    return flexi_proposal(date(2026, 1, 1), date(2026 + years, 1, 1), date(2025, 12, 20), frequency, JANA,
                          [{"insured_id": "A1", "cover": "basic_death", "sum_insured": D(sum_insured)}])


def test_the_least_premium_keeping_the_end_reserve_then_lowered_by_3_percent() -> None:
    quoted = level_premium(FLEXI, offer(3, Frequency.YEARLY))
    # 3 773: distribution 471.6 -> 472.
    #   year 1: 3 773 - 220 - 420 - 472 = 2 661
    #   year 2: risk 0.0022 x 97 339 = 214.1 -> 214; 2 661 + 3 773 - 214 - 420 - 472 = 5 328
    #   year 3: risk 0.0022 x 94 672 = 208.3 -> 208; 5 328 + 3 773 - 208 - 420 - 472 = 8 001 >= 8 000
    # 3 772 ends at 7 998 (472 distribution, risks 214 and 208): below max(8 000; 2 % x 3 772 x 3).
    assert quoted.unreduced == D("3773")
    # Lowered by at most 3 %: 3 773 x 0.97 = 3 659.81 -> 3 660, whose end reserve stays positive:
    #   year 1: 3 660 - 220 - 420 - 458 (457.5 half up) = 2 562
    assert quoted.premium == D("3660")
    assert quoted.reserves[0] == D("2562")
    assert quoted.end_reserve > 0
    assert [(line.kind, line.amount) for line in quoted.first_year.lines] == [
        (LineKind.RISK, D("220")), (LineKind.OPERATING_COSTS, D("420")), (LineKind.DISTRIBUTION_COSTS, D("458")),
        (LineKind.RESERVE, D("2562"))]


def test_long_terms_keep_the_reserve_from_the_15th_year_and_project_the_loyalty_discounts() -> None:
    quoted = level_premium(FLEXI, offer(20, Frequency.MONTHLY, "1000000"))
    months = 12
    assert min(quoted.reserves[15 * months - 1:]) >= 0  # every month end from the end of the 15th year
    assert min(quoted.reserves) >= -2 * 12 * quoted.premium
    # 20 years: the end reserve is at least max(8 000; 2 % x 12 x 20 x unreduced premium), before the 3 %.
    assert quoted.unreduced * D("0.97") <= quoted.premium + 1 <= quoted.unreduced + 1
    # A term of 18 years or more also projects the final-years discount, to a nil end reserve.
    assert quoted.loyalty.final_years > 0


def test_a_three_year_term_has_no_loyalty_discount() -> None:
    quoted = level_premium(FLEXI, offer(3, Frequency.YEARLY))
    assert (quoted.loyalty.from_eighth_year, quoted.loyalty.final_years) == (0, 0)


def test_an_invalid_offer_is_refused_by_the_product_rules() -> None:
    with pytest.raises(TermOutOfRange):
        level_premium(FLEXI, offer(2, Frequency.YEARLY))  # at least 3 years
