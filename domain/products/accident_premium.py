"""Accident premium (handbook chapter 7 "Pojistné").

7 UO: a fixed premium per frequency, never monthly. 23 UO / 53 UD: the risk premium of each cover by risk
group (ILLUSTRATIVE rates), then the frequency discount 7 / 5 / 3 / 0 % (yearly / half-yearly / quarterly /
monthly).
"""

from decimal import Decimal

from domain.products.accident import AccidentProposal, AccidentRules, validate_accident_proposal
from domain.products.model import ProductVersion
from domain.products.premium import LineKind, PremiumLine, PremiumQuote, whole_czk


def quote_accident(product: ProductVersion, proposal: AccidentProposal) -> PremiumQuote:
    rules: AccidentRules = product.rules
    validate_accident_proposal(rules, proposal)
    frequency = proposal.frequency
    if rules.fixed_premium is not None:
        line = PremiumLine(LineKind.FIXED_TARIFF, f"{rules.tariff} pojistné", rules.fixed_premium[frequency])
        return PremiumQuote(product.code, product.version, frequency, (line,))

    rates = rules.rates[(proposal.risk_group, proposal.raised_sports_risk)]
    year_fraction = Decimal(frequency.months) / 12
    lines = [
        PremiumLine(LineKind.RISK, rules.covers[code].name, whole_czk(rates[code] * amount * year_fraction),
                    cover=code)
        for code, amount in proposal.covers.items()
    ]
    percent = rules.frequency_discount_percent[frequency]
    if percent:
        gross = sum((line.amount for line in lines), Decimal(0))
        lines.append(PremiumLine(LineKind.FREQUENCY_DISCOUNT, f"Sleva za frekvenci placení {percent} %",
                                 -whole_czk(gross * percent / 100)))
    return PremiumQuote(product.code, product.version, frequency, tuple(lines))
