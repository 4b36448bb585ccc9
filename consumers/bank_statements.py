"""The bank-statement feed: the contract between the bank adapter and policy-core.

One Kafka message per statement line, JSON, on ``<prefix>.bank-statement.events.v1``, keyed by the
account (any key works: lines are independent). A line that does not follow this schema is
dead-lettered with the error; a valid line is either recorded as a premium payment or parked for
back office with a reason, exactly once per ``line_id``.

    {"statement_id": "2026-03-02/000123", "line_id": "KB-20260302-000123-0007",
     "account": "CZ6508000000192000145399", "booked_on": "2026-03-02", "amount": "512.00",
     "currency": "CZK", "variable_symbol": "2026000101", "counterparty_name": "Jana Dvořáková",
     "counterparty_account": "19-2000145399/0800", "message": "pojistné"}

The schema is strict: ``amount`` is a decimal *string* with exactly two decimal places ("512.00",
"-80.50"; negative for a debit), because a JSON number may already have lost its haléře on the way;
``booked_on`` is an ISO date ("YYYY-MM-DD"), the day the money reached the insurer's account (the
date of payment); every text field is a string. ``variable_symbol`` is the payment reference (the
contract number): a missing or malformed one is not a schema error, the line is parked, because it
still carries money somebody paid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from producers.wire import InvalidMessage

Text = Annotated[str, Field(min_length=1, max_length=140)]
AMOUNT = re.compile(r"^-?\d{1,12}\.\d{2}$")


class StatementLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, strict=True)

    statement_id: Text
    line_id: Text = Field(description="the bank's unique id of the line: a line is counted once")
    account: Text = Field(description="the insurer's account the line is on")
    booked_on: date
    amount: Decimal
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")]
    variable_symbol: Annotated[str, Field(max_length=140)] | None = None
    counterparty_name: Annotated[str, Field(max_length=140)] | None = None
    counterparty_account: Annotated[str, Field(max_length=50)] | None = None
    message: Annotated[str, Field(max_length=140)] | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _amount_is_a_decimal_string(cls, value: object) -> Decimal:
        if not isinstance(value, str) or not AMOUNT.match(value.strip()):
            raise ValueError(f'{value!r} is not a decimal string with two places like "512.00"')
        return Decimal(value)


def decode_line(value: bytes | None, headers: Sequence[tuple[str, bytes]] = ()) -> StatementLine:
    if not value:
        raise InvalidMessage("empty message value (rule: statement-line-is-json)")
    try:
        return StatementLine.model_validate_json(value)
    except ValidationError as error:
        first = error.errors()[0]
        if first["type"] == "json_invalid":
            raise InvalidMessage(f"{first['msg']} (rule: statement-line-is-json)") from error
        where = ".".join(str(part) for part in first["loc"]) or "line"
        raise InvalidMessage(f"{where}: {first['msg']} (rule: statement-line-matches-schema)") from error
