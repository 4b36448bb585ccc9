"""FLEXI premium ("Výpočet pojistného FLEXI rizikové životní pojištění"), numbers worked by hand.

Rates are the ILLUSTRATIVE tables (domain/products/data/illustrative_rates.py): q_x 0.0010 at 30-39 and
0.0022 at 40-49; serious illness 0.0015 at 30-39 and 0.0035 at 40-49 (per 1 Kč a year).
Insured A is born 15. 6. 1990, so 33 at the start 1. 1. 2024.
"""

from datetime import date
from decimal import Decimal

import pytest

from domain.premium_periods import Frequency
from domain.products.errors import PremiumBelowMinimum
from domain.products.flexi import Decrease, DecreaseKind
from domain.products.flexi_premium import (
    ProposedLoyaltyDiscounts,
    basic_death_risk_premiums,
    check_flexi_minimum_premium,
    distribution_cost_percent,
    quote_flexi,
)
from domain.products.premium import LineKind, check_minimum_premium
from tests.unit.products.builders import FLEXI, FLEXI_RULES, adult, cover, flexi

D = Decimal
DEATH_AND_ILLNESS = (cover("basic_death", "1000000"), cover("serious_illness", "1000000", variant="basic"))


def amounts(quote) -> dict[LineKind, Decimal]:
    return {kind: quote.total(kind) for kind in LineKind if quote.total(kind)}


def test_yearly_quote_breakdown():
    # death 0.0010 * 1 000 000 = 1 000; serious illness 0.0015 * 1 000 000 = 1 500
    # operating 35 * 12 = 420; distribution (term 10, year 1: 20 %) = (2 500 + 420) * 20 / 80 = 730
    quote = quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS))
    assert amounts(quote) == {LineKind.RISK: D("2500"), LineKind.OPERATING_COSTS: D("420"),
                              LineKind.DISTRIBUTION_COSTS: D("730")}
    assert [(line.cover, line.amount) for line in quote.lines if line.kind is LineKind.RISK] == [
        ("basic_death", D("1000")), ("serious_illness", D("1500"))]
    assert quote.per_instalment == quote.per_year == D("3650")


def test_monthly_quote_adds_10_kc_a_month_to_operating_costs():
    # death 1 000 000 * 0.0010 / 12 = 83.33 -> 83; illness 1 000 000 * 0.0015 / 12 = 125
    # operating 35 + 10 = 45; distribution (208 + 45) * 20 / 80 = 63.25 -> 63; total 316, a year 3 792
    quote = quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS, frequency=Frequency.MONTHLY))
    assert amounts(quote) == {LineKind.RISK: D("208"), LineKind.OPERATING_COSTS: D("45"),
                              LineKind.DISTRIBUTION_COSTS: D("63")}
    assert (quote.per_instalment, quote.per_year) == (D("316"), D("3792"))


def test_quote_below_the_minimum_premium_is_refused():
    # basic death only, monthly: 83 + 45 + (128 * 20 / 80 = 32) = 160 < 300
    quote = quote_flexi(FLEXI, flexi(frequency=Frequency.MONTHLY))
    assert quote.per_instalment == D("160")
    with pytest.raises(PremiumBelowMinimum) as refusal:
        check_flexi_minimum_premium(FLEXI_RULES, quote)
    assert refusal.value.rule == "minimum-regular-premium"


def test_quote_at_the_minimum_is_accepted():
    check_flexi_minimum_premium(FLEXI_RULES, quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS)))  # 3 650 >= 3 600


@pytest.mark.parametrize(
    "frequency, instalment, accepted",
    [
        (Frequency.MONTHLY, "299", False), (Frequency.MONTHLY, "300", True),
        (Frequency.QUARTERLY, "899", False), (Frequency.QUARTERLY, "900", True),
        (Frequency.HALF_YEARLY, "1799.99", False), (Frequency.HALF_YEARLY, "1800", True),
        (Frequency.YEARLY, "3599", False), (Frequency.YEARLY, "3600", True),
    ],
)
def test_minimum_regular_premium_300_900_1800_3600(frequency, instalment, accepted):
    if accepted:
        check_minimum_premium(FLEXI_RULES.minimum_premium, frequency, D(instalment))
    else:
        with pytest.raises(PremiumBelowMinimum):
            check_minimum_premium(FLEXI_RULES.minimum_premium, frequency, D(instalment))


def test_basic_death_formula_for_one_insured_deducts_the_reserve():
    # RP = q * t/365 * max{0; PČ - REZ} = 0.001 * 1 * (1 000 000 - 200 000) = 800
    assert basic_death_risk_premiums(D("1000000"), (D("0.001"),), D(1), D("200000")) == (D("800.000"),)
    assert basic_death_risk_premiums(D("1000000"), (D("0.001"),), D(1), D("1200000")) == (D("0"),)


def test_basic_death_formula_for_a_pair_splits_the_joint_risk_by_q():
    # RP1 = PČ q1 (1 - q2) + q1/(q1+q2) q1 q2 (PČ + PČ) = 998 + 1/3 * 4 = 999.33
    # RP2 = PČ q2 (1 - q1) + q2/(q1+q2) q1 q2 (2 PČ)   = 1 998 + 2/3 * 4 = 2 000.67; together 3 000
    first, second = basic_death_risk_premiums(D("1000000"), (D("0.001"), D("0.002")), D(1))
    assert (round(first, 2), round(second, 2)) == (D("999.33"), D("2000.67"))
    assert first + second == D("3000")


