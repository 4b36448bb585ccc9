"""Decreasing sums insured (FLEXI Produktový list, "Klesající pojistná částka").

The sum decreases once a year on the anniversary of the cover's start:
linear by 1/n of the initial sum a year (n = the cover's term in years); annuity like the outstanding
balance of a loan repaid in n equal yearly instalments at the chosen rate.
"""

from decimal import Decimal

from domain.money import round_czk
from domain.products.flexi import Decrease, DecreaseKind


def sum_insured_in_year(initial: Decimal, decrease: Decrease | None, term_years: int, policy_year: int) -> Decimal:
    """The sum insured during ``policy_year`` (1 = the first year) of a cover running ``term_years``."""
    if not 1 <= policy_year <= term_years:
        raise ValueError(f"policy year {policy_year} outside a {term_years}-year term")
    if decrease is None:
        return initial
    elapsed = policy_year - 1
    if decrease.kind is DecreaseKind.LINEAR:
        return round_czk(initial * (term_years - elapsed) / term_years)
    if decrease.annual_rate_percent is None:
        raise ValueError("an annuity decrease needs its rate")
    discount = 1 / (1 + decrease.annual_rate_percent / 100)
    return round_czk(initial * (1 - discount ** (term_years - elapsed)) / (1 - discount**term_years))
