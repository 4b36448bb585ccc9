"""The bank-statement feed: the contract between the bank adapter and policy-core.

One Kafka message per statement line, JSON, on ``<prefix>.bank-statement.events.v1``, keyed by the
account (any key works: lines are independent). A line that does not follow this schema is
dead-lettered with the error; a valid line is either recorded as a premium payment or parked for
back office with a reason, exactly once per ``line_id``.

    {"statement_id": "2026-03-02/000123", "line_id": "KB-20260302-000123-0007",
     "account": "CZ6508000000192000145399", "booked_on": "2026-03-02", "amount": "512.00",
     "currency": "CZK", "variable_symbol": "2026000101", "counterparty_name": "Jana Dvořáková",
     "counterparty_account": "19-2000145399/0800", "message": "pojistné"}

``amount`` is a decimal string with at most two decimal places, negative for a debit; ``booked_on``
is the day the money reached the insurer's account (the date of payment); ``variable_symbol`` is
the payment reference (the contract number).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from producers.wire import InvalidMessage

Text = Annotated[str, Field(min_length=1, max_length=140)]


class StatementLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    statement_id: Text
    line_id: Text = Field(description="the bank's unique id of the line: a line is counted once")
    account: Text = Field(description="the insurer's account the line is on")
    booked_on: date
    amount: Annotated[Decimal, Field(max_digits=14, decimal_places=2)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    variable_symbol: Annotated[str, Field(max_length=10)] | None = None
    counterparty_name: Annotated[str, Field(max_length=140)] | None = None
    counterparty_account: Annotated[str, Field(max_length=50)] | None = None
    message: Annotated[str, Field(max_length=140)] | None = None


def decode_line(value: bytes | None, headers: Sequence[tuple[str, bytes]] = ()) -> StatementLine:
    if not value:
        raise InvalidMessage("empty message value (rule: statement-line-is-json)")
    try:
        return StatementLine.model_validate_json(value)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "message"
        raise InvalidMessage(f"{where}: {first['msg']} (rule: statement-line-matches-schema)") from error
