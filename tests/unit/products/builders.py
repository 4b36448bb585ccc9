"""Small builders for product tests: a valid proposal, varied one field at a time."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from domain.products.flexi import CoverSelection, FlexiProposal, InsuredKind, InsuredPerson

CATALOGUE = default_catalogue()
FLEXI = CATALOGUE.get("FLEXI_RISK_LIFE", "ZD020Q-2023-04")
FLEXI_RULES = FLEXI.rules

SIGNED = date(2024, 1, 1)
START = date(2024, 1, 1)


def adult(id_: str = "A", born: date = date(1990, 6, 15), policyholder: bool = True) -> InsuredPerson:
    return InsuredPerson(id_, InsuredKind.ADULT, born, is_policyholder=policyholder)


def child(id_: str = "C", born: date = date(2015, 3, 10)) -> InsuredPerson:
    return InsuredPerson(id_, InsuredKind.CHILD, born)


def cover(code: str, amount: str | None, insured: str = "A", **options) -> CoverSelection:
    return CoverSelection(insured, code, Decimal(amount) if amount is not None else None, **options)


def flexi(*covers: CoverSelection, insured=(), term_years: int = 10, frequency: Frequency = Frequency.YEARLY,
          signed_on: date = SIGNED, start: date = START) -> FlexiProposal:
    """Adult A aged 33 with a basic death cover of 1 000 000 unless covers say otherwise."""
    people = tuple(insured) or (adult(),)
    chosen = covers or (cover("basic_death", "1000000"),)
    return FlexiProposal(signed_on, start, term_years, frequency, people, chosen)


def with_(proposal: FlexiProposal, **changes) -> FlexiProposal:
    return replace(proposal, **changes)
