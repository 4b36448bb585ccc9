"""Accident insurance: the risk group at issue, and its change "effective from the next premium due date
following the day the notice was delivered" (accident handbook 12.1.4)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.premium_periods import Frequency
from domain.products.errors import RiskGroupNotOffered
from tests.factories import metadata
from tests.unit.test_policy_collections import ACCIDENT_7UO, CATALOGUE, FLEXI, TODAY, flexi

ACCIDENT_23UO = CATALOGUE.version_in_force("ACCIDENT_23UO", date(2026, 1, 1))
ACCIDENT_53UD = CATALOGUE.version_in_force("ACCIDENT_53UD", date(2026, 1, 1))


def accident(product=ACCIDENT_23UO, **overrides):
    fields = dict(product=product, frequency=Frequency.QUARTERLY, premium=Decimal("450"), insured=[], covers=[],
                  end_date=date(2036, 1, 1))
    return flexi(**{**fields, **overrides})


def change(policy, group: int, notified_on: date, premium: str = "600", raised: bool = False, product=ACCIDENT_23UO):
    policy.change_risk_group(risk_group=group, raised_sports_risk=raised, notified_on=notified_on,
                             premium=Decimal(premium), product=product, today=TODAY, meta=metadata())


def test_accident_policies_keep_their_risk_group_default_one() -> None:
    assert accident().risk_group == 1 and accident(risk_group=3).risk_group == 3
    assert flexi().risk_group is None


@pytest.mark.parametrize("product, group, raised", [
    (ACCIDENT_23UO, 4, False), (ACCIDENT_7UO, 2, False), (ACCIDENT_53UD, 1, True), (FLEXI, 1, False)])
def test_a_risk_group_the_product_does_not_have_is_refused(product, group, raised) -> None:
    with pytest.raises(RiskGroupNotOffered):
        if product is FLEXI:
            flexi(risk_group=group)
        else:
            accident(product=product, risk_group=group, raised_sports_risk=raised,
                     **({"premium": Decimal("194")} if product is ACCIDENT_7UO else {}))


@pytest.mark.parametrize("notified_on, effective", [
    (date(2026, 2, 10), date(2026, 4, 1)),   # quarterly: the next due date after the notice
    (date(2026, 4, 1), date(2026, 7, 1)),    # notified on a due date: the one following it
])
def test_the_new_group_and_premium_apply_from_the_next_due_date(notified_on: date, effective: date) -> None:
    policy = accident()
    change(policy, 3, notified_on)
    changed = policy.collect_events()[-1]
    assert (changed.effective_from, changed.risk_group, policy.risk_group) == (effective, 3, 3)
    amounts = {i.due_date: i.amount for i in policy.schedule.instalments(date(2026, 10, 1))}
    assert amounts[effective] == Decimal("600.00")
    assert all(amount == Decimal("450.00") for due, amount in amounts.items() if due < effective)


def test_raised_sports_risk_where_offered() -> None:
    policy = accident()
    change(policy, 2, date(2026, 5, 5), raised=True)
    assert (policy.risk_group, policy.raised_sports_risk) == (2, True)
