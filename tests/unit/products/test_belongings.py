"""Pojištění osobních věcí a karet, Plus / Rodina Plus (seeds/personal-belongings-and-cards.txt)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.products.belongings import (
    BelongingsVariant,
    FamilyMember,
    FamilyRelation,
    cover_effective_on,
    quote_belongings,
    validate_enrolment,
)
from tests.unit.products.builders import CATALOGUE

BELONGINGS = CATALOGUE.version_in_force("BELONGINGS_CARDS", date(2025, 3, 1))
RULES = BELONGINGS.rules
CONCLUDED = date(2025, 3, 1)  # cover effective 2. 3. 2025
ADULT_BORN = date(1990, 6, 15)


@pytest.mark.parametrize(
    "variant, monthly, yearly",
    [(BelongingsVariant.PLUS, "99", "1188"), (BelongingsVariant.FAMILY_PLUS, "159", "1908")],
)
def test_monthly_fee_99_or_159(variant, monthly, yearly):
    quote = quote_belongings(BELONGINGS, variant)
    assert (quote.per_instalment, quote.per_year) == (Decimal(monthly), Decimal(yearly))


@pytest.mark.parametrize(
    "concluded, effective", [(date(2025, 3, 1), date(2025, 3, 2)), (date(2024, 12, 31), date(2025, 1, 1))]
)
def test_cover_is_effective_the_next_calendar_day(concluded, effective):
    assert cover_effective_on(concluded) == effective


@pytest.mark.parametrize(
    "variant, payouts", [(BelongingsVariant.PLUS, 2), (BelongingsVariant.FAMILY_PLUS, 4)]
)
def test_payouts_per_calendar_year(variant, payouts):
    assert RULES.variants[variant].payouts_per_calendar_year == payouts


def enrolment_rule(variant, family=(), main_born=ADULT_BORN) -> str | None:
    try:
        validate_enrolment(RULES, variant, main_born, CONCLUDED, family)
    except DomainError as error:
        return error.rule
    return None


SPOUSE_AT_HOME = FamilyMember(FamilyRelation.SPOUSE, date(1991, 1, 1), shares_household=True)
CASES = [
    ("Plus alone", BelongingsVariant.PLUS, (), None),
    ("Plus with a spouse", BelongingsVariant.PLUS, (SPOUSE_AT_HOME,), "variant-covers-main-insured-only"),
    ("Rodina Plus with a spouse at home", BelongingsVariant.FAMILY_PLUS, (SPOUSE_AT_HOME,), None),
    ("Rodina Plus with a partner living elsewhere", BelongingsVariant.FAMILY_PLUS,
     (FamilyMember(FamilyRelation.COHABITING_PARTNER, date(1991, 1, 1), shares_household=False),), "family-member"),
    # children until their 18th birthday, wherever they live; cover starts 2. 3. 2025
    ("child turning 18 on 3. 3. 2025", BelongingsVariant.FAMILY_PLUS,
     (FamilyMember(FamilyRelation.CHILD, date(2007, 3, 3), shares_household=False),), None),
    ("child turning 18 on 2. 3. 2025", BelongingsVariant.FAMILY_PLUS,
     (FamilyMember(FamilyRelation.CHILD, date(2007, 3, 2), shares_household=True),), "family-member"),
]


@pytest.mark.parametrize("variant, family, expected_rule", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_family_members(variant, family, expected_rule):
    assert enrolment_rule(variant, family) == expected_rule


@pytest.mark.parametrize("born, expected_rule", [(date(2007, 3, 1), None), (date(2007, 3, 2), "main-insured-adult")])
def test_main_insured_is_at_least_18(born, expected_rule):
    assert enrolment_rule(BelongingsVariant.PLUS, main_born=born) == expected_rule
