"""FLEXI rizikové životní pojištění: refusing proposals that break the product list's rules.

Each refusal is a named DomainError from ``domain.products.errors``. Seed: flexi-risk-life-precontract.txt,
"Produktový list FLEXI rizikové životní pojištění" (účinnost 22. 4. 2023).
"""

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date, timedelta
from decimal import Decimal

from domain.dates import add_months, add_years, age_reached_in_year, completed_years
from domain.products import errors
from domain.products.flexi import (
    CoverDefinition,
    CoverSelection,
    DecreaseKind,
    FlexiProposal,
    FlexiRules,
    InsuredKind,
    InsuredPerson,
    total_sum,
)
from domain.products.model import AgeLimits

INVALIDITY_LADDER = ("invalidity_3", "invalidity_2", "invalidity_1")
"""Highest degree first; a lower degree needs the next higher one with a sum not below it."""
CREDIT_BUNDLE_COMPULSORY = ("credit_death", "credit_invalidity_3")
CREDIT_BUNDLE_EQUAL_SUMS = ("credit_death", "credit_invalidity_3", "credit_invalidity_2_1")
CREDIT_BUNDLE = frozenset(CREDIT_BUNDLE_EQUAL_SUMS + ("credit_incapacity",))
SINGLE_ADULT_SERVICES = ("majak", "majak_plus")


def contract_end(proposal: FlexiProposal) -> date:
    """Last day of cover: the day before the ``term_years`` anniversary of the start."""
    return add_years(proposal.start, proposal.term_years) - timedelta(days=1)


def validate_proposal(rules: FlexiRules, proposal: FlexiProposal) -> None:
    validate_policy_shape(rules, proposal)
    validate_cover_selection(rules, proposal)


def validate_policy_shape(rules: FlexiRules, proposal: FlexiProposal) -> None:
    """Who may be insured, when the cover may start and how long it may run ("Pro koho je pojištění určeno",
    "Vstupní a výstupní věk", "Na jakou dobu se pojištění sjednává")."""
    latest_start = add_months(proposal.signed_on, rules.max_start_deferral_months)
    if not proposal.signed_on <= proposal.start <= latest_start:
        raise errors.StartDateOutOfRange(
            f"start {proposal.start} must be between signing {proposal.signed_on} and {latest_start} "
            f"(deferred at most {rules.max_start_deferral_months} months)"
        )
    validate_persons_and_term(rules, proposal.insured, proposal.start, proposal.term_years,
                              contract_end(proposal).year)


def validate_persons_and_term(rules: FlexiRules, insured: Sequence[InsuredPerson], entry_day: date, term_years: int,
                              last_year: int, entering: Collection[str] | None = None) -> None:
    """Counts of adults and children, entry ages on ``entry_day`` (of the persons ``entering``: all when
    None; an amendment checks only who joins), the minimum term, and the exit age in ``last_year``."""
    adults = [p for p in insured if p.kind is InsuredKind.ADULT]
    children = [p for p in insured if p.kind is InsuredKind.CHILD]
    if not 1 <= len(adults) <= rules.max_adults or len(children) > rules.max_children:
        raise errors.InsuredCountOutOfRange(
            f"{len(adults)} adults and {len(children)} children; the product insures 1-{rules.max_adults} "
            f"adults and at most {rules.max_children} children"
        )
    if term_years < rules.min_term_years:
        raise errors.TermOutOfRange(f"term {term_years} years; the minimum is {rules.min_term_years}")
    for person in insured:
        if entering is None or person.id in entering:
            limits = rules.adult_ages if person.kind is InsuredKind.ADULT else rules.child_ages
            _check_entry_age(person, entry_day, limits, f"{person.kind.value} insured")
    younger_adult = max(adults, key=lambda p: p.birth_date)
    age_at_end = age_reached_in_year(younger_adult.birth_date, last_year)
    if age_at_end > rules.adult_ages.exit_max:
        raise errors.ExitAgeExceeded(
            f"insured {younger_adult.id} would reach {age_at_end} in the last year; the term may run at most to "
            f"the year the younger adult reaches {rules.adult_ages.exit_max}"
        )


