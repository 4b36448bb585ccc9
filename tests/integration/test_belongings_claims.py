"""Belongings and cards claims through the service on each store (seeds/personal-belongings-and-cards.txt).

Tomáš (born 1 Jan 1990) joined the group cover, variant Plus (99 a month), on 1 June 2025: covered from
2 June 2025 for an indefinite term. Business day 15 June 2026; the CNB rate of 2026 is 24.330 (illustrative).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest
from pydantic import ValidationError

from application.bootstrap import Container
from application.claims import ClaimNotFound
from application.commands import command_adapter
from domain.errors import DomainError
from tests.factories import issue
from tests.kafka_helpers import read_topic

OWNER = {"id": "M1", "kind": "adult", "name": "Tomáš Procházka", "birth_date": date(1990, 1, 1),
         "is_policyholder": True}
POLICY = "2025000100"


def enrol(container: Container, variant: str = "Plus", fee: str = "99.00") -> None:
    container.policies.execute(issue(
        POLICY, product_code="BELONGINGS_CARDS", premium=Decimal(fee), frequency="monthly",
        start_date=date(2025, 6, 2), concluded_on=date(2025, 6, 1), end_date=None, insured=[OWNER],
        covers=[{"insured_id": "M1", "cover": "personal_belongings_and_cards", "variant": variant}]))


def run(container: Container, type_: str, claim: str, **fields: Any):
    return container.policies.execute(command_adapter.validate_python(
        {"type": type_, "command_id": str(uuid4()), "actor": "claims-handler", "channel": "back_office",
         "claim_number": claim, **fields}))


def report(container: Container, claim: str, cause: str, event_date: str, policy: str = POLICY,
           cover_key: str = "M1/personal_belongings_and_cards/0", insured_id: str = "M1"):
    return run(container, "ReportClaim", claim, policy_number=policy, insured_id=insured_id, cover_key=cover_key,
               cause=cause, event_date=event_date, reported_on="2026-06-01", description="what happened",
               reporter="client")


def approve(container: Container, claim: str, facts: dict[str, Any]) -> Decimal:
    run(container, "ApproveClaim", claim, decided_on="2026-06-10", facts=facts)
    return container.policies.claims.claim(claim).amount


def phone(purchased_on: str, category: str = "mobile-phone") -> dict[str, Any]:
    return {"category": category, "original_price": "20000.00", "replacement_price": "18000.00",
            "purchased_on": purchased_on}


CASH_THEFT = {"kind": "cash_theft", "stolen_amount": "3000.00", "stolen_at": "2026-05-05T18:00:00+02:00",
              "withdrawn_at": "2026-05-02T10:00:00+02:00", "withdrawn_amount": "5000.00"}


@pytest.fixture
def enrolled(container: Container) -> Container:
    enrol(container)
    return container


def test_plus_pays_twice_a_calendar_year_and_counts_on_the_policy(enrolled: Container) -> None:
    # Theft, 10 March 2026: the phone bought exactly 5 years ago is covered (new price 18 000, at most the
    # original 20 000); the tablet bought 5 years and 1 day ago is not.
    report(enrolled, "PU-2026-0101", "theft", "2026-03-10")
    assert approve(enrolled, "PU-2026-0101", {"kind": "personal_items", "items": [
        phone("2021-03-10"), phone("2021-03-09", "tablet")]}) == Decimal("18000.00")
    # Loss, 2 April: a watch (valuables) 50 % of the lower price, at most 10 000 -> min(10 000, 12 000, 15 000);
    # documents renewed for 500 plus the fixed 1 000 of Plus: 11 500.
    report(enrolled, "PU-2026-0102", "loss", "2026-04-02")
    assert approve(enrolled, "PU-2026-0102", {"kind": "personal_items", "documents_renewal_costs": "500.00", "items": [
        {"category": "watch", "original_price": "30000.00", "replacement_price": "24000.00"}]}) == Decimal("11500.00")
    # The third payout of 2026 is refused: nothing is recorded, the claim stays under investigation.
    report(enrolled, "PU-2026-0103", "theft", "2026-05-05")
    version = enrolled.policies.policy(POLICY).version
    with pytest.raises(DomainError) as refused:
        approve(enrolled, "PU-2026-0103", CASH_THEFT)
    assert refused.value.rule == "belongings-payouts-per-calendar-year"
    assert enrolled.policies.claims.claim("PU-2026-0103").status == "reported"
    assert enrolled.policies.policy(POLICY).version == version
    # An event of 2025 counts in 2025: cash stolen 3 days after a withdrawal of 5 000 -> 3 000 (limit 10 000).
    report(enrolled, "PU-2026-0104", "theft", "2025-12-20")
    assert approve(enrolled, "PU-2026-0104", {**CASH_THEFT, "stolen_at": "2025-12-20T18:00:00+01:00",
                                              "withdrawn_at": "2025-12-17T10:00:00+01:00"}) == Decimal("3000.00")
    policy = enrolled.policies.policy(POLICY)
    assert policy.belongings_payouts == {"PU-2026-0101": date(2026, 3, 10), "PU-2026-0102": date(2026, 4, 2),
                                         "PU-2026-0104": date(2025, 12, 20)}


def test_a_claim_approved_again_after_reopening_is_one_payout(enrolled: Container) -> None:
    report(enrolled, "PU-2026-0111", "theft", "2026-03-10")
    approve(enrolled, "PU-2026-0111", {"kind": "personal_items", "items": [phone("2024-01-01")]})
    run(enrolled, "SchedulePayout", "PU-2026-0111", payee="Tomáš Procházka", account="CZ6508000000192000145399",
        payee_identified=True, scheduled_on="2026-06-11")
    run(enrolled, "RecordPayoutPaid", "PU-2026-0111", paid_on="2026-06-12")
    run(enrolled, "ReopenClaim", "PU-2026-0111", new_facts="the replacement cost more", reopened_on="2026-06-13")
    approve(enrolled, "PU-2026-0111", {"kind": "personal_items", "items": [phone("2024-01-01")]})
    assert list(enrolled.policies.policy(POLICY).belongings_payouts) == ["PU-2026-0111"]


def test_card_fraud_within_the_doubled_limit_and_an_unidentified_payee(enrolled: Container) -> None:
    # Secured transactions 250 000: Plus pays at most 100 000, doubled for events from 1 Nov 2024 -> 200 000;
    # unsecured 2 000: at most 50 EUR x 24.330 = 1 216.50; the new card's fee 150 without a limit.
    report(enrolled, "PU-2026-0121", "fraud", "2026-05-20")
    amount = approve(enrolled, "PU-2026-0121", {"kind": "card_fraud", "secured_amount": "250000.00",
                                                 "unsecured_amount": "2000.00", "new_card_fee": "150.00"})
    assert amount == Decimal("201366.50")
    # Above 1 000 EUR (24 330 CZK) to a payee not identified: the collection account.
    run(enrolled, "SchedulePayout", "PU-2026-0121", payee="Tomáš Procházka", account="CZ6508000000192000145399",
        payee_identified=False, scheduled_on="2026-06-11")
    assert enrolled.policies.claims.claim("PU-2026-0121").destination == "collection_account"


def test_an_online_purchase_needs_500_and_a_finished_complaint(enrolled: Container) -> None:
    report(enrolled, "PU-2026-0131", "online_purchase", "2026-03-20")
    below = {"kind": "online_purchase", "order_value": "499.99", "origin": "new-listed-country",
             "complaint_started_on": "2026-04-01", "complaint_closure": "seller-refused"}
    with pytest.raises(DomainError) as refused:
        approve(enrolled, "PU-2026-0131", below)
    assert refused.value.rule == "online-purchase-minimum-order-500"
    # Unresolved 60 days from 1 April: finished on 31 May, assessed 10 June; used goods at most 5 000.
    assert approve(enrolled, "PU-2026-0131", {**below, "order_value": "7200.00", "origin": "used",
                                              "complaint_closure": "unresolved-for-60-days"}) == Decimal("5000.00")


def test_a_theft_asks_for_the_police_record_and_the_imei_block(enrolled: Container) -> None:
    report(enrolled, "PU-2026-0141", "theft", "2026-03-10")
    run(enrolled, "RequestClaimDocuments", "PU-2026-0141", requested_on="2026-06-02")
    pending = enrolled.policies.claims.claim("PU-2026-0141").pending_documents
    assert "police record" in pending and "IMEI block confirmation (a device with a SIM card)" in pending


@pytest.mark.parametrize("cause, rule", [
    ("illness", "claim-cause-covered-by-product"),   # the belongings cover insures things, not health
    ("accident", "claim-cause-covered-by-product"),
])
def test_a_cause_the_product_does_not_insure_is_refused_and_nothing_recorded(enrolled: Container, cause, rule) -> None:
    version = enrolled.policies.policy(POLICY).version
    with pytest.raises(DomainError) as refused:
        report(enrolled, "PU-2026-0151", cause, "2026-03-10")
    assert refused.value.rule == rule
    assert enrolled.policies.policy(POLICY).version == version
    with pytest.raises(ClaimNotFound):
        enrolled.policies.claims.claim("PU-2026-0151")


def test_a_theft_on_a_life_policy_is_refused(enrolled: Container) -> None:
    enrolled.policies.execute(issue())  # FLEXI, basic death for A1
    with pytest.raises(DomainError) as refused:
        report(enrolled, "PU-2026-0161", "theft", "2026-03-10", policy="2026000001", cover_key="A1/basic_death/0",
               insured_id="A1")
    assert refused.value.rule == "claim-cause-covered-by-product"


def test_facts_of_another_peril_are_refused(enrolled: Container) -> None:
    report(enrolled, "PU-2026-0171", "loss", "2026-05-05")
    with pytest.raises(DomainError) as refused:
        approve(enrolled, "PU-2026-0171", CASH_THEFT)  # cash is insured against theft only
    assert refused.value.rule == "claim-facts-fit-its-cause"
    assert enrolled.policies.claims.claim("PU-2026-0171").status == "reported"


@pytest.mark.parametrize("item, named", [
    ({**phone("2024-01-01"), "original_price": "-1.00"}, "original_price"),
    ({**phone("2024-01-01"), "category": "sofa"}, "belongings-item-category-known"),
])
def test_bad_item_facts_are_refused_at_the_boundary(enrolled: Container, item, named) -> None:
    report(enrolled, "PU-2026-0181", "theft", "2026-03-10")
    with pytest.raises(ValidationError, match=named):
        approve(enrolled, "PU-2026-0181", {"kind": "personal_items", "items": [item]})
    assert enrolled.policies.claims.claim("PU-2026-0181").status == "reported"


def test_rodina_plus_insures_the_family_members_of_the_event_day(container: Container) -> None:
    # Eva (spouse, at home) and Ema (born 10 March 2008: a family member until her 18th birthday).
    container.policies.execute(issue(
        POLICY, product_code="BELONGINGS_CARDS", premium=Decimal("159.00"), frequency="monthly",
        start_date=date(2025, 6, 2), concluded_on=date(2025, 6, 1), end_date=None, insured=[
            OWNER, {"id": "F1", "kind": "adult", "name": "Eva", "birth_date": date(1991, 5, 5), "relation": "spouse",
                    "shares_household": True},
            {"id": "F2", "kind": "child", "name": "Ema", "birth_date": date(2008, 3, 10), "relation": "child"}],
        covers=[{"insured_id": "M1", "cover": "personal_belongings_and_cards", "variant": "Rodina Plus"}]))
    report(container, "PU-2026-0191", "theft", "2026-03-09", insured_id="F2")
    # Documents lost by Eva: renewal 300 plus the fixed 2 000 of Rodina Plus.
    report(container, "PU-2026-0192", "loss", "2026-03-12", insured_id="F1")
    assert approve(container, "PU-2026-0192", {"kind": "personal_items", "documents_renewal_costs": "300.00"}
                   ) == Decimal("2300.00")
    with pytest.raises(DomainError) as refused:
        report(container, "PU-2026-0193", "theft", "2026-03-10", insured_id="F2")
    assert refused.value.rule == "claim-cover-in-force-on-event-date"


def test_the_yearly_count_and_the_payout_reach_their_topics(kafka_container: Container) -> None:
    enrol(kafka_container)
    report(kafka_container, "PU-2026-0199", "theft", "2026-03-10")
    approve(kafka_container, "PU-2026-0199", {"kind": "personal_items", "items": [phone("2024-01-01")]})
    run(kafka_container, "SchedulePayout", "PU-2026-0199", payee="Tomáš Procházka",
        account="CZ6508000000192000145399", payee_identified=True, scheduled_on="2026-06-11")
    kafka_container.relay().publish_next_page()
    policy_events = [json.loads(r.value) for r in read_topic(kafka_container, kafka_container.topics.policy_events,
                                                             expected=3)]
    assert [(e["type"], e["data"].get("claim_number"), e["data"].get("event_date")) for e in policy_events] == [
        ("cz.policycore.policy.issued.v1", None, None),
        ("cz.policycore.policy.claim-registered.v1", "PU-2026-0199", "2026-03-10"),
        ("cz.policycore.policy.belongings-payout-counted.v1", "PU-2026-0199", "2026-03-10")]
    [payout] = [json.loads(r.value) for r in read_topic(kafka_container, kafka_container.topics.events("payout"),
                                                        expected=1)]
    assert (payout["data"]["amount"], payout["data"]["destination"]) == ("18000.00", "payee")
