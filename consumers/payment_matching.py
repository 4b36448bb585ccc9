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
from application.payment_matching import Parked, Settled, decide, settle
from application.policy_service import PolicyService
from consumers.bank_statements import StatementLine, decode_line
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
        answers = iter(self._policies.execute_batch([decision for decision in decisions
                                                     if isinstance(decision, RecordPremiumPayment)]))
        rows = [_row(line, settle(decision, next(answers)) if isinstance(decision, RecordPremiumPayment) else decision)
                for line, decision in zip(fresh, decisions)]
        tx.executemany(_INSERT, rows)
        result.applied = len(rows)
        log.info("payments.matched", lines=len(lines), seen_before=result.duplicates,
                 **Counter(row["outcome"] for row in rows),
                 parked_for=dict(Counter(row["reason"] for row in rows if row["reason"])))
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


def _row(line: StatementLine, end: Settled | Parked) -> dict[str, Any]:
    parked = isinstance(end, Parked)
    return {"line_id": line.line_id, "statement_id": line.statement_id, "booked_on": line.booked_on,
            "amount_halere": to_halere(line.amount), "currency": line.currency, "reference": line.variable_symbol,
            "counterparty": line.counterparty_name, "outcome": end.outcome, "policy_number": end.policy_number,
            "reason": end.reason if parked else None, "detail": end.detail if parked else None}


_INSERT = """
INSERT INTO bank_statement_lines (line_id, statement_id, booked_on, amount_halere, currency, reference, counterparty,
    outcome, policy_number, reason, detail)
VALUES (%(line_id)s, %(statement_id)s, %(booked_on)s, %(amount_halere)s, %(currency)s, %(reference)s,
    %(counterparty)s, %(outcome)s, %(policy_number)s, %(reason)s, %(detail)s)
"""