def validate_cover_selection(rules: FlexiRules, proposal: FlexiProposal,
                             entering: Collection[int] | None = None) -> None:
    """Each cover's own limits, then the dependency rules between covers.

    ``entering``: positions of the cover parts that start at ``proposal.start`` (all when None).
    A change by amendment re-checks entry age and individual end only for the parts it adds or
    changes; covers already running keep running past their entry age."""
    for index, selection in enumerate(proposal.covers):
        cover = _cover_for(rules, proposal, selection)
        person = proposal.person(selection.insured_id)
        if entering is None or index in entering:
            if cover.ages is not None:
                _check_entry_age(person, proposal.start, cover.ages, cover.name)
            _check_individual_end(cover, person, proposal, selection)
        _check_variant(cover, selection)
        _check_decrease(rules, cover, selection)
        if cover.derived_share_of is None:
            _check_sum_bounds(cover, selection)
    _check_parts(proposal)
    _check_minimum_when_alone(rules, proposal)
    _check_shared_caps(rules, proposal)
    _check_basic_death(proposal)
    _check_derived_sums(rules, proposal)
    _check_invalidity_ladder(proposal)
    _check_survivor_pension(proposal)
    _check_credit_bundle(proposal)
    _check_single_adult_services(proposal)
    _check_premium_waiver(proposal)


def _check_entry_age(person: InsuredPerson, day: date, limits: AgeLimits, what: str) -> None:
    age = completed_years(person.birth_date, day)
    if not limits.entry_min <= age <= limits.entry_max:
        raise errors.EntryAgeOutOfRange(
            f"{what}: {person.id} is {age} at the start; entry age is {limits.entry_min}-{limits.entry_max}"
        )


def _cover_for(rules: FlexiRules, proposal: FlexiProposal, selection: CoverSelection) -> CoverDefinition:
    cover = rules.covers.get(selection.cover)
    if cover is None:
        raise errors.CoverNotOffered(f"the product has no cover {selection.cover!r}")
    if not any(p.id == selection.insured_id for p in proposal.insured):
        raise errors.CoverNotOffered(f"cover {selection.cover!r} is for {selection.insured_id!r}, who is not insured")
    if proposal.person(selection.insured_id).kind is not cover.insured:
        raise errors.CoverNotOffered(f"{cover.name} is offered to the {cover.insured.value} insured only")
    return cover


def _check_individual_end(cover: CoverDefinition, person: InsuredPerson, proposal: FlexiProposal,
                          selection: CoverSelection) -> None:
    """"Individuální konec pojištění": the cover ends earlier, at an age not beyond the cover's exit age."""
    if selection.individual_end_age is None:
        return
    if not cover.individual_end:
        raise errors.IndividualEndOutOfRange(f"{cover.name} cannot have an individual end")
    exit_max = cover.ages.exit_max if cover.ages else None
    age_now = completed_years(person.birth_date, proposal.start)
    if selection.individual_end_age <= age_now or (exit_max and selection.individual_end_age > exit_max):
        raise errors.IndividualEndOutOfRange(
            f"{cover.name}: individual end at {selection.individual_end_age} must be after the insured's age "
            f"{age_now} and at most {exit_max}"
        )


def _check_variant(cover: CoverDefinition, selection: CoverSelection) -> None:
    if cover.variants and selection.variant not in cover.variants:
        raise errors.CoverVariantInvalid(f"{cover.name}: choose one of {', '.join(cover.variants)}")
    if not cover.variants and selection.variant is not None:
        raise errors.CoverVariantInvalid(f"{cover.name} has no variants")


def _check_decrease(rules: FlexiRules, cover: CoverDefinition, selection: CoverSelection) -> None:
    """"Klesající pojistná částka": linear 1/n a year, or annuity at 0.50-20.00 %."""
    decrease = selection.decrease
    if decrease is None:
        return
    if decrease.kind not in cover.decreasing:
        raise errors.DecreasingSumNotOffered(f"{cover.name} cannot have a {decrease.kind.value} decreasing sum")
    low, high = rules.annuity_decrease_percent
    if decrease.kind is DecreaseKind.ANNUITY and not (
        decrease.annual_rate_percent is not None and low <= decrease.annual_rate_percent <= high
    ):
        raise errors.AnnuityDecreaseRateOutOfRange(
            f"{cover.name}: annuity decrease rate {decrease.annual_rate_percent} % is outside {low}-{high} %"
        )


