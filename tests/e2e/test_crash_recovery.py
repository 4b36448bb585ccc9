"""The real processes, killed with SIGKILL mid-stream and restarted, end where a clean run ends."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from application.bootstrap import Container
from consumers.dead_letters import TableDeadLetters
from consumers.embedded import EmbeddedProjectionRunner
from infrastructure.database import SqliteDatabase
from migrations.runner import migrate
from projections.contracts import ContractsProjection
from tests.conftest import settings_for
from tests.e2e.processes import Process, process_env, rows
from tests.factories import issue, pay
from tests.kafka_helpers import read_topic, wait_until

pytestmark = pytest.mark.e2e


def test_sigkilled_relay_and_consumer_restart_to_the_same_read_model(request, tmp_path: Path) -> None:
    settings = settings_for("postgresql", tmp_path, request, kafka=True)
    container = Container(settings)
    container.migrate()
    env = process_env(settings, POLICY_CORE_RELAY_PAGE_SIZE="40", POLICY_CORE_CONSUMER_BATCH_SIZE="40")
    relay = Process(["relay"], env, tmp_path / "relay.log")
    consumer = Process(["consume", "contracts"], env, tmp_path / "consumer.log")
    relay.start()
    consumer.start()

    chaos = random.Random(20261122)
    policies = [f"2026{n:06d}" for n in range(1, 201)]
    chunks = [[issue(number) for number in policies[i:i + 50]] for i in range(0, 200, 50)]
    for round_ in range(1, 5):
        chunks += [[pay(number, payment_id=f"r{round_}-{number}", amount=str(chaos.choice([300, 500, 777, 1200])))
                    for number in policies[i:i + 50]] for i in range(0, 200, 50)]
    for number, chunk in enumerate(chunks):
        results = container.policies.execute_batch(chunk)
        assert all(not isinstance(result, Exception) for result in results)
        time.sleep(chaos.uniform(0.3, 1.2))  # let them work on the new events, then strike mid-stream
        victim = (relay, consumer, None)[number % 3]
        if victim is not None:
            victim.kill()
            victim.start()
    assert relay.kills >= 6 and consumer.kills >= 6

    events = 200 + 4 * 200
    wait_until(lambda: sum(int(r["version"]) for r in rows(container.database, "contracts", "policy_id")) == events,
               timeout=180)
    assert relay.stop() == 0 and consumer.stop() == 0

    clean = SqliteDatabase(tmp_path / "clean.sqlite")
    migrate(clean)
    EmbeddedProjectionRunner(container.policies.recorder, container.policies.mapper, clean,
                             ContractsProjection(), TableDeadLetters("contracts")).catch_up()
    assert rows(container.database, "contracts", "policy_id") == rows(clean, "contracts", "policy_id")
    assert rows(container.database, "contract_payments", "policy_id, payment_id") == \
        rows(clean, "contract_payments", "policy_id, payment_id")
    assert len(rows(clean, "contract_payments", "policy_id")) == 800
    assert read_topic(container, container.topics.dead_letters("contracts"), expected=1, timeout=3) == []
    container.close()
