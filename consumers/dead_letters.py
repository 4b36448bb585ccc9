"""Where messages a consumer cannot apply go: a dead-letter topic, or a table when embedded.

Poison-message policy: a message that fails the integration schema (malformed JSON, unknown
type, missing fields) or that the projection rejects (a version gap, a change to a contract
never issued) is dead-lettered with the error and the original headers and the consumer moves
on. Anything else (the database is down, a bug) stops the consumer: it is never swallowed,
and on restart the batch is applied again from the stored offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol

from infrastructure.database import Transaction
from producers.wire import Headers


@dataclass(frozen=True)
class DeadLetter:
    source: str  # topic (or event store) the message came from
    partition: int
    position: int  # offset, or notification id
    key: bytes | None
    value: bytes
    headers: Headers
    error: str


class DeadLetterSink(Protocol):
    def send(self, tx: Transaction, letters: Sequence[DeadLetter]) -> None:
        """Store every letter durably before ``tx`` commits, or raise."""


class KafkaDeadLetters:
    """At least once: flushed before the offsets commit; a crash in between can repeat a letter,
    which carries its original topic, partition and offset so it can be recognised."""

    def __init__(self, producer: object, topic: str, consumer: str) -> None:
        self._producer = producer
        self.topic = topic
        self._consumer = consumer

    def send(self, tx: Transaction, letters: Sequence[DeadLetter]) -> None:
        if not letters:
            return
        futures = [
            self._producer.send(  # type: ignore[attr-defined]
                self.topic,
                key=letter.key,
                value=letter.value,
                headers=[
                    *letter.headers,
                    ("dlq_error", letter.error.encode()),
                    ("dlq_consumer", self._consumer.encode()),
                    ("dlq_source_topic", letter.source.encode()),
                    ("dlq_source_partition", str(letter.partition).encode()),
                    ("dlq_source_offset", str(letter.position).encode()),
                ],
            )
            for letter in letters
        ]
        self._producer.flush(timeout=60)  # type: ignore[attr-defined]
        for future in futures:
            future.get(timeout=0)


class TableDeadLetters:
    """Embedded mode: letters are rows written in the same transaction as the offsets."""

    def __init__(self, consumer: str) -> None:
        self._consumer = consumer

    def send(self, tx: Transaction, letters: Sequence[DeadLetter]) -> None:
        tx.executemany(
            "INSERT INTO dead_letters (consumer, source, position, error, payload, recorded_at)"
            " VALUES (%(consumer)s, %(source)s, %(position)s, %(error)s, %(payload)s, %(recorded_at)s)"
            " ON CONFLICT (consumer, source, position) DO NOTHING",
            [
                {
                    "consumer": self._consumer,
                    "source": letter.source,
                    "position": letter.position,
                    "error": letter.error,
                    "payload": letter.value.decode(errors="replace"),
                    "recorded_at": datetime.now(timezone.utc).isoformat(),
                }
                for letter in letters
            ],
        )