def _check_sum_bounds(cover: CoverDefinition, selection: CoverSelection) -> None:
    if cover.sums is None:
        if selection.sum_insured is not None:
            raise errors.SumInsuredOutOfRange(f"{cover.name} has no sum insured")
        return
    amount, bounds = selection.sum_insured, cover.sums
    if amount is None or amount < bounds.minimum or (bounds.maximum is not None and amount > bounds.maximum):
        raise errors.SumInsuredOutOfRange(
            f"{cover.name}: sum {amount} {bounds.unit.value} is outside {bounds.minimum}-"
            f"{bounds.maximum if bounds.maximum is not None else 'unlimited'}"
        )


def _by_person_and_cover(proposal: FlexiProposal) -> dict[tuple[str, str], list[CoverSelection]]:
    grouped: dict[tuple[str, str], list[CoverSelection]] = defaultdict(list)
    for selection in proposal.covers:
        grouped[(selection.insured_id, selection.cover)].append(selection)
    return grouped


def _check_parts(proposal: FlexiProposal) -> None:
    """A cover is chosen once, or, where it may decrease, as one constant and one decreasing part
    ("kombinaci konstantní a klesající pojistné částky lze sjednat"; "pouze jednu z variant klesání")."""
    for (insured_id, code), parts in _by_person_and_cover(proposal).items():
        constant = [p for p in parts if p.decrease is None]
        decreasing = [p for p in parts if p.decrease is not None]
        if len(constant) > 1 or len(decreasing) > 1:
            raise errors.DuplicateCoverPart(
                f"{insured_id}: {code} may be chosen once, or as one constant and one decreasing part"
            )


def _check_minimum_when_alone(rules: FlexiRules, proposal: FlexiProposal) -> None:
    """Basic death: minimum 10 000 with other covers on the policy, 100 000 without ("Základní pojištění smrti")."""
    codes = {s.cover for s in proposal.covers}
    for selection in proposal.covers:
        cover = rules.covers[selection.cover]
        if cover.min_sum_when_alone is not None and codes == {cover.code}:
            if (selection.sum_insured or Decimal(0)) < cover.min_sum_when_alone:
                raise errors.SumInsuredOutOfRange(
                    f"{cover.name} alone needs a sum of at least {cover.min_sum_when_alone}"
                )


def _check_shared_caps(rules: FlexiRules, proposal: FlexiProposal) -> None:
    for cap in rules.shared_caps:
        for person in proposal.insured:
            chosen = tuple(s for s in proposal.covers if s.insured_id == person.id and s.cover in cap.covers)
            if total_sum(chosen) > cap.maximum:
                raise errors.CombinedSumCapExceeded(
                    f"{person.id}: {', '.join(sorted(cap.covers))} together exceed {cap.maximum} ({cap.seed_section})"
                )


def _check_basic_death(proposal: FlexiProposal) -> None:
    """"Základní povinné pojištění" for every adult, with the same sum for both adults."""
    sums = []
    for adult in proposal.adults():
        parts = proposal.covers_of(adult.id, "basic_death")
        if not parts:
            raise errors.BasicDeathCoverMissing(f"adult {adult.id} must have the basic death cover")
        sums.append(total_sum(parts))
    if len(set(sums)) > 1:
        raise errors.BasicDeathSumsDiffer(f"both adults must have the same basic death sum, not {sums}")


def _check_derived_sums(rules: FlexiRules, proposal: FlexiProposal) -> None:
    """In situ: only with serious illness, its sum is 30 % of it, so serious illness must be at least 34 000
    ("Připojištění na novotvary in situ"; for children "podmínky stejné jako pro dospělého")."""
    for selection in proposal.covers:
        cover = rules.covers[selection.cover]
        if cover.derived_share_of is None:
            continue
        parent_code, share = cover.derived_share_of
        parent = proposal.covers_of(selection.insured_id, parent_code)
        if not parent:
            raise errors.InSituWithoutSeriousIllness(f"{cover.name} needs {rules.covers[parent_code].name}")
        parent_sum = total_sum(parent)
        if parent_sum < rules.in_situ_min_serious_illness_sum:
            raise errors.InSituSeriousIllnessSumTooLow(
                f"{cover.name} needs a serious-illness sum of at least {rules.in_situ_min_serious_illness_sum}, "
                f"not {parent_sum}"
            )
        if selection.sum_insured is not None and selection.sum_insured != parent_sum * share:
            raise errors.InSituSumNotThirtyPercent(
                f"{cover.name} sum is {share:%} of {parent_sum} = {parent_sum * share}, not {selection.sum_insured}"
            )


