"""Advisor read model: the claims of a policy (and so of a client) with their state, and a detail view.

Follows the claim stream; each row keeps the claim version it reflects (``fold_in_sequence``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from domain.money import to_halere
from infrastructure.database import Transaction
from producers.schema import (
    ClaimApprovedV1,
    ClaimClosedV1,
    ClaimDeclinedV1,
    ClaimDocumentsReceivedV1,
    ClaimDocumentsRequestedV1,
    ClaimInvestigationOverdueV1,
    ClaimPayoutOverdueV1,
    ClaimPayoutPaidV1,
    ClaimPayoutScheduledV1,
    ClaimReopenedV1,
    ClaimReportedV1,
    IntegrationEventV1,
)
from projections.base import ProjectionRejected, ProjectionResult, fold_in_sequence, load_rows, upsert_statement
from projections.contracts import as_date


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    claim_number: str
    policy_number: str
    insured_id: str
    cover_key: str
    cause: str
    event_date: date
    reported_on: date
    reporter: str
    status: str
    investigation_due: date
    pending_documents: int
    amount_halere: int | None
    decided_on: date | None
    payout_due: date | None
    destination: str | None
    paid_on: date | None
    overdue: str | None
    version: int


def evolve(row: ClaimRow | None, event: IntegrationEventV1) -> ClaimRow:
    data: Any = event.data
    if isinstance(event, ClaimReportedV1):
        return ClaimRow(str(event.subject), data.claim_number, data.policy_number, data.insured_id, data.cover_key,
                        data.cause, data.event_date, data.reported_on, data.reporter, "reported",
                        data.investigation_due, 0, None, None, None, None, None, None, event.sequence)
    if row is None:
        raise ProjectionRejected(f"{event.type} for claim {event.subject}, never reported (rule: claim-reported-first)")
    row = replace(row, version=event.sequence)
    if isinstance(event, ClaimDocumentsRequestedV1):
        return replace(row, status="waiting_for_documents", pending_documents=row.pending_documents + len(data.documents))
    if isinstance(event, ClaimDocumentsReceivedV1):
        return replace(row, status="waiting_for_documents" if data.pending else "reported",
                       pending_documents=len(data.pending), investigation_due=data.investigation_due)
    if isinstance(event, ClaimApprovedV1):
        return replace(row, status="approved", amount_halere=to_halere(data.amount), decided_on=data.decided_on,
                       payout_due=data.payout_due)
    if isinstance(event, ClaimDeclinedV1):
        return replace(row, status="declined", decided_on=data.decided_on)
    if isinstance(event, ClaimPayoutScheduledV1):
        return replace(row, status="payout_scheduled", destination=data.destination)
    if isinstance(event, ClaimPayoutPaidV1):
        return replace(row, status="paid", paid_on=data.paid_on)
    if isinstance(event, ClaimClosedV1):
        return replace(row, status="closed")
    if isinstance(event, ClaimReopenedV1):
        return replace(row, status="reported", investigation_due=data.investigation_due, overdue=None)
    if isinstance(event, (ClaimInvestigationOverdueV1, ClaimPayoutOverdueV1)):
        kind = "investigation" if isinstance(event, ClaimInvestigationOverdueV1) else "payout"
        return replace(row, overdue=",".join(filter(None, (row.overdue, kind))))
    raise ProjectionRejected(f"{event.type} on the claim stream (rule: claim-events-only)")


_DATES = ("event_date", "reported_on", "investigation_due", "decided_on", "payout_due", "paid_on")
_COLUMNS = tuple(ClaimRow.__dataclass_fields__)
_UPSERT = upsert_statement("claims", "claim_id", _COLUMNS)


def row_from_record(record: dict[str, Any]) -> ClaimRow:
    return ClaimRow(**{**record, **{name: as_date(record[name]) for name in _DATES}})


class ClaimsProjection:
    name = "claims"
    stream = "claim"

    def apply(self, tx: Transaction, events: Sequence[IntegrationEventV1]) -> ProjectionResult:
        result = ProjectionResult()
        rows = load_rows(tx, "claims", "claim_id", (str(event.subject) for event in events), row_from_record)
        changed = fold_in_sequence(events, rows, evolve, "claim", result)
        tx.executemany(_UPSERT, [asdict(row) for row in changed.values()])
        return result

    def reset(self, tx: Transaction) -> None:
        tx.execute("DELETE FROM claims")
