"""Kafka consumer-group runtime for projections.

The read-model database, not Kafka, holds the consumer's position: each batch's effects and
its (topic, partition, next offset) commit in one transaction, so a crash at any point
either keeps both or neither. On every assignment the consumer seeks to the stored offsets
(from the beginning when none are stored: that is how a rebuild starts). Offsets are also
committed to Kafka afterwards, only so that lag tools see progress.
"""

from __future__ import annotations

import threading

import structlog
from kafka import ConsumerRebalanceListener, KafkaConsumer, TopicPartition

from consumers.batch import BatchOutcome, Message, apply_batch, load_positions
from consumers.dead_letters import DeadLetterSink
from infrastructure.database import Database
from observability.tracing import traceparent_from_headers
from projections.base import Projection

log = structlog.get_logger(__name__)


class SeekToStoredOffsets(ConsumerRebalanceListener):
    """Runs on the client's I/O path: one small indexed query, nothing slow."""

    def __init__(self, consumer: KafkaConsumer, database: Database, name: str) -> None:
        self._consumer = consumer
        self._database = database
        self._name = name

    def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        # Batches are committed before the next poll, so nothing is in flight to finish here.
        log.info("consumer.partitions_revoked", consumer=self._name, partitions=sorted(str(tp) for tp in revoked))

    def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        with self._database.transaction() as tx:
            stored = load_positions(tx, self._name)
        for partition in assigned:
            offset = stored.get((partition.topic, partition.partition))
            if offset is None:
                self._consumer.seek_to_beginning(partition)
            else:
                self._consumer.seek(partition, offset)
        log.info("consumer.partitions_assigned", consumer=self._name,
                 partitions={str(tp): stored.get((tp.topic, tp.partition), 0) for tp in assigned})


class KafkaProjectionRunner:
    def __init__(
        self,
        consumer: KafkaConsumer,
        database: Database,
        projection: Projection,
        dead_letters: DeadLetterSink,
        topics: tuple[str, ...],
        batch_size: int = 500,
    ) -> None:
        self._consumer = consumer
        self._database = database
        self._projection = projection
        self._dead_letters = dead_letters
        self._batch_size = batch_size
        consumer.subscribe(topics=list(topics), listener=SeekToStoredOffsets(consumer, database, projection.name))

    def poll_once(self, timeout_ms: int = 500) -> BatchOutcome | None:
        polled = self._consumer.poll(timeout_ms=timeout_ms, max_records=self._batch_size)
        messages = [
            Message(record.topic, record.partition, record.offset, record.key, record.value or b"",
                    list(record.headers or []), traceparent_from_headers(dict(record.headers or [])))
            for records in polled.values()
            for record in records
        ]
        if not messages:
            return None
        outcome = apply_batch(self._database, self._projection, self._dead_letters, messages)
        self._consumer.commit_async()
        return outcome

    def run(self, stop: threading.Event) -> None:
        """Until stopped: a stop lets the current batch commit, then leaves the group cleanly."""
        try:
            while not stop.is_set():
                self.poll_once()
        finally:
            self.close()

    def close(self) -> None:
        """Leave the group: its partitions go to the other members at once."""
        self._consumer.close(autocommit=False)
        log.info("consumer.stopped", consumer=self._projection.name)
