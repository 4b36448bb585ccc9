"""FLEXI rizikové životní pojištění: the premium for one policy year, with its breakdown.

Seed: "Výpočet pojistného FLEXI rizikové životní pojištění". Per instalment:
risk premium per cover + operating costs (35 Kč a month, +10 Kč a month when paid monthly)
+ distribution costs (a percentage of the premium in the first five years, by contract term)
- loyalty discounts. Interpretations (see README): the seed's t/365 is taken as the instalment's share of
a year (months/12); distribution costs are a share of the premium, so they are grossed up
(D = (risk + operating) * p / (100 - p)). This is one year's cost; the level premium that balances the
life reserve over the term ("Výpočet běžného pojistného") and the loyalty discounts it projects are in
``flexi_level_premium``.
"""

from dataclasses import dataclass
from decimal import Decimal

from domain.dates import add_years, completed_years
from domain.premium_periods import Frequency
from domain.products.flexi import CoverSelection, FlexiProposal, FlexiRules, InsuredPerson
from domain.products.flexi_validation import validate_proposal
from domain.products.model import ProductVersion
from domain.products.premium import LineKind, PremiumLine, PremiumQuote, check_minimum_premium, whole_czk
from domain.products.sums import sum_insured_in_year

ZERO = Decimal(0)


@dataclass(frozen=True)
class ProposedLoyaltyDiscounts:
    """Per-instalment loyalty discounts as the reserve projection computes them ("Slevy za věrnost")."""

    from_eighth_year: Decimal = ZERO
    final_years: Decimal = ZERO


def rate_for_age(bands: tuple[tuple[int, int, Decimal], ...], age: int) -> Decimal:
    for low, high, rate in bands:
        if low <= age <= high:
            return rate
    raise ValueError(f"no rate for age {age}")


def basic_death_risk_premiums(sum_insured: Decimal, rates: tuple[Decimal, ...], year_fraction: Decimal,
                              reserve: Decimal = ZERO) -> tuple[Decimal, ...]:
    """Unrounded risk premium of the basic death cover for one insured or for each of a pair ("Základní
    pojištění smrti": RP = q·t/365·max{0; PČ − REZ}; for two, RP1 and RP2 split the joint term by q share)."""
    at_risk = max(ZERO, sum_insured - reserve)
    if len(rates) == 1:
        return (year_fraction * rates[0] * at_risk,)
    q1, q2 = rates
    joint = q1 * q2 * (sum_insured + at_risk)
    first = year_fraction * (sum_insured * q1 * (1 - q2) + q1 / (q1 + q2) * joint)
    second = year_fraction * (sum_insured * q2 * (1 - q1) + q2 / (q1 + q2) * joint)
    return first, second


def distribution_cost_percent(rules: FlexiRules, term_years: int, policy_year: int) -> Decimal:
    row = rules.distribution_cost_percent[min(term_years, max(rules.distribution_cost_percent))]
    return row[policy_year - 1] if policy_year <= len(row) else ZERO


def quote_flexi(product: ProductVersion, proposal: FlexiProposal, policy_year: int = 1, reserve: Decimal = ZERO,
                loyalty: ProposedLoyaltyDiscounts = ProposedLoyaltyDiscounts(), validated: bool = False) -> PremiumQuote:
    """The instalment for ``policy_year`` (1 = first year) of a valid proposal; ``reserve`` is the life reserve
    the basic death formula deducts. The minimum premium is a separate check (``check_flexi_minimum_premium``)
    because it applies at entry and on change requests, not to every year's cost breakdown. ``validated``:
    the caller checked the proposal (an amendment checks what it changes, from its own date)."""
    rules: FlexiRules = product.rules
    if not validated:
        validate_proposal(rules, proposal)
    if not 1 <= policy_year <= proposal.term_years:
        raise ValueError(f"policy year {policy_year} outside the {proposal.term_years}-year term")
    frequency = proposal.frequency
    year_fraction = Decimal(frequency.months) / 12

    lines = basic_death_lines(rules, proposal, policy_year, year_fraction, reserve)
    lines += _other_risk_lines(rules, proposal, policy_year, year_fraction)
    risk = sum((line.amount for line in lines), ZERO)

    operating = rules.operating_cost_per_month * frequency.months
    if frequency is Frequency.MONTHLY:
        operating += rules.monthly_payment_surcharge_per_month
    lines.append(PremiumLine(LineKind.OPERATING_COSTS, "Provozní náklady", whole_czk(operating)))

    percent = distribution_cost_percent(rules, proposal.term_years, policy_year)
    if percent:
        distribution = whole_czk((risk + operating) * percent / (100 - percent))
        lines.append(PremiumLine(LineKind.DISTRIBUTION_COSTS, f"Distribuční náklady {percent} %", distribution))

    before_discounts = sum((line.amount for line in lines), ZERO)
    lines += _loyalty_lines(rules, proposal, policy_year, before_discounts, loyalty)
    return PremiumQuote(product.code, product.version, frequency, tuple(lines))


