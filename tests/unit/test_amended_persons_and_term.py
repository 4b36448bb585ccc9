"""Technical changes of who is insured and of the term (FLEXI), from the amendment's effective date.

Jana (A1) born 28 Oct 1973, policy 1 Jan 2026 - 1 Jan 2046, 500 000 basic death. Children enter at
0-17, adults at 18-75; the term is whole years, at least 3, and the younger adult is at most 85 in
its last year (the year of the day before the end).
"""

from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import EndDateInvalid, PersonsChangeNeedsCovers
from domain.policy_covers import CoverChangeNotSupported, TermNotWholeYears
from domain.premium_periods import Frequency
from domain.products.errors import EntryAgeOutOfRange, ExitAgeExceeded, InsuredCountOutOfRange, TermOutOfRange
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, metadata
from tests.unit.test_policy_lifecycle import BASIC, FLEXI, SUPPLEMENTARY, TODAY, policy

JANA = FLEXI_INSURED[0]
BABY = {"id": "C1", "kind": "child", "name": "Ema", "birth_date": date(2027, 3, 1)}
BABY_COVER = {"insured_id": "C1", "cover": "child_death", "sum_insured": Decimal("50000")}


def amend(p, requested_on=date(2027, 6, 10), covers=None, insured=None, end_date=None) -> None:
    p.agree_amendment(amendment_number=p.amendments + 1, requested_on=requested_on, effective_from=None,
                      premium=Decimal("540.00"), frequency=Frequency.MONTHLY, product=FLEXI, today=TODAY,
                      meta=metadata(), covers=covers, insured=insured, end_date=end_date)


def test_a_newborn_joins_from_the_first_of_the_next_month() -> None:
    p = policy()
    p.collect_events()
    amend(p, covers=[*FLEXI_COVERS, BABY_COVER], insured=[JANA, BABY])
    [agreed] = p.collect_events()
    assert [person["id"] for person in agreed.insured] == ["A1", "C1"]
    assert "C1/child_death/0" not in p.covers_on(date(2027, 6, 30))
    assert p.covers_on(date(2027, 7, 1))["C1/child_death/0"] == Decimal("50000")


def test_a_person_leaves_with_their_covers() -> None:
    p = policy()
    amend(p, covers=[*FLEXI_COVERS, BABY_COVER], insured=[JANA, BABY])
    amend(p, requested_on=date(2028, 2, 3), covers=FLEXI_COVERS, insured=[JANA])
    assert [person["id"] for person in p.insured] == ["A1"]
    assert "C1/child_death/0" in p.covers_on(date(2028, 2, 29))
    assert "C1/child_death/0" not in p.covers_on(date(2028, 3, 1))


@pytest.mark.parametrize(("insured", "covers", "error"), [
    ([JANA, {**BABY, "birth_date": date(2009, 6, 30)}], [*FLEXI_COVERS, BABY_COVER], EntryAgeOutOfRange),  # 18 on 1 Jul 2027
    ([JANA, BABY], None, PersonsChangeNeedsCovers),
    ([BABY], [BABY_COVER], InsuredCountOutOfRange),  # no adult left
])
def test_a_refused_change_of_persons_records_nothing(insured, covers, error) -> None:
    p = policy()
    p.collect_events()
    with pytest.raises(error):
        amend(p, covers=covers, insured=insured)
    assert p.collect_events() == [] and p.insured == FLEXI_INSURED


def test_the_term_is_extended_and_billing_follows_it() -> None:
    p = policy()
    amend(p, end_date=date(2050, 1, 1))  # Jana is 76 in 2049
    assert (p.end_date, p.schedule.end_date) == (date(2050, 1, 1), date(2050, 1, 1))
    assert p.schedule.instalments(date(2049, 12, 1))[-1].due_date == date(2049, 12, 1)


@pytest.mark.parametrize(("end_date", "error"), [
    (date(2060, 1, 1), ExitAgeExceeded),   # 86 in 2059
    (date(2028, 1, 1), TermOutOfRange),    # 2 years
    (date(2050, 6, 1), TermNotWholeYears),
    (date(2027, 7, 1), EndDateInvalid),    # not after the effective date
])
def test_a_refused_term_change_records_nothing(end_date, error) -> None:
    p = policy()
    p.collect_events()
    with pytest.raises(error):
        amend(p, end_date=end_date)
    assert p.collect_events() == [] and p.end_date == date(2046, 1, 1)


def test_the_term_of_a_decreasing_cover_does_not_change() -> None:
    p = policy(end_date=date(2036, 1, 1), covers=[BASIC, SUPPLEMENTARY])
    with pytest.raises(CoverChangeNotSupported):
        amend(p, end_date=date(2040, 1, 1))
