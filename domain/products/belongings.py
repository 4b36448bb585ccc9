"""Pojištění osobních věcí a karet, variants Plus and Rodina Plus: a group cover joined through the bank's
framework contract no. 7720894995 (seeds/personal-belongings-and-cards.txt).

The insured pays the bank a monthly fee; cover is effective the next calendar day and runs for an
indefinite term (framework contract art. V 5.2.2, 5.2.4).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from domain.dates import add_years, completed_years
from domain.premium_periods import Frequency
from domain.products import errors
from domain.products.model import ProductVersion
from domain.products.premium import LineKind, PremiumLine, PremiumQuote


class BelongingsVariant(Enum):
    PLUS = "Plus"
    FAMILY_PLUS = "Rodina Plus"


class FamilyRelation(Enum):
    """"Člen rodiny hlavního pojištěného" (Pojistné podmínky, výklad pojmů)."""

    SPOUSE = "manžel/manželka"
    REGISTERED_PARTNER = "registrovaný partner"
    COHABITING_PARTNER = "druh/družka"
    CHILD = "dítě, osvojenec, dítě v pěstounské péči nebo svěřené do výchovy"


PARTNERS = frozenset({FamilyRelation.SPOUSE, FamilyRelation.REGISTERED_PARTNER, FamilyRelation.COHABITING_PARTNER})


@dataclass(frozen=True)
class VariantTerms:
    monthly_fee: Decimal
    covers_family: bool
    payouts_per_calendar_year: int
    documents_contribution: Decimal
    limits: Mapping[str, Decimal]
    """Per-peril payout limits (framework contract art. II 2.3); the new-card fee has no limit."""


@dataclass(frozen=True)
class BelongingsRules:
    variants: Mapping[BelongingsVariant, VariantTerms]
    main_insured_min_age: int
    child_member_until_age: int
    electronics_max_age_years: int


@dataclass(frozen=True)
class FamilyMember:
    relation: FamilyRelation
    birth_date: date
    shares_household: bool


def cover_effective_on(concluded_on: date) -> date:
    """"Pojištění je účinné následující kalendářní den (00:00 hod.) po sjednání pojištění" (5.2.2; the same
    for a change of variant, 5.2.3)."""
    return concluded_on + timedelta(days=1)


def is_family_member(member: FamilyMember, on: date, rules: BelongingsRules) -> bool:
    """Partners living in the main insured's household; children until their 18th birthday, wherever they live
    (the day of the 18th birthday is taken as no longer covered)."""
    if member.relation in PARTNERS:
        return member.shares_household
    return on < add_years(member.birth_date, rules.child_member_until_age)


def validate_enrolment(rules: BelongingsRules, variant: BelongingsVariant, main_insured_birth_date: date,
                       concluded_on: date, family: tuple[FamilyMember, ...] = ()) -> None:
    """The main insured (account owner or holder of a disposition right) is an adult; Plus insures only them,
    Rodina Plus also their family."""
    if completed_years(main_insured_birth_date, concluded_on) < rules.main_insured_min_age:
        raise errors.MainInsuredUnderage(f"the main insured must be at least {rules.main_insured_min_age}")
    if family and not rules.variants[variant].covers_family:
        raise errors.FamilyNotCoveredByVariant(f"variant {variant.value} insures the main insured only")
    for member in family:
        if not is_family_member(member, cover_effective_on(concluded_on), rules):
            raise errors.NotAFamilyMember(
                f"{member.relation.value} born {member.birth_date} is not a family member under the conditions"
            )


def quote_belongings(product: ProductVersion, variant: BelongingsVariant) -> PremiumQuote:
    """The monthly fee (art. II 2.5: "poplatek za pojištění je splatný s měsíční periodou")."""
    terms = product.rules.variants[variant]
    fee = PremiumLine(LineKind.FEE, f"Poplatek za pojištění, varianta {variant.value}", terms.monthly_fee)
    return PremiumQuote(product.code, product.version, Frequency.MONTHLY, (fee,))
