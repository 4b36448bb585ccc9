"""Pricing an offer before it is proposed: FLEXI's level premium with its breakdown (advisors' tool)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from application.commands import Cover, Insured
from domain.policy_covers import flexi_proposal
from domain.premium_periods import Frequency
from domain.products.catalogue import Catalogue
from domain.products.flexi_level_premium import level_premium


class FlexiOffer(BaseModel):
    """The persons, covers, term and frequency of a FLEXI offer."""

    model_config = ConfigDict(extra="forbid")

    frequency: Frequency
    start_date: date
    end_date: date
    concluded_on: date | None = Field(default=None, description="day the offer is signed; default the start")
    insured: Annotated[list[Insured], Field(min_length=1, max_length=7)]
    covers: Annotated[list[Cover], Field(min_length=1, max_length=60)]


class QuoteLine(BaseModel):
    kind: str
    description: str
    amount: Decimal
    insured_id: str | None = None
    cover: str | None = None


class FlexiQuote(BaseModel):
    product_version: str
    frequency: Frequency
    premium: Decimal = Field(description="the level instalment, after the reduction of at most 3 %")
    unreduced_premium: Decimal = Field(description="the least instalment keeping all three reserve rules")
    first_instalment: list[QuoteLine] = Field(description="its costs and what it leaves to the life reserve")
    reserve_at_year_end: list[Decimal] = Field(description="the projected life reserve at the end of each policy year")
    loyalty_discount_from_eighth_year: Decimal = Field(description="as projected; granted when at least 30 Kč")
    loyalty_discount_final_years: Decimal = Field(description="as projected (terms of 18 years and more)")


def quote_flexi_offer(catalogue: Catalogue, offer: FlexiOffer) -> FlexiQuote:
    product = catalogue.version_in_force("FLEXI_RISK_LIFE", offer.start_date)
    proposal = flexi_proposal(offer.start_date, offer.end_date, offer.concluded_on or offer.start_date,
                              offer.frequency, [person.model_dump() for person in offer.insured],
                              [cover.model_dump() for cover in offer.covers])
    quoted = level_premium(product, proposal)
    per_year = offer.frequency.instalments_per_year
    return FlexiQuote(
        product_version=product.version, frequency=offer.frequency, premium=quoted.premium,
        unreduced_premium=quoted.unreduced,
        first_instalment=[QuoteLine(kind=line.kind.value, description=line.label, amount=line.amount,
                                    insured_id=line.insured_id, cover=line.cover) for line in quoted.first_year.lines],
        reserve_at_year_end=list(quoted.reserves[per_year - 1::per_year]),
        loyalty_discount_from_eighth_year=quoted.loyalty.from_eighth_year,
        loyalty_discount_final_years=quoted.loyalty.final_years,
    )
