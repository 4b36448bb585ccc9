"""Claims through the service on each store: the claim and its policy change in one write.

Jana (born 28 Oct 1973), FLEXI from 1 Jan 2026: basic death 500 000, accident hospitalisation
500 a day, serious illness 200 000 (waiting period 2 months). Business day 15 June 2026."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from aggregates.claim import claim_id_for
from aggregates.intervention import InterventionType, intervention_id_for
from api.app import create_app
from application.bootstrap import Container
from application.claims import ClaimNotFound
from application.commands import command_adapter
from domain.errors import DomainError
from projections.claim_views import claim_detail
from tests.conftest import settings_for
from tests.factories import FLEXI_INSURED, issue
from tests.kafka_helpers import read_topic, wait_until
from tests.simulation import days, start_day

COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
          {"insured_id": "A1", "cover": "hospitalisation_accident", "sum_insured": Decimal("500")},
          {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"), "variant": "basic"}]


ILLNESS_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
                  {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"),
                   "variant": "complete"},
                  {"insured_id": "A1", "cover": "in_situ", "sum_insured": Decimal("60000")}]

INVALIDITY_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
                     {"insured_id": "A1", "cover": "invalidity_3", "variant": "accident_or_illness", "sum_insured": Decimal("300000")},
                     {"insured_id": "A1", "cover": "invalidity_2", "variant": "accident_or_illness", "sum_insured": Decimal("200000")},
                     {"insured_id": "A1", "cover": "invalidity_1", "variant": "accident_or_illness", "sum_insured": Decimal("100000")},
                     {"insured_id": "A1", "cover": "premium_waiver"}]


def run(container: Container, type_: str, claim: str = "PU-2026-0001", **fields: object):
    return container.policies.execute(command_adapter.validate_python(
        {"type": type_, "command_id": str(uuid4()), "actor": "claims-handler", "channel": "back_office",
         "claim_number": claim, **fields}))


def report(container: Container, cover: str, event_date: str, claim: str = "PU-2026-0001", cause: str = "accident"):
    return run(container, "ReportClaim", claim, policy_number="2026000001", insured_id="A1", cover_key=f"A1/{cover}/0",
               cause=cause, event_date=event_date, reported_on="2026-06-01", description="what happened",
               reporter="client")


@pytest.fixture
def insured(container: Container) -> Container:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=COVERS))
    return container


def test_a_death_claim_pays_the_sum_ends_the_policy_and_its_billing(insured: Container) -> None:
    report(insured, "basic_death", "2026-05-10")
    run(insured, "RequestClaimDocuments", documents=["death certificate"], requested_on="2026-06-02")
    run(insured, "ReceiveClaimDocuments", documents=["death certificate"], received_on="2026-06-05")
    run(insured, "ApproveClaim", decided_on="2026-06-10", facts={"kind": "death", "died_on": "2026-05-10"})
    claim, policy = insured.policies.claims.claim("PU-2026-0001"), insured.policies.policy("2026000001")
    assert (claim.status, claim.amount, claim.payout_due) == ("approved", Decimal("500000.00"), date(2026, 6, 25))
    assert (policy.status.value, policy.end_reason.value, policy.ended_on) == ("ended", "death", date(2026, 5, 10))
    assert policy.schedule.instalments(date(2026, 12, 1))[-1].due_date == date(2026, 5, 1)  # nothing after death
    # 500 000 CZK is above 1 000 EUR (24 330 CZK at the illustrative rate): an unidentified payee's money waits.
    run(insured, "SchedulePayout", payee="Petr Dvořák", account="CZ6508000000192000145399", payee_identified=False,
        scheduled_on="2026-06-11")
    run(insured, "RecordPayoutPaid", paid_on="2026-06-12")
    assert insured.policies.claims.claim("PU-2026-0001").destination == "collection_account"


def test_a_hospital_stay_is_paid_by_the_day(insured: Container) -> None:
    report(insured, "hospitalisation_accident", "2026-03-01")
    run(insured, "ApproveClaim", decided_on="2026-06-10",
        facts={"kind": "hospital", "admitted_at": "2026-03-01T10:00:00+01:00",
               "discharged_at": "2026-03-05T09:00:00+01:00"})
    claim = insured.policies.claims.claim("PU-2026-0001")
    assert claim.amount == Decimal("2500.00")  # 1-5 March: 5 days x 500
    run(insured, "SchedulePayout", payee="Jana Dvořáková", account="CZ6508000000192000145399",
        payee_identified=False, scheduled_on="2026-06-11")  # 2 500 CZK: below 1 000 EUR
    assert insured.policies.claims.claim("PU-2026-0001").destination == "payee"
    assert insured.policies.policy("2026000001").status.value == "in_force"


@pytest.mark.parametrize("cover, event_date, cause, rule", [
    ("basic_death", "2025-12-20", "accident", "claim-policy-in-force-on-event-date"),   # before the start
    ("accidental_death", "2026-05-10", "accident", "claim-cover-in-force-on-event-date"),  # not insured
    ("serious_illness", "2026-02-20", "illness", "claim-after-waiting-period"),          # waits to 1 March
    ("basic_death", "2026-06-20", "accident", "claim-dates-not-in-future"),
    ("hospitalisation_accident", "2026-03-01", "illness", "claim-cause-covered-by-cover"),  # "– úraz" only
])
def test_bad_claims_are_refused_and_leave_claim_and_policy_unchanged(insured: Container, cover, event_date, cause,
                                                                     rule) -> None:
    version = insured.policies.policy("2026000001").version
    with pytest.raises(DomainError) as refused:
        report(insured, cover, event_date, cause=cause)
    assert refused.value.rule == rule
    assert insured.policies.policy("2026000001").version == version
    with pytest.raises(ClaimNotFound):
        insured.policies.claims.claim("PU-2026-0001")


def test_the_same_event_is_claimed_once(insured: Container) -> None:
    report(insured, "hospitalisation_accident", "2026-03-01")
    with pytest.raises(DomainError) as refused:
        report(insured, "hospitalisation_accident", "2026-03-01", claim="PU-2026-0002")
    assert refused.value.rule == "claim-reported-once"


def test_an_overdue_investigation_tells_the_advisor_once(insured: Container) -> None:
    run(insured, "ReportClaim", policy_number="2026000001", insured_id="A1", cover_key="A1/basic_death/0",
        cause="illness", event_date="2026-01-08", reported_on="2026-01-10", description="diagnosis", reporter="advisor")
    run(insured, "RequestClaimDocuments", documents=["medical report"], requested_on="2026-01-15")
    run(insured, "ReceiveClaimDocuments", documents=["medical report"], received_on="2026-02-14")
    # Three months from 10 January (10 April) plus 30 days waiting for the report: due 10 May.
    run(insured, "ReviewClaimDeadlines", on="2026-05-10")
    run(insured, "ReviewClaimDeadlines", on="2026-05-11")
    run(insured, "ReviewClaimDeadlines", on="2026-05-12")
    overdue = [e for e in insured.policies.events.get(insured.policies.claims.claim("PU-2026-0001").id)
               if type(e).__name__ == "InvestigationOverdue"]
    assert [(e.due, e.noticed_on) for e in overdue] == [(date(2026, 5, 10), date(2026, 5, 11))]
    assert overdue[0].reason == ("the investigation of the event has not been finished;"
                                 " its deadline was extended by 30 days of waiting for documents")
    assert (overdue[0].letter["addressee"], overdue[0].letter["claim_number"]) == ("Jana Dvořáková", "PU-2026-0001")
    intervention = insured.policies.repository.get(
        intervention_id_for(InterventionType.CLAIM_OVERDUE, "2026000001", "PU-2026-0001:investigation"))
    assert (intervention.status, intervention.advisor_id) == ("open", "ADV-1")


def test_claim_events_and_payouts_reach_their_topics(kafka_container: Container) -> None:
    kafka_container.policies.execute(issue(insured=FLEXI_INSURED, covers=COVERS))
    report(kafka_container, "hospitalisation_accident", "2026-03-01")
    run(kafka_container, "ApproveClaim", decided_on="2026-06-10",
        facts={"kind": "hospital", "admitted_at": "2026-03-01T10:00:00+01:00",
               "discharged_at": "2026-03-02T09:00:00+01:00"})
    run(kafka_container, "SchedulePayout", payee="Jana Dvořáková", account="CZ6508000000192000145399",
        payee_identified=True, scheduled_on="2026-06-11")
    run(kafka_container, "RecordPayoutPaid", paid_on="2026-06-12")
    # A serious illness of the complete variant on a second policy: its group ends on the policy.
    kafka_container.policies.execute(issue("2026000002", insured=FLEXI_INSURED, covers=ILLNESS_COVERS))
    run(kafka_container, "ReportClaim", "PU-2026-0002", policy_number="2026000002", insured_id="A1",
        cover_key="A1/serious_illness/0", cause="illness", event_date="2026-05-02", reported_on="2026-05-04",
        description="diagnosis", reporter="client")
    run(kafka_container, "ApproveClaim", "PU-2026-0002", decided_on="2026-06-10",
        facts={"kind": "serious_illness", "group": 3, "confirmed_on": "2026-05-02"})
    # Invalidity with the premium waiver on a third.
    kafka_container.policies.execute(issue("2026000003", insured=FLEXI_INSURED, covers=INVALIDITY_COVERS))
    run(kafka_container, "ReportClaim", "PU-2026-0003", policy_number="2026000003", insured_id="A1",
        cover_key="A1/invalidity_2/0", cause="accident", event_date="2026-05-02", reported_on="2026-05-04",
        description="injury", reporter="client")
    run(kafka_container, "ApproveClaim", "PU-2026-0003", decided_on="2026-06-10",
        facts={"kind": "invalidity", "degree": 2, "recognised_on": "2026-06-01"})
    # A terminal-illness advance on a fourth (in its fourth year).
    kafka_container.policies.execute(issue("2026000004", insured=FLEXI_INSURED, start_date=date(2023, 5, 1),
                                           end_date=date(2043, 5, 1), covers=[COVERS[0], {
                                               "insured_id": "A1", "cover": "supplementary_death",
                                               "sum_insured": Decimal("1000000")}]))
    run(kafka_container, "ReportClaim", "PU-2026-0004", policy_number="2026000004", insured_id="A1",
        cover_key="A1/supplementary_death/0", cause="illness", event_date="2026-05-02", reported_on="2026-05-04",
        description="prognosis", reporter="client")
    run(kafka_container, "ApproveClaim", "PU-2026-0004", decided_on="2026-06-10",
        facts={"kind": "terminal_illness", "prognosis_confirmed_on": "2026-05-02"})
    kafka_container.relay().publish_next_page()
    policy_types = {json.loads(r.value)["type"] for r in read_topic(
        kafka_container, kafka_container.topics.policy_events, expected=15)}
    assert {"cz.policycore.policy.claim-registered.v1", "cz.policycore.policy.diagnosis-group-ended.v1",
            "cz.policycore.policy.premium-waiver-started.v1",
            "cz.policycore.policy.terminal-advance-recorded.v1"} <= policy_types
    first_claim = str(claim_id_for("PU-2026-0001")).encode()
    claim_events = [r for r in read_topic(kafka_container, kafka_container.topics.events("claim"), expected=10)
                    if r.key == first_claim]
    assert [json.loads(r.value)["type"] for r in claim_events] == [
        "cz.policycore.claim.reported.v1", "cz.policycore.claim.approved.v1",
        "cz.policycore.claim.payout-scheduled.v1", "cz.policycore.claim.payout-paid.v1"]
    payouts = [json.loads(r.value) for r in read_topic(kafka_container, kafka_container.topics.events("payout"),
                                                        expected=2)]
    assert [(p["type"], p["data"]["amount"], p["data"]["destination"], p["data"]["claim_number"]) for p in payouts] == [
        ("cz.policycore.payout.scheduled.v1", "1000.00", "payee", "PU-2026-0001"),
        ("cz.policycore.payout.paid.v1", "1000.00", "payee", "PU-2026-0001")]
    # Each decision is a letter to the policyholder ("O ukončení šetření vás budeme písemně informovat").
    letters = [json.loads(r.value)["data"] for r in read_topic(kafka_container, kafka_container.topics.events("letter"),
                                                               expected=4)]
    assert sorted((letter["claim_number"], letter["kind"]) for letter in letters) == [
        (f"PU-2026-000{n}", "claim_decision") for n in range(1, 5)]
    assert next(letter["amount"] for letter in letters if letter["claim_number"] == "PU-2026-0001") == "1000.00"
    # The advisors' claims read model, built by its Kafka consumer group from the claim topic.
    runner = kafka_container.kafka_runner("claims")

    def paid_in_the_read_model() -> bool:
        runner.poll_once(timeout_ms=300)
        detail = claim_detail(kafka_container.database, "PU-2026-0001")
        return detail is not None and detail.status == "paid"

    try:
        wait_until(paid_in_the_read_model, timeout=60)
    finally:
        runner.close()
    detail = claim_detail(kafka_container.database, "PU-2026-0001")
    assert (detail.status, detail.amount, detail.paid_on) == ("paid", Decimal("1000.00"), "2026-06-12")



def test_a_serious_illness_ends_its_group_and_the_in_situ_cover_others_go_on(container: Container) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=ILLNESS_COVERS))
    report(container, "serious_illness", "2026-05-02", cause="illness")  # after the 2-month waiting period
    run(container, "ApproveClaim", decided_on="2026-06-10",
        facts={"kind": "serious_illness", "group": 5, "confirmed_on": "2026-05-02"})  # survived 30 days
    policy = container.policies.policy("2026000001")
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal("200000.00")
    assert policy.ended_groups == {"A1/serious_illness/0": [5]}
    assert set(policy.covers_on(date(2026, 5, 2))) == {"A1/basic_death/0", "A1/serious_illness/0"}  # in situ ended
    report(container, "serious_illness", "2026-05-20", claim="PU-2026-0002", cause="illness")
    with pytest.raises(DomainError) as refused:  # group 5 was paid and ended
        run(container, "ApproveClaim", "PU-2026-0002", decided_on="2026-06-25",
            facts={"kind": "serious_illness", "group": 5, "confirmed_on": "2026-05-20"})
    assert refused.value.rule == "serious-illness-group-paid-once"
    assert container.policies.claims.claim("PU-2026-0002").status == "reported"


def test_survival_of_30_days_is_required(container: Container) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=ILLNESS_COVERS))
    report(container, "serious_illness", "2026-05-20", cause="illness")
    with pytest.raises(DomainError) as refused:  # confirmed 20 May: known on 20 June at the earliest
        run(container, "ApproveClaim", decided_on="2026-06-14",
            facts={"kind": "serious_illness", "group": 3, "confirmed_on": "2026-05-20"})
    assert refused.value.rule == "serious-illness-survival-30-days"


def test_advisors_see_a_policys_claims_and_one_claims_detail(insured: Container) -> None:
    report(insured, "hospitalisation_accident", "2026-03-01")
    run(insured, "RequestClaimDocuments", documents=["discharge report", "police record"], requested_on="2026-06-02")
    report(insured, "basic_death", "2026-05-10", claim="PU-2026-0002")
    run(insured, "DeclineClaim", "PU-2026-0002", grounds="the insured is alive", decided_on="2026-06-03")
    runner = insured.embedded_runner("claims")
    runner.catch_up()
    runner.catch_up()  # a second pass applies nothing twice
    client = TestClient(create_app(insured))
    listed = client.get("/claims", params={"policy_number": "2026000001"}).json()
    assert [(c["claim_number"], c["status"], c["pending_documents"]) for c in listed] == [
        ("PU-2026-0001", "waiting_for_documents", 2), ("PU-2026-0002", "declined", 0)]
    detail = client.get("/claims/PU-2026-0001").json()
    assert (detail["cover_key"], detail["investigation_due"]) == ("A1/hospitalisation_accident/0", "2026-09-01")
    assert client.get("/claims/PU-0000-9999").status_code == 404
    assert client.get("/claims", params={"status": "lost"}).status_code == 422


def test_the_business_clock_reviews_deadlines_once_a_day(tmp_path, request) -> None:
    """On the business calendar: a claim reported 9 Jan, waiting 30 days for documents, is overdue on 10 May."""
    business = Container(settings_for("sqlite", tmp_path / "clock", request))
    business.migrate()
    try:
        start_day(business, date(2026, 1, 9))
        business.policies.execute(issue(insured=FLEXI_INSURED, covers=COVERS))
        run(business, "ReportClaim", policy_number="2026000001", insured_id="A1", cover_key="A1/basic_death/0",
            cause="illness", event_date="2026-01-08", reported_on="2026-01-09", description="diagnosis",
            reporter="advisor")
        run(business, "RequestClaimDocuments", documents=["medical report"], requested_on="2026-01-09")
        workflow = business.embedded_runner("claim-deadlines")
        for day in days(date(2026, 1, 10), date(2026, 5, 20)):
            start_day(business, day)
            if day == date(2026, 2, 8):
                run(business, "ReceiveClaimDocuments", documents=["medical report"], received_on="2026-02-08")
            workflow.catch_up()
        claim = business.policies.claims.claim("PU-2026-0001")
        overdue = [e for e in business.policies.events.get(claim.id) if type(e).__name__ == "InvestigationOverdue"]
        # 9 Jan + 3 months = 9 April, + 30 days waiting = 9 May: overdue from 10 May, recorded once.
        assert [(e.due, e.noticed_on) for e in overdue] == [(date(2026, 5, 9), date(2026, 5, 10))]
    finally:
        business.close()


DAILY_COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
                {"insured_id": "A1", "cover": "daily_allowance_do8", "sum_insured": Decimal("300")},
                {"insured_id": "A1", "cover": "sickness_incapacity_pn29", "sum_insured": Decimal("400"),
                 "variant": "from_day_1"}]


@pytest.mark.parametrize("cover, cause, facts, amount", [
    # DO8 with progression: days 1-84 single, from day 85 double (300 -> 600 a day).
    ("daily_allowance_do8", "accident", {"kind": "daily_allowance", "healing_days": 84, "table_maximum_days": 120},
     "25200.00"),
    ("daily_allowance_do8", "accident", {"kind": "daily_allowance", "healing_days": 85, "table_maximum_days": 120},
     "25800.00"),
    ("daily_allowance_do8", "accident", {"kind": "daily_allowance", "healing_days": 100, "table_maximum_days": 90},
     "28800.00"),  # the table caps the days: 84 x 300 + 6 x 600
    # PN29 paid from day 1 once the incapacity has lasted 29 days: 40 x 400.
    ("sickness_incapacity_pn29", "illness", {"kind": "incapacity", "incapacity_days": 40}, "16000.00"),
])
def test_daily_benefits_by_their_calculators(container: Container, cover, cause, facts, amount) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=DAILY_COVERS))
    report(container, cover, "2026-04-01", cause=cause)
    run(container, "ApproveClaim", decided_on="2026-06-10", facts=facts)
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal(amount)


@pytest.mark.parametrize("cover, cause, facts, rule", [
    ("daily_allowance_do8", "accident", {"kind": "daily_allowance", "healing_days": 20, "table_maximum_days": 7},
     "daily-allowance-minimum-healing-period"),
    ("sickness_incapacity_pn29", "illness", {"kind": "incapacity", "incapacity_days": 28}, "incapacity-qualifying-period"),
    ("sickness_incapacity_pn29", "illness", {"kind": "hospital", "admitted_at": "2026-04-01T08:00:00+02:00",
                                              "discharged_at": "2026-04-03T08:00:00+02:00"},
     "benefit-calculator-for-cover"),
])
def test_facts_that_do_not_pay_leave_the_claim_under_investigation(container: Container, cover, cause, facts,
                                                                   rule) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=DAILY_COVERS))
    report(container, cover, "2026-04-01", cause=cause)
    with pytest.raises(DomainError) as refused:
        run(container, "ApproveClaim", decided_on="2026-06-10", facts=facts)
    assert refused.value.rule == rule
    assert container.policies.claims.claim("PU-2026-0001").status == "reported"



def test_invalidity_ends_its_degree_and_the_lower_ones_and_waives_the_premium(container: Container) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=INVALIDITY_COVERS))
    report(container, "invalidity_2", "2026-05-01")  # an accident: the waiver's year of waiting does not apply
    run(container, "ApproveClaim", decided_on="2026-06-10",
        facts={"kind": "invalidity", "degree": 2, "recognised_on": "2026-06-01"})
    policy = container.policies.policy("2026000001")
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal("200000.00")
    assert set(policy.covers_on(date(2026, 5, 1))) == {"A1/basic_death/0", "A1/invalidity_3/0",
                                                       "A1/premium_waiver/0"}  # degrees 2 and 1 ended
    assert policy.premium_waived_from == date(2026, 6, 1)
    assert policy.schedule.instalments(date(2026, 12, 1))[-1].due_date == date(2026, 5, 1)  # nothing due from June
    assert policy.status.value == "in_force"


def test_invalidity_3_after_a_traffic_accident_is_doubled(container: Container) -> None:
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=INVALIDITY_COVERS))
    report(container, "invalidity_3", "2026-05-01")
    run(container, "ApproveClaim", decided_on="2026-06-10",
        facts={"kind": "invalidity", "degree": 3, "recognised_on": "2026-06-01", "traffic_accident": True})
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal("600000.00")  # 300 000 x 2
    assert not any(key.startswith("A1/invalidity") for key in container.policies.policy("2026000001").covers_on(
        date(2026, 5, 1)))


@pytest.mark.parametrize("variant, cover, damage, amount", [
    ("fourfold_progression", "accident_permanent_consequences_from_0_5", "25", "250000.00"),  # 25 % of 1 x
    ("fourfold_progression", "accident_permanent_consequences_from_0_5", "26", "520000.00"),  # 26 % of 2 x
    ("fourfold_progression", "accident_permanent_consequences_from_10", "9.5", None),         # below 10 %
])
def test_permanent_consequences_of_injury_by_the_progression(container: Container, variant, cover, damage,
                                                             amount) -> None:
    covers = [COVERS[0], {"insured_id": "A1", "cover": cover, "sum_insured": Decimal("1000000"), "variant": variant}]
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=covers))
    report(container, cover, "2026-04-01")
    approve = {"decided_on": "2026-06-10", "facts": {"kind": "injury_consequences", "damage_percent": damage}}
    if amount is None:
        with pytest.raises(DomainError) as refused:
            run(container, "ApproveClaim", **approve)
        assert refused.value.rule == "permanent-consequences-below-threshold"
        return
    run(container, "ApproveClaim", **approve)
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal(amount)


def test_a_terminal_advance_is_deducted_from_the_later_death_benefit(container: Container) -> None:
    covers = [COVERS[0], {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("1000000")}]
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=covers, start_date=date(2023, 5, 1),
                                     end_date=date(2043, 5, 1)))
    report(container, "supplementary_death", "2026-05-01", cause="illness")
    run(container, "ApproveClaim", decided_on="2026-05-20",
        facts={"kind": "terminal_illness", "prognosis_confirmed_on": "2026-05-01"})  # 3 years after the start
    assert container.policies.claims.claim("PU-2026-0001").amount == Decimal("600000.00")  # 60 %
    report(container, "supplementary_death", "2026-06-01", claim="PU-2026-0002", cause="illness")
    run(container, "ApproveClaim", "PU-2026-0002", decided_on="2026-06-10",
        facts={"kind": "death", "died_on": "2026-06-01"})
    assert container.policies.claims.claim("PU-2026-0002").amount == Decimal("400000.00")  # 1 000 000 - 600 000


def test_a_cover_past_its_individual_end_is_refused_before_the_anniversary_is_recorded(container: Container) -> None:
    # PN15 to age 54 for Jana (52 at the start): two policy years, to 1 Jan 2028; no anniversary recorded.
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=[COVERS[0], {
        "insured_id": "A1", "cover": "sickness_incapacity_pn15", "sum_insured": Decimal("500"),
        "individual_end_age": 54}]))
    container.clock.advance(date(2028, 3, 1) - date(2026, 6, 15))
    run(container, "ReportClaim", "PU-2027-0001", policy_number="2026000001", insured_id="A1",
        cover_key="A1/sickness_incapacity_pn15/0", cause="illness", event_date="2027-12-31",
        reported_on="2028-02-01", description="influenza", reporter="client")
    version = container.policies.policy("2026000001").version
    with pytest.raises(DomainError) as refused:
        run(container, "ReportClaim", "PU-2028-0001", policy_number="2026000001", insured_id="A1",
            cover_key="A1/sickness_incapacity_pn15/0", cause="illness", event_date="2028-01-02",
            reported_on="2028-02-01", description="influenza", reporter="client")
    assert (refused.value.rule, str(refused.value)) == (
        "claim-cover-in-force-on-event-date", "A1/sickness_incapacity_pn15/0 had ended (individual end) by 2028-01-02")
    assert container.policies.policy("2026000001").version == version
