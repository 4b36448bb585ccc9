"""Queries of the claims read model: an advisor's list per policy (client) and one claim's detail."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from pydantic import BaseModel

from domain.money import from_halere
from infrastructure.database import Database
from projections.base import select_filtered
from projections.claims import ClaimRow, row_from_record


class ClaimView(BaseModel):
    claim_number: str
    policy_number: str
    insured_id: str
    cover_key: str
    cause: str
    event_date: str
    reported_on: str
    status: str
    investigation_due: str
    pending_documents: int
    amount: Decimal | None
    decided_on: str | None
    payout_due: str | None
    destination: str | None
    paid_on: str | None
    overdue: str | None


def _view(row: ClaimRow) -> ClaimView:
    fields = {name: value for name, value in asdict(row).items() if name not in ("claim_id", "amount_halere",
                                                                                  "reporter", "version")}
    dates = {name: str(value) if value is not None else None for name, value in fields.items()
             if name.endswith(("_date", "_on", "_due"))}
    amount = from_halere(row.amount_halere) if row.amount_halere is not None else None
    return ClaimView(**{**fields, **dates, "amount": amount})


def list_claims(database: Database, policy_number: str | None = None, status: str | None = None,
                limit: int = 100, offset: int = 0) -> list[ClaimView]:
    rows = select_filtered(database, "claims", {"policy_number": policy_number, "status": status},
                           "reported_on DESC, claim_number", limit, offset)
    return [_view(row_from_record(row)) for row in rows]


def claim_detail(database: Database, claim_number: str) -> ClaimView | None:
    with database.transaction() as tx:
        row = tx.fetchone("SELECT * FROM claims WHERE claim_number = %(number)s", {"number": claim_number})
    return _view(row_from_record(row)) if row else None
