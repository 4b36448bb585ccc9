"""FLEXI's level premium from the life-reserve projection ("Výpočet běžného pojistného").

The seed: the premium pays the risk premium, the operating costs and the distribution costs; "Od počátku
pojištění se vytváří životní rezerva", which "nesmí klesnout v průběhu pojistné doby pod mínus dvojnásobek
ročního pojistného", "musí být na konci 15. roku trvání smlouvy i po všechny roky následující na konci každého
kalendářního měsíce nezáporná" and "nesmí na konci pojistné doby klesnout pod vyšší z hodnot 8.000 Kč nebo 2%
z ročního pojistného vynásobeného počtem let"; "Výsledné pojistné je dále sníženo max. o 3 % tak, aby stav
rezervy na konci pojistné doby nebyl záporný". Loyalty ("Slevy za věrnost"): from the 8th year the premium is
lowered so that the end reserve is 70 % of the one computed at the start; from the 5th year before the end
(terms of 18 years and more) so that it is nil.

Interpretations (domain/products/README.md): no technical interest (the seed names none); each instalment is
paid and its costs charged at the start of its period (risk premium on the reserve before it, operating
costs, distribution costs as the year's percentage *of the level premium*), so the reserve at every month end
within a period is the one after its instalment; the level premium is the least whole-crown instalment that
keeps all three rules, and the 3 % reduction keeps the first two and a non-negative end reserve.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from domain.products.flexi import FlexiProposal, FlexiRules
from domain.products.flexi_premium import (
    ProposedLoyaltyDiscounts,
    basic_death_lines,
    distribution_cost_percent,
    quote_flexi,
)
from domain.products.flexi_validation import validate_proposal
from domain.products.model import ProductVersion
from domain.products.premium import LineKind, PremiumLine, PremiumQuote, whole_czk

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
Premiums = Callable[[int], Decimal]  # policy year -> the instalment paid in it


@dataclass(frozen=True)
class LevelPremium:
    """The instalment, the one before the final reduction, the reserve after each instalment and the loyalty
    discounts the projection gives (to be granted by their rules: at least 30 Kč, ...)."""

    premium: Decimal
    unreduced: Decimal
    reserves: tuple[Decimal, ...]
    loyalty: ProposedLoyaltyDiscounts
    first_year: PremiumQuote  # the first instalment's breakdown, the balance going to the reserve

    @property
    def end_reserve(self) -> Decimal:
        return self.reserves[-1]


def level_premium(product: ProductVersion, proposal: FlexiProposal) -> LevelPremium:
    rules: FlexiRules = product.rules
    validate_proposal(rules, proposal)
    project = _Projection(product, proposal)
    unreduced = project.least(project.keeps_all_rules)
    floor = whole_czk(unreduced * (HUNDRED - rules.reserve.final_reduction_percent) / HUNDRED)
    premium = project.least(project.keeps_the_course_to_a_non_negative_end, low=floor)
    reserves = project.reserves(_level(premium))
    return LevelPremium(premium, unreduced, reserves, project.loyalty(premium, reserves[-1]),
                        project.first_year(premium))


def _level(premium: Decimal) -> Premiums:
    return lambda _year: premium


class _Projection:
    def __init__(self, product: ProductVersion, proposal: FlexiProposal) -> None:
        self.product, self.proposal, self.rules = product, proposal, product.rules
        self.per_year = proposal.frequency.instalments_per_year
        self.instalments = proposal.term_years * self.per_year
        self.year_fraction = Decimal(proposal.frequency.months) / 12
        # Per policy year, what an instalment costs whatever the reserve: the other covers' risk premium
        # and the operating costs (only the basic death cover's risk premium depends on the reserve).
        self.fixed_costs = {year: self._costs_besides_basic_death(year) for year in range(1, proposal.term_years + 1)}

    def _costs_besides_basic_death(self, year: int) -> Decimal:
        quote = quote_flexi(self.product, self.proposal, year, validated=True)
        return sum((line.amount for line in quote.lines
                    if line.kind is LineKind.OPERATING_COSTS
                    or (line.kind is LineKind.RISK and line.cover != "basic_death")), ZERO)

    def reserves(self, premiums: Premiums) -> tuple[Decimal, ...]:
        """The reserve after each instalment of the term."""
        reserve, after = ZERO, []
        for index in range(self.instalments):
            year = index // self.per_year + 1
            premium = premiums(year)
            death = basic_death_lines(self.rules, self.proposal, year, self.year_fraction, reserve)
            costs = (self.fixed_costs[year] + sum((line.amount for line in death), ZERO)
                     + self._distribution(premium, year))
            reserve += premium - costs
            after.append(reserve)
        return tuple(after)

    def _distribution(self, premium: Decimal, year: int) -> Decimal:
        return whole_czk(premium * distribution_cost_percent(self.rules, self.proposal.term_years, year) / HUNDRED)

    def _keeps_the_course(self, reserves: tuple[Decimal, ...], premium: Decimal) -> bool:
        """Never below minus two annual premiums; not negative from the end of the 15th year on."""
        rules = self.rules.reserve
        lowest = -rules.lowest_in_annual_premiums * premium * self.per_year
        from_index = rules.non_negative_from_year * self.per_year - 1
        return all(r >= lowest for r in reserves) and all(r >= ZERO for r in reserves[from_index:])

    def keeps_all_rules(self, premium: Decimal) -> bool:
        """The course, and at the end at least max(8 000; 2 % of the annual premium x years)."""
        rules, reserves = self.rules.reserve, self.reserves(_level(premium))
        annual = premium * self.per_year
        end_floor = max(rules.end_floor,
                        annual * self.proposal.term_years * rules.end_floor_percent_of_annual_per_year / HUNDRED)
        return self._keeps_the_course(reserves, premium) and reserves[-1] >= end_floor

    def keeps_the_course_to_a_non_negative_end(self, premium: Decimal) -> bool:
        """What the final reduction of at most 3 % must keep."""
        reserves = self.reserves(_level(premium))
        return self._keeps_the_course(reserves, premium) and reserves[-1] >= ZERO

    def least(self, keeps: Callable[[Decimal], bool], low: Decimal = ONE) -> Decimal:
        """The least whole-crown instalment from ``low`` that keeps the rules (they loosen as it grows)."""
        high = max(low, Decimal(100))
        while not keeps(high):
            low, high = high + 1, high * 2
        while low < high:
            middle = whole_czk((low + high) / 2 - Decimal("0.5"))
            if keeps(middle):
                high = middle
            else:
                low = middle + 1
        return high

    def loyalty(self, premium: Decimal, end_reserve: Decimal) -> ProposedLoyaltyDiscounts:
        """The discounts as the projection gives them: from the 8th year to 70 % of the end reserve computed
        at the start, and (18 years and more) from the 5th year before the end to a nil end reserve."""
        loyalty, reserve_rules = self.rules.loyalty, self.rules.reserve
        term = self.proposal.term_years
        if term < loyalty.first_discount_from_year:
            return ProposedLoyaltyDiscounts()
        target = end_reserve * reserve_rules.loyalty_end_reserve_percent / HUNDRED

        def from_eighth(candidate: Decimal) -> Premiums:
            return lambda year: premium if year < loyalty.first_discount_from_year else candidate

        lowered = self.least(lambda c: self.reserves(from_eighth(c))[-1] >= target, low=ONE)
        first = max(ZERO, premium - min(lowered, premium))
        if term < loyalty.final_discount_min_term_years:
            return ProposedLoyaltyDiscounts(from_eighth_year=first)
        last_years_from = term - loyalty.final_discount_years_before_end + 1
        middle = premium - first

        def final(candidate: Decimal) -> Premiums:
            return lambda year: (premium if year < loyalty.first_discount_from_year
                                 else middle if year < last_years_from else candidate)

        last = self.least(lambda c: self.reserves(final(c))[-1] >= ZERO, low=ONE)
        return ProposedLoyaltyDiscounts(from_eighth_year=first, final_years=max(ZERO, middle - min(last, middle)))

    def first_year(self, premium: Decimal) -> PremiumQuote:
        """The first instalment: its costs by line and what it leaves to the reserve."""
        quote = quote_flexi(self.product, self.proposal, 1, validated=True)
        costs = [line for line in quote.lines if line.kind in (LineKind.RISK, LineKind.OPERATING_COSTS)]
        percent = distribution_cost_percent(self.rules, self.proposal.term_years, 1)
        costs.append(PremiumLine(LineKind.DISTRIBUTION_COSTS, f"Distribuční náklady {percent} %",
                                 self._distribution(premium, 1)))
        to_reserve = premium - sum((line.amount for line in costs), ZERO)
        return PremiumQuote(quote.product_code, quote.product_version, quote.frequency,
                            (*costs, PremiumLine(LineKind.RESERVE, "Tvorba rezervy", to_reserve)))
