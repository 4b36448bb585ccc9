"""Commands -> PostgreSQL event store -> relay -> Kafka -> consumer group -> read model."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from uuid import uuid4

from application.bootstrap import Container
from application.commands import command_adapter
from domain.products.catalogue import Catalogue
from producers.schema import (
    PUBLISHED_V1,
    BelongingsPayoutCountedV1,
    ClaimRegisteredV1,
    DiagnosisGroupEndedV1,
    PremiumWaiverStartedV1,
    TerminalAdvanceRecordedV1,
    ClockDayStartedV1,
    DunningClosedV1,
    IllnessConsequencesPaidV1,
    PreReminderSentV1,
    PreliminaryCoverRecordedV1,
    ReminderSentV1,
    policy_event_adapter,
)
from projections.contract_views import contract_detail, list_contracts
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, issue, pay
from tests.kafka_helpers import produce_raw, read_topic, wait_until


def test_relay_publishes_the_documented_schema_and_headers(kafka_container: Container, spans) -> None:
    command = issue(reason="proposal accepted")
    kafka_container.policies.execute(command)
    kafka_container.policies.execute(pay(amount="1000.00"))
    relay = kafka_container.relay()
    assert relay.publish_next_page() == 2
    assert relay.publish_next_page() == 0

    records = read_topic(kafka_container, kafka_container.topics.policy_events, expected=2)
    assert len(records) == 2
    issued, paid = sorted(records, key=lambda r: r.offset)
    assert issued.partition == paid.partition  # one policy, one partition, in order
    assert issued.key == paid.key == str(kafka_container.policies.policy("2026000001").id).encode()
    headers = dict(issued.headers)
    assert headers["ce_type"] == b"cz.policycore.policy.issued.v1"
    assert headers["ce_source"] == b"urn:policy-core:policies"
    assert headers["ce_specversion"] == b"1.0"
    assert headers["traceparent"].startswith(b"00-")
    body = json.loads(issued.value)
    assert body["causationid"] == str(command.command_id) and body["reason"] == "proposal accepted"
    assert "policyholder_birth_number" not in body["data"]
    event = policy_event_adapter.validate_json(paid.value)
    assert (event.sequence, event.data.paid_to, event.data.credit) == (2, date(2026, 2, 28), Decimal("0.00"))

    # The position survives a restart: a new relay publishes nothing again.
    assert kafka_container.relay().publish_next_page() == 0
    # The trace of the command continues in the relay's span (linked, as for any batch).
    command_trace = next(s for s in spans.get_finished_spans() if s.name == "command IssuePolicy").context.trace_id
    relay_span = next(s for s in spans.get_finished_spans() if s.name == "relay publish")
    assert command_trace in {link.context.trace_id for link in relay_span.links}


def test_consumer_group_builds_the_read_model_and_stores_offsets_with_it(kafka_container: Container, spans) -> None:
    for n in range(1, 21):
        kafka_container.policies.execute(issue(f"20260000{n:02d}", advisor_id=f"ADV-{n % 3}"))
        kafka_container.policies.execute(pay(f"20260000{n:02d}", amount="1500.00"))
    kafka_container.relay().publish_next_page()

    runner = kafka_container.kafka_runner("contracts")
    stop = threading.Event()
    thread = threading.Thread(target=runner.run, args=(stop,))
    thread.start()
    try:
        wait_until(lambda: sum(c.paid_to is not None for c in list_contracts(kafka_container.database)) == 20)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    detail = contract_detail(kafka_container.database, "2026000007")
    assert (detail.paid_to, detail.total_paid, detail.version) == (date(2026, 3, 31), Decimal("1500.00"), 2)
    with kafka_container.database.transaction() as tx:
        offsets = tx.fetchall("SELECT topic, partition, next_offset FROM projection_offsets WHERE consumer = 'contracts'")
    assert sum(row["next_offset"] for row in offsets) == 40  # every message, across the partitions
    assert {row["topic"] for row in offsets} == {kafka_container.topics.policy_events}
    project = [s for s in spans.get_finished_spans() if s.name == "project contracts"]
    command_traces = {s.context.trace_id for s in spans.get_finished_spans() if s.name.startswith("command ")}
    assert command_traces <= {link.context.trace_id for s in project for link in s.links}


def test_poison_messages_go_to_the_dead_letter_topic_with_error_and_headers(kafka_container: Container) -> None:
    kafka_container.policies.execute(issue())
    kafka_container.relay().publish_next_page()
    topic = kafka_container.topics.policy_events
    produce_raw(kafka_container, topic, [
        (b"k1", b"{this is not json", [("ce_type", b"x"), ("traceparent", b"00-abc")]),
        (b"k2", json.dumps({"type": "cz.policycore.policy.teleported.v1"}).encode(), [("origin", b"test")]),
        (b"k3", b"", []),
    ])
    runner = kafka_container.kafka_runner("contracts")
    processed = 0
    for _ in range(60):  # the first polls may only join the group
        outcome = runner.poll_once(timeout_ms=1000)
        processed += 0 if outcome is None else outcome.applied + len(outcome.dead_lettered)
        if processed >= 4:
            break
    assert processed == 4
    letters = read_topic(kafka_container, kafka_container.topics.dead_letters("contracts"), expected=3)
    assert len(letters) == 3
    by_key = {letter.key: dict(letter.headers) for letter in letters}
    assert b"integration-schema" in by_key[b"k1"]["dlq_error"] and by_key[b"k1"]["traceparent"] == b"00-abc"
    assert b"teleported" in by_key[b"k2"]["dlq_error"] and by_key[b"k2"]["origin"] == b"test"
    assert by_key[b"k3"]["dlq_source_topic"] == topic.encode()
    assert {int(h["dlq_source_offset"]) for h in by_key.values()} <= set(range(4))
    # The good event is applied and nothing is lost.
    assert [c.policy_number for c in list_contracts(kafka_container.database)] == ["2026000001"]


def test_every_lifecycle_event_reaches_the_topic_and_the_read_model(kafka_container: Container) -> None:
    service = kafka_container.policies
    flexi = service.catalogue.version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))
    reducible = replace(flexi, lifecycle=replace(flexi.lifecycle, reduction_allowed=True))
    accident = service.catalogue.version_in_force("ACCIDENT_23UO", date(2026, 1, 1))
    service.catalogue = Catalogue([reducible, accident])  # no product reduces today; the aggregate must support it
    base = {"actor": "back-office", "channel": "back_office"}
    # Supplementary death 300 000, linear over its 2 years (individual end at 54; born 1973, 52 at the start):
    # 150 000 from 1 Jan 2027, ended on 1 Jan 2028.
    covers = [*FLEXI_COVERS, {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("300000"),
                              "decrease_kind": "linear", "individual_end_age": 54}]
    # A child born 10 May 2008 (17 at the start) with the child death cover, extended at 19 to 30.
    child = {"id": "C1", "kind": "child", "name": "Tomáš", "birth_date": date(2008, 5, 10)}
    covers.append({"insured_id": "C1", "cover": "child_death", "sum_insured": Decimal("50000")})
    commands = [
        issue(insured=[*FLEXI_INSURED, child], covers=covers), pay(amount="1000.00"),
        {"type": "ChangeContactDetails", "email": "jana@example.cz", "received_on": "2026-06-01"},
        {"type": "ChangePolicyholder", "name": "Jana Nováková", "birth_number": "736028/5163",
         "correction": True, "received_on": "2026-06-01"},
        {"type": "DesignateBeneficiaries", "beneficiaries": [{"name": "Petr", "share_percent": "100"}],
         "received_on": "2026-06-01"},
        {"type": "RegisterPledge", "creditor": "Banka a.s.", "received_on": "2026-06-02"},
        {"type": "ReleasePledge", "received_on": "2026-06-03"},
        {"type": "AgreeAmendment", "amendment_number": 1, "requested_on": "2026-06-03", "premium": "520.00",
         "frequency": "monthly"},
        {"type": "BillInstalments", "up_to": "2026-03-01"},
        {"type": "ApplyAnniversaries", "up_to": "2028-01-01"},
        {"type": "ExtendChildCover", "insured_id": "C1", "exit_age": 30, "requested_on": "2028-04-01"},
        {"type": "GrantLoyaltyDiscount", "kind": "from_eighth_year", "amount": "40.00", "effective_from": "2033-01-01"},
        {"type": "ReducePolicy", "effective_from": "2033-03-01"},
        {"type": "EndPolicy", "end_reason": "death", "ended_on": "2033-04-10", "received_on": "2033-04-12"},
    ]
    kafka_container.clock.advance(timedelta(days=2600))  # to August 2033: the 8th policy year has begun
    for command in commands:
        if isinstance(command, dict):
            command = command_adapter.validate_python({**base, **command, "command_id": str(uuid4()),
                                                       "policy_number": "2026000001"})
        service.execute(command)
    events = len(commands) + 1 + 2  # the anniversaries record two events, the billing three (Jan-Mar)
    # An accident policy whose insured changes risk group (from the next due date).
    service.execute(issue("2026000002", product_code="ACCIDENT_23UO", frequency="quarterly", premium=Decimal("450"),
                          end_date=date(2036, 1, 1), risk_group=1))
    service.execute(command_adapter.validate_python({**base, "type": "ChangeRiskGroup", "command_id": str(uuid4()),
                                                     "policy_number": "2026000002", "risk_group": 3,
                                                     "notified_on": "2026-02-10", "premium": "600.00"}))
    kafka_container.relay().publish_next_page()
    records = read_topic(kafka_container, kafka_container.topics.policy_events, expected=events + 2)
    # The collections workflow's events and the clock's ticks: tests/e2e/test_collections_on_kafka.py;
    # those of claims: tests/integration/test_claims.py; a proposal's preliminary cover: test_preliminary_cover.py.
    workflow_made = {PreReminderSentV1, ReminderSentV1, DunningClosedV1, ClockDayStartedV1, ClaimRegisteredV1,
                     PreliminaryCoverRecordedV1,
                     DiagnosisGroupEndedV1, PremiumWaiverStartedV1, TerminalAdvanceRecordedV1, BelongingsPayoutCountedV1,
                     IllnessConsequencesPaidV1}
    assert {dict(r.headers)["ce_type"].decode() for r in records} == {
        m.model_fields["type"].default for m in PUBLISHED_V1 if m not in workflow_made}
    runner = kafka_container.kafka_runner("contracts")
    wait_until(lambda: runner.poll_once(timeout_ms=500) is not None
               and contract_detail(kafka_container.database, "2026000001").version == events, timeout=60)
    detail = contract_detail(kafka_container.database, "2026000001")
    assert (detail.status, detail.end_reason, detail.policyholder_name) == ("ended", "death", "Jana Nováková")
    assert detail.premium == Decimal("480.00")  # 520 less the loyalty discount
