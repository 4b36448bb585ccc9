"""``make bench``: the foundation's throughput, each figure beside a baseline from the same run.

Figures (targets from the foundation issue):
- event-store appends (events/s), one command per write  vs raw single-row INSERT transactions (>= 50 %)
- event-store appends (events/s), commands in batches    vs the same raw baseline (>= 3x)
  Each command appends two events atomically: the policy's event and the command receipt.
- relay events/s             vs a raw kafka-python producer sending the same records (>= 50 %)
- projection events/s (Kafka consumer runtime)  vs a raw kafka-python consumer, same topic (>= 25 %)
- rebuild of a 100 000-event read model from the start of the topic (< 60 s)
- issue 4: the month-end billing and dunning run over 100 000 policies (< 3 min), as policies/s
  beside the batched-append commands/s above (see bench/billing.py for the book)

Everything runs in a fresh database and fresh topics on the services of DATABASE_URL and
KAFKA_BOOTSTRAP_SERVERS (``make bench`` starts local ones).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

import psycopg
from kafka import KafkaConsumer
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from application.bootstrap import Container
from application.commands import IssuePolicy, RecordPremiumPayment
from bench.billing import month_end_run
from domain.metadata import Channel
from infrastructure.kafka_clients import make_producer
from infrastructure.settings import Settings
from observability.logging import configure_logging

# One adult policyholder (born 1971) with the basic death cover.
FLEXI_INSURED = [{"id": "A1", "kind": "adult", "name": "Bench Client", "birth_date": date(1971, 3, 19),
                  "is_policyholder": True}]
FLEXI_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000.00")}]
SINGLE_COMMANDS = int(os.environ.get("BENCH_SINGLE_COMMANDS", "2000"))
APPEND_ROUNDS = 5
REBUILD_EVENTS = int(os.environ.get("BENCH_REBUILD_EVENTS", "100000"))
PAYMENTS_PER_POLICY = 3
BILLING_BOOK = int(os.environ.get("BENCH_BILLING_POLICIES", "100000"))


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str | None = None
    baseline: float | None = None
    target: str = ""
    passed: bool = True

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def progress(label: str, done: int, total: int) -> None:
    sys.stderr.write(f"\r  {label}: {done:>7}/{total} ({100 * done // max(total, 1):>3} %)")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def issue(number: int) -> IssuePolicy:
    return IssuePolicy(command_id=uuid4(), actor="bench", channel=Channel.BATCH, policy_number=str(number),
                       product_code="FLEXI_RISK_LIFE", policyholder_name="Bench Client", policyholder_birth_number="7103192745",
                       advisor_id=f"ADV-{number % 50}", frequency="monthly", premium=Decimal("500.00"),
                       start_date=date(2026, 1, 1), end_date=date(2046, 1, 1), insured=FLEXI_INSURED,
                       covers=FLEXI_COVERS)


def pay(number: int, line: int) -> RecordPremiumPayment:
    return RecordPremiumPayment(command_id=uuid4(), actor="bench", channel=Channel.BATCH, policy_number=str(number),
                                payment_id=f"{number}-{line}", amount=Decimal("500.00"), received_on=date(2026, 1, 5))


def raw_single_inserts(url: str, count: int) -> float:
    """The baseline for a write: one row, one transaction, through psycopg, like an event append."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS raw_inserts"
                           " (id BIGSERIAL PRIMARY KEY, aggregate_id UUID, version INT, state BYTEA)")
        payload = b"x" * 1200  # about the size of an Issued event with its covers
        started = time.perf_counter()
        for n in range(count):
            with connection.transaction():
                connection.execute("INSERT INTO raw_inserts (aggregate_id, version, state) VALUES (%s, %s, %s)",
                                   (uuid4(), n, payload))
        return count / (time.perf_counter() - started)


def single_commands(container: Container, count: int, first_number: int) -> float:
    """Commands/s, one command per write; each write appends the policy event and its receipt."""
    started = time.perf_counter()
    for n in range(count):
        container.policies.execute(issue(first_number + n))
    return count / (time.perf_counter() - started)


