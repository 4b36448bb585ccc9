"""Accident 7 UO / 23 UO / 53 UD (seeds/accident-insurance-handbook.txt), numbers worked by hand.

23 UO ILLUSTRATIVE rates, risk group 1 standard: accidental death 0.0006, permanent consequences 0.0010 per
1 Kč a year; group 3 raised sports risk multiplies by 2.2 * 1.4.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.premium_periods import Frequency
from domain.products.accident import AccidentProposal, cover_end, validate_accident_proposal
from domain.products.accident_premium import quote_accident
from domain.products.premium import LineKind
from tests.unit.products.builders import CATALOGUE

D = Decimal
UO7 = CATALOGUE.get("ACCIDENT_7UO", "2016-12")
UO23 = CATALOGUE.get("ACCIDENT_23UO", "2016-12")
UD53 = CATALOGUE.get("ACCIDENT_53UD", "2016-12")

SIGNED, START = date(2024, 1, 1), date(2024, 1, 2)
ADULT_BORN = date(1990, 6, 15)
SEVEN_UO_COVERS = {"accidental_death": D("100000"), "permanent_consequences": D("200000"), "bodily_injury": D("25000")}


def proposal(covers, frequency=Frequency.YEARLY, born=ADULT_BORN, term=10, **options) -> AccidentProposal:
    return AccidentProposal(SIGNED, START, frequency, born, {k: D(v) for k, v in covers.items()}, term, **options)


def refusal_rule(rules, candidate) -> str | None:
    try:
        validate_accident_proposal(rules, candidate)
    except DomainError as error:
        return error.rule
    return None


@pytest.mark.parametrize(
    "frequency, instalment, per_year",
    [(Frequency.YEARLY, "777", "777"), (Frequency.HALF_YEARLY, "389", "778"), (Frequency.QUARTERLY, "194", "776")],
)
def test_7uo_fixed_premium(frequency, instalment, per_year):
    # chapter 7: "777 Kč při roční, 389 Kč při pololetní, 194 Kč při čtvrtletní frekvenci placení"
    quote = quote_accident(UO7, proposal(SEVEN_UO_COVERS, frequency))
    assert (quote.per_instalment, quote.per_year) == (D(instalment), D(per_year))


def test_7uo_is_never_paid_monthly():
    assert refusal_rule(UO7.rules, proposal(SEVEN_UO_COVERS, Frequency.MONTHLY)) == "frequency-not-offered"


@pytest.mark.parametrize(
    "covers, expected_rule",
    [
        ({**SEVEN_UO_COVERS, "bodily_injury": "25000"}, None),
        ({"accidental_death": "100000", "permanent_consequences": "200000"}, "compulsory-cover"),
        ({**SEVEN_UO_COVERS, "accidental_death": "150000"}, "sum-insured-range"),  # the sums are fixed
    ],
)
def test_7uo_insures_all_three_covers_at_fixed_sums(covers, expected_rule):
    assert refusal_rule(UO7.rules, proposal(covers)) == expected_rule


CASES_23UO = [
    ("death alone", {"accidental_death": "100000"}, {}, None),
    ("death below 20 000", {"accidental_death": "19999"}, {}, "sum-insured-range"),
    ("without death", {"permanent_consequences": "100000"}, {}, "compulsory-cover"),
    ("permanent consequences with and without progression",
     {"accidental_death": "100000", "permanent_consequences": "100000",
      "permanent_consequences_progressive": "100000"}, {}, "covers-exclude-each-other"),
    ("bodily injury without permanent consequences",
     {"accidental_death": "100000", "bodily_injury": "20000"}, {"monthly_income": D("30000")},
     "cover-requires-another"),
    ("bodily injury with incapacity",
     {"accidental_death": "100000", "permanent_consequences": "100000", "bodily_injury": "20000",
      "incapacity": "100"}, {"monthly_income": D("30000")}, "covers-exclude-each-other"),
    # "(3 Sú)": permanent consequences at most 3 x accidental death
    ("permanent consequences 300 000 with death 100 000",
     {"accidental_death": "100000", "permanent_consequences": "300000"}, {}, None),
    ("permanent consequences 300 001 with death 100 000",
     {"accidental_death": "100000", "permanent_consequences": "300001"}, {}, "relative-sum-cap"),
    # "(1/1000 Sú)": 100 Kč/day with death 100 000
    ("incapacity 100 Kč/day with death 100 000",
     {"accidental_death": "100000", "incapacity": "100"}, {"monthly_income": D("30000")}, None),
    ("incapacity 101 Kč/day with death 100 000",
     {"accidental_death": "100000", "incapacity": "101"}, {"monthly_income": D("30000")}, "relative-sum-cap"),
    # 11.3 income limits: income up to 15 000 -> bodily injury 250 000, incapacity 500; 30 001-35 000 -> 600
    ("bodily injury 250 000 at income 15 000",
     {"accidental_death": "1000000", "permanent_consequences": "1000000", "bodily_injury": "250000"},
     {"monthly_income": D("15000")}, None),
    ("bodily injury 250 001 at income 15 000",
     {"accidental_death": "2000000", "permanent_consequences": "1000000", "bodily_injury": "250001"},
     {"monthly_income": D("15000")}, "income-based-limit"),
    ("bodily injury 300 000 at income 15 001",
     {"accidental_death": "2000000", "permanent_consequences": "1000000", "bodily_injury": "300000"},
     {"monthly_income": D("15001")}, None),
    ("incapacity 600 at income 30 000",
     {"accidental_death": "1000000", "incapacity": "600"}, {"monthly_income": D("30000")}, "income-based-limit"),
    ("incapacity 600 at income 30 001",
     {"accidental_death": "1000000", "incapacity": "600"}, {"monthly_income": D("30001")}, None),
    ("incapacity without a documented income",
     {"accidental_death": "1000000", "incapacity": "100"}, {}, "income-based-limit"),
    ("risk group 4", {"accidental_death": "100000"}, {"risk_group": 4}, "risk-group"),
    ("risk group 3 with raised sports risk", {"accidental_death": "100000"},
     {"risk_group": 3, "raised_sports_risk": True}, None),
]


@pytest.mark.parametrize("covers, options, expected_rule", [c[1:] for c in CASES_23UO], ids=[c[0] for c in CASES_23UO])
def test_23uo_cover_rules(covers, options, expected_rule):
    assert refusal_rule(UO23.rules, proposal(covers, **options)) == expected_rule


@pytest.mark.parametrize(
    "born, term, expected_rule",
    [
        (date(2009, 1, 2), 10, None),               # 15 at the start 2. 1. 2024
        (date(2009, 1, 3), 10, "entry-age"),        # 14
        (date(1953, 1, 2), 10, "entry-age"),        # 71 on the start date
        (date(1953, 1, 3), 10, None),               # 70, ends 1. 1. 2034, the year of 81
        (date(1953, 1, 3), 16, "exit-age"),         # ends 1. 1. 2040, the year of 87 -> beyond 85
        (date(1990, 6, 15), 70, "exit-age"),        # 70 years would reach 104
        (date(1990, 6, 15), 71, "term-range"),      # term 1-70 years
        (date(1990, 6, 15), 0, "term-range"),
    ],
)
def test_23uo_ages_and_term(born, term, expected_rule):
    # entry 15-70, "Koncový věk 85", "Pojistná doba 1 rok - 70 let"
    assert refusal_rule(UO23.rules, proposal({"accidental_death": "100000"}, born=born, term=term)) == expected_rule


def test_accident_cover_starts_the_day_after_signing_at_the_earliest():
    same_day = replace(proposal({"accidental_death": "100000"}), start=SIGNED)
    assert refusal_rule(UO23.rules, same_day) == "start-date"


@pytest.mark.parametrize(
    "frequency, risk, discount, instalment",
    [
        # death 0.0006 * 100 000 = 60, permanent 0.0010 * 200 000 = 200: 260 a year, 7 % = 18.20 -> 18
        (Frequency.YEARLY, "260", "-18", "242"),
        # half-yearly 30 + 100 = 130, 5 % = 6.50 -> 7 (half up)
        (Frequency.HALF_YEARLY, "130", "-7", "123"),
        # quarterly 15 + 50 = 65, 3 % = 1.95 -> 2
        (Frequency.QUARTERLY, "65", "-2", "63"),
        # monthly 5 + 16.67 -> 17 = 22, 0 %: no discount line
        (Frequency.MONTHLY, "22", "0", "22"),
    ],
)
def test_23uo_premium_with_frequency_discount_7_5_3_0(frequency, risk, discount, instalment):
    quote = quote_accident(UO23, proposal({"accidental_death": "100000", "permanent_consequences": "200000"},
                                          frequency))
    assert quote.total(LineKind.RISK) == D(risk)
    assert quote.total(LineKind.FREQUENCY_DISCOUNT) == D(discount)
    assert quote.per_instalment == D(instalment)


def test_23uo_premium_rises_with_risk_group_and_sports_risk():
    # 0.0006 * 2.2 * 1.4 = 0.001848 * 100 000 = 184.80 -> 185; 7 % = 12.95 -> 13; 172
    quote = quote_accident(UO23, proposal({"accidental_death": "100000"}, risk_group=3, raised_sports_risk=True))
    assert quote.per_instalment == D("172")


@pytest.mark.parametrize(
    "born, expected_rule",
    [
        (date(2009, 6, 1), None),          # 14 at the start 2. 1. 2024
        (date(2009, 1, 2), "entry-age"),   # 15
        (date(2024, 1, 1), None),          # one day old
        (date(2024, 1, 2), "entry-age"),   # born on the start date
    ],
)
def test_53ud_entry_from_one_day_to_14_years(born, expected_rule):
    child = proposal({"permanent_consequences": "100000"}, born=born, term=None)
    assert refusal_rule(UD53.rules, child) == expected_rule


def test_53ud_ends_the_day_before_the_anniversary_in_the_year_the_child_reaches_15():
    # born 10. 3. 2015, start 2. 1. 2024: reaches 15 in 2030 -> ends 1. 1. 2030
    child = proposal({"permanent_consequences": "100000"}, born=date(2015, 3, 10), term=None)
    assert cover_end(UD53.rules, child) == date(2030, 1, 1)


@pytest.mark.parametrize(
    "covers, options, expected_rule",
    [
        ({"hospital_stay": "50"}, {}, "compulsory-cover"),
        # "(1/2000 TN)": 1 000 Kč/day needs 2 000 000; "(1/5 TN)" bodily injury
        ({"permanent_consequences": "2000000", "hospital_stay": "1000"}, {}, None),
        ({"permanent_consequences": "1000000", "hospital_stay": "501"}, {}, "relative-sum-cap"),
        ({"permanent_consequences_progressive": "100000", "bodily_injury": "20000"}, {"monthly_income": D("40000")},
         None),
        ({"permanent_consequences_progressive": "100000", "bodily_injury": "20001"}, {"monthly_income": D("40000")},
         "relative-sum-cap"),
        ({"permanent_consequences": "100000"}, {"risk_group": 2, "raised_sports_risk": True}, "risk-group"),
    ],
)
def test_53ud_cover_rules(covers, options, expected_rule):
    child = proposal(covers, born=date(2015, 3, 10), term=None, **options)
    assert refusal_rule(UD53.rules, child) == expected_rule
