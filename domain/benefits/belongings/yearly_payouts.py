"""At most 2 (Plus) or 4 (Rodina Plus, whole family) payouts per calendar year, all perils."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.benefits.belongings.errors import YearlyPayoutLimitReached
from domain.benefits.belongings.variants import Variant


def require_payout_available(
    variant: Variant, event_date: date, earlier_payout_event_dates: Iterable[date]
) -> None:
    """Refuse a payout beyond the calendar year's count; years are those of the events.

    Seed: personal-belongings-and-cards.txt, contract čl. II bod 2.4: "poskytne pojistitel
    pojistné plnění ze všech pojistných nebezpečí maximálně dvakrát (2×) v jednom kalendářním
    roce; v případě varianty Rodina Plus maximálně čtyřikrát (4×) ... v součtu pro všechny
    pojištěné členy rodiny". Pass the event dates of payouts already made to the family.
    """
    paid_this_year = sum(1 for paid in earlier_payout_event_dates if paid.year == event_date.year)
    allowed = variant.limits.payouts_per_calendar_year
    if paid_this_year >= allowed:
        raise YearlyPayoutLimitReached(
            f"{variant.name} pays at most {allowed}× a calendar year, {event_date.year} has {paid_this_year}"
        )
