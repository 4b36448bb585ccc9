"""Queries over the interventions read model: the advisor's list, filtered, and one intervention.

"Přehled všech intervencí na jednom místě: Intervence můžete vyhledávat a filtrovat dle různých
kritérií" (flexina-advisor-app.txt): by advisor, state, type, policy and due date; closed ones too.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from aggregates.intervention import InterventionType
from application.commands import AdvisorId, PolicyNumber
from infrastructure.database import Database
from projections.interventions import InterventionRow, InterventionState, row_from_record


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


_CONDITIONS = {
    "advisor_id": "advisor_id = %(advisor_id)s",
    "state": "state = %(state)s",
    "type": "intervention_type = %(type)s",
    "policy_number": "policy_number = %(policy_number)s",
    "due_from": "due_date >= %(due_from)s",
    "due_to": "due_date <= %(due_to)s",
}


def list_interventions(database: Database, criteria: InterventionFilter) -> list[InterventionRow]:
    """Soonest due first."""
    params = criteria.model_dump()
    where = [condition for name, condition in _CONDITIONS.items() if params[name] is not None]
    sql = (f"SELECT * FROM interventions {'WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY due_date, raised_on, intervention_id LIMIT %(limit)s OFFSET %(offset)s")
    with database.transaction() as tx:
        return [row_from_record(record) for record in tx.fetchall(sql, params)]


def intervention_detail(database: Database, intervention_id: UUID) -> InterventionRow | None:
    with database.transaction() as tx:
        record = tx.fetchone("SELECT * FROM interventions WHERE intervention_id = %(id)s", {"id": str(intervention_id)})
    return None if record is None else row_from_record(record)
