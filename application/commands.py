"""Commands: the validated wire shape of every request to change a policy.

Entry points (HTTP, CLI, batch files, Kafka) parse payloads into these models and nothing
else reaches the application. Every command carries a command id (idempotency key) and
says who sends it, through which channel and, where it matters, why.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from domain.birth_number import BirthNumber, InvalidBirthNumber
from domain.metadata import Channel
from domain.premium_periods import Frequency

PolicyNumber = Annotated[str, Field(pattern=r"^[1-9]\d{0,9}$", description="contract number = payment reference")]
Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2, description="CZK")]


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    command_id: UUID
    actor: Annotated[str, Field(min_length=1, max_length=100)]
    channel: Channel
    correlation_id: UUID | None = None
    reason: Annotated[str, Field(max_length=500)] | None = None

    def terms(self, *, exclude: frozenset[str] = frozenset()) -> dict[str, object]:
        """What the command asks for, without the envelope (ids, actor, channel, reason)."""
        return self.model_dump(exclude=set(Command.model_fields) | {"type"} | exclude)

    def digest(self) -> str:
        """Fingerprint of what the command asks for; a retry must match it exactly."""
        payload = self.model_dump(mode="json", exclude={"correlation_id"})
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class IssuePolicy(Command):
    type: Literal["IssuePolicy"] = "IssuePolicy"
    policy_number: PolicyNumber
    product_code: Annotated[str, Field(pattern=r"^[A-Z0-9_]{2,20}$")]
    policyholder_name: Annotated[str, Field(min_length=1, max_length=200)]
    policyholder_birth_number: str
    advisor_id: Annotated[str, Field(min_length=1, max_length=50)]
    frequency: Frequency
    premium: Amount
    start_date: date

    @field_validator("policyholder_birth_number")
    @classmethod
    def _valid_birth_number(cls, value: str) -> str:
        try:
            return BirthNumber.parse(value).value
        except InvalidBirthNumber as error:
            raise ValueError(f"{error} (rule {error.rule})") from error


class RecordPremiumPayment(Command):
    type: Literal["RecordPremiumPayment"] = "RecordPremiumPayment"
    policy_number: PolicyNumber
    payment_id: Annotated[str, Field(min_length=1, max_length=64, description="bank statement line id")]
    amount: Amount
    received_on: date


AnyCommand = Annotated[Union[IssuePolicy, RecordPremiumPayment], Field(discriminator="type")]
command_adapter: TypeAdapter[AnyCommand] = TypeAdapter(AnyCommand)
