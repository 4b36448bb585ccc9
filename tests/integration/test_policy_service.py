"""The command service against each event store (embedded SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import DuplicatePayment, policy_id_for
from application.bootstrap import Container
from application.policy_service import CommandIdReused, PolicyNotFound, PolicyNumberTaken, PolicyService
from domain.errors import DomainError
from infrastructure.eventstore import event_store_env
from producers.mapping import EVENT_STORE_TOPICS
from tests.factories import issue, pay


def policy_events(container: Container) -> list:
    notifications = container.policies.recorder.select_notifications(1, 10_000, topics=EVENT_STORE_TOPICS["policy"])
    return [container.policies.mapper.to_domain_event(n) for n in notifications]


def test_commands_record_events_with_actor_channel_correlation_and_reason(container: Container) -> None:
    command = issue(reason="proposal 2026-55 accepted")
    container.policies.execute(command)
    container.policies.execute(pay(correlation_id=command.command_id))
    issued, paid = policy_events(container)
    assert issued.meta.actor == "underwriter" and issued.meta.channel.value == "back_office"
    assert issued.meta.reason == "proposal 2026-55 accepted"
    assert issued.meta.correlation_id == command.command_id == issued.meta.command_id
    assert paid.meta.correlation_id == command.command_id and paid.meta.channel.value == "batch"
    assert paid.meta.recorded_at.date() == date(2026, 6, 15)  # the injected clock


def test_a_retried_command_is_recorded_once(container: Container) -> None:
    container.policies.execute(issue())
    payment = pay()
    first = container.policies.execute(payment)
    again = container.policies.execute(payment)
    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.aggregate_version == first.aggregate_version == 2
    assert len(policy_events(container)) == 2


def test_a_reused_command_id_with_another_payload_is_refused(container: Container) -> None:
    container.policies.execute(issue())
    payment = pay()
    container.policies.execute(payment)
    with pytest.raises(CommandIdReused) as error:
        container.policies.execute(payment.model_copy(update={"amount": Decimal("999.00")}))
    assert error.value.rule == "command-id-unique"
    assert len(policy_events(container)) == 2


def test_unknown_policy_and_taken_number(container: Container) -> None:
    with pytest.raises(PolicyNotFound, match="2026009999"):
        container.policies.execute(pay("2026009999"))
    container.policies.execute(issue())
    with pytest.raises(PolicyNumberTaken):
        container.policies.execute(issue())
    assert len(policy_events(container)) == 1


def test_concurrent_writers_to_one_policy_lose_nothing(container: Container) -> None:
    """Two service instances (two processes in production) pay into one policy at once."""
    container.policies.execute(issue())
    other = PolicyService(event_store_env(container.settings), container.clock, container.settings.snapshot_interval)
    services = [container.policies, other]
    payments = [pay(payment_id=f"line-{n}", amount="100.00") for n in range(20)]
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        for command in payments[offset::2]:
            try:
                services[offset].execute(command)
            except BaseException as error:  # collected, asserted below
                errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    policy = container.policies.policy("2026000001")
    assert policy.version == 21
    assert len(policy.payment_ids) == 20
    # 20 x 100 = 2 000 = 4 months of 500
    assert (policy.instalments_paid, policy.credit) == (4, Decimal("0.00"))
    other.close()


def test_batch_execution_reports_each_command(container: Container) -> None:
    container.policies.execute_batch([issue(f"20260{n:05d}") for n in range(1, 101)])
    earlier = pay("2026000001", payment_id="early")
    container.policies.execute(earlier)
    batch = [pay(f"20260{n:05d}", payment_id=f"p{n}") for n in range(1, 101)]
    batch += [pay("2026000002", payment_id="p2"), earlier]  # a duplicate payment and a retried command
    results = container.policies.execute_batch(batch)
    assert sum(not isinstance(result, DomainError) and not result.duplicate for result in results) == 100
    assert isinstance(results[100], DuplicatePayment)
    assert results[101].duplicate is True
    assert container.policies.policy("2026000001").paid_to == date(2026, 2, 28)


def test_snapshots_are_taken_and_load_the_same_state(container: Container) -> None:
    container.policies.execute(issue())
    for n in range(25):
        container.policies.execute(pay(payment_id=f"s{n}", amount="250.00"))
    policy_id = policy_id_for("2026000001")
    snapshots = list(container.policies.snapshots.get(policy_id))
    assert [snapshot.originator_version for snapshot in snapshots] == [10, 20]
    from_snapshot = container.policies.repository.get(policy_id)
    events = container.policies.events.get(policy_id)
    state = None
    for event in events:
        state = event.mutate(state)
    assert (from_snapshot.version, from_snapshot.paid_to, from_snapshot.credit) == (26, state.paid_to, state.credit)
    assert from_snapshot.paid_to == date(2026, 12, 31)  # 25 x 250 = 6 250 = 12 x 500 + 250 credit
    assert from_snapshot.credit == Decimal("250.00")
