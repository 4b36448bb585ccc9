"""Back office's view of the bank-statement ledger: what was recorded, and what is parked and why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from domain.money import from_halere
from infrastructure.database import Database
from projections.base import select_filtered
from projections.contracts import as_date


class StatementLineView(BaseModel):
    line_id: str
    statement_id: str
    booked_on: date
    amount: Decimal
    currency: str
    reference: str | None
    counterparty: str | None
    outcome: Literal["recorded", "duplicate", "parked"]
    policy_number: str | None = Field(description="the contract the line's money is on or names (if it exists)")
    reason: str | None
    detail: str | None


def list_lines(database: Database, outcome: str | None = None, reason: str | None = None,
               policy_number: str | None = None, limit: int = 100, offset: int = 0) -> list[StatementLineView]:
    rows = select_filtered(database, "bank_statement_lines",
                           {"outcome": outcome, "reason": reason, "policy_number": policy_number},
                           "booked_on, line_id", limit, offset)
    return [_view(row) for row in rows]


def _view(row: dict) -> StatementLineView:
    fields = {name: value for name, value in row.items() if name != "amount_halere"}
    return StatementLineView(**{**fields, "booked_on": as_date(row["booked_on"]), "amount": from_halere(row["amount_halere"])})
