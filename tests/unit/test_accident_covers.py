"""An accident policy may name its insured person and covers; they are checked against the handbook's
tables (23 UO, chapter 6: "(3 Sú)", "(1/4 Sú)", "(1/1000 Sú)" cap a cover at a multiple of the
accidental-death sum; income limits for bodily injury and incapacity, 11.3) and kept as cover records."""

from datetime import date
from decimal import Decimal

import pytest

from domain.policy_covers import AccidentCoverNeedsSum, AccidentInsuresOnePerson
from domain.premium_periods import Frequency
from domain.products.errors import (
    CompulsoryCoverMissing,
    IncomeBasedLimitExceeded,
    RelativeSumCapExceeded,
    StartDateOutOfRange,
)
from tests.unit.test_risk_group import ACCIDENT_23UO, accident

PETR = {"id": "P1", "kind": "adult", "name": "Petr Svoboda", "birth_date": date(1980, 4, 2)}


def cover(code: str, amount: str) -> dict:
    return {"insured_id": "P1", "cover": code, "sum_insured": Decimal(amount)}


def insured_accident(covers: list, insured: list | None = None, **overrides):
    return accident(**{"insured": [PETR] if insured is None else insured, "covers": covers,
                       "concluded_on": date(2025, 12, 20), **overrides})


def test_covers_are_kept_with_their_sums() -> None:
    policy = insured_accident([cover("accidental_death", "500000"), cover("permanent_consequences", "1500000"),
                               cover("hospital_stay", "500")], risk_group=2)
    assert policy.covers_on(date(2026, 3, 1)) == {"P1/accidental_death/0": Decimal("500000"),
                                                  "P1/permanent_consequences/0": Decimal("1500000"),
                                                  "P1/hospital_stay/0": Decimal("500")}


@pytest.mark.parametrize("covers, insured, overrides, error", [
    ([cover("accidental_death", "500000"), cover("permanent_consequences", "1500001")], None, {},
     RelativeSumCapExceeded),  # more than 3 x 500 000
    ([cover("accidental_death", "500000"), cover("hospital_stay", "501")], None, {}, RelativeSumCapExceeded),
    ([cover("permanent_consequences", "100000")], None, {}, CompulsoryCoverMissing),  # death is the basic risk
    ([cover("accidental_death", "500000"), cover("incapacity", "300")], None, {}, IncomeBasedLimitExceeded),
    ([cover("accidental_death", "500000")], [PETR, {**PETR, "id": "P2"}], {}, AccidentInsuresOnePerson),
    ([{"insured_id": "P1", "cover": "accidental_death"}], None, {}, AccidentCoverNeedsSum),
    ([cover("accidental_death", "500000")], None, {"concluded_on": date(2026, 1, 1)}, StartDateOutOfRange),
])
def test_the_handbook_refuses_what_it_does_not_offer(covers, insured, overrides, error) -> None:
    with pytest.raises(error):
        insured_accident(covers, insured, **overrides)


def test_without_records_an_accident_policy_still_issues() -> None:
    assert accident(product=ACCIDENT_23UO, frequency=Frequency.YEARLY).covers_on(date(2026, 3, 1)) == {}
