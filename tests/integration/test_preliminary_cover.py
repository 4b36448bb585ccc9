"""Accidents between the signature and the start, under the FLEXI preliminary cover, on each store
(flexi-risk-life-precontract.txt, "Předběžné krytí"; limits from the ILLUSTRATIVE price list).

Proposal signed 3 May 2026 for a 1 June start (the 1st of the next month): preliminary cover 4-31 May.
Jana's covers on the start date: basic death 150 000, supplementary death 100 000, accident hospital
800 a day, serious illness 200 000. Business day 15 June 2026."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from application.bootstrap import Container
from application.commands import command_adapter
from domain.errors import DomainError
from tests.factories import FLEXI_INSURED, issue
from tests.integration.test_claims import run
from tests.kafka_helpers import read_topic

PROPOSAL = "N-2026-0077"
COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("150000")},
          {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("100000")},
          {"insured_id": "A1", "cover": "hospitalisation_accident", "sum_insured": Decimal("800")},
          {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"), "variant": "basic"}]


def propose(container: Container, step: str, **fields: object) -> None:
    container.policies.execute(command_adapter.validate_python(
        {"type": step, "command_id": str(uuid4()), "actor": "advisor-17", "channel": "sales_app",
         "proposal_number": PROPOSAL, **fields}))


def sign_in_may_and_issue(container: Container) -> Container:
    propose(container, "DraftProposal", product_code="FLEXI_RISK_LIFE",
            terms={"premium": "900.00", "frequency": "monthly"}, start_date="2026-06-01", drafted_on="2026-05-02")
    propose(container, "SignProposal", signature="paper", signed_on="2026-05-03")
    propose(container, "SendProposal", sent_at="2026-05-03T14:00:00+00:00")
    propose(container, "ExportProposal", exported_at="2026-05-03T21:00:00+00:00")
    propose(container, "AcceptProposal", accepted_on="2026-05-20")
    container.policies.execute(issue(proposal_number=PROPOSAL, start_date=date(2026, 6, 1), end_date=date(2046, 6, 1),
                                     premium=Decimal("900.00"), insured=FLEXI_INSURED, covers=COVERS))
    return container


@pytest.fixture
def signed_in_may(container: Container) -> Container:
    return sign_in_may_and_issue(container)


def report(container: Container, cover: str, event_date: str, cause: str = "accident",
           claim: str = "PU-2026-0501") -> None:
    run(container, "ReportClaim", claim, policy_number="2026000001", insured_id="A1", cover_key=f"A1/{cover}/0",
        cause=cause, event_date=event_date, reported_on="2026-06-02", description="fell on the stairs",
        reporter="client")


def test_the_policy_records_the_preliminary_cover_of_its_proposal(signed_in_may: Container) -> None:
    assert signed_in_may.policies.policy("2026000001").preliminary_cover == (date(2026, 5, 4), date(2026, 5, 31))


def test_a_hospital_stay_in_may_is_paid_up_to_the_preliminary_daily_limit(signed_in_may: Container) -> None:
    report(signed_in_may, "hospitalisation_accident", "2026-05-10")
    run(signed_in_may, "ApproveClaim", "PU-2026-0501", decided_on="2026-06-10",
        facts={"kind": "hospital", "admitted_at": "2026-05-10T10:00:00+02:00",
               "discharged_at": "2026-05-11T09:00:00+02:00"})
    claim = signed_in_may.policies.claims.claim("PU-2026-0501")
    # 10-11 May: 2 days at the preliminary limit of 500 a day (not the 800 insured from the start).
    assert (claim.sum_insured, claim.amount) == (Decimal("500"), Decimal("1000.00"))


def test_death_covers_are_topped_up_to_the_limit_in_the_seeds_order(signed_in_may: Container) -> None:
    # Death line limit 200 000: basic death first (150 000), supplementary tops up the 50 000 left.
    report(signed_in_may, "supplementary_death", "2026-05-20")
    assert signed_in_may.policies.claims.claim("PU-2026-0501").sum_insured == Decimal("50000")
    run(signed_in_may, "ApproveClaim", "PU-2026-0501", decided_on="2026-06-10",
        facts={"kind": "death", "died_on": "2026-05-20", "traffic_accident": False})
    assert signed_in_may.policies.claims.claim("PU-2026-0501").amount == Decimal("50000.00")
    policy = signed_in_may.policies.policy("2026000001")
    # The last adult insured died before the start: the policy ends on its start date.
    assert (policy.status.value, policy.end_reason.value, policy.ended_on) == ("ended", "death", date(2026, 6, 1))


@pytest.mark.parametrize("cover, event_date, cause, rule", [
    ("basic_death", "2026-05-10", "illness", "preliminary-cover-accidents-on-named-covers"),
    ("serious_illness", "2026-05-10", "accident", "preliminary-cover-accidents-on-named-covers"),
    ("hospitalisation_accident", "2026-05-03", "accident", "claim-policy-in-force-on-event-date"),  # signing day
])
def test_what_the_preliminary_cover_does_not_insure_is_refused(signed_in_may: Container, cover, event_date, cause,
                                                               rule) -> None:
    before = signed_in_may.policies.policy("2026000001").version
    with pytest.raises(DomainError) as refused:
        report(signed_in_may, cover, event_date, cause)
    assert refused.value.rule == rule
    assert signed_in_may.policies.policy("2026000001").version == before


def test_a_policy_without_a_signed_proposal_has_no_preliminary_cover(container: Container) -> None:
    container.policies.execute(issue(start_date=date(2026, 6, 1), end_date=date(2046, 6, 1), covers=COVERS))
    with pytest.raises(DomainError) as refused:
        report(container, "hospitalisation_accident", "2026-05-10")
    assert refused.value.rule == "claim-policy-in-force-on-event-date"


def test_the_preliminary_cover_and_a_claim_under_it_reach_their_topics(kafka_container: Container) -> None:
    sign_in_may_and_issue(kafka_container)
    report(kafka_container, "hospitalisation_accident", "2026-05-10")
    kafka_container.relay().publish_next_page()
    policy_events = [json.loads(r.value) for r in read_topic(kafka_container, kafka_container.topics.policy_events,
                                                            expected=3)]
    recorded = next(e["data"] for e in policy_events
                    if e["type"] == "cz.policycore.policy.preliminary-cover-recorded.v1")
    assert recorded == {"cover_from": "2026-05-04", "cover_to": "2026-05-31", "proposal_number": PROPOSAL}
    reported = json.loads(read_topic(kafka_container, kafka_container.topics.events("claim"), expected=1)[0].value)
    assert (reported["data"]["preliminary_cover"], reported["data"]["sum_insured"]) == (True, "500")
