"""From the sales app's proposal to an issued policy, through commands, on each store."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from aggregates.proposal import (
    DigitallySignedNotCancellable,
    DigitalSignatureNeedsContact,
    IssueRequiresAcceptance,
    ProposalNotEditable,
)
from application.bootstrap import Container
from application.commands import command_adapter
from application.policy_service import PolicyNotFound, ProposalMismatch
from tests.factories import issue
from tests.kafka_helpers import read_topic

PROPOSAL = "N-2026-0042"


def run(container: Container, type_: str, **fields: object):
    return container.policies.execute(command_adapter.validate_python(
        {"type": type_, "command_id": str(uuid4()), "actor": "advisor-17", "channel": "sales_app",
         "proposal_number": PROPOSAL, **fields}))


def drafted(container: Container, **contact: object) -> None:
    run(container, "DraftProposal", product_code="FLEXI_RISK_LIFE", terms={"premium": "500.00", "frequency": "monthly"},
        start_date="2026-07-01", drafted_on="2026-06-02", **contact)


def test_an_accepted_proposal_becomes_a_policy_in_one_write(container: Container) -> None:
    drafted(container, client_email="jana@example.cz", client_mobile="+420777123456")
    run(container, "SignProposal", signature="digital", signed_on="2026-06-03")
    run(container, "SendProposal", sent_at="2026-06-03T14:00:00+00:00")
    run(container, "ExportProposal", exported_at="2026-06-03T21:00:00+00:00")
    run(container, "RequestExamination", kind="health", requested_on="2026-06-05")
    run(container, "CompleteExamination", completed_on="2026-06-09")
    run(container, "AcceptProposal", accepted_on="2026-06-10")
    signed = container.policies.proposal(PROPOSAL)
    # signed 3 June for a 1 July start (the 1st of the next month): preliminary cover 4-30 June
    assert (signed.preliminary_cover_from, signed.preliminary_cover_to) == (date(2026, 6, 4), date(2026, 6, 30))

    outcome = container.policies.execute(issue(proposal_number=PROPOSAL, start_date=date(2026, 7, 1),
                                               end_date=date(2046, 7, 1)))
    proposal = container.policies.proposal(PROPOSAL)
    assert (proposal.status, proposal.policy_number) == ("issued", "2026000001")
    assert outcome.aggregate_id == container.policies.policy("2026000001").id


def test_refusals_leave_nothing_behind(container: Container) -> None:
    drafted(container)
    with pytest.raises(DigitalSignatureNeedsContact):  # no e-mail and mobile on the proposal
        run(container, "SignProposal", signature="digital", signed_on="2026-06-03")
    assert container.policies.proposal(PROPOSAL).status == "drafted"
    run(container, "SignProposal", signature="paper", signed_on="2026-06-03")
    run(container, "SendProposal", sent_at="2026-06-03T14:00:00+00:00")
    with pytest.raises(IssueRequiresAcceptance):
        container.policies.execute(issue(proposal_number=PROPOSAL))
    with pytest.raises(PolicyNotFound):  # the policy half of the refused write was not recorded either
        container.policies.policy("2026000001")
    run(container, "ExportProposal", exported_at="2026-06-03T21:00:00+00:00")
    run(container, "AcceptProposal", accepted_on="2026-06-10")
    with pytest.raises(ProposalMismatch):
        container.policies.execute(issue(proposal_number=PROPOSAL, product_code="ACCIDENT_7UO", frequency="yearly",
                                         premium="777.00"))


def test_a_digitally_signed_proposal_cannot_be_cancelled(container: Container) -> None:
    drafted(container, client_email="jana@example.cz", client_mobile="+420777123456")
    run(container, "SignProposal", signature="digital", signed_on="2026-06-03")
    with pytest.raises(DigitallySignedNotCancellable):
        run(container, "CancelProposal", cancelled_on="2026-06-04")
    assert container.policies.proposal(PROPOSAL).status == "signed"


def test_proposal_events_reach_their_own_topic(kafka_container: Container) -> None:
    drafted(kafka_container, client_email="jana@example.cz", client_mobile="+420777123456")
    run(kafka_container, "SignProposal", signature="paper", signed_on="2026-06-03")
    kafka_container.policies.execute(issue())
    kafka_container.relay().publish_next_page()
    proposals = read_topic(kafka_container, kafka_container.topics.events("proposal"), expected=2)
    assert [dict(r.headers)["ce_type"] for r in sorted(proposals, key=lambda r: r.offset)] == [
        b"cz.policycore.proposal.drafted.v1", b"cz.policycore.proposal.signed.v1"]
    assert b"jana@example.cz" not in b"".join(r.value for r in proposals)  # contact stays in the core
    assert len(read_topic(kafka_container, kafka_container.topics.policy_events, expected=1)) == 1


def test_a_drafted_proposal_is_edited_then_signed_digitally_and_locked_for_edits(container: Container) -> None:
    drafted(container)
    run(container, "ReplaceProposalTerms", terms={"premium": "650.00", "frequency": "quarterly"},
        start_date="2026-08-01")
    run(container, "ChangeProposalClientContact", client_email="jana@example.cz", client_mobile="+420777123456")
    run(container, "SignProposal", signature="digital", signed_on="2026-06-03")
    proposal = container.policies.proposal(PROPOSAL)
    assert (proposal.terms["premium"], proposal.start_date) == ("650.00", date(2026, 8, 1))
    with pytest.raises(ProposalNotEditable):  # "once signed it can no longer be edited"
        run(container, "ReplaceProposalTerms", terms={"premium": "700.00"}, start_date="2026-08-01")
    assert container.policies.proposal(PROPOSAL).terms["premium"] == "650.00"
