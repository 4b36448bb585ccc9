"""Queries over the contracts read model, returning the API's view models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from domain.money import from_halere
from infrastructure.database import Database
from projections.contracts import as_date


class ContractSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    policy_number: str
    product_code: str
    policyholder_name: str
    advisor_id: str
    status: str
    frequency: str
    premium: Decimal = Field(description="regular premium per period, CZK (as last agreed)")
    paid_to: date | None
    ended_on: date | None = None
    end_reason: str | None = None


class PaymentView(BaseModel):
    payment_id: str
    amount: Decimal
    received_on: date
    paid_to: date | None


class ContractDetail(ContractSummary):
    policy_id: str
    product_version: str | None
    start_date: date
    credit: Decimal
    total_paid: Decimal
    version: int
    payments: list[PaymentView]


def _summary_fields(record: dict) -> dict:
    return {
        "policy_number": record["policy_number"],
        "product_code": record["product_code"],
        "policyholder_name": record["policyholder_name"],
        "advisor_id": record["advisor_id"],
        "status": record["status"],
        "frequency": record["frequency"],
        "premium": from_halere(record["premium_halere"]),
        "paid_to": as_date(record["paid_to"]),
        "ended_on": as_date(record["ended_on"]),
        "end_reason": record["end_reason"],
    }


def list_contracts(database: Database, advisor_id: str | None = None, limit: int = 100, offset: int = 0) -> list[ContractSummary]:
    where = "WHERE advisor_id = %(advisor_id)s" if advisor_id else ""
    with database.transaction() as tx:
        records = tx.fetchall(
            f"SELECT * FROM contracts {where} ORDER BY policy_number LIMIT %(limit)s OFFSET %(offset)s",
            {"advisor_id": advisor_id, "limit": limit, "offset": offset},
        )
    return [ContractSummary(**_summary_fields(record)) for record in records]


def contract_detail(database: Database, policy_number: str) -> ContractDetail | None:
    with database.transaction() as tx:
        record = tx.fetchone("SELECT * FROM contracts WHERE policy_number = %(number)s", {"number": policy_number})
        if record is None:
            return None
        payments = tx.fetchall(
            "SELECT * FROM contract_payments WHERE policy_id = %(id)s ORDER BY received_on, payment_id",
            {"id": record["policy_id"]},
        )
    return ContractDetail(
        **_summary_fields(record),
        policy_id=record["policy_id"],
        product_version=record["product_version"],
        start_date=as_date(record["start_date"]),
        credit=from_halere(record["credit_halere"]),
        total_paid=from_halere(record["total_paid_halere"]),
        version=record["version"],
        payments=[
            PaymentView(payment_id=p["payment_id"], amount=from_halere(p["amount_halere"]),
                        received_on=as_date(p["received_on"]), paid_to=as_date(p["paid_to"]))
            for p in payments
        ],
    )