def _check_invalidity_ladder(proposal: FlexiProposal) -> None:
    """"Pro nižší stupeň invalidity musí být vždy sjednán i následující vyšší stupeň ... a pojistná částka
    pro nižší stupeň může být maximálně ve výši pojistné částky vyššího stupně"."""
    for person in proposal.adults():
        for higher, lower in zip(INVALIDITY_LADDER, INVALIDITY_LADDER[1:]):
            lower_parts = proposal.covers_of(person.id, lower)
            if not lower_parts:
                continue
            higher_parts = proposal.covers_of(person.id, higher)
            if not higher_parts:
                raise errors.LowerInvalidityWithoutHigher(f"{person.id}: {lower} needs {higher}")
            if total_sum(lower_parts) > total_sum(higher_parts):
                raise errors.LowerInvaliditySumAboveHigher(
                    f"{person.id}: {lower} sum {total_sum(lower_parts)} exceeds {higher} sum {total_sum(higher_parts)}"
                )


def _check_survivor_pension(proposal: FlexiProposal) -> None:
    """Survivor's pension only for a pair of adults with the same sum and the same term; an individual end
    is common to both ("Doplňkové pojištění smrti")."""
    holders = [a for a in proposal.adults() if proposal.covers_of(a.id, "survivor_pension")]
    if not holders:
        return
    if len(holders) != 2:
        raise errors.SurvivorPensionPairMismatch("survivor's pension needs both adults of a pair to have it")
    first, second = (proposal.covers_of(a.id, "survivor_pension")[0] for a in holders)
    if first.sum_insured != second.sum_insured:
        raise errors.SurvivorPensionPairMismatch("survivor's pension sums of the pair differ")
    end_years = {
        None if s.individual_end_age is None else a.birth_date.year + s.individual_end_age
        for a, s in zip(holders, (first, second))
    }
    if len(end_years) != 1:
        raise errors.SurvivorPensionPairMismatch("survivor's pension must end in the same year for both adults")


def _check_credit_bundle(proposal: FlexiProposal) -> None:
    """"Pojištění úvěru": death and invalidity 3 compulsory, invalidity 2+1 and incapacity optional; death and
    invalidity on the same sum, always annuity-decreasing."""
    for person in proposal.adults():
        chosen = {s.cover: s for s in proposal.covers if s.insured_id == person.id and s.cover in CREDIT_BUNDLE}
        if not chosen:
            continue
        missing = [code for code in CREDIT_BUNDLE_COMPULSORY if code not in chosen]
        if missing:
            raise errors.CreditBundleIncomplete(f"{person.id}: the credit bundle needs {', '.join(missing)}")
        lump_parts = [chosen[code] for code in CREDIT_BUNDLE_EQUAL_SUMS if code in chosen]
        if len({s.sum_insured for s in lump_parts}) > 1:
            raise errors.CreditBundleSumsDiffer(f"{person.id}: credit death and invalidity sums must be equal")
        if any(s.decrease is None or s.decrease.kind is not DecreaseKind.ANNUITY for s in lump_parts):
            raise errors.CreditBundleNotAnnuityDecreasing(f"{person.id}: credit bundle sums decrease as an annuity")


def _check_single_adult_services(proposal: FlexiProposal) -> None:
    """MAJÁK and MAJÁK+ are "určeno pouze pro jednoho dospělého pojištěného"."""
    for code in SINGLE_ADULT_SERVICES:
        if len({s.insured_id for s in proposal.covers if s.cover == code}) > 1:
            raise errors.ServiceForOneAdultOnly(f"{code} may be chosen for one adult only")


def _check_premium_waiver(proposal: FlexiProposal) -> None:
    """Waiver of premium: "pojištěný (zároveň pojistník)"."""
    for selection in proposal.covers:
        if selection.cover == "premium_waiver" and not proposal.person(selection.insured_id).is_policyholder:
            raise errors.WaiverInsuredNotPolicyholder(
                f"{selection.insured_id} must be the policyholder to have the premium waiver"
            )
