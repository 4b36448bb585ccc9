"""Advisor read model: contract list and detail (number, policyholder, status, premium, paid-to).

A batch is applied as a fold: load the current rows of the policies in the batch, evolve
them in memory event by event (``evolve`` is pure), then write the changed rows and new
payment lines with a few set-based statements. Each row keeps the policy version it reflects,
which is how duplicates are skipped and gaps are caught.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from domain.money import to_halere
from infrastructure.database import Transaction
from producers.schema import (
    AmendmentAgreedV1,
    LoyaltyDiscountGrantedV1,
    PolicyEndedV1,
    PolicyEventV1,
    PolicyholderChangedV1,
    PolicyIssuedV1,
    PolicyReducedV1,
    PremiumPaymentRecordedV1,
    RiskGroupChangedV1,
)
from projections.base import ProjectionRejected, ProjectionResult, fold_in_sequence, load_rows


@dataclass(frozen=True)
class ContractRow:
    policy_id: str
    policy_number: str
    product_code: str
    policyholder_name: str
    advisor_id: str
    status: str
    frequency: str
    premium_halere: int
    start_date: date
    paid_to: date | None
    credit_halere: int
    total_paid_halere: int
    payments_count: int
    version: int
    updated_at: str
    product_version: str | None
    ended_on: date | None
    end_reason: str | None


@dataclass(frozen=True)
class PaymentLine:
    policy_id: str
    payment_id: str
    amount_halere: int
    received_on: date
    paid_to: date | None


def evolve(row: ContractRow | None, event: PolicyEventV1) -> tuple[ContractRow, PaymentLine | None]:
    """The next state of one contract row after one event. Pure."""
    stamp = {"version": event.sequence, "updated_at": event.time.isoformat()}
    data = event.data
    if isinstance(event, PolicyIssuedV1):
        return ContractRow(
            policy_id=str(event.subject),
            policy_number=data.policy_number,
            product_code=data.product_code,
            policyholder_name=data.policyholder_name,
            advisor_id=data.advisor_id,
            status="in_force",
            frequency=data.frequency.value,
            premium_halere=to_halere(data.premium),
            start_date=data.start_date,
            paid_to=None,
            credit_halere=0,
            total_paid_halere=0,
            payments_count=0,
            product_version=data.product_version,
            ended_on=None,
            end_reason=None,
            **stamp,
        ), None
    if row is None:
        raise ProjectionRejected(f"{event.type} for contract {event.subject}, which was never issued"
                                 " (rule: contract-issued-first)")
    if isinstance(event, PremiumPaymentRecordedV1):
        amount = to_halere(data.amount)
        return replace(
            row, paid_to=data.paid_to, credit_halere=to_halere(data.credit),
            total_paid_halere=row.total_paid_halere + amount, payments_count=row.payments_count + 1, **stamp,
        ), PaymentLine(row.policy_id, data.payment_id, amount, data.received_on, data.paid_to)
    if isinstance(event, (AmendmentAgreedV1, LoyaltyDiscountGrantedV1, RiskGroupChangedV1)):
        return replace(row, premium_halere=to_halere(data.premium), frequency=data.frequency.value,
                       paid_to=data.paid_to, credit_halere=to_halere(data.credit), **stamp), None
    if isinstance(event, PolicyholderChangedV1):
        return replace(row, policyholder_name=data.name, **stamp), None
    if isinstance(event, PolicyEndedV1):
        return replace(row, status="ended", ended_on=data.ended_on, end_reason=data.reason.value, **stamp), None
    if isinstance(event, PolicyReducedV1):
        return replace(row, status="reduced", **stamp), None
    return replace(row, **stamp), None


_UPSERT = """
INSERT INTO contracts (policy_id, policy_number, product_code, policyholder_name, advisor_id, status,
    frequency, premium_halere, start_date, paid_to, credit_halere, total_paid_halere, payments_count,
    version, updated_at, product_version, ended_on, end_reason)
VALUES (%(policy_id)s, %(policy_number)s, %(product_code)s, %(policyholder_name)s, %(advisor_id)s,
    %(status)s, %(frequency)s, %(premium_halere)s, %(start_date)s, %(paid_to)s, %(credit_halere)s,
    %(total_paid_halere)s, %(payments_count)s, %(version)s, %(updated_at)s, %(product_version)s,
    %(ended_on)s, %(end_reason)s)
ON CONFLICT (policy_id) DO UPDATE SET
    policyholder_name = excluded.policyholder_name, status = excluded.status, frequency = excluded.frequency,
    premium_halere = excluded.premium_halere, paid_to = excluded.paid_to, credit_halere = excluded.credit_halere,
    total_paid_halere = excluded.total_paid_halere, payments_count = excluded.payments_count,
    version = excluded.version, updated_at = excluded.updated_at, ended_on = excluded.ended_on,
    end_reason = excluded.end_reason
"""

_INSERT_PAYMENT = """
INSERT INTO contract_payments (policy_id, payment_id, amount_halere, received_on, paid_to)
VALUES (%(policy_id)s, %(payment_id)s, %(amount_halere)s, %(received_on)s, %(paid_to)s)
ON CONFLICT (policy_id, payment_id) DO NOTHING
"""


def as_date(value: Any) -> date | None:
    """SQLite hands dates back as ISO text, PostgreSQL as ``date``."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _row(record: dict[str, Any]) -> ContractRow:
    dates = {name: as_date(record[name]) for name in ("start_date", "paid_to", "ended_on")}
    return ContractRow(**{**record, **dates})


class ContractsProjection:
    name = "contracts"
    stream = "policy"

    def apply(self, tx: Transaction, events: Sequence[PolicyEventV1]) -> ProjectionResult:
        result = ProjectionResult()
        rows = load_rows(tx, "contracts", "policy_id", (str(event.subject) for event in events), _row)
        payments: list[PaymentLine] = []

        def step(current: ContractRow | None, event: PolicyEventV1) -> ContractRow:
            row, payment = evolve(current, event)
            if payment is not None:
                payments.append(payment)
            return row

        changed = fold_in_sequence(events, rows, step, "contract", result)
        tx.executemany(_UPSERT, [asdict(row) for row in changed.values()])
        tx.executemany(_INSERT_PAYMENT, [asdict(payment) for payment in payments])
        return result

    def reset(self, tx: Transaction) -> None:
        tx.execute("DELETE FROM contract_payments")
        tx.execute("DELETE FROM contracts")
