"""Claims' deadlines on the business clock: each day, the claims of a partition whose investigation
(three months, extended while waiting for documents) or payout (15 days) deadline has passed are
reviewed; the claim records it once and the advisor gets an intervention (application.claims)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from application.claims import ClaimDesk
from consumers.workflow import ClockDrivenWorkflow, WorkflowRows
from infrastructure.database import Transaction
from producers.schema import (
    ClaimApprovedV1,
    ClaimClosedV1,
    ClaimDeclinedV1,
    ClaimDocumentsReceivedV1,
    ClaimInvestigationOverdueV1,
    ClaimPayoutOverdueV1,
    ClaimPayoutPaidV1,
    ClaimReopenedV1,
    ClaimReportedV1,
    PolicyEventV1,
)
from projections.contracts import as_date


@dataclass(frozen=True)
class DeadlineRow:
    aggregate_id: str  # the claim id
    claim_number: str
    source: str
    partition: int
    version: int
    stage: str  # investigation | payout | done
    due: date | None
    overdue_noted: bool


def evolve(row: DeadlineRow | None, event: PolicyEventV1, source: str, partition: int) -> DeadlineRow | None:
    data: Any = event.data
    if isinstance(event, ClaimReportedV1):
        return DeadlineRow(str(event.subject), data.claim_number, source, partition, event.sequence, "investigation",
                           data.investigation_due, False)
    if row is None:
        return None
    row = replace(row, version=event.sequence)
    if isinstance(event, (ClaimDocumentsReceivedV1, ClaimReopenedV1)):
        return replace(row, stage="investigation", due=data.investigation_due, overdue_noted=False)
    if isinstance(event, ClaimApprovedV1):
        return replace(row, stage="payout", due=data.payout_due, overdue_noted=False)
    if isinstance(event, (ClaimInvestigationOverdueV1, ClaimPayoutOverdueV1)):
        return replace(row, overdue_noted=True)
    if isinstance(event, (ClaimDeclinedV1, ClaimPayoutPaidV1, ClaimClosedV1)):
        return replace(row, stage="done", due=None)
    return row


def _decode(record: dict[str, Any]) -> DeadlineRow:
    return DeadlineRow(**{**record, "due": as_date(record["due"]), "overdue_noted": bool(record["overdue_noted"])})


class ClaimDeadlinesWorkflow(ClockDrivenWorkflow[DeadlineRow]):
    name = "claim-deadlines"
    stream = "claim"

    def __init__(self, claims: ClaimDesk) -> None:
        self._claims = claims
        self.rows = WorkflowRows("claim_deadlines", _decode, evolve, _UPSERT)

    def start_day(self, tx: Transaction, source: str, partition: int, day: date, tick_id: UUID) -> None:
        """Deadlines passed (waiting for documents may still extend the investigation: the claim decides)."""
        due = tx.fetchall("SELECT claim_number FROM claim_deadlines WHERE source = %(source)s"
                          " AND partition = %(partition)s AND stage <> 'done' AND NOT overdue_noted AND due < %(day)s"
                          " ORDER BY claim_number", {"source": source, "partition": partition, "day": day})
        self._claims.review_deadlines([row["claim_number"] for row in due], day, cause=tick_id)


_UPSERT = """
INSERT INTO claim_deadlines (aggregate_id, claim_number, source, partition, version, stage, due, overdue_noted)
VALUES (%(aggregate_id)s, %(claim_number)s, %(source)s, %(partition)s, %(version)s, %(stage)s, %(due)s,
    %(overdue_noted)s)
ON CONFLICT (aggregate_id) DO UPDATE SET
    version = excluded.version, stage = excluded.stage, due = excluded.due, overdue_noted = excluded.overdue_noted
"""
