"""The composition root: the one place that wires settings, stores, clients and processes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from application.clock import Clock
from application.collections import Collections
from application.policy_service import PolicyService
from consumers.batch import BatchOutcome
from consumers.claim_deadlines_workflow import ClaimDeadlinesWorkflow
from consumers.collections_workflow import CollectionsWorkflow
from consumers.dead_letters import KafkaDeadLetters, TableDeadLetters
from consumers.embedded import EmbeddedProjectionRunner
from consumers.kafka_runtime import KafkaProjectionRunner
from consumers.payment_matching import PaymentMatching
from consumers.proposal_export_workflow import ProposalExportWorkflow
from consumers.statement_file import import_statement
from infrastructure.database import Database, PostgresDatabase, SqliteDatabase
from infrastructure.eventstore import event_store_env
from infrastructure.kafka_clients import Topics, ensure_topics, make_consumer, make_producer
from infrastructure.settings import Settings
from migrations.runner import migrate
from producers.mapping import TOPIC_STREAMS
from producers.relay import KafkaPublisher, Relay, RelayPositions
from projections.base import Projection
from projections.claims import ClaimsProjection
from projections.contracts import ContractsProjection
from projections.interventions import InterventionsProjection

PROJECTIONS: dict[str, Callable[[], Projection]] = {
    "contracts": ContractsProjection,
    "interventions": InterventionsProjection,
    "claims": ClaimsProjection,
}
# Workflows run like projections (same runners, positions and dead letters) but act on the core.
WORKFLOWS: dict[str, Callable[[Container], Projection]] = {
    "collections": lambda container: CollectionsWorkflow(Collections(container.policies)),
    "proposal-export": lambda container: ProposalExportWorkflow(container.policies),
    "payments": lambda container: PaymentMatching(container.policies),
    "claim-deadlines": lambda container: ClaimDeadlinesWorkflow(container.policies.claims),
}
CONSUMERS = (*PROJECTIONS, *WORKFLOWS)


@dataclass
class Container:
    settings: Settings
    clock: Clock | None = None  # None: the shared business calendar (see application.clock.CalendarClock)

    @cached_property
    def topics(self) -> Topics:
        return Topics(self.settings.topic_prefix)

    @cached_property
    def database(self) -> Database:
        """Read models, tracking positions and relay positions (same PostgreSQL as the events)."""
        if self.settings.embedded:
            return SqliteDatabase(self.settings.read_model_path)
        return PostgresDatabase(self.settings.database_url)

    @cached_property
    def policies(self) -> PolicyService:
        return PolicyService(event_store_env(self.settings), self.clock, self.settings.snapshot_interval)

    def migrate(self) -> list[int]:
        applied = migrate(self.database)
        if self.settings.kafka_bootstrap_servers:
            ensure_topics(self.settings, (*TOPIC_STREAMS, PaymentMatching.stream), CONSUMERS)
        return applied

    def consumer_named(self, name: str) -> Projection:
        """A projection or a workflow, by name."""
        if name in PROJECTIONS:
            return PROJECTIONS[name]()
        if name in WORKFLOWS:
            return WORKFLOWS[name](self)
        raise ValueError(f"unknown consumer {name!r}; known: {', '.join(sorted(CONSUMERS))}")

    def relay(self) -> Relay:
        return Relay(
            recorder=self.policies.recorder,
            mapper=self.policies.mapper,
            publisher=KafkaPublisher(make_producer(self.settings, "policy-core-relay")),
            positions=RelayPositions(self.database),
            topic_for=self.topics.events,
            page_size=self.settings.relay_page_size,
        )

    def kafka_runner(self, name: str) -> KafkaProjectionRunner:
        projection = self.consumer_named(name)
        return KafkaProjectionRunner(
            consumer=make_consumer(self.settings, group_id=f"{self.settings.topic_prefix}.{name}",
                                   max_poll_records=self.settings.consumer_batch_size),
            database=self.database,
            projection=projection,
            dead_letters=KafkaDeadLetters(make_producer(self.settings, f"{name}-dlq"),
                                          self.topics.dead_letters(name), name),
            topics=(self.topics.events(projection.stream),),
            batch_size=self.settings.consumer_batch_size,
        )

    def embedded_runner(self, name: str, on_batch: Callable[[BatchOutcome], None] | None = None) -> EmbeddedProjectionRunner:
        projection = self.consumer_named(name)
        return EmbeddedProjectionRunner(
            recorder=self.policies.recorder,
            mapper=self.policies.mapper,
            database=self.database,
            projection=projection,
            dead_letters=TableDeadLetters(name),
            page_size=self.settings.consumer_batch_size,
            on_batch=on_batch,
        )

    def import_statement(self, path: Path) -> list[BatchOutcome]:
        """A bank statement file through the payment matching (dead letters kept in the database)."""
        return import_statement(self.database, PaymentMatching(self.policies), TableDeadLetters("payments"), path)

    def reset_projection(self, name: str) -> None:
        """Empty a read model and forget its positions in one transaction: the next run rebuilds it."""
        projection = self.consumer_named(name)
        with self.database.transaction() as tx:
            projection.reset(tx)
            tx.execute("DELETE FROM projection_offsets WHERE consumer = %(name)s", {"name": name})
            tx.execute("DELETE FROM dead_letters WHERE consumer = %(name)s", {"name": name})

    def close(self) -> None:
        if "database" in self.__dict__:
            self.database.close()
        if "policies" in self.__dict__:
            self.policies.close()
