"""Matching a bank-statement line to a policy: pure decisions, then what the core said.

"the payment reference is the contract number; the date of payment is the day it reaches the
insurer's account" (DOMAIN.md, Money in). Whether the amount is exact, partial or an over-payment
is the policy's business: every payment goes to the oldest unpaid instalment and what is left is
credit for the next one (domain/instalments.py). What cannot be recorded is parked with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal
from uuid import NAMESPACE_URL, uuid5

from aggregates.policy import POLICY_NUMBER, DateInFuture, DuplicatePayment, PolicyNotInForce
from application.commands import RecordPremiumPayment
from application.policy_service import CommandIdReused, Outcome, PolicyNotFound
from consumers.bank_statements import StatementLine
from domain.errors import DomainError
from domain.metadata import Channel

STATEMENT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:bank-statement-line")
PREMIUM_CURRENCY = "CZK"


@dataclass(frozen=True)
class Parked:
    reason: str  # a rule slug back office filters by
    detail: str
    policy_number: str | None = None  # the contract the line names, when it exists (not in force, future date)
    outcome: ClassVar[str] = "parked"


@dataclass(frozen=True)
class Settled:
    """The line's money is on the policy: recorded now, or a duplicate of a payment recorded under its id."""
    policy_number: str
    outcome: Literal["recorded", "duplicate"] = "recorded"


def decide(line: StatementLine) -> RecordPremiumPayment | Parked:
    """The payment command for a line, or why it cannot be one."""
    if line.currency != PREMIUM_CURRENCY:
        return Parked("premium-paid-in-czk", f"{line.amount} {line.currency}: premium is paid in CZK")
    if line.amount <= 0:
        return Parked("statement-line-is-a-credit", f"{line.amount} CZK is not a payment received")
    if not line.variable_symbol:
        return Parked("payment-reference-given", "no variable symbol: the contract is not named")
    if not POLICY_NUMBER.match(line.variable_symbol):
        return Parked("payment-reference-is-a-contract-number",
                      f"variable symbol {line.variable_symbol!r} is not a contract number")
    return RecordPremiumPayment(
        command_id=uuid5(STATEMENT_NAMESPACE, line.line_id), actor="bank-statement-matching", channel=Channel.BATCH,
        reason=f"statement {line.statement_id}", policy_number=line.variable_symbol, payment_id=line.line_id,
        amount=line.amount, received_on=line.booked_on)


# What the core's refusal means for the line.
_REFUSALS: dict[type[DomainError], str] = {
    PolicyNotFound: "unknown-contract",
    PolicyNotInForce: "contract-not-in-force",
    DateInFuture: "booked-in-the-future",
    CommandIdReused: "line-id-reused-for-other-content",
}
# Refusals that do not show the named contract exists.
_NO_CONTRACT = (PolicyNotFound, CommandIdReused)


def settle(payment: RecordPremiumPayment, answer: Outcome | DomainError) -> Settled | Parked:
    """What the core's answer to the line's payment means for the line. A repeat of this very command
    (a replay after a crash) answers with the recorded outcome: the line is recorded, once."""
    if isinstance(answer, DuplicatePayment):
        return Settled(payment.policy_number, "duplicate")
    if not isinstance(answer, DomainError):
        return Settled(payment.policy_number)
    reason = next((slug for kind, slug in _REFUSALS.items() if isinstance(answer, kind)), answer.rule)
    return Parked(reason, str(answer), None if isinstance(answer, _NO_CONTRACT) else payment.policy_number)
