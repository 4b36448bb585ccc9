"""The integration schema: what other systems read from the policy topic (version 1).

Each Kafka message value is one JSON object in CloudEvents 1.0 structured form; the same
attributes travel as ``ce_*`` headers. Contract for every consumer:
- ``subject`` is the policy id and the message key; ``sequence`` is the policy's version, so
  events of one policy arrive in order on one partition.
- ``id`` is derived from (subject, sequence): a message published twice (the relay resumes
  from its last stored position after a crash) carries the same ``id`` and ``sequence``.
  Consumers apply an event only if its sequence is the next one they expect; anything at or
  below what they have is a duplicate and is skipped, anything above is a gap.
- Money is a decimal string in CZK ("1234.50"); dates are ISO calendar dates (business dates);
  ``time`` is when the event was recorded (UTC).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from domain.metadata import Channel
from domain.premium_periods import Frequency

SOURCE = "urn:policy-core:policies"


class _Model(BaseModel):
    # from_attributes: the data of an event is read straight off the stored domain event.
    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)


class EventAttributes(_Model):
    specversion: Literal["1.0"] = "1.0"
    id: UUID
    source: str
    subject: UUID = Field(description="policy id; also the Kafka message key")
    sequence: int = Field(ge=1, description="policy version after this event")
    time: datetime = Field(description="when the event was recorded, UTC")
    datacontenttype: Literal["application/json"] = "application/json"
    correlationid: UUID
    causationid: UUID = Field(description="the command id")
    actor: str
    channel: Channel
    reason: str | None = None


class PolicyIssuedData(_Model):
    policy_number: str
    product_code: str
    policyholder_name: str
    advisor_id: str
    frequency: Frequency
    premium: Decimal
    start_date: date


class PolicyIssuedV1(EventAttributes):
    type: Literal["cz.policycore.policy.issued.v1"] = "cz.policycore.policy.issued.v1"
    data: PolicyIssuedData


class PremiumPaymentRecordedData(_Model):
    payment_id: str
    amount: Decimal
    received_on: date
    periods_paid: int = Field(ge=0)
    paid_to: date | None
    credit: Decimal


class PremiumPaymentRecordedV1(EventAttributes):
    type: Literal["cz.policycore.policy.premium-payment-recorded.v1"] = (
        "cz.policycore.policy.premium-payment-recorded.v1"
    )
    data: PremiumPaymentRecordedData


PolicyEventV1 = Annotated[Union[PolicyIssuedV1, PremiumPaymentRecordedV1], Field(discriminator="type")]
policy_event_adapter: TypeAdapter[PolicyEventV1] = TypeAdapter(PolicyEventV1)
