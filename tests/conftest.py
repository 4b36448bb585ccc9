"""Fixtures for real services. A missing service fails the test: it never skips.

`make test` starts PostgreSQL and Kafka (scripts/services.sh) and exports DATABASE_URL and
KAFKA_BOOTSTRAP_SERVERS; set them yourself to use your own services.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from application.bootstrap import Container
from application.clock import FixedClock
from infrastructure.settings import Settings
from observability.tracing import configure_tracing
from tests.factories import BUSINESS_NOW

_SPANS = InMemorySpanExporter()
configure_tracing("policy-core-tests", exporter=_SPANS)


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(
            f"{name} is not set. Run `make test` (it starts PostgreSQL and Kafka on loopback) or "
            f"point {name} at your own service. Integration tests never skip a missing service.",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    return _required("DATABASE_URL")


@pytest.fixture(scope="session")
def kafka_servers() -> str:
    return _required("KAFKA_BOOTSTRAP_SERVERS")


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh database per test on the real server, dropped afterwards."""
    name = f"test_{uuid4().hex[:16]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = conninfo_to_dict(postgres_server_url)
    parts["dbname"] = name
    yield "postgresql://" + _url_tail(make_conninfo(**parts))
    with psycopg.connect(postgres_server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url_tail(conninfo: str) -> str:
    parts = conninfo_to_dict(conninfo)
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    return f"{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{parts['dbname']}"


def settings_for(store: str, tmp_path: Path, request: pytest.FixtureRequest, kafka: bool = False) -> Settings:
    database_url = request.getfixturevalue("postgres_url") if store == "postgresql" else None
    return Settings(
        database_url=database_url,
        kafka_bootstrap_servers=request.getfixturevalue("kafka_servers") if kafka else None,
        POLICY_CORE_DATA_DIR=str(tmp_path / "data"),
        POLICY_CORE_TOPIC_PREFIX=f"test-{uuid4().hex[:12]}",
        POLICY_CORE_SNAPSHOT_INTERVAL=10,
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Container]:
    """The system on each store: the embedded default and PostgreSQL."""
    container = Container(settings_for(request.param, tmp_path, request), clock=FixedClock(BUSINESS_NOW))
    container.migrate()
    yield container
    container.close()


@pytest.fixture
def kafka_container(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Container]:
    """PostgreSQL + Kafka, with topics of its own."""
    container = Container(settings_for("postgresql", tmp_path, request, kafka=True), clock=FixedClock(BUSINESS_NOW))
    container.migrate()
    yield container
    container.close()


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    _SPANS.clear()
    yield _SPANS
    _SPANS.clear()
