"""FLEXI covers: each cover's limits and the dependency rules between covers, refused by rule name.

Seed: flexi-risk-life-precontract.txt, Produktový list, "Vlastnosti základních druhů pojištění osob" and
"Možnosti dalšího připojištění – doplňková a úrazová složka".
"""

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.products.flexi import Decrease, DecreaseKind
from domain.products.flexi_validation import validate_cover_selection
from tests.unit.products.builders import FLEXI_RULES, adult, child, cover, flexi

BASIC = cover("basic_death", "1000000")
PAIR = (adult("A", born=date(1990, 6, 15)), adult("B", born=date(1985, 2, 1), policyholder=False))
LINEAR = Decrease(DecreaseKind.LINEAR)


def annuity(rate: str) -> Decrease:
    return Decrease(DecreaseKind.ANNUITY, Decimal(rate))


def refusal_rule(proposal) -> str | None:
    try:
        validate_cover_selection(FLEXI_RULES, proposal)
    except DomainError as error:
        return error.rule
    return None


CASES = [
    # --- basic death: compulsory, 10 000 with other covers, 100 000 alone, equal for both adults
    ("basic death alone at 100 000", flexi(cover("basic_death", "100000")), None),
    ("basic death alone at 99 999", flexi(cover("basic_death", "99999")), "sum-insured-range"),
    ("basic death 10 000 with another cover",
     flexi(cover("basic_death", "10000"), cover("accidental_death", "10000")), None),
    ("basic death 9 999 with another cover",
     flexi(cover("basic_death", "9999"), cover("accidental_death", "10000")), "sum-insured-range"),
    ("adult without basic death", flexi(cover("accidental_death", "100000")), "basic-death-compulsory"),
    ("pair with equal basic death sums",
     flexi(BASIC, cover("basic_death", "1000000", "B"), insured=PAIR), None),
    ("pair with different basic death sums",
     flexi(BASIC, cover("basic_death", "900000", "B"), insured=PAIR), "equal-basic-death-sums"),
    ("basic death cannot decrease",
     flexi(cover("basic_death", "1000000", decrease=LINEAR)), "decreasing-sum-not-offered"),
    # --- per-cover limits
    ("accidental death at its max 10 000 000", flexi(BASIC, cover("accidental_death", "10000000")), None),
    ("accidental death above max", flexi(BASIC, cover("accidental_death", "10000001")), "sum-insured-range"),
    ("serious illness needs a variant", flexi(BASIC, cover("serious_illness", "100000")), "cover-variant"),
    ("child cover on an adult", flexi(BASIC, cover("child_death", "10000")), "cover-not-offered"),
    ("child death at its max 110 000",
     flexi(BASIC, cover("child_death", "110000", "C"), insured=(adult(), child())), None),
    ("child death above 110 000",
     flexi(BASIC, cover("child_death", "110001", "C"), insured=(adult(), child())), "sum-insured-range"),
    ("premium waiver carries no sum", flexi(BASIC, cover("premium_waiver", "1000")), "sum-insured-range"),
    # --- decreasing sums: linear or annuity 0.50-20.00 %, one constant and one decreasing part at most
    ("constant plus linear supplementary death",
     flexi(BASIC, cover("supplementary_death", "500000"), cover("supplementary_death", "500000", decrease=LINEAR)),
     None),
    ("two decreasing parts of one cover",
     flexi(BASIC, cover("supplementary_death", "500000", decrease=LINEAR),
           cover("supplementary_death", "500000", decrease=annuity("5"))), "one-constant-and-one-decreasing-part"),
    ("annuity at 0.50 %", flexi(BASIC, cover("supplementary_death", "500000", decrease=annuity("0.50"))), None),
    ("annuity at 20.00 %", flexi(BASIC, cover("supplementary_death", "500000", decrease=annuity("20.00"))), None),
    ("annuity at 0.49 %", flexi(BASIC, cover("supplementary_death", "500000", decrease=annuity("0.49"))),
     "annuity-decrease-rate"),
    ("annuity at 20.01 %", flexi(BASIC, cover("supplementary_death", "500000", decrease=annuity("20.01"))),
     "annuity-decrease-rate"),
    # --- combined caps: DO8 + DO29 at most 3 000 Kč/day
    ("DO8 + DO29 = 3 000",
     flexi(BASIC, cover("daily_allowance_do8", "2000"), cover("daily_allowance_do29", "1000")), None),
    ("DO8 + DO29 = 3 001",
     flexi(BASIC, cover("daily_allowance_do8", "2000"), cover("daily_allowance_do29", "1001")), "combined-sum-cap"),
    # --- in situ: only with serious illness, 30 % of it, so serious illness at least 34 000
    ("in situ without serious illness", flexi(BASIC, cover("in_situ", None)), "in-situ-requires-serious-illness"),
    ("in situ with serious illness 34 000 (30 % = 10 200)",
     flexi(BASIC, cover("serious_illness", "34000", variant="basic"), cover("in_situ", None)), None),
    ("in situ with serious illness 33 999",
     flexi(BASIC, cover("serious_illness", "33999", variant="basic"), cover("in_situ", None)),
     "in-situ-minimum-serious-illness-sum"),
    ("in situ stated as 12 000 with serious illness 40 000",
     flexi(BASIC, cover("serious_illness", "40000", variant="basic"), cover("in_situ", "12000")), None),
    ("in situ stated as 10 000 with serious illness 40 000",
     flexi(BASIC, cover("serious_illness", "40000", variant="basic"), cover("in_situ", "10000")),
     "in-situ-thirty-percent"),
    ("child in situ follows the same rule",
     flexi(BASIC, cover("child_serious_illness", "30000", "C"), cover("child_in_situ", None, "C"),
           insured=(adult(), child())), "in-situ-minimum-serious-illness-sum"),
    # --- invalidity: a lower degree needs the next higher one, with a sum not above it
    ("invalidity 3, 2, 1 descending",
     flexi(BASIC, cover("invalidity_3", "500000", variant="accident_or_illness"),
           cover("invalidity_2", "500000", variant="accident_or_illness"),
           cover("invalidity_1", "200000", variant="accident_or_illness")), None),
    ("invalidity 2 without 3",
     flexi(BASIC, cover("invalidity_2", "500000", variant="accident")), "invalidity-degree-ladder"),
    ("invalidity 1 with 3 but without 2",
     flexi(BASIC, cover("invalidity_3", "500000", variant="accident"),
           cover("invalidity_1", "100000", variant="accident")), "invalidity-degree-ladder"),
    ("invalidity 2 above invalidity 3",
     flexi(BASIC, cover("invalidity_3", "500000", variant="accident"),
           cover("invalidity_2", "500001", variant="accident")), "invalidity-degree-sum-ladder"),
    # --- survivor's pension: only for a pair with the same sum and term
    ("survivor's pension for both adults alike",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("survivor_pension", "20000"),
           cover("survivor_pension", "20000", "B"), insured=PAIR), None),
    ("survivor's pension for one adult of a pair",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("survivor_pension", "20000"), insured=PAIR),
     "survivor-pension-pair"),
    ("survivor's pension for a single adult", flexi(BASIC, cover("survivor_pension", "20000")),
     "survivor-pension-pair"),
    ("survivor's pension sums differ",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("survivor_pension", "20000"),
           cover("survivor_pension", "25000", "B"), insured=PAIR), "survivor-pension-pair"),
    ("survivor's pension individual end in different years",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("survivor_pension", "20000", individual_end_age=60),
           cover("survivor_pension", "20000", "B", individual_end_age=60), insured=PAIR), "survivor-pension-pair"),
    ("survivor's pension ending the same year (1990+60 = 1985+65)",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("survivor_pension", "20000", individual_end_age=60),
           cover("survivor_pension", "20000", "B", individual_end_age=65), insured=PAIR), None),
    # --- credit bundle: death + invalidity 3 compulsory, equal sums, annuity-decreasing
    ("credit bundle complete",
     flexi(BASIC, cover("credit_death", "2000000", decrease=annuity("5")),
           cover("credit_invalidity_3", "2000000", decrease=annuity("5")),
           cover("credit_invalidity_2_1", "2000000", decrease=annuity("5")), cover("credit_incapacity", "500")), None),
    ("credit bundle without invalidity 3",
     flexi(BASIC, cover("credit_death", "2000000", decrease=annuity("5"))), "credit-bundle-compulsory-parts"),
    ("credit bundle with only the optional incapacity",
     flexi(BASIC, cover("credit_incapacity", "500")), "credit-bundle-compulsory-parts"),
    ("credit bundle sums differ",
     flexi(BASIC, cover("credit_death", "2000000", decrease=annuity("5")),
           cover("credit_invalidity_3", "1500000", decrease=annuity("5"))), "credit-bundle-equal-sums"),
    ("credit bundle with constant sums",
     flexi(BASIC, cover("credit_death", "2000000"), cover("credit_invalidity_3", "2000000")),
     "credit-bundle-annuity-decreasing"),
    # --- services and waiver
    ("MAJÁK for one adult", flexi(BASIC, cover("basic_death", "1000000", "B"), cover("majak", None),
                                  insured=PAIR), None),
    ("MAJÁK for both adults", flexi(BASIC, cover("basic_death", "1000000", "B"), cover("majak", None),
                                    cover("majak", None, "B"), insured=PAIR), "service-for-one-adult-only"),
    ("premium waiver for the policyholder", flexi(BASIC, cover("premium_waiver", None)), None),
    ("premium waiver for an insured who is not the policyholder",
     flexi(BASIC, cover("basic_death", "1000000", "B"), cover("premium_waiver", None, "B"), insured=PAIR),
     "waiver-insured-is-policyholder"),
    # --- cover entry ages and individual end
    ("serious illness at 65 (entry 18-65)",
     flexi(BASIC, cover("serious_illness", "100000", variant="basic"), insured=(adult(born=date(1958, 6, 15)),)),
     None),
    ("serious illness at 66",
     flexi(BASIC, cover("serious_illness", "100000", variant="basic"), insured=(adult(born=date(1957, 6, 15)),)),
     "entry-age"),
    ("child nursing from 2 years", flexi(BASIC, cover("child_nursing", "100", "C"),
                                         insured=(adult(), child(born=date(2022, 1, 1)))), None),
    ("child nursing under 2 years", flexi(BASIC, cover("child_nursing", "100", "C"),
                                          insured=(adult(), child(born=date(2022, 1, 2)))), "entry-age"),
    ("individual end at 70 on serious illness (exit 70)",
     flexi(BASIC, cover("serious_illness", "100000", variant="basic", individual_end_age=70)), None),
    ("individual end at 71 on serious illness",
     flexi(BASIC, cover("serious_illness", "100000", variant="basic", individual_end_age=71)), "individual-end"),
    ("individual end on a cover that has none", flexi(BASIC, cover("majak", None, individual_end_age=60)),
     "individual-end"),
]


@pytest.mark.parametrize("proposal, expected_rule", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cover_selection(proposal, expected_rule):
    assert refusal_rule(proposal) == expected_rule
