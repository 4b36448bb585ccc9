"""Kafka clients configured once for the whole system, and the topic names."""

from __future__ import annotations

from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from infrastructure.settings import Settings


@dataclass(frozen=True)
class Topics:
    prefix: str

    def events(self, stream: str) -> str:
        return f"{self.prefix}.{stream}.events.v1"

    @property
    def policy_events(self) -> str:
        return self.events("policy")

    def dead_letters(self, consumer: str) -> str:
        return f"{self.prefix}.{consumer}.dlq.v1"


def _servers(settings: Settings) -> list[str]:
    if not settings.kafka_bootstrap_servers:
        raise RuntimeError("KAFKA_BOOTSTRAP_SERVERS is not set: this process needs Kafka (embedded mode has none)")
    return [server.strip() for server in settings.kafka_bootstrap_servers.split(",")]


def make_producer(settings: Settings, client_id: str) -> KafkaProducer:
    # Idempotent with acks=all: retries after a broker hiccup neither duplicate nor reorder
    # records within a partition.
    return KafkaProducer(
        bootstrap_servers=_servers(settings),
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        max_in_flight_requests_per_connection=5,
        linger_ms=5,
        batch_size=256 * 1024,
        max_request_size=4 * 1024 * 1024,
        retries=2_147_483_647,
        delivery_timeout_ms=120_000,
        request_timeout_ms=30_000,
    )


def make_consumer(settings: Settings, group_id: str, max_poll_records: int) -> KafkaConsumer:
    return KafkaConsumer(
        bootstrap_servers=_servers(settings),
        group_id=group_id,
        client_id=f"{group_id}-consumer",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=max_poll_records,
        fetch_max_bytes=32 * 1024 * 1024,
        max_partition_fetch_bytes=8 * 1024 * 1024,
        isolation_level="read_committed",
    )


def ensure_topics(settings: Settings, streams: tuple[str, ...], consumers: tuple[str, ...]) -> list[str]:
    """Create each stream's event topic and each consumer's dead-letter topic when missing."""
    topics = Topics(settings.topic_prefix)
    wanted = [NewTopic(topics.events(stream), settings.policy_topic_partitions, 1) for stream in streams]
    wanted += [NewTopic(topics.dead_letters(consumer), 1, 1) for consumer in consumers]
    admin = KafkaAdminClient(bootstrap_servers=_servers(settings), client_id="policy-core-admin")
    try:
        existing = set(admin.list_topics())
        missing = [topic for topic in wanted if topic.name not in existing]
        if missing:
            try:
                admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass  # another process created them between our look and our create: the goal holds
        return [topic.name for topic in missing]
    finally:
        admin.close()
