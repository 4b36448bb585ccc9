"""Joining the group belongings cover (framework contract): the account owner with a variant, its fee,
from the next calendar day, for an indefinite term; Rodina Plus insures the family the conditions define."""

from datetime import date
from decimal import Decimal

import pytest

from domain.policy_covers import BelongingsEnrolmentInvalid
from domain.products.errors import FamilyNotCoveredByVariant, MainInsuredUnderage, NotAFamilyMember
from tests.unit.test_policy_collections import BELONGINGS, flexi

OWNER = {"id": "M1", "kind": "adult", "name": "Tomáš Procházka", "birth_date": date(1990, 1, 1)}
SPOUSE = {"id": "F1", "kind": "adult", "name": "Eva", "birth_date": date(1991, 5, 5), "relation": "spouse",
          "shares_household": True}
CHILD = {"id": "F2", "kind": "child", "name": "Ema", "birth_date": date(2010, 3, 2), "relation": "child"}


def enrol(variant: str = "Rodina Plus", fee: str = "159", insured=None, **overrides):
    fields = dict(product=BELONGINGS, premium=Decimal(fee), start_date=date(2026, 3, 2), concluded_on=date(2026, 3, 1),
                  end_date=None, insured=[OWNER, SPOUSE, CHILD] if insured is None else insured,
                  covers=[{"insured_id": "M1", "cover": "personal_belongings_and_cards", "variant": variant}])
    return flexi(**{**fields, **overrides})


def test_family_plus_insures_the_household_for_159_a_month() -> None:
    policy = enrol()
    assert policy.premium == Decimal("159.00") and [p["id"] for p in policy.insured] == ["M1", "F1", "F2"]


@pytest.mark.parametrize("variant, fee, insured, overrides, error", [
    ("Plus", "99", None, {}, FamilyNotCoveredByVariant),                  # Plus: the main insured only
    ("Plus", "159", [OWNER], {}, BelongingsEnrolmentInvalid),              # Plus costs 99
    ("Rodina Plus", "159", None, {"start_date": date(2026, 3, 1)}, BelongingsEnrolmentInvalid),  # the next day
    ("Rodina Plus", "159", None, {"end_date": date(2030, 3, 2)}, BelongingsEnrolmentInvalid),    # indefinite
    ("Gold", "159", None, {}, BelongingsEnrolmentInvalid),
    ("Rodina Plus", "159", [OWNER, {**SPOUSE, "shares_household": False}], {}, NotAFamilyMember),
    ("Rodina Plus", "159", [OWNER, {**CHILD, "birth_date": date(2008, 3, 2)}], {}, NotAFamilyMember),  # 18 on 2 Mar
    ("Plus", "99", [{**OWNER, "birth_date": date(2008, 3, 2)}], {}, MainInsuredUnderage),  # 17 on joining
])
def test_an_enrolment_outside_the_conditions_is_refused(variant, fee, insured, overrides, error) -> None:
    with pytest.raises(error):
        enrol(variant, fee, insured, **overrides)
