"""Kafka records for integration events, and back: values, keys and CloudEvents headers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from producers.schema import PolicyEventV1, integration_event_adapter

Headers = list[tuple[str, bytes]]


class InvalidMessage(ValueError):
    """A message that does not follow the integration schema; it goes to the dead-letter topic."""


@dataclass(frozen=True)
class OutgoingRecord:
    topic: str
    key: bytes
    value: bytes
    headers: Headers
    partition: int | None = None  # None: chosen by the key


def encode(event: PolicyEventV1, topic: str, traceparent: str | None, partition: int | None = None) -> OutgoingRecord:
    headers: Headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", str(event.id).encode()),
        ("ce_type", event.type.encode()),
        ("ce_source", event.source.encode()),
        ("ce_subject", str(event.subject).encode()),
        ("ce_time", event.time.isoformat().encode()),
        ("content-type", b"application/cloudevents+json"),
    ]
    if traceparent:
        headers.append(("traceparent", traceparent.encode()))
    return OutgoingRecord(topic, str(event.subject).encode(), event.model_dump_json().encode(), headers, partition)


def decode(value: bytes | None, headers: Sequence[tuple[str, bytes]] = ()) -> PolicyEventV1:
    if not value:
        raise InvalidMessage("empty message value (rule: message-is-cloudevent-json)")
    try:
        event = integration_event_adapter.validate_json(value)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "message"
        raise InvalidMessage(
            f"{where}: {first['msg']} (rule: message-matches-integration-schema-v1)"
        ) from error
    header_type = dict(headers).get("ce_type")
    if header_type is not None and header_type.decode(errors="replace") != event.type:
        raise InvalidMessage(
            f"header ce_type {header_type!r} disagrees with body type {event.type!r} (rule: ce-headers-match-body)"
        )
    return event
