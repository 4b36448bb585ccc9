"""The Policy aggregate: the system of record of one insurance contract.

This is the foundation slice (issue and premium payment); the full lifecycle grows here.
Commands (imperative, public) check the rules and compute; the ``@event`` methods (past
tense, private) only apply values they are given, so replaying them is deterministic.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.birth_number import BirthNumber
from domain.errors import DomainError
from domain.metadata import EventMetadata
from domain.money import czk
from domain.premium_periods import Frequency, allocate_payment, paid_to_date

POLICY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:policy")
# The payment reference (variabilní symbol) is the contract number and has at most 10 digits.
POLICY_NUMBER = re.compile(r"^[1-9]\d{0,9}$")


class InvalidPolicyNumber(DomainError):
    rule = "policy-number-is-payment-reference"


class InvalidPremium(DomainError):
    rule = "premium-positive"


class InvalidPayment(DomainError):
    rule = "payment-positive"


class PaymentDateInFuture(DomainError):
    rule = "payment-date-not-in-future"


class PaymentBeforeIssue(DomainError):
    rule = "payment-after-issue"


class DuplicatePayment(DomainError):
    rule = "payment-recorded-once"


class PolicyNotInForce(DomainError):
    rule = "policy-in-force"


def policy_id_for(policy_number: str) -> UUID:
    """Policies are addressed by contract number, so the id is derived from it."""
    return uuid5(POLICY_NAMESPACE, policy_number)


class Policy(Aggregate):
    IN_FORCE = "in_force"

    @staticmethod
    def create_id(policy_number: str, **_: object) -> UUID:
        return policy_id_for(policy_number)

    @classmethod
    def issue(
        cls,
        *,
        policy_number: str,
        product_code: str,
        policyholder_name: str,
        policyholder_birth_number: str,
        advisor_id: str,
        frequency: Frequency,
        premium: Decimal,
        start_date: date,
        meta: EventMetadata,
    ) -> Policy:
        if not POLICY_NUMBER.match(policy_number):
            raise InvalidPolicyNumber(
                f"policy number {policy_number!r} must be 1-10 digits without a leading zero"
            )
        if czk(premium) <= 0:
            raise InvalidPremium(f"premium must be positive, got {premium}")
        birth_number = BirthNumber.parse(policyholder_birth_number)
        return cls(
            policy_number=policy_number,
            product_code=product_code,
            policyholder_name=policyholder_name,
            policyholder_birth_number=birth_number.value,
            advisor_id=advisor_id,
            frequency=frequency,
            premium=czk(premium),
            start_date=start_date,
            meta=meta,
        )

    @event("Issued")
    def __init__(
        self,
        policy_number: str,
        product_code: str,
        policyholder_name: str,
        policyholder_birth_number: str,
        advisor_id: str,
        frequency: Frequency,
        premium: Decimal,
        start_date: date,
        meta: EventMetadata,
    ) -> None:
        self.policy_number = policy_number
        self.product_code = product_code
        self.policyholder_name = policyholder_name
        self.policyholder_birth_number = policyholder_birth_number
        self.advisor_id = advisor_id
        self.frequency = frequency
        self.premium = premium
        self.start_date = start_date
        self.status = self.IN_FORCE
        self.periods_paid = 0
        self.credit = Decimal("0.00")
        self.payment_ids: set[str] = set()

    @property
    def paid_to(self) -> date | None:
        return paid_to_date(self.start_date, self.frequency, self.periods_paid)

    def record_premium_payment(
        self,
        *,
        payment_id: str,
        amount: Decimal,
        received_on: date,
        today: date,
        meta: EventMetadata,
    ) -> None:
        if self.status != self.IN_FORCE:
            raise PolicyNotInForce(f"policy {self.policy_number} is {self.status}")
        if payment_id in self.payment_ids:
            raise DuplicatePayment(f"payment {payment_id!r} is already recorded on {self.policy_number}")
        if czk(amount) <= 0:
            raise InvalidPayment(f"a payment must be positive, got {amount}")
        if received_on > today:
            raise PaymentDateInFuture(f"payment received on {received_on} is after today {today}")
        allocation = allocate_payment(self.premium, self.periods_paid, self.credit, czk(amount))
        self._premium_payment_recorded(
            payment_id=payment_id,
            amount=czk(amount),
            received_on=received_on,
            periods_paid=allocation.periods_paid,
            paid_to=paid_to_date(self.start_date, self.frequency, allocation.periods_paid),
            credit=allocation.credit,
            meta=meta,
        )

    @event("PremiumPaymentRecorded")
    def _premium_payment_recorded(
        self,
        payment_id: str,
        amount: Decimal,
        received_on: date,
        periods_paid: int,
        paid_to: date | None,
        credit: Decimal,
        meta: EventMetadata,
    ) -> None:
        self.payment_ids.add(payment_id)
        self.periods_paid = periods_paid
        self.credit = credit
