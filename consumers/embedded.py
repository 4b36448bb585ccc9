"""Embedded mode: the same projections follow the event store directly, no Kafka.

The notification log plays the part of a one-partition topic; its notification id is the
offset. Events go through the same integration mapping as the relay publishes, so what a
projection sees is identical in both modes.
"""

from __future__ import annotations

from collections.abc import Callable

from eventsourcing.persistence import ApplicationRecorder, Mapper

from consumers.batch import BatchOutcome, Message, apply_batch, load_positions
from consumers.dead_letters import DeadLetterSink
from infrastructure.database import Database
from producers.mapping import EVENT_STORE_TOPICS, to_integration_event, traceparent_of
from projections.base import Projection

EVENT_STORE_SOURCE = "event-store"


class EmbeddedProjectionRunner:
    def __init__(
        self,
        recorder: ApplicationRecorder,
        mapper: Mapper,
        database: Database,
        projection: Projection,
        dead_letters: DeadLetterSink,
        page_size: int = 500,
        on_batch: Callable[[BatchOutcome], None] | None = None,
    ) -> None:
        self._recorder = recorder
        self._mapper = mapper
        self._database = database
        self._projection = projection
        self._dead_letters = dead_letters
        self._page_size = page_size
        self._on_batch = on_batch

    def _next_position(self) -> int:
        with self._database.transaction() as tx:
            return load_positions(tx, self._projection.name).get((EVENT_STORE_SOURCE, 0), 1)

    def process_next_page(self) -> BatchOutcome | None:
        notifications = self._recorder.select_notifications(
            start=self._next_position(), limit=self._page_size, topics=EVENT_STORE_TOPICS[self._projection.stream]
        )
        if not notifications:
            return None
        domain_events = [self._mapper.to_domain_event(notification) for notification in notifications]
        events = [to_integration_event(event) for event in domain_events]
        messages = [
            Message(EVENT_STORE_SOURCE, 0, notification.id, str(notification.originator_id).encode(), None, [],
                    traceparent_of(domain_event))
            for notification, domain_event in zip(notifications, domain_events)
        ]
        outcome = apply_batch(self._database, self._projection, self._dead_letters, messages, decoded=events)
        if self._on_batch is not None:
            self._on_batch(outcome)
        return outcome

    def catch_up(self) -> int:
        """Apply everything recorded so far; returns how many events were applied."""
        applied = 0
        while (outcome := self.process_next_page()) is not None:
            applied += outcome.applied
        return applied
