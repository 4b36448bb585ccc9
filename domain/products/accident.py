"""Accident insurance 7 UO (777 BONUS +), 23 UO (adults) and 53 UD (children): rules and proposal checks.

Seed: accident-insurance-handbook.txt (PŘÍRUČKA platná od 1. 12. 2016), chapters 2-4 (parameters),
6 "Přehledová tabulka parametrů", 7 "Pojistné", 11.3 "Finanční zkoumání", 12 "Rizikové skupiny".
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from domain.dates import add_years, age_reached_in_year, completed_years
from domain.premium_periods import Frequency
from domain.products import errors
from domain.products.model import AgeLimits, SumBounds


@dataclass(frozen=True)
class AccidentCover:
    """``relative_cap`` = (base covers, ratio): the sum may not exceed ratio × the chosen base cover's sum
    (the table's "(3 Sú)", "(1/1000 Sú)", "(1/5 TN)")."""

    code: str
    name: str
    sums: SumBounds
    relative_cap: tuple[frozenset[str], Decimal] | None = None
    qualifying_period_days: int = 0
    income_checked: bool = False


@dataclass(frozen=True)
class IncomeLimit:
    """From this gross monthly income up: the highest bodily-injury sum and daily incapacity benefit (11.3)."""

    monthly_income_from: Decimal
    bodily_injury_max: Decimal
    incapacity_max_per_day: Decimal


@dataclass(frozen=True)
class AccidentRules:
    tariff: str
    ages: AgeLimits
    term_years: tuple[int, int] | None
    """(min, max) term; None when the cover ends by age (53 UD: the day before the anniversary of the start in
    the year the child reaches ``ages.exit_max``)."""
    covers: Mapping[str, AccidentCover]
    compulsory: tuple[frozenset[str], ...]
    """Each group: at least one of its covers must be chosen."""
    excluded_pairs: tuple[frozenset[str], ...]
    requires: Mapping[str, frozenset[str]]
    """Cover -> at least one of these must be chosen with it."""
    frequency_discount_percent: Mapping[Frequency, Decimal]
    """The frequencies offered, with their discount."""
    fixed_premium: Mapping[Frequency, Decimal] | None
    risk_groups: tuple[int, ...]
    raised_sports_risk_offered: bool
    rates: Mapping[tuple[int, bool], Mapping[str, Decimal]] | None
    """(risk group, raised sports risk) -> annual rate per 1 Kč of sum; ILLUSTRATIVE, see data module."""
    income_limits: tuple[IncomeLimit, ...] = ()


@dataclass(frozen=True)
class AccidentProposal:
    signed_on: date
    start: date
    frequency: Frequency
    birth_date: date
    covers: Mapping[str, Decimal]
    term_years: int | None = None
    risk_group: int = 1
    raised_sports_risk: bool = False
    monthly_income: Decimal | None = None


def cover_end(rules: AccidentRules, proposal: AccidentProposal) -> date:
    """Last day of cover."""
    if rules.term_years is None:
        anniversary = add_years(proposal.start, proposal.birth_date.year + rules.ages.exit_max - proposal.start.year)
        return anniversary - timedelta(days=1)
    if proposal.term_years is None:
        raise errors.TermOutOfRange(f"{rules.tariff} needs a term")
    return add_years(proposal.start, proposal.term_years) - timedelta(days=1)


def validate_accident_proposal(rules: AccidentRules, proposal: AccidentProposal) -> None:
    _check_start_and_ages(rules, proposal)
    if proposal.frequency not in rules.frequency_discount_percent:
        raise errors.FrequencyNotOffered(f"{rules.tariff} cannot be paid {proposal.frequency.name.lower()}")
    if proposal.risk_group not in rules.risk_groups or (
        proposal.raised_sports_risk and not rules.raised_sports_risk_offered
    ):
        raise errors.RiskGroupNotOffered(f"{rules.tariff} has no risk group {proposal.risk_group}"
                                         f"{' with raised sports risk' if proposal.raised_sports_risk else ''}")
    _check_cover_choice(rules, proposal)
    _check_sums(rules, proposal)
    _check_income_limits(rules, proposal)


def _check_start_and_ages(rules: AccidentRules, proposal: AccidentProposal) -> None:
    """"Počátek pojištění nejdříve v den následující po dni, kdy byla pojistná smlouva uzavřena"; entry and
    end ages and the term from the parameter tables (chapters 2-4)."""
    if proposal.start <= proposal.signed_on:
        raise errors.StartDateOutOfRange(f"{rules.tariff} starts at the earliest the day after signing")
    if proposal.birth_date >= proposal.start:
        raise errors.EntryAgeOutOfRange("the insured must be born before the start")
    age = completed_years(proposal.birth_date, proposal.start)
    if not rules.ages.entry_min <= age <= rules.ages.entry_max:
        raise errors.EntryAgeOutOfRange(
            f"{rules.tariff}: entry age {age} outside {rules.ages.entry_min}-{rules.ages.entry_max}"
        )
    if rules.term_years is not None:
        low, high = rules.term_years
        if proposal.term_years is None or not low <= proposal.term_years <= high:
            raise errors.TermOutOfRange(f"{rules.tariff}: term {proposal.term_years} outside {low}-{high} years")
        age_at_end = age_reached_in_year(proposal.birth_date, cover_end(rules, proposal).year)
        if age_at_end > rules.ages.exit_max:
            raise errors.ExitAgeExceeded(
                f"{rules.tariff}: the insured would reach {age_at_end}; "
                f"cover ends at {rules.ages.exit_max} at the latest"
            )


def _check_cover_choice(rules: AccidentRules, proposal: AccidentProposal) -> None:
    chosen = set(proposal.covers)
    unknown = chosen - set(rules.covers)
    if unknown:
        raise errors.CoverNotOffered(f"{rules.tariff} has no cover {', '.join(sorted(unknown))}")
    for group in rules.compulsory:
        if not chosen & group:
            raise errors.CompulsoryCoverMissing(f"{rules.tariff} must include {' or '.join(sorted(group))}")
    for pair in rules.excluded_pairs:
        if pair <= chosen:
            raise errors.CoversExcludeEachOther(f"{' and '.join(sorted(pair))} cannot be combined")
    for cover, needed in rules.requires.items():
        if cover in chosen and not chosen & needed:
            raise errors.CoverRequiresAnother(f"{cover} needs {' or '.join(sorted(needed))}")


def _check_sums(rules: AccidentRules, proposal: AccidentProposal) -> None:
    for code, amount in proposal.covers.items():
        cover = rules.covers[code]
        bounds = cover.sums
        if not bounds.minimum <= amount <= bounds.maximum:
            raise errors.SumInsuredOutOfRange(
                f"{cover.name}: {amount} {bounds.unit.value} outside {bounds.minimum}-{bounds.maximum}"
            )
        if cover.relative_cap is not None:
            base_codes, ratio = cover.relative_cap
            base = sum((proposal.covers[c] for c in base_codes if c in proposal.covers), Decimal(0))
            if amount > base * ratio:
                raise errors.RelativeSumCapExceeded(
                    f"{cover.name}: {amount} exceeds {ratio} × {base} of {'/'.join(sorted(base_codes))}"
                )


def income_limit(rules: AccidentRules, monthly_income: Decimal) -> IncomeLimit:
    return [row for row in rules.income_limits if row.monthly_income_from <= monthly_income][-1]


def _check_income_limits(rules: AccidentRules, proposal: AccidentProposal) -> None:
    """11.3 "Limity pojistných částek v závislosti na příjmu pojištěného" (for a child, the guardian's income).
    Checked against this proposal's sums only; the seed adds up the client's sums across all policies."""
    checked = [code for code in proposal.covers if rules.covers[code].income_checked]
    if not checked or not rules.income_limits:
        return
    if proposal.monthly_income is None:
        raise errors.IncomeBasedLimitExceeded(f"{', '.join(checked)} need the insured's documented income")
    limit = income_limit(rules, proposal.monthly_income)
    maxima = {"bodily_injury": limit.bodily_injury_max, "incapacity": limit.incapacity_max_per_day}
    for code in checked:
        if proposal.covers[code] > maxima[code]:
            raise errors.IncomeBasedLimitExceeded(
                f"{rules.covers[code].name}: {proposal.covers[code]} exceeds {maxima[code]} "
                f"allowed for a monthly income of {proposal.monthly_income}"
            )
