"""Advisor read model: the interventions (intervence), one row each, kept when closed.

Follows the intervention stream. Each row keeps the intervention version it reflects: duplicates
are skipped and gaps dead-lettered by the shared fold (``projections.base.fold_in_sequence``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any, Literal

from aggregates.intervention import Intervention
from infrastructure.database import Transaction
from producers.schema import (
    IntegrationEventV1,
    InterventionExpiredV1,
    InterventionNoteAddedV1,
    InterventionRaisedV1,
    InterventionResolvedAutomaticallyV1,
    InterventionResolvedByAdvisorV1,
    InterventionTakenV1,
)
from projections.base import ProjectionRejected, ProjectionResult, fold_in_sequence, load_rows, upsert_statement
from projections.contracts import as_date

InterventionState = Literal["open", "in_progress", "resolved", "expired"]


@dataclass(frozen=True)
class InterventionRow:
    """One intervention as the advisor sees it (also the API's view of it)."""

    intervention_id: str
    intervention_type: str
    policy_number: str
    client_name: str
    advisor_id: str
    description: str
    cause_reference: str
    due_date: date
    state: InterventionState
    raised_on: date
    taken_by: str | None
    taken_on: date | None
    closed_on: date | None  # resolved or expired on
    resolution: str | None  # what the advisor did, or why it was resolved automatically
    notes_count: int
    version: int


def evolve(row: InterventionRow | None, event: IntegrationEventV1) -> InterventionRow:
    """The next state of one intervention row after one event. Pure."""
    data: Any = event.data
    if isinstance(event, InterventionRaisedV1):
        return InterventionRow(
            intervention_id=str(event.subject), intervention_type=data.intervention_type.value,
            policy_number=data.policy_number, client_name=data.client_name, advisor_id=data.advisor_id,
            description=data.description, cause_reference=data.cause_reference, due_date=data.due_date,
            state=Intervention.OPEN, raised_on=data.raised_on, taken_by=None, taken_on=None, closed_on=None,
            resolution=None, notes_count=0, version=event.sequence,
        )
    if row is None:
        raise ProjectionRejected(f"{event.type} for intervention {event.subject}, which was never raised"
                                 " (rule: intervention-raised-first)")
    row = replace(row, version=event.sequence)
    if isinstance(event, InterventionTakenV1):
        return replace(row, state=Intervention.IN_PROGRESS, taken_by=data.advisor_id, taken_on=data.taken_on)
    if isinstance(event, InterventionNoteAddedV1):
        return replace(row, notes_count=row.notes_count + 1)
    if isinstance(event, InterventionResolvedByAdvisorV1):
        return replace(row, state=Intervention.RESOLVED, closed_on=data.resolved_on, resolution=data.resolution)
    if isinstance(event, InterventionResolvedAutomaticallyV1):
        return replace(row, state=Intervention.RESOLVED, closed_on=data.resolved_on, resolution=data.reason)
    if isinstance(event, InterventionExpiredV1):
        return replace(row, state=Intervention.EXPIRED, closed_on=data.expired_on)
    raise ProjectionRejected(f"{event.type} on the intervention stream (rule: intervention-events-only)")


_DATES = ("due_date", "raised_on", "taken_on", "closed_on")
_COLUMNS = tuple(InterventionRow.__dataclass_fields__)
_UPSERT = upsert_statement("interventions", "intervention_id", _COLUMNS)


def row_from_record(record: dict[str, Any]) -> InterventionRow:
    return InterventionRow(**{**record, **{name: as_date(record[name]) for name in _DATES}})


class InterventionsProjection:
    name = "interventions"
    stream = "intervention"

    def apply(self, tx: Transaction, events: Sequence[IntegrationEventV1]) -> ProjectionResult:
        result = ProjectionResult()
        rows = load_rows(tx, "interventions", "intervention_id", (str(event.subject) for event in events),
                         row_from_record)
        changed = fold_in_sequence(events, rows, evolve, "intervention", result)
        tx.executemany(_UPSERT, [asdict(row) for row in changed.values()])
        return result

    def reset(self, tx: Transaction) -> None:
        tx.execute("DELETE FROM interventions")
