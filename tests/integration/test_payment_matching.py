"""The bank-statement feed on the real Kafka and PostgreSQL: payments recorded once, the rest parked
with a reason, malformed lines dead-lettered, duplicates ignored, a replay after a crash counting
nothing twice. Business day 15 June 2026; policy 2026000001 (FLEXI, 500 monthly from 1 January)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from uuid import uuid4

from fastapi.testclient import TestClient

from api.app import create_app
from application.bootstrap import Container
from application.commands import EndPolicy
from domain.metadata import Channel
from projections.bank_statement_views import list_lines
from tests.factories import issue, pay
from tests.kafka_helpers import produce_raw, read_topic, wait_until


def statement_line(line_id: str, amount: str, reference: str | None = "2026000001", currency: str = "CZK",
                   booked_on: str = "2026-06-10") -> tuple[bytes, bytes, list]:
    body = {"statement_id": "2026-06-10/1", "line_id": line_id, "account": "CZ6508000000192000145399",
            "booked_on": booked_on, "amount": amount, "currency": currency, "variable_symbol": reference}
    return b"CZ6508000000192000145399", json.dumps(body).encode(), []


def consume_all(container: Container, lines: int) -> None:
    runner = container.kafka_runner("payments")
    try:
        wait_until(lambda: runner.poll_once(timeout_ms=300) is None and _ledger_size(container) >= lines, timeout=60)
    finally:
        runner.close()


def _ledger_size(container: Container) -> int:
    return len(list_lines(container.database, limit=1000))


def test_the_feed_records_each_payment_once_and_parks_the_rest(kafka_container: Container) -> None:
    service = kafka_container.policies
    service.execute(issue("2026000001"))
    service.execute(issue("2026000002"))
    service.execute(EndPolicy(command_id=uuid4(), actor="claims", channel=Channel.BACK_OFFICE,
                              policy_number="2026000002", end_reason="death", ended_on=date(2026, 3, 1),
                              received_on=date(2026, 3, 5)))
    service.execute(issue("2026000003"))
    service.execute(pay("2026000003", payment_id="L12", received_on=date(2026, 6, 10)))  # back office was first
    topic = kafka_container.topics.events("bank-statement")
    produce_raw(kafka_container, topic, [
        statement_line("L01", "500.00"),                      # exact: January
        statement_line("L02", "200.00"),                      # partial: credit
        statement_line("L03", "1200.00"),                     # over: February, March and 400 credit
        statement_line("L04", "500.00", currency="EUR"),
        statement_line("L05", "-500.00"),
        statement_line("L06", "500.00", reference="2026009999"),
        statement_line("L07", "500.00", reference="POJ-1"),
        statement_line("L08", "500.00", reference=None),
        statement_line("L09", "500.00", reference="2026000002"),   # the insured died in March
        statement_line("L01", "500.00"),                      # the same line again: ignored
        statement_line("L10", "500.00", booked_on="2026-06-16"),
        statement_line("L12", "500.00", reference="2026000003"),
        (b"k", b"{not json", []),
        (b"k", json.dumps({"line_id": "L11", "amount": "abc"}).encode(), []),
        (b"k", statement_line("L13", "500.00")[1].replace(b'"500.00"', b"500.0"), []),  # a JSON number
    ])
    consume_all(kafka_container, lines=11)

    policy = service.policy("2026000001")
    assert (len(policy.payments), policy.paid_to, policy.credit) == (3, date(2026, 3, 31), Decimal("400.00"))
    parked = {line.line_id: line.reason for line in list_lines(kafka_container.database, outcome="parked")}
    assert parked == {"L04": "premium-paid-in-czk", "L05": "statement-line-is-a-credit",
                      "L06": "unknown-contract", "L07": "payment-reference-is-a-contract-number",
                      "L08": "payment-reference-given", "L09": "contract-not-in-force",
                      "L10": "booked-in-the-future"}
    recorded = list_lines(kafka_container.database, outcome="recorded")
    assert [(line.line_id, line.policy_number) for line in recorded] == [
        ("L01", "2026000001"), ("L02", "2026000001"), ("L03", "2026000001")]
    assert len(service.policy("2026000003").payments) == 1  # the line's money was already there
    client = TestClient(create_app(kafka_container))
    response = client.get("/bank-statement-lines", params={"outcome": "parked", "reason": "unknown-contract"})
    assert [(line["line_id"], line["amount"]) for line in response.json()] == [("L06", "500.00")]
    ledger = {number: [(line["line_id"], line["outcome"]) for line in client.get(
        "/bank-statement-lines", params={"policy_number": number}).json()] for number in ("2026000002", "2026000003")}
    assert ledger == {"2026000002": [("L09", "parked")], "2026000003": [("L12", "duplicate")]}
    assert client.get("/bank-statement-lines", params={"outcome": "lost"}).status_code == 422
    assert client.get("/bank-statement-lines", params={"policy_number": "POJ-1"}).status_code == 422
    letters = read_topic(kafka_container, kafka_container.topics.dead_letters("payments"), expected=3)
    errors = sorted(dict(letter.headers)["dlq_error"].decode() for letter in letters)
    assert [(error.split(":")[0], error.split("(rule: ")[1]) for error in errors] == [
        ("Invalid JSON", "statement-line-is-json)"), ("amount", "statement-line-matches-schema)"),
        ("statement_id", "statement-line-matches-schema)")]


def test_a_replay_after_a_crash_counts_nothing_twice(kafka_container: Container) -> None:
    kafka_container.policies.execute(issue("2026000001"))
    produce_raw(kafka_container, kafka_container.topics.events("bank-statement"),
                [statement_line(f"L{n}", "500.00") for n in range(1, 4)])
    consume_all(kafka_container, lines=3)
    # A crash after the payments were recorded but before the ledger and offsets committed: both are lost.
    with kafka_container.database.transaction() as tx:
        tx.execute("DELETE FROM bank_statement_lines")
        tx.execute("DELETE FROM projection_offsets WHERE consumer = 'payments'")
    consume_all(kafka_container, lines=3)
    policy = kafka_container.policies.policy("2026000001")
    assert (len(policy.payments), policy.paid_to) == (3, date(2026, 3, 31))
    assert [line.outcome for line in list_lines(kafka_container.database)] == ["recorded"] * 3


def test_a_statement_file_is_matched_like_the_feed_on_each_store(container: Container, tmp_path) -> None:
    container.policies.execute(issue("2026000001"))
    path = tmp_path / "statement.jsonl"
    lines = [statement_line("F1", "500.00")[1], statement_line("F2", "500.00", currency="EUR")[1], b"{oops",
             statement_line("F1", "500.00")[1]]
    path.write_bytes(b"\n".join(lines) + b"\n")
    [outcome] = container.import_statement(path)
    assert (outcome.applied, outcome.duplicates, len(outcome.dead_lettered)) == (2, 1, 1)
    path.write_bytes(path.read_bytes() + statement_line("F3", "500.00")[1] + b"\n")  # the statement grows
    [outcome] = container.import_statement(path)
    assert outcome.applied == 1  # only the new line
    assert [(line.line_id, line.outcome) for line in list_lines(container.database)] == [
        ("F1", "recorded"), ("F2", "parked"), ("F3", "recorded")]
    assert len(container.policies.policy("2026000001").payments) == 2
