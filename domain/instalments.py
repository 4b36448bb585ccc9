"""Premium schedule over a policy's life: instalments that follow amendments of premium and frequency.

Rules (DOMAIN.md, "Life of a policy" and "Money in"):

- Regular premium is due in full on the first day of each premium period.
- Each period takes the amount and frequency of the terms in force on the day it starts. A change
  effective inside a running period therefore applies from the next due date: the running period
  keeps its old amount and length (technical changes take effect on the 1st of a month, a
  frequency change at the next due date).
- A frequency change re-anchors the periods at that due date. Every due date is still computed
  from the start date (``add_months(start_date, months since start)``), never chained, so a policy
  started on 31 January stays due on the last day of short months and on the 31st of long ones.
- At the end of the policy there is no pro-rata: the period running on ``end_date`` is due in full
  (a refund of unearned premium is not this module's concern); a period starting on or after
  ``end_date`` is not due.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from domain.dates import add_months
from domain.errors import DomainError
from domain.money import czk
from domain.premium_periods import Frequency


class PremiumNotPositive(DomainError):
    rule = "premium-positive"


class TermsBeforeStart(DomainError):
    rule = "premium-terms-not-before-policy-start"


class NoTermsAtStart(DomainError):
    rule = "premium-terms-in-force-from-policy-start"


class EndBeforeStart(DomainError):
    rule = "policy-end-not-before-start"


@dataclass(frozen=True)
class PremiumTerms:
    """Premium per period and frequency in force from ``effective_from``."""

    effective_from: date
    premium: Decimal
    frequency: Frequency

    def __post_init__(self) -> None:
        premium = czk(self.premium)
        if premium <= 0:
            raise PremiumNotPositive(f"premium must be positive, got {premium}")
        object.__setattr__(self, "premium", premium)


@dataclass(frozen=True)
class Instalment:
    index: int  # 0-based, in due order
    due_date: date  # first day of the period
    period_end: date  # last day of the period (not cut at the policy's end)
    amount: Decimal
    frequency: Frequency


@dataclass(frozen=True)
class Coverage:
    paid_to: date | None  # last day covered by whole paid instalments; None while none is paid
    instalments_paid: int
    credit: Decimal  # received but not enough for the next whole instalment
    debt_on: Decimal  # due by the day asked about and not covered
    first_unpaid: Instalment | None  # None when every instalment of an ended policy is paid


@dataclass(frozen=True)
class Schedule:
    """Premium terms of one policy over time; ``end_date`` is the day the insurance ends, if it has."""

    start_date: date
    terms: tuple[PremiumTerms, ...]
    end_date: date | None = None

    def __post_init__(self) -> None:
        terms = tuple(sorted(self.terms, key=lambda t: t.effective_from))
        if terms and terms[0].effective_from < self.start_date:
            raise TermsBeforeStart(f"terms effective {terms[0].effective_from} before start {self.start_date}")
        if not terms or terms[0].effective_from != self.start_date:
            raise NoTermsAtStart(f"no premium terms effective on start {self.start_date}")
        if self.end_date is not None and self.end_date < self.start_date:
            raise EndBeforeStart(f"end {self.end_date} before start {self.start_date}")
        object.__setattr__(self, "terms", terms)

    def instalments(self, until: date) -> list[Instalment]:
        """Instalments due on or before ``until``."""
        result = []
        for instalment in self._all_instalments():
            if instalment.due_date > until:
                break
            result.append(instalment)
        return result

    def due_by(self, on: date) -> Decimal:
        return sum((i.amount for i in self.instalments(on)), Decimal("0.00"))

    def allocate(self, payments: Sequence[tuple[date, Decimal]], on: date) -> Coverage:
        """What the payments received by ``on`` cover.

        Payments go, in the order received, to the oldest unpaid instalment, including instalments
        not yet due (pre-payment); so only their total matters. An instalment is paid only in whole:
        a part payment stays as credit and does not move ``paid_to``.
        """
        available = sum((czk(amount) for received, amount in payments if received <= on), Decimal("0.00"))
        received = available
        paid: list[Instalment] = []
        first_unpaid = None
        for instalment in self._all_instalments():
            if available < instalment.amount:
                first_unpaid = instalment
                break
            available -= instalment.amount
            paid.append(instalment)
        return Coverage(
            paid_to=paid[-1].period_end if paid else None,
            instalments_paid=len(paid),
            credit=available,
            debt_on=max(self.due_by(on) - received, Decimal("0.00")),
            first_unpaid=first_unpaid,
        )

    def with_terms(self, new: PremiumTerms) -> Schedule:
        """Terms from ``new.effective_from`` on replaced by ``new`` (a backdated correction drops what followed)."""
        kept = tuple(t for t in self.terms if t.effective_from < new.effective_from)
        return replace(self, terms=(*kept, new))

    def ended(self, end_date: date) -> Schedule:
        return replace(self, end_date=end_date)

    def _terms_on(self, day: date) -> PremiumTerms:
        return [t for t in self.terms if t.effective_from <= day][-1]

    def _all_instalments(self) -> Iterator[Instalment]:
        """Every instalment in due order; endless while the policy has no end date."""
        months_from_start, index = 0, 0
        while True:
            due_date = add_months(self.start_date, months_from_start)
            if self.end_date is not None and due_date >= self.end_date:
                return
            terms = self._terms_on(due_date)
            months_from_start += terms.frequency.months
            period_end = add_months(self.start_date, months_from_start) - timedelta(days=1)
            yield Instalment(index, due_date, period_end, terms.premium, terms.frequency)
            index += 1
