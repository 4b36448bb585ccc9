"""From stored domain events to the published integration schema.

Only events listed here are published; anything else in the event store (command receipts)
stays internal. A stored event maps to the same message every time, which is what makes a
re-published duplicate recognisable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.utils import get_topic

from aggregates.policy import Policy
from producers.schema import (
    SOURCE,
    PolicyEventV1,
    PolicyIssuedData,
    PolicyIssuedV1,
    PremiumPaymentRecordedData,
    PremiumPaymentRecordedV1,
)

EVENT_ID_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:event")


def event_id(aggregate_id: UUID, version: int) -> UUID:
    return uuid5(EVENT_ID_NAMESPACE, f"{aggregate_id}:{version}")


def _attributes(event: Any) -> dict[str, Any]:
    meta = event.meta
    return {
        "id": event_id(event.originator_id, event.originator_version),
        "source": SOURCE,
        "subject": event.originator_id,
        "sequence": event.originator_version,
        "time": meta.recorded_at,
        "correlationid": meta.correlation_id,
        "causationid": meta.command_id,
        "actor": meta.actor,
        "channel": meta.channel,
        "reason": meta.reason,
    }


def _issued(event: Any) -> PolicyIssuedV1:
    return PolicyIssuedV1(**_attributes(event), data=PolicyIssuedData.model_validate(event, from_attributes=True))


def _premium_payment_recorded(event: Any) -> PremiumPaymentRecordedV1:
    return PremiumPaymentRecordedV1(
        **_attributes(event), data=PremiumPaymentRecordedData.model_validate(event, from_attributes=True)
    )


_MAPPERS: dict[type, Callable[[Any], PolicyEventV1]] = {
    Policy.Issued: _issued,
    Policy.PremiumPaymentRecorded: _premium_payment_recorded,
}

# The event-store topics of published events: the relay asks the store for these only.
PUBLISHED_EVENT_TOPICS: tuple[str, ...] = tuple(get_topic(cls) for cls in _MAPPERS)


def to_integration_event(domain_event: Any) -> PolicyEventV1:
    try:
        mapper = _MAPPERS[type(domain_event)]
    except KeyError:
        raise LookupError(f"{type(domain_event).__qualname__} is not a published event") from None
    return mapper(domain_event)


def traceparent_of(domain_event: Any) -> str | None:
    return domain_event.meta.traceparent