def test_pair_quote_uses_the_joint_formula():
    # A 33 (q 0.0010), B 45 (q 0.0022): RP1 = 997.8 + 0.3125 * 4.4 = 999.175 -> 999;
    # RP2 = 2 197.8 + 0.6875 * 4.4 = 2 200.825 -> 2 201
    pair = (adult("A"), adult("B", born=date(1979, 1, 1), policyholder=False))
    quote = quote_flexi(FLEXI, flexi(cover("basic_death", "1000000"), cover("basic_death", "1000000", "B"),
                                     insured=pair))
    assert [(line.insured_id, line.amount) for line in quote.lines if line.kind is LineKind.RISK] == [
        ("A", D("999")), ("B", D("2201"))]


@pytest.mark.parametrize(
    "term, year, percent",
    [(3, 1, "12.5"), (3, 3, "12.5"), (10, 5, "20"), (10, 6, "0"), (20, 1, "38"), (35, 5, "38"), (35, 6, "0")],
)
def test_distribution_costs_by_term_in_the_first_five_years(term, year, percent):
    # "Distribuční náklady ... v max. prvních pěti letech"; row "20 a více" applies to longer terms
    assert distribution_cost_percent(FLEXI_RULES, term, year) == D(percent)


def test_decreasing_sum_is_priced_at_the_sum_of_the_policy_year():
    # linear 300 000 over 3 years -> 200 000 in year 2; A is 34 then: 0.0010 * 200 000 = 200
    proposal = flexi(cover("basic_death", "1000000"),
                     cover("supplementary_death", "300000", decrease=Decrease(DecreaseKind.LINEAR)), term_years=3)
    quote = quote_flexi(FLEXI, proposal, policy_year=2)
    assert [line.amount for line in quote.lines if line.cover == "supplementary_death"] == [D("200")]


def test_in_situ_is_priced_on_30_percent_of_serious_illness():
    # in situ sum 0.30 * 100 000 = 30 000; illustrative rate 0.0020 -> 60
    proposal = flexi(cover("basic_death", "1000000"), cover("serious_illness", "100000", variant="basic"),
                     cover("in_situ", None))
    quote = quote_flexi(FLEXI, proposal)
    assert [line.amount for line in quote.lines if line.cover == "in_situ"] == [D("60")]


def test_a_cover_stops_at_its_exit_age():
    # A aged 60; serious illness exits at 70, so it runs 10 of the 15 years
    proposal = flexi(cover("basic_death", "1000000"), cover("serious_illness", "100000", variant="basic"),
                     insured=(adult(born=date(1963, 6, 15)),), term_years=15)
    covers_in = lambda year: {line.cover for line in quote_flexi(FLEXI, proposal, policy_year=year).lines}  # noqa: E731
    assert "serious_illness" in covers_in(10)
    assert "serious_illness" not in covers_in(11)


# Year 8 and 16 of a 20-year yearly contract: A is 40 and 48 (q 0.0022, illness 0.0035):
# 2 200 + 3 500 + 420 operating, no distribution costs after year 5 = 6 120.
@pytest.mark.parametrize(
    "term, year, proposed, expected",
    [
        (20, 8, ProposedLoyaltyDiscounts(from_eighth_year=D("29")), "6120"),  # under 30 Kč: not granted
        (20, 8, ProposedLoyaltyDiscounts(from_eighth_year=D("30")), "6090"),
        # before the 8th year: A is 39, 0.0010 * 1 000 000 + 0.0015 * 1 000 000 + 420 = 2 920, no discount
        (20, 7, ProposedLoyaltyDiscounts(from_eighth_year=D("30")), "2920"),
        (20, 16, ProposedLoyaltyDiscounts(final_years=D("500")), "5620"),     # years 16-20 are the last five
        (20, 15, ProposedLoyaltyDiscounts(final_years=D("500")), "6120"),
    ],
)
def test_loyalty_discounts(term, year, proposed, expected):
    quote = quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS, term_years=term), policy_year=year, loyalty=proposed)
    assert quote.per_instalment == D(expected)


def test_final_years_discount_only_for_terms_of_18_years_or_more():
    quote = quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS, term_years=17), policy_year=13,
                        loyalty=ProposedLoyaltyDiscounts(final_years=D("500")))
    assert quote.total(LineKind.LOYALTY_DISCOUNT) == 0


def test_final_years_discount_keeps_the_monthly_premium_at_100():
    # monthly in year 16: 2 200 / 12 = 183.33 -> 183; 3 500 / 12 = 291.67 -> 292; operating 45: 520.
    # Proposed 450 would leave 70 < 100, so 420 is granted. The minimum premium (300) ignores this discount.
    quote = quote_flexi(FLEXI, flexi(*DEATH_AND_ILLNESS, term_years=20, frequency=Frequency.MONTHLY),
                        policy_year=16, loyalty=ProposedLoyaltyDiscounts(final_years=D("450")))
    assert quote.total(LineKind.FINAL_YEARS_LOYALTY_DISCOUNT) == D("-420")
    assert quote.per_instalment == D("100")
    check_flexi_minimum_premium(FLEXI_RULES, quote)
