"""The relay: follows the event store's notification log and publishes to Kafka.

One writer (the command service) records events; this process publishes them afterwards
(the library's advice, issue #246: pull the log and track what was pushed, rather than write
to two places in one request). A page is published and flushed before its position is
stored, so a crash can re-publish a page but never skip one; the duplicates keep their
event id and sequence and consumers skip them (see producers/schema.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

import psycopg
import structlog
from eventsourcing.persistence import ApplicationRecorder, Mapper, OperationalError
from kafka.errors import KafkaError

from infrastructure.database import Database
from observability.tracing import links_to, tracer
from producers.mapping import CLOCK, CLOCK_FOLLOWERS, PUBLISHED_EVENT_TOPICS, published_as, traceparent_of
from producers.wire import OutgoingRecord, encode

log = structlog.get_logger(__name__)
_tracer = tracer(__name__)


_TRANSIENT = (KafkaError, OperationalError, psycopg.OperationalError, TimeoutError)


class Publisher(Protocol):
    def publish(self, records: Sequence[OutgoingRecord]) -> None:
        """Deliver every record or raise; returning means all were acknowledged."""

    def partitions(self, topic: str) -> list[int]:
        """The topic's partitions (a tick of the business clock goes to each)."""


class KafkaPublisher:
    def __init__(self, producer: object, timeout_seconds: float = 60.0) -> None:
        self._producer = producer
        self._timeout = timeout_seconds

    def publish(self, records: Sequence[OutgoingRecord]) -> None:
        futures = [
            self._producer.send(record.topic, key=record.key, value=record.value, headers=record.headers,  # type: ignore[attr-defined]
                                partition=record.partition)
            for record in records
        ]
        self._producer.flush(timeout=self._timeout)  # type: ignore[attr-defined]
        for future in futures:
            future.get(timeout=0)  # raises the delivery error, if any

    def partitions(self, topic: str) -> list[int]:
        known = self._producer.partitions_for(topic)  # type: ignore[attr-defined]
        if not known:
            raise KafkaError(f"topic {topic} has no known partitions (run `policy-core migrate`)")
        return sorted(known)


class RelayPositions:
    """Last published notification id per relay, in the database beside the event store."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def load(self, relay: str) -> int:
        with self._database.transaction() as tx:
            row = tx.fetchone("SELECT last_notification_id FROM relay_positions WHERE relay = %(relay)s", {"relay": relay})
        return int(row["last_notification_id"]) if row else 0

    def save(self, relay: str, notification_id: int) -> None:
        with self._database.transaction() as tx:
            tx.execute(
                "INSERT INTO relay_positions (relay, last_notification_id) VALUES (%(relay)s, %(id)s)"
                " ON CONFLICT (relay) DO UPDATE SET last_notification_id = excluded.last_notification_id",
                {"relay": relay, "id": notification_id},
            )


class Relay:
    def __init__(
        self,
        recorder: ApplicationRecorder,
        mapper: Mapper,
        publisher: Publisher,
        positions: RelayPositions,
        topic_for: Callable[[str], str],
        name: str = "policy-events",
        page_size: int = 500,
    ) -> None:
        self._recorder = recorder
        self._mapper = mapper
        self._publisher = publisher
        self._positions = positions
        self._topic_for = topic_for
        self.name = name
        self._page_size = page_size
        self._position = positions.load(name)

    @property
    def position(self) -> int:
        return self._position

    def publish_next_page(self) -> int:
        notifications = self._recorder.select_notifications(
            start=self._position + 1, limit=self._page_size, topics=PUBLISHED_EVENT_TOPICS
        )
        if not notifications:
            return 0
        started = time.perf_counter()
        domain_events = [self._mapper.to_domain_event(notification) for notification in notifications]
        traceparents = [traceparent_of(event) for event in domain_events]
        records = [
            record for event, traceparent in zip(domain_events, traceparents) for record in self._records(event, traceparent)
        ]
        with _tracer.start_as_current_span("relay publish", links=links_to(traceparents)) as span:
            span.set_attribute("messaging.batch.message_count", len(records))
            self._publisher.publish(records)
        last_id = notifications[-1].id
        self._positions.save(self.name, last_id)
        self._position = last_id
        log.info("relay.published", relay=self.name, events=len(records), position=last_id,
                 ms=round((time.perf_counter() - started) * 1000, 1))
        return len(records)

    def _records(self, domain_event: object, traceparent: str | None) -> list[OutgoingRecord]:
        """Where an event goes: its stream's topic, and any derived topic; a tick to every partition
        of the topics that follow the clock (after what was published before it, so it is a watermark)."""
        records = []
        for stream, message in published_as(domain_event):
            if stream != CLOCK:
                records.append(encode(message, self._topic_for(stream), traceparent))
                continue
            for topic in map(self._topic_for, CLOCK_FOLLOWERS):
                records += [encode(message, topic, traceparent, partition) for partition in self._publisher.partitions(topic)]
        return records

    def run(self, stop: threading.Event, idle_seconds: float = 0.2, max_backoff: float = 30.0) -> None:
        """Publish until stopped; an outage of Kafka or the database is retried with backoff.

        The stored position does not move while publishing fails, so nothing is skipped.
        Any other error is a bug or bad data and ends the process.
        """
        backoff = 1.0
        while not stop.is_set():
            try:
                published = self.publish_next_page()
            except _TRANSIENT as error:
                log.error("relay.publish_failed", relay=self.name, position=self._position,
                          error=repr(error), retry_in_s=backoff)
                stop.wait(backoff)
                backoff = min(backoff * 2, max_backoff)
                continue
            backoff = 1.0
            if published == 0:
                stop.wait(idle_seconds)
