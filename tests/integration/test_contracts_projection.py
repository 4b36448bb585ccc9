"""The contracts projection, run in process over each store (embedded SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from application.bootstrap import Container
from consumers.batch import Message, apply_batch
from consumers.dead_letters import TableDeadLetters
from producers.mapping import EVENT_STORE_TOPICS, to_integration_event
from projections.contract_views import contract_detail, list_contracts
from projections.contracts import ContractsProjection
from tests.factories import issue, pay


def read_model(container: Container) -> tuple[list, list]:
    with container.database.transaction() as tx:
        contracts = tx.fetchall("SELECT * FROM contracts ORDER BY policy_id")
        payments = tx.fetchall("SELECT * FROM contract_payments ORDER BY policy_id, payment_id")
    for row in contracts:
        row.pop("updated_at")
    return [{k: str(v) for k, v in row.items()} for row in contracts], [{k: str(v) for k, v in row.items()} for row in payments]


def seed(container: Container) -> None:
    container.policies.execute(issue("2026000001", advisor_id="ADV-1", premium=Decimal("512.00")))
    container.policies.execute(issue("2026000002", advisor_id="ADV-2", product_code="ACCIDENT_7UO", frequency="yearly",
                                     premium=Decimal("777.00")))
    container.policies.execute(pay("2026000001", payment_id="a", amount="1024.00"))
    container.policies.execute(pay("2026000001", payment_id="b", amount="600.00"))
    container.policies.execute(pay("2026000002", payment_id="c", amount="700.00"))


def test_contract_list_and_detail(container: Container) -> None:
    seed(container)
    assert container.embedded_runner("contracts").catch_up() == 5
    first, second = list_contracts(container.database)
    assert (first.policy_number, first.paid_to, first.premium) == ("2026000001", date(2026, 3, 31), Decimal("512.00"))
    assert (second.paid_to, second.frequency) == (None, "yearly")  # 700 < 777: nothing whole paid yet
    assert [c.policy_number for c in list_contracts(container.database, advisor_id="ADV-2")] == ["2026000002"]
    detail = contract_detail(container.database, "2026000001")
    assert (detail.total_paid, detail.credit, detail.version) == (Decimal("1624.00"), Decimal("88.00"), 3)
    assert [p.payment_id for p in detail.payments] == ["a", "b"]
    assert contract_detail(container.database, "2026000404") is None


def test_applying_again_changes_nothing_and_a_rebuild_is_identical(container: Container) -> None:
    seed(container)
    runner = container.embedded_runner("contracts")
    runner.catch_up()
    before = read_model(container)
    assert runner.catch_up() == 0  # positions stored: nothing to do
    # Feed the same events again as if redelivered: all are skipped as duplicates.
    notifications = container.policies.recorder.select_notifications(1, 100)
    events = [to_integration_event(container.policies.mapper.to_domain_event(n))
              for n in notifications if n.topic in EVENT_STORE_TOPICS["policy"]]
    messages = [Message("replay", 0, n, None, e.model_dump_json().encode(), []) for n, e in enumerate(events)]
    outcome = apply_batch(container.database, ContractsProjection(), TableDeadLetters("contracts"), messages)
    assert (outcome.applied, outcome.duplicates, outcome.dead_lettered) == (0, 5, [])
    assert read_model(container) == before
    container.reset_projection("contracts")
    assert read_model(container) == ([], [])
    assert container.embedded_runner("contracts").catch_up() == 5
    assert read_model(container) == before


def test_gaps_and_garbage_are_dead_lettered_and_the_rest_applied(container: Container) -> None:
    seed(container)
    notifications = container.policies.recorder.select_notifications(1, 100)
    domain_events = [container.policies.mapper.to_domain_event(n) for n in notifications]
    events = [to_integration_event(e) for e in domain_events if type(e).__qualname__.startswith("Policy.")]
    issued_1, issued_2, paid_a, paid_b, paid_c = events
    batch = [issued_1, paid_b, issued_2, paid_c]  # paid_b skips paid_a: a gap for policy 1
    messages = [Message("t", 0, n, None, e.model_dump_json().encode(), []) for n, e in enumerate(batch)]
    messages.append(Message("t", 0, 4, None, b'{"type": "cz.policycore.policy.unknown.v1"}', []))
    outcome = apply_batch(container.database, ContractsProjection(), TableDeadLetters("contracts"), messages)
    assert outcome.applied == 3
    assert len(outcome.dead_lettered) == 2
    assert "version gap" in outcome.dead_lettered[1] or "version gap" in outcome.dead_lettered[0]
    with container.database.transaction() as tx:
        letters = tx.fetchall("SELECT position, error FROM dead_letters ORDER BY position")
        offsets = tx.fetchall("SELECT next_offset FROM projection_offsets WHERE consumer = 'contracts' AND topic = 't'")
    assert [letter["position"] for letter in letters] == [1, 4]
    assert "events-in-sequence" in letters[0]["error"] and "integration-schema" in letters[1]["error"]
    assert offsets == [{"next_offset": 5}]
    assert contract_detail(container.database, "2026000002").total_paid == Decimal("700.00")


def test_an_event_followed_in_process_is_written_out_only_when_dead_lettered(container: Container) -> None:
    seed(container)
    notifications = container.policies.recorder.select_notifications(1, 100, topics=EVENT_STORE_TOPICS["policy"])
    events = [to_integration_event(container.policies.mapper.to_domain_event(n)) for n in notifications]
    paid_without_issue = events[2]  # a payment for a contract the read model has never seen
    messages = [Message("event-store", 0, 7, None, None, [])]
    outcome = apply_batch(container.database, ContractsProjection(), TableDeadLetters("contracts"), messages,
                          decoded=[paid_without_issue])
    assert outcome.applied == 0 and len(outcome.dead_lettered) == 1
    with container.database.transaction() as tx:
        [letter] = tx.fetchall("SELECT payload FROM dead_letters")
    assert to_integration_event(container.policies.mapper.to_domain_event(notifications[2])).model_dump_json() \
        == letter["payload"]
