"""The preliminary cover's lines topped up in the seed's order (flexi-risk-life-precontract.txt)."""

from decimal import Decimal as D

import pytest

from domain.claims.preliminary_cover import PreliminaryCoverExcludes, PreliminaryCoverExhausted, preliminary_sum

LIMITS = {"death": D("200000"), "invalidity_2": D("200000"), "hospital": D("500"), "child_death": D("50000")}
COVERS = {"A1/basic_death/0": D("150000"), "A1/supplementary_death/0": D("100000"), "A1/credit_death/0": D("80000"),
          "A2/basic_death/0": D("150000"), "A1/hospitalisation_accident/0": D("300"),
          "A1/hospitalisation_accident_or_illness/0": D("400"), "A1/invalidity_2/0": D("250000"),
          "A1/credit_invalidity_2_1/0": D("100000"), "C1/child_death/0": D("110000")}


@pytest.mark.parametrize("cover_key, sum_covered", [
    ("A1/basic_death/0", D("150000")),          # the first of its line: its sum, under the limit
    ("A1/supplementary_death/0", D("50000")),   # 200 000 - 150 000
    ("A2/basic_death/0", D("150000")),          # the other adult's line is his own
    ("A1/hospitalisation_accident_or_illness/0", D("200")),  # 500 - 300 a day
    ("A1/invalidity_2/0", D("200000")),         # capped at the limit
    ("C1/child_death/0", D("50000")),
])
def test_each_cover_insures_what_its_line_leaves(cover_key, sum_covered) -> None:
    assert preliminary_sum(cover_key, "accident", COVERS, LIMITS) == sum_covered


def test_a_cover_after_the_limit_is_taken_pays_nothing() -> None:
    with pytest.raises(PreliminaryCoverExhausted):  # basic 150 000 + supplementary 100 000 > 200 000
        preliminary_sum("A1/credit_death/0", "accident", COVERS, LIMITS)
    with pytest.raises(PreliminaryCoverExhausted):  # invalidity 2 alone takes the 200 000
        preliminary_sum("A1/credit_invalidity_2_1/0", "accident", COVERS, LIMITS)


@pytest.mark.parametrize("cover_key, cause", [
    ("A1/basic_death/0", "illness"),       # accidents only
    ("A1/serious_illness/0", "accident"),  # a cover the section does not name
    ("A1/supplementary_death/1", "accident"),  # not in force on the start date
])
def test_outside_the_preliminary_cover(cover_key, cause) -> None:
    with pytest.raises(PreliminaryCoverExcludes):
        preliminary_sum(cover_key, cause, COVERS, LIMITS)