def check_flexi_minimum_premium(rules: FlexiRules, quote: PremiumQuote) -> None:
    """At entry and on a change request the regular premium after all discounts, except the loyalty discount
    of the final five years, may not fall below the minimum for the frequency ("Minimální běžné pojistné";
    "Změny")."""
    final_years_discount = quote.total(LineKind.FINAL_YEARS_LOYALTY_DISCOUNT)
    check_minimum_premium(rules.minimum_premium, quote.frequency, quote.per_instalment - final_years_discount)


def _age_in_policy_year(person: InsuredPerson, proposal: FlexiProposal, policy_year: int) -> int:
    return completed_years(person.birth_date, add_years(proposal.start, policy_year - 1))


def cover_years(rules: FlexiRules, proposal: FlexiProposal, selection: CoverSelection) -> int:
    """How many policy years a cover runs: to the contract end, its individual end or its exit age,
    whichever comes first."""
    person = proposal.person(selection.insured_id)
    cover = rules.covers[selection.cover]
    ages = cover.ages or rules.child_ages
    age_at_start = completed_years(person.birth_date, proposal.start)
    end_age = min(ages.exit_max, selection.individual_end_age or ages.exit_max)
    return min(proposal.term_years, end_age - age_at_start)


def basic_death_lines(rules: FlexiRules, proposal: FlexiProposal, policy_year: int, year_fraction: Decimal,
                      reserve: Decimal) -> list[PremiumLine]:
    """The basic death cover's risk premium lines: the only part of a year's cost the reserve changes."""
    insured = [
        (adult, selection)
        for adult in proposal.adults()
        for selection in proposal.covers_of(adult.id, "basic_death")
        if policy_year <= cover_years(rules, proposal, selection)
    ]
    if not insured:
        return []
    ages = (_age_in_policy_year(adult, proposal, policy_year) for adult, _ in insured)
    rates = tuple(rate_for_age(rules.mortality_rates, age) for age in ages)
    premiums = basic_death_risk_premiums(insured[0][1].sum_insured, rates, year_fraction, reserve)
    name = rules.covers["basic_death"].name
    return [
        PremiumLine(LineKind.RISK, name, whole_czk(premium), adult.id, "basic_death")
        for (adult, _), premium in zip(insured, premiums)
    ]


def _other_risk_lines(rules: FlexiRules, proposal: FlexiProposal, policy_year: int,
                      year_fraction: Decimal) -> list[PremiumLine]:
    lines = []
    for selection in proposal.covers:
        if selection.cover == "basic_death" or policy_year > cover_years(rules, proposal, selection):
            continue
        cover = rules.covers[selection.cover]
        person = proposal.person(selection.insured_id)
        rate = rate_for_age(rules.cover_rates[cover.code], _age_in_policy_year(person, proposal, policy_year))
        amount = whole_czk(rate * _sum_in_year(rules, proposal, selection, policy_year) * year_fraction)
        lines.append(PremiumLine(LineKind.RISK, cover.name, amount, person.id, cover.code))
    return lines


def _sum_in_year(rules: FlexiRules, proposal: FlexiProposal, selection: CoverSelection, policy_year: int) -> Decimal:
    """The sum insured in force in the policy year; derived covers follow their parent; covers without a
    sum count as 1 so that their rate is their price."""
    cover = rules.covers[selection.cover]
    if cover.derived_share_of is not None:
        parent_code, share = cover.derived_share_of
        parents = proposal.covers_of(selection.insured_id, parent_code)
        return share * sum(_sum_in_year(rules, proposal, parent, policy_year) for parent in parents)
    if selection.sum_insured is None:
        return Decimal(1)
    return sum_insured_in_year(selection.sum_insured, selection.decrease,
                               cover_years(rules, proposal, selection), policy_year)


def _loyalty_lines(rules: FlexiRules, proposal: FlexiProposal, policy_year: int, premium: Decimal,
                   proposed: ProposedLoyaltyDiscounts) -> list[PremiumLine]:
    """"Slevy za věrnost": from the 8th year; and from the 5th year before the end when the term is 18 years
    or more. Each is granted only when it is at least 30 Kč; in the final years the monthly premium stays
    at least 100 Kč (taken here as a cap on the final-years discount)."""
    loyalty = rules.loyalty
    lines = []
    if policy_year >= loyalty.first_discount_from_year and proposed.from_eighth_year >= loyalty.minimum_discount:
        lines.append(PremiumLine(LineKind.LOYALTY_DISCOUNT, "Sleva za věrnost od 8. roku", -proposed.from_eighth_year))
    in_final_years = policy_year > proposal.term_years - loyalty.final_discount_years_before_end
    if (proposal.term_years >= loyalty.final_discount_min_term_years and in_final_years
            and proposed.final_years >= loyalty.minimum_discount):
        after_first = premium + sum((line.amount for line in lines), ZERO)
        floor = loyalty.final_years_min_monthly_premium * proposal.frequency.months
        granted = min(proposed.final_years, max(ZERO, after_first - floor))
        if granted >= loyalty.minimum_discount:
            lines.append(PremiumLine(LineKind.FINAL_YEARS_LOYALTY_DISCOUNT, "Sleva za věrnost 5 let před koncem",
                                     -granted))
    return lines
