"""Reading and writing test topics directly with kafka-python."""

from __future__ import annotations

import time
from collections.abc import Callable

from kafka import KafkaConsumer, KafkaProducer

from application.bootstrap import Container


def read_topic(container: Container, topic: str, expected: int, timeout: float = 30.0) -> list:
    consumer = KafkaConsumer(
        topic, bootstrap_servers=container.settings.kafka_bootstrap_servers, auto_offset_reset="earliest",
        enable_auto_commit=False, group_id=None, consumer_timeout_ms=1000,
    )
    records, deadline = [], time.monotonic() + timeout
    try:
        while len(records) < expected and time.monotonic() < deadline:
            for partition_records in consumer.poll(timeout_ms=500).values():
                records.extend(partition_records)
    finally:
        consumer.close()
    return records


def produce_raw(container: Container, topic: str, messages: list[tuple[bytes | None, bytes, list]]) -> None:
    producer = KafkaProducer(bootstrap_servers=container.settings.kafka_bootstrap_servers)
    for key, value, headers in messages:
        producer.send(topic, key=key, value=value, headers=headers)
    producer.flush()
    producer.close()


def wait_until(condition: Callable[[], bool], timeout: float = 60.0, every: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"condition not met within {timeout} s")
