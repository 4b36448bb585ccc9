"""A claim's deadlines and where its payout goes, at their boundaries."""

from datetime import date
from decimal import Decimal

import pytest

from aggregates.claim import Claim, ClaimStateInvalid
from aggregates.policy_history import PolicyAsOf
from domain.claims.deadlines import investigation_due, payout_due
from domain.claims.documents import required_documents
from domain.claims.payout_routing import Destination, NoRateForDay, destination, eur_czk_on
from producers.mapping import letter_of
from producers.schema import LetterKind
from tests.factories import metadata

TODAY = date(2026, 12, 31)
LETTER = {"policy_number": "2026000001", "addressee": "Jana Nováková", "address": "Dlouhá 1, 110 00 Praha 1",
          "email": None, "channel": "registered_letter", "claim_number": "PU-1"}


@pytest.mark.parametrize("reported, waited, due", [
    (date(2026, 1, 10), 0, date(2026, 4, 10)),
    (date(2026, 11, 30), 0, date(2027, 2, 28)),   # no 30 February: the month's last day
    (date(2026, 1, 10), 30, date(2026, 5, 10)),   # extended by the time waiting for documents
])
def test_investigation_takes_three_months_plus_the_wait(reported, waited, due) -> None:
    assert investigation_due(reported, waited) == due


def test_payout_within_15_days_of_the_decision() -> None:
    assert payout_due(date(2026, 6, 10)) == date(2026, 6, 25)


@pytest.mark.parametrize("amount, identified, to", [
    ("24330.00", False, Destination.PAYEE),               # exactly 1 000 EUR at 24.330
    ("24330.01", False, Destination.COLLECTION_ACCOUNT),  # above it, payee not identified
    ("1000000.00", True, Destination.PAYEE),
])
def test_above_1000_eur_to_an_unidentified_payee_goes_to_the_collection_account(amount, identified, to) -> None:
    assert destination(Decimal(amount), eur_czk_on(date(2026, 6, 10)), identified) is to


def test_a_day_before_any_known_rate_is_refused() -> None:
    with pytest.raises(NoRateForDay):
        eur_czk_on(date(2021, 12, 31))


def reported_claim() -> Claim:
    then = PolicyAsOf(policy_number="2026000001", on=date(2026, 1, 8), known_at=None, version=1, status="in_force",
                      product_code="FLEXI_RISK_LIFE", product_version="v", policyholder_name="Jana", premium=None,
                      frequency=None, paid_to=None, debt=Decimal("0"), ended_on=None, end_reason=None,
                      covers={"A1/basic_death/0": Decimal("500000")})
    return Claim.report(claim_number="PU-1", policy_number="2026000001", insured_id="A1", cover_key="A1/basic_death/0",
                        cause="illness", event_date=date(2026, 1, 8), reported_on=date(2026, 1, 10),
                        description="d", reporter="client", policy_then=then, waiting_until=None, today=TODAY,
                        meta=metadata())


def test_the_investigation_deadline_runs_on_while_documents_are_awaited() -> None:
    claim = reported_claim()
    claim.request_documents(documents=["report"], requested_on=date(2026, 3, 1), today=TODAY, meta=metadata())
    # Due 10 April, but waiting since 1 March: on 20 April (50 days waited) it is not overdue.
    assert claim.review_deadlines(today=date(2026, 4, 20), letter=LETTER, meta=metadata()) == []


def test_each_deadline_is_recorded_once_and_steps_keep_their_order() -> None:
    claim = reported_claim()
    assert claim.review_deadlines(today=date(2026, 4, 10), letter=LETTER, meta=metadata()) == []
    assert claim.review_deadlines(today=date(2026, 4, 11), letter=LETTER, meta=metadata()) == ["investigation"]
    assert claim.review_deadlines(today=date(2026, 4, 12), letter=LETTER, meta=metadata()) == []
    with pytest.raises(ClaimStateInvalid):
        claim.record_payout_paid(paid_on=date(2026, 4, 12), today=TODAY, meta=metadata())
    claim.approve(amount=Decimal("500000"), breakdown=[], ends_cover_keys=[], decided_on=date(2026, 4, 12),
                  today=TODAY, letter=LETTER, meta=metadata())
    assert claim.review_deadlines(today=date(2026, 4, 28), letter=LETTER, meta=metadata()) == ["payout"]  # due 27 April
    with pytest.raises(ClaimStateInvalid):
        claim.decline(grounds="late", decided_on=date(2026, 4, 28), today=TODAY, letter=LETTER, meta=metadata())


def test_a_claim_asks_for_the_documents_its_cover_needs() -> None:
    claim = reported_claim()  # basic death, an illness
    claim.request_documents(documents=None, requested_on=date(2026, 1, 11), today=TODAY, meta=metadata())
    assert claim.pending_documents == ["death certificate", "death notice (Lo-103)"]
    assert "police record (traffic accident or caused by another person)" in required_documents(
        "daily_allowance_do8", "accident")
    assert required_documents("hospitalisation_accident", "illness") == ["hospital stay notice (Lo-108)",
                                                                         "discharge report"]


def test_an_overdue_investigation_writes_to_the_client_why() -> None:
    claim = reported_claim()  # reported 10 January: due 10 April
    claim.request_documents(documents=["report"], requested_on=date(2026, 2, 1), today=TODAY, meta=metadata())
    claim.receive_documents(documents=["report"], received_on=date(2026, 2, 11), today=TODAY, meta=metadata())
    # Ten days waited: due 20 April, overdue on the 21st, and the letter says why.
    assert claim.review_deadlines(today=date(2026, 4, 20), letter=LETTER, meta=metadata()) == []
    assert claim.review_deadlines(today=date(2026, 4, 21), letter=LETTER, meta=metadata()) == ["investigation"]
    letter = letter_of(claim.collect_events()[-1]).data
    assert (letter.kind, letter.issued_on, letter.deadline, letter.claim_number, letter.addressee) == (
        LetterKind.CLAIM_DELAY, date(2026, 4, 21), date(2026, 4, 20), "PU-1", "Jana Nováková")
    assert letter.reason == ("the investigation of the event has not been finished;"
                             " its deadline was extended by 10 days of waiting for documents")


def test_the_back_office_note_is_the_reason_given_and_the_decision_is_a_letter_too() -> None:
    claim = reported_claim()
    claim.note_investigation(note="we are waiting for the police findings", noted_on=date(2026, 3, 1), today=TODAY,
                             meta=metadata())
    claim.review_deadlines(today=date(2026, 4, 11), letter=LETTER, meta=metadata())
    claim.decline(grounds="the illness began before the policy", decided_on=date(2026, 4, 20), today=TODAY,
                  letter=LETTER, meta=metadata())
    delay, decision = (letter_of(event).data for event in claim.collect_events()[-2:])
    assert delay.reason == "we are waiting for the police findings"
    assert (decision.kind, decision.issued_on, decision.reason) == (
        LetterKind.CLAIM_DECISION, date(2026, 4, 20), "the illness began before the policy")


def test_a_note_needs_an_open_investigation() -> None:
    claim = reported_claim()
    claim.decline(grounds="no cover", decided_on=date(2026, 1, 20), today=TODAY, letter=LETTER, meta=metadata())
    with pytest.raises(ClaimStateInvalid):
        claim.note_investigation(note="late news", noted_on=date(2026, 1, 21), today=TODAY, meta=metadata())
