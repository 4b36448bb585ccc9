"""Queries over the interventions read model: the advisor's list, filtered, and one intervention.

"Přehled všech intervencí na jednom místě: Intervence můžete vyhledávat a filtrovat dle různých
kritérií" (flexina-advisor-app.txt): by advisor, state, type, policy and due date; closed ones too.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aggregates.intervention import InterventionType
from application.commands import AdvisorId, PolicyNumber
from infrastructure.database import Database
from projections.interventions import row_from_record

InterventionState = Literal["open", "in_progress", "resolved", "expired"]


class InterventionFilter(BaseModel):
    """What the advisor searches by; every criterion optional, the due-date bounds inclusive."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)

    advisor_id: AdvisorId | None = None
    state: InterventionState | None = None
    type: InterventionType | None = None
    policy_number: PolicyNumber | None = None
    due_from: date | None = Field(default=None, description="due on or after this date")
    due_to: date | None = Field(default=None, description="due on or before this date")
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    offset: Annotated[int, Field(ge=0)] = 0

    @model_validator(mode="after")
    def _due_range_in_order(self) -> InterventionFilter:
        if self.due_from and self.due_to and self.due_to < self.due_from:
            raise ValueError(f"due_to {self.due_to} is before due_from {self.due_from} (rule: due-range-in-order)")
        return self


class InterventionView(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: UUID
    type: InterventionType
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
    closed_on: date | None = Field(description="resolved or expired on")
    resolution: str | None = Field(description="what the advisor did, or why it was resolved automatically")
    notes_count: int
    version: int


_CONDITIONS = {
    "advisor_id": "advisor_id = %(advisor_id)s",
    "state": "state = %(state)s",
    "type": "intervention_type = %(type)s",
    "policy_number": "policy_number = %(policy_number)s",
    "due_from": "due_date >= %(due_from)s",
    "due_to": "due_date <= %(due_to)s",
}


def _view(record: dict[str, Any]) -> InterventionView:
    row = row_from_record(record)
    return InterventionView(id=row.intervention_id, type=row.intervention_type,
                            **{name: value for name, value in vars(row).items()
                               if name not in ("intervention_id", "intervention_type")})


def list_interventions(database: Database, criteria: InterventionFilter) -> list[InterventionView]:
    """Soonest due first."""
    params = criteria.model_dump()
    where = [condition for name, condition in _CONDITIONS.items() if params[name] is not None]
    sql = (f"SELECT * FROM interventions {'WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY due_date, raised_on, intervention_id LIMIT %(limit)s OFFSET %(offset)s")
    with database.transaction() as tx:
        return [_view(record) for record in tx.fetchall(sql, params)]


def intervention_detail(database: Database, intervention_id: UUID) -> InterventionView | None:
    with database.transaction() as tx:
        record = tx.fetchone("SELECT * FROM interventions WHERE intervention_id = %(id)s", {"id": str(intervention_id)})
    return None if record is None else _view(record)