def interleaved(url: str, container: Container, rounds: int, per_round: int) -> tuple[float, float, float]:
    """Raw inserts, single commands and a batch, round after round; medians of each.

    Commit latency on this machine drifts by tens of percent within minutes, so each figure and
    its baseline are measured side by side rather than once each."""
    raw, single, batch = [], [], []
    for round_ in range(rounds):
        raw.append(raw_single_inserts(url, per_round))
        single.append(single_commands(container, per_round, first_number=1_000_000 + round_ * per_round))
        first = 3_000_000 + round_ * 4 * per_round
        batch.append(batched(container, [issue(first + n) for n in range(4 * per_round)], None))
        progress("append rounds", round_ + 1, rounds)
    return statistics.median(raw), statistics.median(single), statistics.median(batch)


def batched(container: Container, commands: list, label: str | None) -> float:
    """Commands/s through execute_batch (it writes 480 commands, 960 events, per save)."""
    started, chunk = time.perf_counter(), 2000
    for start in range(0, len(commands), chunk):
        results = container.policies.execute_batch(commands[start:start + chunk])
        failures = [result for result in results if isinstance(result, Exception)]
        if failures:
            raise RuntimeError(f"benchmark commands refused: {failures[:3]}")
        if label:
            progress(label, min(start + chunk, len(commands)), len(commands))
    return len(commands) / (time.perf_counter() - started)


def relay_all(container: Container, expected: int) -> float:
    relay = container.relay()
    published, started = 0, time.perf_counter()
    while published < expected:
        count = relay.publish_next_page()
        if count == 0:
            raise RuntimeError(f"relay ran dry at {published} of {expected} events")
        published += count
        progress("relay", published, expected)
    return published / (time.perf_counter() - started)


def raw_producer(settings: Settings, topic: str, records: list) -> float:
    """The same records the relay sent (key, value, CloudEvents headers), same producer settings."""
    producer = make_producer(settings, "bench-raw-producer")
    started = time.perf_counter()
    for record in records:
        producer.send(topic, key=record.key, value=record.value, headers=record.headers)
    producer.flush()
    rate = len(records) / (time.perf_counter() - started)
    producer.close()
    return rate


def raw_consumer(settings: Settings, topic: str, expected: int) -> tuple[float, list]:
    consumer = KafkaConsumer(topic, bootstrap_servers=settings.kafka_bootstrap_servers, group_id=None,
                             auto_offset_reset="earliest", enable_auto_commit=False,
                             fetch_max_bytes=32 * 1024 * 1024, max_partition_fetch_bytes=8 * 1024 * 1024)
    records: list = []
    consumer.poll(timeout_ms=5000, max_records=1)  # join and fetch metadata before the clock starts
    consumer.seek_to_beginning()
    started = time.perf_counter()
    while len(records) < expected:
        for partition_records in consumer.poll(timeout_ms=1000, max_records=5000).values():
            records.extend(partition_records)
    rate = len(records) / (time.perf_counter() - started)
    consumer.close()
    return rate, records


def project_all(container: Container, expected: int) -> tuple[float, float]:
    runner = container.kafka_runner("contracts")
    applied, started = 0, time.perf_counter()
    while applied < expected:
        outcome = runner.poll_once(timeout_ms=1000)
        if outcome is not None:
            applied += outcome.applied
            if outcome.dead_lettered:
                raise RuntimeError(f"dead letters during the rebuild: {outcome.dead_lettered[:3]}")
            progress("projection rebuild", applied, expected)
    seconds = time.perf_counter() - started
    return expected / seconds, seconds


def fresh_database(server_url: str) -> tuple[str, str]:
    name = f"bench_{uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = conninfo_to_dict(server_url)
    parts["dbname"] = name
    return name, make_conninfo(**parts)


def report(figures: list[Figure]) -> bool:
    print("\npolicy-core benchmarks (this machine, one run)\n")
    print(f"{'figure':<52}{'value':>14}   {'baseline (same run)':<40}{'baseline':>12}{'ratio':>9}  target")
    for figure in figures:
        baseline = f"{figure.baseline:>12,.0f}" if figure.baseline else f"{'':>12}"
        ratio = f"{figure.ratio:>8.2f}x" if figure.ratio else f"{'':>9}"
        verdict = ("PASS" if figure.passed else "MISS") if figure.target else ""
        print(f"{figure.name:<52}{figure.value:>10,.1f} {figure.unit:<3}   {figure.baseline_name or '':<40}{baseline}{ratio}  "
              f"{figure.target} {verdict}")
    return all(figure.passed for figure in figures)


