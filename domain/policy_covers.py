"""Who is insured and for what, and how the covers change with time (FLEXI risk life).

A policy stores its insured persons and covers as plain records; this module turns them into
the product's proposal types, validates them against the product version, and tells what each
cover should be in a given policy year:

- a decreasing sum falls once a year on the anniversary ("pojistná částka se ... snižuje, a to
  vždy pravidelně ročně, k výročnímu dni"), linearly by 1/n or as an annuity (``sums.py``);
- a cover ends at its exit age or individual end, whichever comes first (``cover_years``);
- except the basic death cover: at its individual end it stays at 10 000 while the insured has
  other covers ("minimální pojistná částka je 10 000 Kč, pokud jsou sjednána jiná pojištění").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from domain.dates import add_years, completed_years
from domain.errors import DomainError
from domain.money import czk
from domain.premium_periods import Frequency
from domain.products.accident import AccidentProposal, AccidentRules, validate_accident_proposal
from domain.products.belongings import (
    BelongingsRules,
    BelongingsVariant,
    FamilyMember,
    FamilyRelation,
    cover_effective_on,
    validate_enrolment,
)
from domain.products.flexi import (
    CoverSelection,
    Decrease,
    DecreaseKind,
    FlexiProposal,
    FlexiRules,
    InsuredKind,
    InsuredPerson,
)
from domain.products.flexi_premium import cover_years
from domain.products.flexi_validation import validate_cover_selection, validate_persons_and_term, validate_proposal
from domain.products.model import ProductVersion
from domain.products.sums import sum_insured_in_year

BASIC_DEATH = "basic_death"
BASIC_DEATH_SUM_WITH_OTHER_COVERS = Decimal("10000.00")


class CoversRequired(DomainError):
    rule = "flexi-policy-names-insured-and-covers"


class TermNotWholeYears(DomainError):
    rule = "flexi-term-in-whole-years"


@dataclass(frozen=True)
class CoverState:
    """What a cover is in one policy year: its sum, or ``None`` once it has ended."""

    sum_insured: Decimal | None
    ended: bool = False
    reason: str = ""


class AccidentInsuresOnePerson(DomainError):
    rule = "accident-policy-insures-one-person"


class BelongingsEnrolmentInvalid(DomainError):
    rule = "belongings-enrolment"


class AccidentCoverNeedsSum(DomainError):
    rule = "accident-cover-has-sum"


class CoverChangeNotSupported(DomainError):
    rule = "decreasing-cover-set-at-issue-only"


def cover_keys(covers: Sequence[Mapping[str, Any]]) -> list[str]:
    """Stable name of each cover part: insured / cover code / which part of that cover (0, 1):
    adding or removing other covers does not rename it."""
    seen: Counter[str] = Counter()
    keys = []
    for record in covers:
        base = f"{record['insured_id']}/{record['cover']}"
        keys.append(f"{base}/{seen[base]}")
        seen[base] += 1
    return keys


_TERMS_OF_A_PART = ("sum_insured", "decrease_kind", "decrease_rate_percent", "variant", "individual_end_age")


@dataclass(frozen=True)
class CoverChange:
    """What an amendment does to the cover parts, from its effective date."""

    records: list[dict[str, Any]]  # the new list; changed and added parts carry ``since``
    changes: list[dict[str, Any]]  # per part touched: key, sum_insured, ended
    entering: list[int]  # positions in ``records`` of the parts that start or change


def change_covers(current: Sequence[Mapping[str, Any]], proposed: Sequence[Mapping[str, Any]],
                  ended_keys: set[str], effective: date) -> CoverChange:
    """Compare the proposed cover list with the current one, part by part (by stable key)."""
    current_by_key = dict(zip(cover_keys(current), current))
    records, changes, entering = [], [], []
    for index, (key, record) in enumerate(zip(cover_keys(proposed), proposed)):
        before = current_by_key.get(key)
        if before is not None and key not in ended_keys and all(
                before.get(term) == record.get(term) for term in _TERMS_OF_A_PART):
            records.append(dict(before))
            continue
        if record.get("decrease_kind"):
            raise CoverChangeNotSupported(f"{key}: a decreasing sum is agreed at issue; it cannot be added or changed")
        records.append({**record, "since": effective})
        changes.append({"key": key, "sum_insured": record.get("sum_insured"), "ended": False})
        entering.append(index)
    proposed_keys = set(cover_keys(proposed))
    changes += [{"key": key, "sum_insured": None, "ended": True}
                for key in current_by_key if key not in proposed_keys and key not in ended_keys]
    return CoverChange(records, changes, entering)


def validate_cover_change(product: ProductVersion, effective: date, end: date | None, frequency: Frequency,
                          insured: Sequence[Mapping[str, Any]], change: CoverChange) -> None:
    """The whole new set obeys the product's sum and dependency rules; entry ages and individual
    ends are checked, at the effective date, for the parts that start or change."""
    if not isinstance(product.rules, FlexiRules):
        raise CoversRequired("only FLEXI policies carry cover records that an amendment can change")
    years = max(1, (end.year - effective.year) if end else 1)
    proposal = FlexiProposal(
        signed_on=effective, start=effective, term_years=years, frequency=frequency,
        insured=_persons(insured), covers=tuple(_selection(record) for record in change.records),
    )
    validate_cover_selection(product.rules, proposal, entering=change.entering)


def validate_persons_change(product: ProductVersion, start: date, effective: date, end: date | None,
                            insured: Sequence[Mapping[str, Any]], joining: set[str]) -> None:
    """Insured persons or the term changed by amendment (FLEXI): 1-2 adults and at most 5 children,
    those ``joining`` within entry age on the effective date, a term of whole years of at least the
    minimum, and the younger adult at most 85 in the last year."""
    if not isinstance(product.rules, FlexiRules):
        raise CoversRequired("only FLEXI policies name insured persons that an amendment can change")
    years = term_years(start, end)
    last_day = add_years(start, years) - timedelta(days=1)
    validate_persons_and_term(product.rules, _persons(insured), effective, years, last_day.year, joining)


def validate_covers(product: ProductVersion, start: date, end: date | None, concluded_on: date,
                    frequency: Frequency, insured: Sequence[Mapping[str, Any]],
                    covers: Sequence[Mapping[str, Any]], risk_group: int | None = None,
                    raised_sports_risk: bool = False, premium: Decimal | None = None) -> None:
    """Check insured persons and covers against the product version the policy is sold under: FLEXI
    always names them; an accident policy may (one insured person; the handbook's cover rules); so may
    an enrolment in the group belongings cover (variant, fee, family)."""
    if isinstance(product.rules, BelongingsRules) and (insured or covers):
        _validate_belongings(product.rules, start, end, concluded_on, frequency, insured, covers, premium)
    if isinstance(product.rules, AccidentRules) and (insured or covers):
        validate_accident_proposal(product.rules, _accident_proposal(
            product.rules, start, end, concluded_on, frequency, insured, covers, risk_group or 1, raised_sports_risk))
    if not isinstance(product.rules, FlexiRules):
        return
    if not insured or not covers:
        raise CoversRequired("a FLEXI policy names its insured persons and their covers")
    validate_proposal(product.rules, flexi_proposal(start, end, concluded_on, frequency, insured, covers))


def _validate_belongings(rules: BelongingsRules, start: date, end: date | None, concluded_on: date,
                         frequency: Frequency, insured: Sequence[Mapping[str, Any]],
                         covers: Sequence[Mapping[str, Any]], premium: Decimal | None) -> None:
    """The account owner (or holder of a disposition right) joins the framework contract with a variant:
    "účinné následující kalendářní den", "na dobu neurčitou", the variant's monthly fee (99 / 159);
    Rodina Plus also insures the family members the conditions define (``relation`` on each)."""
    main = [person for person in insured if not person.get("relation")]
    variants = {variant.value: variant for variant in BelongingsVariant}
    if len(main) != 1 or len(covers) != 1 or covers[0].get("variant") not in variants \
            or covers[0]["insured_id"] != main[0]["id"]:
        raise BelongingsEnrolmentInvalid(
            "one main insured (no relation) with one cover record naming the variant: Plus or Rodina Plus")
    variant = variants[covers[0]["variant"]]
    fee = rules.variants[variant].monthly_fee
    if frequency is not Frequency.MONTHLY or premium is None or czk(premium) != fee or end is not None:
        raise BelongingsEnrolmentInvalid(f"variant {variant.value}: {fee} a month, for an indefinite term")
    if start != cover_effective_on(concluded_on):
        raise BelongingsEnrolmentInvalid(f"joined on {concluded_on}, the cover starts on the next day")
    family = tuple(family_member(person) for person in insured if person.get("relation"))
    validate_enrolment(rules, variant, main[0]["birth_date"], concluded_on, family)


def family_member(person: Mapping[str, Any]) -> FamilyMember:
    """A family member enrolled with the main insured of the belongings cover (Rodina Plus)."""
    return FamilyMember(FamilyRelation[person["relation"].upper()], person["birth_date"],
                        bool(person.get("shares_household")))


def _accident_proposal(rules: AccidentRules, start: date, end: date | None, concluded_on: date, frequency: Frequency,
                       insured: Sequence[Mapping[str, Any]], covers: Sequence[Mapping[str, Any]], risk_group: int,
                       raised_sports_risk: bool) -> AccidentProposal:
    if len(insured) != 1 or any(cover["insured_id"] != insured[0]["id"] for cover in covers):
        raise AccidentInsuresOnePerson(f"{rules.tariff} insures one person; every cover is theirs")
    if any(cover.get("sum_insured") is None for cover in covers):
        raise AccidentCoverNeedsSum(f"{rules.tariff}: every cover has its sum insured")
    person = insured[0]
    return AccidentProposal(
        signed_on=concluded_on, start=start, frequency=frequency, birth_date=person["birth_date"],
        covers={cover["cover"]: Decimal(cover["sum_insured"]) for cover in covers},
        term_years=term_years(start, end) if rules.term_years is not None else None,
        risk_group=risk_group, raised_sports_risk=raised_sports_risk, monthly_income=person.get("monthly_income"),
    )


def flexi_proposal(start: date, end: date | None, concluded_on: date, frequency: Frequency,
                   insured: Sequence[Mapping[str, Any]], covers: Sequence[Mapping[str, Any]]) -> FlexiProposal:
    return FlexiProposal(
        signed_on=concluded_on,
        start=start,
        term_years=term_years(start, end),
        frequency=frequency,
        insured=_persons(insured),
        covers=tuple(_selection(c) for c in covers),
    )


def _persons(insured: Sequence[Mapping[str, Any]]) -> tuple[InsuredPerson, ...]:
    return tuple(InsuredPerson(p["id"], InsuredKind(p["kind"]), p["birth_date"], p.get("is_policyholder", False))
                 for p in insured)


def term_years(start: date, end: date | None) -> int:
    if end is None or add_years(start, end.year - start.year) != end:
        raise TermNotWholeYears(f"the policy runs whole years from {start}; it cannot end on {end}")
    return end.year - start.year


def covers_in_year(rules: FlexiRules, proposal: FlexiProposal, covers: Sequence[Mapping[str, Any]],
                   policy_year: int, child_exit_ages: Mapping[str, int] | None = None) -> dict[str, CoverState]:
    """Each cover part's state in ``policy_year`` (1 = the first year).

    ``child_exit_ages``: children whose cover was extended beyond 25 (by insured id)."""
    states: dict[str, CoverState] = {}
    anniversary = add_years(proposal.start, policy_year - 1)
    for key, record in zip(cover_keys(covers), covers):
        if record.get("since", proposal.start) > anniversary:
            continue  # this part (or its change) started after that anniversary
        selection = _selection(record)
        years = _cover_years(rules, proposal, selection, (child_exit_ages or {}).get(selection.insured_id))
        if policy_year <= years:
            amount = record.get("sum_insured")
            states[key] = CoverState(
                None if amount is None else sum_insured_in_year(amount, selection.decrease, years, policy_year)
            )
        else:
            ended_by = "individual_end" if selection.individual_end_age else "exit_age"
            states[key] = CoverState(None, ended=True, reason=ended_by)
    return _keep_basic_death_at_minimum(states, covers)


def _cover_years(rules: FlexiRules, proposal: FlexiProposal, selection: CoverSelection,
                 extended_exit_age: int | None) -> int:
    """Policy years a cover runs; a child's cover that runs to 25 runs to the extended age instead."""
    years = cover_years(rules, proposal, selection)
    cover = rules.covers[selection.cover]
    runs_to_child_exit = (cover.ages or rules.child_ages).exit_max == rules.child_ages.exit_max
    if extended_exit_age is None or cover.insured is not InsuredKind.CHILD or not runs_to_child_exit:
        return years
    person = proposal.person(selection.insured_id)
    end_age = min(extended_exit_age, selection.individual_end_age or extended_exit_age)
    return min(proposal.term_years, end_age - completed_years(person.birth_date, proposal.start))


def _keep_basic_death_at_minimum(states: dict[str, CoverState], covers: Sequence[Mapping[str, Any]]) -> dict[str, CoverState]:
    for key, record in zip(cover_keys(covers), covers):
        state = states.get(key)
        if record["cover"] != BASIC_DEATH or state is None or state.reason != "individual_end":
            continue
        others_in_force = any(
            not state.ended for other_key, state in states.items()
            if other_key != key and other_key.startswith(f"{record['insured_id']}/")
        )
        if others_in_force:
            states[key] = CoverState(BASIC_DEATH_SUM_WITH_OTHER_COVERS, reason="individual_end_minimum")
    return states


def _selection(record: Mapping[str, Any]) -> CoverSelection:
    decrease = None
    if record.get("decrease_kind"):
        decrease = Decrease(DecreaseKind(record["decrease_kind"]), record.get("decrease_rate_percent"))
    return CoverSelection(
        insured_id=record["insured_id"],
        cover=record["cover"],
        sum_insured=record.get("sum_insured"),
        decrease=decrease,
        variant=record.get("variant"),
        individual_end_age=record.get("individual_end_age"),
    )
