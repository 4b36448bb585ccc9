"""Test data: valid commands with sensible defaults, overridable field by field."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any
from uuid import uuid4

from application.commands import IssuePolicy, RecordPremiumPayment
from domain.metadata import Channel, EventMetadata

BUSINESS_NOW = datetime(2026, 6, 15, 10, 0, tzinfo=timezone.utc)
# One adult, the policyholder, with the basic death cover alone (minimum 100 000 then).
FLEXI_INSURED = [{"id": "A1", "kind": "adult", "name": "Jana Dvořáková", "birth_date": date(1973, 10, 28),
                  "is_policyholder": True}]
FLEXI_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000.00")}]


def issue(number: str = "2026000001", **overrides: Any) -> IssuePolicy:
    fields: dict[str, Any] = dict(
        command_id=uuid4(), actor="underwriter", channel=Channel.BACK_OFFICE, policy_number=number,
        product_code="FLEXI_RISK_LIFE", policyholder_name="Jana Dvořáková", policyholder_birth_number="736028/5163",
        advisor_id="ADV-1", frequency="monthly", premium=Decimal("500.00"), start_date=date(2026, 1, 1),
        end_date=date(2046, 1, 1), insured=FLEXI_INSURED, covers=FLEXI_COVERS,
    )
    if overrides.get("product_code", "FLEXI_RISK_LIFE") != "FLEXI_RISK_LIFE":
        fields.update(insured=[], covers=[])
    return IssuePolicy(**{**fields, **overrides})


def pay(number: str = "2026000001", payment_id: str | None = None, amount: str = "500.00", **overrides: Any) -> RecordPremiumPayment:
    fields: dict[str, Any] = dict(
        command_id=uuid4(), actor="bank-import", channel=Channel.BATCH, policy_number=number,
        payment_id=payment_id or f"line-{uuid4().hex[:12]}", amount=Decimal(amount), received_on=date(2026, 6, 1),
    )
    return RecordPremiumPayment(**{**fields, **overrides})


def metadata(**overrides: Any) -> EventMetadata:
    fields: dict[str, Any] = dict(command_id=uuid4(), correlation_id=uuid4(), actor="tester",
                                  channel=Channel.BACK_OFFICE, recorded_at=BUSINESS_NOW)
    return EventMetadata(**{**fields, **overrides})
