"""Claims across aggregates on real Kafka and PostgreSQL, the workflows fed by the business clock's ticks
through the topics: a serious illness ending its group and the in-situ cover, a death ending the policy
and its billing with a large payout to an unidentified payee routed to the collection account, and an
investigation running past three months raising the advisor's intervention and a letter to the client.

FLEXI policies from 1 Jan 2026, 500 a month, each paid 3 000 on 1 Jan (to the end of June):
- 2026000001 complete serious illness 200 000 with in situ 60 000: group 5 diagnosed 15 March;
- 2026000002 basic death 500 000 alone: Jana dies 5 April;
- 2026000003 accident hospital cover: an accident on 8 January reported on the 10th, never decided.
The first two claims are decided and paid on 20 April, within their deadlines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

import pytest

from aggregates.policy import policy_id_for
from application.bootstrap import Container
from consumers.kafka_runtime import KafkaProjectionRunner
from tests.conftest import settings_for
from tests.e2e.processes import rows
from tests.factories import FLEXI_INSURED, issue, pay
from tests.integration.test_claims import COVERS, ILLNESS_COVERS, run
from tests.kafka_helpers import read_topic, wait_until
from tests.simulation import start_day

pytestmark = pytest.mark.e2e
WORKFLOWS = ("collections", "claim-deadlines")


@pytest.fixture
def business(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Container]:
    container = Container(settings_for("postgresql", tmp_path, request, kafka=True))
    container.migrate()
    yield container
    container.close()


def settle(container: Container, runners: list[KafkaProjectionRunner], day: date) -> None:
    """Publish what was recorded, let both workflows run every partition's day ``day``, publish what they did."""
    partitions = container.settings.policy_topic_partitions

    def done() -> bool:
        container.relay().publish_next_page()
        for runner in runners:
            runner.poll_once(timeout_ms=200)
        finished = [row for row in rows(container.database, "workflow_days", "partition")
                    if row["workflow"] in WORKFLOWS and row["business_date"] == str(day)]
        return len(finished) == partitions * len(WORKFLOWS)

    wait_until(done, timeout=120)
    relay = container.relay()
    while relay.publish_next_page():  # what the workflows recorded in their last poll
        pass


def test_claims_end_covers_and_policies_and_overdue_ones_are_told(business: Container) -> None:
    runners = [business.kafka_runner(name) for name in WORKFLOWS]
    try:
        start_day(business, date(2026, 1, 1))
        for number, covers in (("2026000001", ILLNESS_COVERS), ("2026000002", COVERS[:1]), ("2026000003", COVERS)):
            business.policies.execute(issue(number, insured=FLEXI_INSURED, covers=covers))
            business.policies.execute(pay(number, amount="3000.00", received_on=date(2026, 1, 1)))
        settle(business, runners, date(2026, 1, 1))
        start_day(business, date(2026, 1, 10))
        run(business, "ReportClaim", "PU-2026-0003", policy_number="2026000003", insured_id="A1",
            cover_key="A1/hospitalisation_accident/0", cause="accident", event_date="2026-01-08",
            reported_on="2026-01-10", description="a fall on ice", reporter="client")
        start_day(business, date(2026, 4, 6))
        settle(business, runners, date(2026, 4, 6))
        run(business, "ReportClaim", "PU-2026-0001", policy_number="2026000001", insured_id="A1",
            cover_key="A1/serious_illness/0", cause="illness", event_date="2026-03-15", reported_on="2026-04-06",
            description="diagnosis", reporter="advisor")
        run(business, "ReportClaim", "PU-2026-0002", policy_number="2026000002", insured_id="A1",
            cover_key="A1/basic_death/0", cause="illness", event_date="2026-04-05", reported_on="2026-04-06",
            description="death", reporter="back_office")
        start_day(business, date(2026, 4, 20))
        settle(business, runners, date(2026, 4, 20))
        run(business, "ApproveClaim", "PU-2026-0001", decided_on="2026-04-20",
            facts={"kind": "serious_illness", "group": 5, "confirmed_on": "2026-03-15"})
        run(business, "ApproveClaim", "PU-2026-0002", decided_on="2026-04-20",
            facts={"kind": "death", "died_on": "2026-04-05", "traffic_accident": False})
        run(business, "SchedulePayout", "PU-2026-0002", payee="Petr Dvořák", account="CZ6508000000192000145399",
            payee_identified=False, scheduled_on="2026-04-20")
        run(business, "SchedulePayout", "PU-2026-0001", payee="Jana Dvořáková", account="CZ6508000000192000145399",
            payee_identified=True, scheduled_on="2026-04-20")
        for number in ("PU-2026-0001", "PU-2026-0002"):  # within the 15 days: no payout deadline passes
            run(business, "RecordPayoutPaid", number, paid_on="2026-04-20")
        start_day(business, date(2026, 7, 2))
        settle(business, runners, date(2026, 7, 2))
    finally:
        for runner in runners:
            runner.close()

    def published(stream: str) -> list[dict]:
        """Everything on the stream's topic (read until it stays quiet)."""
        topic = business.topics.policy_events if stream == "policy" else business.topics.events(stream)
        return [json.loads(record.value) for record in read_topic(business, topic, expected=10**6, timeout=8)]

    policy_events = published("policy")

    def of(number: str, kind: str) -> list[dict]:
        return [e["data"] for e in policy_events if e["type"] == f"cz.policycore.policy.{kind}.v1"
                and e["subject"] == str(policy_id_for(number))]

    # The serious illness of group 5 ends its group and the in-situ cover; the other groups go on.
    assert [d["group"] for d in of("2026000001", "diagnosis-group-ended")] == [5]
    assert [(d["cover_key"], d["effective_from"]) for d in of("2026000001", "cover-ended")] == [
        ("A1/in_situ/0", "2026-03-15")]
    # The death ends policy 2 on 5 April: its billing stops after the April instalment (to 1 July it would
    # have billed May, June and July), while policy 1 goes on being billed.
    assert [(d["reason"], d["ended_on"]) for d in of("2026000002", "ended")] == [("death", "2026-04-05")]
    assert [d["due_date"] for d in of("2026000002", "instalment-fell-due")] == [
        "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]
    assert of("2026000001", "instalment-fell-due")[-1]["due_date"] == "2026-07-01"
    # 500 000 to a payee not identified (above 1 000 EUR): the collection account.
    payouts = [(p["type"].split(".")[-2], p["data"]["amount"], p["data"]["destination"]) for p in published("payout")
               if p["data"]["claim_number"] == "PU-2026-0002"]
    assert payouts == [("scheduled", "500000.00", "collection_account"), ("paid", "500000.00", "collection_account")]
    # Claim 3, reported 10 January, undecided on 10 April: the advisor's intervention and the letter
    # telling the policyholder why, on 11 April, once.
    raised = [e["data"] for e in published("intervention") if e["type"].endswith(".raised.v1")]
    assert [(d["intervention_type"], d["policy_number"], d["due_date"]) for d in raised] == [
        ("claim_overdue", "2026000003", "2026-04-11")]
    delays = [e["data"] for e in published("letter") if e["data"]["kind"] == "claim_delay"]
    assert [(d["claim_number"], d["issued_on"], d["deadline"], d["reason"]) for d in delays] == [
        ("PU-2026-0003", "2026-04-11", "2026-04-10", "the investigation of the event has not been finished")]
