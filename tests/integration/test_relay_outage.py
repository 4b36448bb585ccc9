"""The relay through a broker outage: position held while publishing fails, nothing lost or reordered."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest
from kafka.errors import KafkaTimeoutError

from application.bootstrap import Container
from producers.relay import Relay, RelayPositions
from producers.wire import OutgoingRecord, decode
from tests.factories import issue, pay
from tests.kafka_helpers import wait_until


class FlakyBroker:
    """Refuses the first ``failures`` pages, as a broker that is down would (a delivery timeout)."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.delivered: list[OutgoingRecord] = []

    def publish(self, records: Sequence[OutgoingRecord]) -> None:
        if self.failures:
            self.failures -= 1
            raise KafkaTimeoutError("broker unreachable")
        self.delivered.extend(records)

    def partitions(self, topic: str) -> list[int]:
        return [0]


def test_publishing_resumes_after_an_outage_without_loss(container: Container) -> None:
    for n in range(1, 6):
        container.policies.execute(issue(f"202600000{n}"))
        container.policies.execute(pay(f"202600000{n}"))
    broker = FlakyBroker(failures=3)
    positions = RelayPositions(container.database)
    relay = Relay(container.policies.recorder, container.policies.mapper, broker, positions,
                  topic_for=lambda stream: f"{stream}-topic", page_size=4)
    stop = threading.Event()
    thread = threading.Thread(target=relay.run, args=(stop,), kwargs={"idle_seconds": 0.01, "max_backoff": 0.05})
    thread.start()
    try:
        wait_until(lambda: len(broker.delivered) == 10, timeout=30)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert broker.failures == 0
    events = [decode(record.value) for record in broker.delivered]
    assert [(e.data.policy_number, e.sequence) for e in events if e.sequence == 1] == \
        [(f"202600000{n}", 1) for n in range(1, 6)]
    assert [e.sequence for e in events] == [1, 2] * 5  # every policy's events, once each, in order
    assert positions.load(relay.name) == relay.position > 0


def test_a_page_that_failed_is_not_marked_published(container: Container) -> None:
    container.policies.execute(issue())
    broker = FlakyBroker(failures=1)
    relay = Relay(container.policies.recorder, container.policies.mapper, broker, RelayPositions(container.database),
                  topic_for=lambda stream: f"{stream}-topic")
    with pytest.raises(KafkaTimeoutError):
        relay.publish_next_page()
    assert RelayPositions(container.database).load(relay.name) == 0
    assert relay.publish_next_page() == 1
    assert RelayPositions(container.database).load(relay.name) == relay.position
