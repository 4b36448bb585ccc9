"""Simulated months on real Kafka and PostgreSQL, the relay and the collections workflow SIGKILLed at
random moments and restarted: every letter, intervention and lapse happens once, on the dates of an
uninterrupted run (the embedded run of the same book, tests/integration/test_collections_workflow.py).
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pytest

from aggregates.intervention import InterventionType, intervention_id_for
from aggregates.policy import PolicyNotInForce
from application.bootstrap import Container
from producers.schema import LetterV1
from tests.conftest import settings_for
from tests.e2e.processes import Process, process_env, rows
from tests.integration.test_collections_workflow import EXPECTED, FIRST, LAST, amend, book, number
from tests.kafka_helpers import read_topic, wait_until
from tests.simulation import days, dunning_history, start_day

pytestmark = pytest.mark.e2e
COPIES = 6  # 48 policies over the topic's partitions


def test_killed_workflow_and_relay_take_each_step_once_on_its_day(request, tmp_path: Path) -> None:
    settings = settings_for("postgresql", tmp_path, request, kafka=True)
    container = Container(settings)
    container.migrate()
    start_day(container, date(2025, 12, 31))
    payments = book(container, copies=COPIES)
    env = process_env(settings, POLICY_CORE_RELAY_PAGE_SIZE="20", POLICY_CORE_CONSUMER_BATCH_SIZE="20")
    relay, workflow = Process(["relay"], env, tmp_path / "relay.log"), Process(["consume", "collections"], env,
                                                                               tmp_path / "workflow.log")
    relay.start()
    workflow.start()
    partitions = settings.policy_topic_partitions

    def day_done(day: date) -> bool:
        done = [row for row in rows(container.database, "workflow_days", "partition") if row["workflow"] == "collections"]
        return len(done) == partitions and all(row["business_date"] == str(day) for row in done)

    chaos = random.Random(20261122)
    strike_days = set(chaos.sample(sorted(payments), 8))
    for day in days(FIRST, LAST):
        start_day(container, day)
        if day in strike_days:  # strike while the day's collections run
            victim = chaos.choice((relay, workflow, workflow))
            time.sleep(chaos.uniform(0.05, 0.6))
            victim.kill()
            victim.start()
        if day in payments or day == date(2026, 2, 9):
            wait_until(lambda: day_done(day), timeout=120)  # the day's collections ran before its payments
            for command in payments.get(day, []):
                if command.policy_number.endswith("4") and day == date(2026, 3, 27):  # a day late: lapsed already
                    with pytest.raises(PolicyNotInForce):
                        container.policies.execute(command)
                else:
                    container.policies.execute(command)
            if day == date(2026, 2, 9):
                for copy in range(COPIES):
                    amend(container, copy)
    wait_until(lambda: day_done(LAST), timeout=120)
    assert relay.kills + workflow.kills == 8 and workflow.kills >= 3
    assert relay.stop() == 0 and workflow.stop() == 0

    for copy in range(COPIES):
        assert {k: dunning_history(container, number(k, copy)) for k in range(1, 9)} == EXPECTED
        lapsed = container.policies.repository.get(
            intervention_id_for(InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE, number(4, copy), date(2026, 2, 1)))
        assert (lapsed.status, lapsed.expired_on, lapsed.version) == ("expired", date(2026, 3, 27), 2)

    # Letters: one per dunning step and one confirming policy 8's contact change, each id once, whatever
    # the relay re-published after a kill.
    steps = COPIES + sum(1 for copy in range(COPIES) for k in range(1, 9)
                         for name, _ in EXPECTED[k] if not name.startswith("Ended"))
    container.relay().publish_next_page()
    letters = [LetterV1.model_validate_json(r.value) for r in
               read_topic(container, container.topics.events("letter"), expected=10 * steps, timeout=15)]
    assert len({letter.id for letter in letters}) == steps
    kinds = sorted({(letter.data.policy_number[-1], letter.data.kind.value, letter.data.issued_on) for letter in letters})
    assert ("6", "lapse_notice", date(2026, 2, 27)) in kinds and ("8", "pre_reminder", date(2026, 4, 11)) in kinds
    assert read_topic(container, container.topics.dead_letters("collections"), expected=1, timeout=3) == []
    container.close()