def billing_figures(server_url: str, kafka: str, batched_commands: float) -> list[Figure]:
    """Issue 4: the month-end collections run over BILLING_BOOK policies, in a database of its own."""
    name, url = fresh_database(server_url)
    settings = _settings(url, name, kafka)
    container = Container(settings)
    container.migrate()
    try:
        seconds, recorded = month_end_run(container, BILLING_BOOK, FLEXI_INSURED, FLEXI_COVERS, progress)
    finally:
        container.close()
        _drop(server_url, name)
    print(f"  month-end run recorded: {dict(sorted(recorded.items()))}", file=sys.stderr)
    rate = BILLING_BOOK / seconds
    return [
        Figure(f"month-end billing + dunning run, {BILLING_BOOK:,} policies", rate, "/s",
               "batched append commands/s (above)", batched_commands, target=""),
        Figure(f"  the run for {BILLING_BOOK:,} policies", seconds, "s", target="< 180 s",
               passed=seconds < 180 and BILLING_BOOK >= 100_000),
    ]


def _settings(url: str, name: str, kafka: str) -> Settings:
    parts = conninfo_to_dict(url)
    database_url = f"postgresql://{parts.get('user', 'postgres')}@{parts.get('host')}:{parts.get('port')}/{name}"
    return Settings(database_url=database_url, kafka_bootstrap_servers=kafka,
                    POLICY_CORE_TOPIC_PREFIX=f"bench-{uuid4().hex[:8]}", POLICY_CORE_DATA_DIR=str(Path("var/bench")),
                    POLICY_CORE_RELAY_PAGE_SIZE=1000, POLICY_CORE_CONSUMER_BATCH_SIZE=2000)


def _drop(server_url: str, name: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    configure_logging("WARNING")
    server_url = os.environ.get("DATABASE_URL")
    kafka = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if not server_url or not kafka:
        print("bench needs DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS (make bench starts local services)", file=sys.stderr)
        return 2
    name, url = fresh_database(server_url)
    settings = _settings(url, name, kafka)
    container = Container(settings)
    container.migrate()
    figures: list[Figure] = []
    try:
        print(f"database {name}; topics {settings.topic_prefix}.*", file=sys.stderr)
        raw, single, issued = interleaved(url, container, APPEND_ROUNDS, SINGLE_COMMANDS // APPEND_ROUNDS)
        figures.append(Figure(f"appends, 1 command per write ({single:,.0f} commands/s)", 2 * single, "/s",
                              "raw 1-row INSERT transactions/s", raw, ">= 0.50x", 2 * single >= 0.5 * raw))
        figures.append(Figure(f"appends, batched ({issued:,.0f} commands/s)", 2 * issued, "/s",
                              "raw 1-row INSERT transactions/s", raw, ">= 3x", 2 * issued >= 3 * raw))
        appended = SINGLE_COMMANDS + 4 * SINGLE_COMMANDS
        policies = max(1, (REBUILD_EVENTS - appended) // (1 + PAYMENTS_PER_POLICY))
        numbers = range(2_000_000, 2_000_000 + policies)
        batched(container, [issue(n) for n in numbers], "batched issue commands")
        payments = [pay(n, line) for line in range(PAYMENTS_PER_POLICY) for n in numbers]
        paid = batched(container, payments, "batched payment commands")
        figures.append(Figure(f"  batched payments: load + append ({paid:,.0f} commands/s)", 2 * paid, "/s",
                              "raw 1-row INSERT transactions/s", raw))
        events = appended + policies * (1 + PAYMENTS_PER_POLICY)
        relay_rate = relay_all(container, events)
        raw_rate, records = raw_consumer(settings, container.topics.policy_events, events)
        producer_rate = raw_producer(settings, f"{settings.topic_prefix}.raw", records)
        figures.append(Figure(f"relay events/s ({events:,} events)", relay_rate, "/s",
                              "raw producer, same records, msgs/s", producer_rate, ">= 0.50x", relay_rate >= 0.5 * producer_rate))
        projection_rate, seconds = project_all(container, events)
        figures.append(Figure("projection events/s (contracts, Kafka consumer)", projection_rate, "/s",
                              "raw kafka-python consumer msgs/s", raw_rate, ">= 0.25x", projection_rate >= 0.25 * raw_rate))
        figures.append(Figure(f"rebuild of {events:,}-event read model", seconds, "s", target="< 60 s",
                              passed=seconds < 60 and events >= 100_000))
        figures += billing_figures(server_url, kafka, issued)
    finally:
        container.close()
        _drop(server_url, name)
    return 0 if report(figures) else 1


if __name__ == "__main__":
    sys.exit(main())
