"""The payment-matching consumer: bank-statement lines in, premium payments recorded or lines parked.

Per batch: decode (a line off the schema is dead-lettered), skip lines already seen (by line id,
in the ledger or earlier in the batch), record the payments through the policy service, then store
every line's outcome and the Kafka position in one transaction. The payments are written before
that transaction commits; a crash in between replays the batch, and each payment's command id
(derived from the line id) makes the repeat return the recorded outcome: counted once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import structlog

from application.commands import RecordPremiumPayment
from application.payment_matching import Parked, decide, parked_for
from application.policy_service import PolicyService
from consumers.bank_statements import StatementLine, decode_line
from domain.errors import DomainError
from domain.money import to_halere
from infrastructure.database import Transaction, in_clause
from projections.base import ProjectionResult

log = structlog.get_logger(__name__)


class PaymentMatching:
    name = "payments"
    stream = "bank-statement"
    decode = staticmethod(decode_line)

    def __init__(self, policies: PolicyService) -> None:
        self._policies = policies

    def apply(self, tx: Transaction, lines: Sequence[StatementLine]) -> ProjectionResult:  # type: ignore[override]
        result, seen = ProjectionResult(), _seen(tx, [line.line_id for line in lines])
        fresh: list[StatementLine] = []
        for line in lines:
            if line.line_id in seen:
                result.duplicates += 1
                continue
            seen.add(line.line_id)
            fresh.append(line)
        decisions = [decide(line) for line in fresh]
        commands = [decision for decision in decisions if isinstance(decision, RecordPremiumPayment)]
        outcomes = iter(self._policies.execute_batch(commands))
        rows = [_row(line, decision if isinstance(decision, Parked) else _refusal(next(outcomes)))
                for line, decision in zip(fresh, decisions)]
        tx.executemany(_INSERT, rows)
        result.applied = len(rows)
        counts = Counter(row["reason"] or row["outcome"] for row in rows)
        log.info("payments.matched", lines=len(lines), duplicates=result.duplicates, **counts)
        return result

    def reset(self, tx: Transaction) -> None:
        """The ledger is the record of what the bank sent; it is not rebuilt from the topic."""
        raise ValueError("the bank-statement ledger is not a rebuildable read model")


def _seen(tx: Transaction, line_ids: list[str]) -> set[str]:
    if not line_ids:
        return set()
    clause, params = in_clause("line", line_ids)
    return {row["line_id"] for row in tx.fetchall(f"SELECT line_id FROM bank_statement_lines WHERE line_id {clause}",
                                                   params)}


def _refusal(outcome: object) -> Parked | None:
    """Parked when the core refused the payment; None when it is recorded (now or by an earlier delivery)."""
    return parked_for(outcome) if isinstance(outcome, DomainError) else None


def _row(line: StatementLine, parked: Parked | None) -> dict[str, Any]:
    return {"line_id": line.line_id, "statement_id": line.statement_id, "booked_on": line.booked_on,
            "amount_halere": to_halere(line.amount), "currency": line.currency, "reference": line.variable_symbol,
            "counterparty": line.counterparty_name, "outcome": "parked" if parked else "recorded",
            "policy_number": None if parked else line.variable_symbol,
            "reason": parked.reason if parked else None, "detail": parked.detail if parked else None}


_INSERT = """
INSERT INTO bank_statement_lines (line_id, statement_id, booked_on, amount_halere, currency, reference, counterparty,
    outcome, policy_number, reason, detail)
VALUES (%(line_id)s, %(statement_id)s, %(booked_on)s, %(amount_halere)s, %(currency)s, %(reference)s,
    %(counterparty)s, %(outcome)s, %(policy_number)s, %(reason)s, %(detail)s)
"""
