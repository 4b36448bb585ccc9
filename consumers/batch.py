"""One unit of work for any projection runner: apply a batch, dead-letter what cannot be
applied, and store the new positions, all in one read-model transaction (exactly-once effect)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import structlog

from consumers.dead_letters import DeadLetter, DeadLetterSink
from infrastructure.database import Database, Transaction
from observability.tracing import links_to, tracer
from producers.schema import ClockDayStartedV1, PolicyEventV1
from producers.wire import Headers, InvalidMessage, decode
from projections.base import Projection

log = structlog.get_logger(__name__)
_tracer = tracer(__name__)


@dataclass(frozen=True)
class Message:
    """A message from any log: Kafka record or event-store notification, before decoding."""

    source: str
    partition: int
    position: int
    key: bytes | None
    value: bytes | None  # None when the event comes decoded (embedded mode): written only if dead-lettered
    headers: Headers
    traceparent: str | None = None


@dataclass(frozen=True)
class BatchOutcome:
    applied: int
    duplicates: int
    dead_lettered: list[str]


def load_positions(tx: Transaction, consumer: str) -> dict[tuple[str, int], int]:
    rows = tx.fetchall(
        "SELECT topic, partition, next_offset FROM projection_offsets WHERE consumer = %(consumer)s",
        {"consumer": consumer},
    )
    return {(row["topic"], row["partition"]): int(row["next_offset"]) for row in rows}


def _save_positions(tx: Transaction, consumer: str, positions: dict[tuple[str, int], int]) -> None:
    tx.executemany(
        "INSERT INTO projection_offsets (consumer, topic, partition, next_offset)"
        " VALUES (%(consumer)s, %(topic)s, %(partition)s, %(next_offset)s)"
        " ON CONFLICT (consumer, topic, partition) DO UPDATE SET next_offset = excluded.next_offset",
        [
            {"consumer": consumer, "topic": topic, "partition": partition, "next_offset": next_offset}
            for (topic, partition), next_offset in positions.items()
        ],
    )


def follows_clock(projection: Projection) -> bool:
    """Whether the business clock's ticks on the topic are passed to the projection (workflows)."""
    return getattr(projection, "follows_clock", False)


def apply_batch(
    database: Database,
    projection: Projection,
    dead_letters: DeadLetterSink,
    messages: Sequence[Message],
    decoded: Sequence[PolicyEventV1] | None = None,
) -> BatchOutcome:
    """Decode (unless given decoded events), apply, dead-letter and record positions atomically."""
    started = time.perf_counter()
    events: list[PolicyEventV1] = []
    carriers: list[Message] = []
    letters: list[DeadLetter] = []
    decoder = getattr(projection, "decode", decode)  # a consumer of another feed brings its own schema
    for index, message in enumerate(messages):
        try:
            event = decoded[index] if decoded is not None else decoder(message.value, message.headers)
        except InvalidMessage as error:
            letters.append(_letter(message, str(error)))
            continue
        if isinstance(event, ClockDayStartedV1) and not follows_clock(projection):
            continue  # a tick on the topic: only workflows acting on business dates take it
        events.append(event)
        carriers.append(message)
    positions: dict[tuple[str, int], int] = {}
    for message in messages:
        positions[(message.source, message.partition)] = message.position + 1
    with _tracer.start_as_current_span(
        f"project {projection.name}", links=links_to(message.traceparent for message in messages)
    ) as span, database.transaction() as tx:
        span.set_attribute("messaging.batch.message_count", len(messages))
        if follows_clock(projection):  # a workflow: ticks act per partition, so it learns where each event came from
            result = projection.react(tx, events, [(m.source, m.partition) for m in carriers])  # type: ignore[attr-defined]
        else:
            result = projection.apply(tx, events)
        letters += [_letter(carriers[index], reason, events[index]) for index, reason in result.rejected]
        dead_letters.send(tx, letters)
        _save_positions(tx, projection.name, positions)
    log.info("projection.batch_applied", projection=projection.name, messages=len(messages),
             applied=result.applied, duplicates=result.duplicates, dead_lettered=len(letters),
             ms=round((time.perf_counter() - started) * 1000, 1))
    return BatchOutcome(result.applied, result.duplicates, [letter.error for letter in letters])


def _letter(message: Message, error: str, event: PolicyEventV1 | None = None) -> DeadLetter:
    value = message.value if message.value is not None else event.model_dump_json().encode()  # type: ignore[union-attr]
    return DeadLetter(message.source, message.partition, message.position, message.key, value, message.headers, error)
