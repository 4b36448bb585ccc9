from collections.abc import Callable
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from aggregates.policy import InvalidPolicyNumber, policy_id_for
from aggregates.proposal import (
    AcceptanceRequiresExport,
    DatesOutOfOrder,
    DeclineRequiresExport,
    DigitallySignedNotCancellable,
    DigitalSignatureNeedsContact,
    ExaminationKind,
    ExaminationOutsideUnderwriting,
    ExportRequiresSent,
    InvalidClientContact,
    InvalidExaminationKind,
    InvalidProposalNumber,
    InvalidSignatureKind,
    InvalidTerms,
    IssueRequiresAcceptance,
    MissingProductCode,
    NoExaminationPending,
    Proposal,
    ProposalClosed,
    ProposalLocked,
    ProposalNotEditable,
    SendingRequiresSignature,
    SignatureKind,
    SigningRequiresDraft,
    preliminary_cover,
    proposal_id_for,
)
from application.transcodings import register_domain_transcodings
from tests.factories import metadata

TERMS = {"frequency": "monthly", "premium": Decimal("512.00"), "insured": [{"role": "adult", "sum": 1_000_000}]}
DRAFTED_ON = date(2026, 3, 1)
SIGNED_ON = date(2026, 3, 2)
START = date(2026, 4, 1)
SENT_AT = datetime(2026, 3, 2, 15, 30, tzinfo=timezone.utc)
EXPORTED_AT = datetime(2026, 3, 2, 21, 0, tzinfo=timezone.utc)


def drafted(**overrides: Any) -> Proposal:
    fields: dict[str, Any] = dict(proposal_number="7000123456", product_code="FLEXI", terms=TERMS, start_date=START,
                                  drafted_on=DRAFTED_ON, client_email="jana@example.cz",
                                  client_mobile="+420 777 123 456", meta=metadata())
    return Proposal.draft(**{**fields, **overrides})


def signed(signature: SignatureKind = SignatureKind.PAPER, **overrides: Any) -> Proposal:
    proposal = drafted(**overrides)
    proposal.sign(signature=signature, signed_on=SIGNED_ON, meta=metadata())
    return proposal


def sent(signature: SignatureKind = SignatureKind.PAPER) -> Proposal:
    proposal = signed(signature)
    proposal.send(sent_at=SENT_AT, meta=metadata())
    return proposal


def exported(signature: SignatureKind = SignatureKind.PAPER) -> Proposal:
    proposal = sent(signature)
    proposal.export(exported_at=EXPORTED_AT, meta=metadata())
    return proposal


def examination_requested() -> Proposal:
    proposal = exported()
    proposal.request_examination(kind=ExaminationKind.HEALTH, requested_on=date(2026, 3, 5), meta=metadata())
    return proposal


def examination_completed() -> Proposal:
    proposal = examination_requested()
    proposal.complete_examination(completed_on=date(2026, 3, 9), meta=metadata())
    return proposal


def accepted() -> Proposal:
    proposal = exported()
    proposal.accept(accepted_on=date(2026, 3, 10), meta=metadata())
    return proposal


def issued() -> Proposal:
    proposal = accepted()
    proposal.record_policy_issued(policy_number="2026000001", issued_on=date(2026, 3, 11), meta=metadata())
    return proposal


def cancelled() -> Proposal:
    proposal = drafted()
    proposal.cancel(cancelled_on=DRAFTED_ON, meta=metadata())
    return proposal


def declined() -> Proposal:
    proposal = exported()
    proposal.decline(declined_on=date(2026, 3, 10), meta=metadata())
    return proposal


def names(proposal: Proposal) -> list[str]:
    return [type(event).__name__ for event in proposal.collect_events()]


# Happy paths ----------------------------------------------------------------------------------


def test_digital_proposal_through_examination_to_policy() -> None:
    meta = metadata(reason="modelled with the client")
    proposal = drafted(meta=meta)
    assert proposal.id == proposal_id_for("7000123456")
    assert (proposal.status, proposal.client_mobile, proposal.terms) == (Proposal.DRAFTED, "+420777123456", TERMS)

    proposal.replace_terms(terms={**TERMS, "frequency": "yearly"}, start_date=START, meta=metadata())
    proposal.change_client_contact(client_email="jana.d@example.cz", client_mobile="777123456", meta=metadata())
    proposal.sign(signature=SignatureKind.DIGITAL, signed_on=SIGNED_ON, meta=metadata())
    assert (proposal.status, proposal.signature_kind, proposal.signed_on) == (Proposal.SIGNED, "digital", SIGNED_ON)
    proposal.send(sent_at=SENT_AT, meta=metadata())
    assert proposal.status == Proposal.SENT and not proposal.is_locked
    proposal.export(exported_at=EXPORTED_AT, meta=metadata())
    assert proposal.status == Proposal.EXPORTED and proposal.is_locked
    proposal.request_examination(kind="health", requested_on=date(2026, 3, 5), meta=metadata())
    assert (proposal.status, proposal.examination_kind) == (Proposal.EXAMINATION_REQUESTED, "health")
    proposal.complete_examination(completed_on=date(2026, 3, 9), meta=metadata())
    assert proposal.status == Proposal.EXAMINATION_COMPLETED
    proposal.request_examination(kind=ExaminationKind.INCOME, requested_on=date(2026, 3, 9), meta=metadata())
    proposal.complete_examination(completed_on=date(2026, 3, 12), meta=metadata())
    proposal.accept(accepted_on=date(2026, 3, 13), meta=metadata())
    assert proposal.status == Proposal.ACCEPTED
    proposal.record_policy_issued(policy_number="2026000001", issued_on=date(2026, 3, 16), meta=metadata())
    assert (proposal.status, proposal.policy_number, proposal.issued_on) == (Proposal.ISSUED, "2026000001", date(2026, 3, 16))
    assert proposal.policy_id == policy_id_for("2026000001")

    events = proposal.collect_events()
    assert [type(event).__name__ for event in events] == [
        "Drafted", "TermsReplaced", "ClientContactChanged", "Signed", "Sent", "Exported",
        "ExaminationRequested", "ExaminationCompleted", "ExaminationRequested", "ExaminationCompleted",
        "Accepted", "PolicyIssued",
    ]
    assert events[0].meta == meta
    assert proposal.terms["frequency"] == "yearly" and proposal.client_email == "jana.d@example.cz"
    assert (events[3].preliminary_cover_from, events[3].preliminary_cover_to) == (date(2026, 3, 3), date(2026, 3, 31))


def test_paper_proposal_accepted_without_examination() -> None:
    proposal = drafted(client_email=None, client_mobile=None)
    proposal.sign(signature="paper", signed_on=SIGNED_ON, meta=metadata())  # no contact needed on paper
    proposal.send(sent_at=SENT_AT, meta=metadata())
    proposal.export(exported_at=EXPORTED_AT, meta=metadata())
    proposal.accept(accepted_on=date(2026, 3, 3), meta=metadata())
    proposal.record_policy_issued(policy_number="2026000002", issued_on=date(2026, 3, 3), meta=metadata())
    assert names(proposal) == ["Drafted", "Signed", "Sent", "Exported", "Accepted", "PolicyIssued"]
    assert (proposal.status, proposal.signature_kind) == (Proposal.ISSUED, "paper")


def test_declined_after_examination() -> None:
    proposal = examination_requested()
    proposal.complete_examination(completed_on=date(2026, 3, 6), meta=metadata())
    proposal.decline(declined_on=date(2026, 3, 7), meta=metadata(reason="health examination"))
    assert (proposal.status, proposal.declined_on) == (Proposal.DECLINED, date(2026, 3, 7))
    assert names(proposal)[-3:] == ["ExaminationRequested", "ExaminationCompleted", "Declined"]


@pytest.mark.parametrize("make", [drafted, signed, sent], ids=["drafted", "paper-signed", "paper-sent"])
def test_cancelled_before_export_unless_digitally_signed(make: Callable[[], Proposal]) -> None:
    proposal = make()
    proposal.collect_events()
    proposal.cancel(cancelled_on=date(2026, 3, 2), meta=metadata(reason="client changed their mind"))
    assert names(proposal) == ["Cancelled"]
    assert (proposal.status, proposal.cancelled_on) == (Proposal.CANCELLED, date(2026, 3, 2))


def test_terms_are_copied_and_made_json_plain() -> None:
    terms = {"riders": ("accident", "illness"), "nested": {"values": [1, 2]}}
    proposal = drafted(terms=terms)
    terms["nested"]["values"].append(3)
    assert proposal.terms == {"riders": ["accident", "illness"], "nested": {"values": [1, 2]}}


def test_events_and_snapshots_round_trip_through_the_event_store() -> None:
    class Proposals(Application):
        def register_transcodings(self, transcoder: JSONTranscoder) -> None:
            super().register_transcodings(transcoder)
            register_domain_transcodings(transcoder)

    app = Proposals(env={"PERSISTENCE_MODULE": "eventsourcing.popo", "IS_SNAPSHOTTING_ENABLED": "y"})
    proposal = drafted(terms={**TERMS, "start": date(2026, 4, 1)})
    proposal.sign(signature=SignatureKind.DIGITAL, signed_on=SIGNED_ON, meta=metadata())
    proposal.send(sent_at=SENT_AT, meta=metadata())
    proposal.export(exported_at=EXPORTED_AT, meta=metadata())
    proposal.request_examination(kind="income", requested_on=date(2026, 3, 4), meta=metadata())
    app.save(proposal)
    loaded = app.repository.get(proposal.id)
    assert loaded.__dict__ == proposal.__dict__
    app.take_snapshot(proposal.id)
    assert app.repository.get(proposal.id).__dict__ == proposal.__dict__


# Preliminary cover (flexi-risk-life-precontract.txt, "Předběžné krytí") ------------------------


@pytest.mark.parametrize(
    ("signed_on", "start", "cover"),
    [
        # the day after signing to the day before the start: 3..31 March = 29 days
        (date(2026, 3, 2), date(2026, 4, 1), (date(2026, 3, 3), date(2026, 3, 31))),
        # would be 2..31 March = 30 days: "nejvýše však na dobu 29 dnů" caps it at 2..30 March
        (date(2026, 3, 1), date(2026, 4, 1), (date(2026, 3, 2), date(2026, 3, 30))),
        # a 30-day month signed on the 1st: 2..30 April = 29 days, no cap needed
        (date(2026, 4, 1), date(2026, 5, 1), (date(2026, 4, 2), date(2026, 4, 30))),
        # February signed on the 1st: 2..28 February
        (date(2026, 2, 1), date(2026, 3, 1), (date(2026, 2, 2), date(2026, 2, 28))),
        # over the year end
        (date(2026, 12, 15), date(2027, 1, 1), (date(2026, 12, 16), date(2026, 12, 31))),
        # signed on the last day of the month: the cover would begin on the start date itself
        (date(2026, 3, 31), date(2026, 4, 1), None),
        # start not the 1st of the month after signing: no preliminary cover
        (date(2026, 3, 2), date(2026, 5, 1), None),
        (date(2026, 3, 2), date(2026, 4, 2), None),
        (date(2026, 3, 2), date(2026, 3, 15), None),
    ],
)
def test_preliminary_cover(signed_on: date, start: date, cover: tuple[date, date] | None) -> None:
    assert preliminary_cover(signed_on, start) == cover
    proposal = drafted(drafted_on=date(2026, 1, 1), start_date=start)
    proposal.sign(signature=SignatureKind.PAPER, signed_on=signed_on, meta=metadata())
    event = proposal.collect_events()[-1]
    recorded = (event.preliminary_cover_from, event.preliminary_cover_to)
    assert recorded == (cover if cover else (None, None))
    assert (proposal.preliminary_cover_from, proposal.preliminary_cover_to) == recorded
    if cover:
        assert (cover[1] - cover[0]).days + 1 <= 29


def test_preliminary_cover_follows_the_start_date_as_edited() -> None:
    proposal = drafted(start_date=date(2026, 5, 1))
    proposal.replace_terms(terms=TERMS, start_date=START, meta=metadata())
    proposal.sign(signature=SignatureKind.PAPER, signed_on=SIGNED_ON, meta=metadata())
    assert (proposal.preliminary_cover_from, proposal.preliminary_cover_to) == (date(2026, 3, 3), date(2026, 3, 31))


# Refusals: each names its rule and records nothing -------------------------------------------


def _sign_digitally(p: Proposal) -> None:
    p.sign(signature=SignatureKind.DIGITAL, signed_on=SIGNED_ON, meta=metadata())


def _sign_paper(p: Proposal) -> None:
    p.sign(signature=SignatureKind.PAPER, signed_on=SIGNED_ON, meta=metadata())


def _edit(p: Proposal) -> None:
    p.replace_terms(terms={"frequency": "yearly"}, start_date=START, meta=metadata())


def _change_contact(p: Proposal) -> None:
    p.change_client_contact(client_email="x@example.cz", client_mobile="777000111", meta=metadata())


def _send(p: Proposal) -> None:
    p.send(sent_at=datetime(2026, 3, 3, 9, 0, tzinfo=timezone.utc), meta=metadata())


def _export(p: Proposal) -> None:
    p.export(exported_at=datetime(2026, 3, 3, 21, 0, tzinfo=timezone.utc), meta=metadata())


def _request_exam(p: Proposal) -> None:
    p.request_examination(kind=ExaminationKind.HEALTH, requested_on=date(2026, 3, 20), meta=metadata())


def _complete_exam(p: Proposal) -> None:
    p.complete_examination(completed_on=date(2026, 3, 20), meta=metadata())


def _accept(p: Proposal) -> None:
    p.accept(accepted_on=date(2026, 3, 20), meta=metadata())


def _decline(p: Proposal) -> None:
    p.decline(declined_on=date(2026, 3, 20), meta=metadata())


def _issue(p: Proposal) -> None:
    p.record_policy_issued(policy_number="2026000009", issued_on=date(2026, 3, 20), meta=metadata())


def _cancel(p: Proposal) -> None:
    p.cancel(cancelled_on=date(2026, 3, 20), meta=metadata())


def _digitally_signed() -> Proposal:
    return signed(SignatureKind.DIGITAL)


def _digitally_sent() -> Proposal:
    return sent(SignatureKind.DIGITAL)


def _without_mobile() -> Proposal:
    return drafted(client_mobile="  ")


def _without_email() -> Proposal:
    return drafted(client_email=None)


REFUSALS: list[tuple[str, Callable[[], Proposal], Callable[[Proposal], None], type, str]] = [
    # digital signature needs e-mail and mobile ("je potřeba vyplnit mobilní telefon a e-mail klienta")
    ("digital-without-mobile", _without_mobile, _sign_digitally, DigitalSignatureNeedsContact,
     "digital-signature-needs-email-and-mobile"),
    ("digital-without-email", _without_email, _sign_digitally, DigitalSignatureNeedsContact,
     "digital-signature-needs-email-and-mobile"),
    ("unknown-signature", drafted, lambda p: p.sign(signature="fax", signed_on=SIGNED_ON, meta=metadata()),
     InvalidSignatureKind, "signature-digital-or-paper"),
    # cancellation
    ("cancel-digitally-signed", _digitally_signed, _cancel, DigitallySignedNotCancellable,
     "digitally-signed-proposal-not-cancellable"),
    ("cancel-digitally-signed-sent", _digitally_sent, _cancel, DigitallySignedNotCancellable,
     "digitally-signed-proposal-not-cancellable"),
    ("cancel-exported", exported, _cancel, ProposalLocked, "proposal-locked-after-export"),
    ("cancel-under-examination", examination_requested, _cancel, ProposalLocked, "proposal-locked-after-export"),
    ("cancel-accepted", accepted, _cancel, ProposalLocked, "proposal-locked-after-export"),
    ("cancel-issued", issued, _cancel, ProposalLocked, "proposal-locked-after-export"),
    ("cancel-cancelled", cancelled, _cancel, ProposalClosed, "closed-proposal-unchanged"),
    # editing: drafted only; locked after export
    ("edit-signed", signed, _edit, ProposalNotEditable, "only-drafted-proposal-editable"),
    ("edit-sent", sent, _edit, ProposalNotEditable, "only-drafted-proposal-editable"),
    ("contact-signed", signed, _change_contact, ProposalNotEditable, "only-drafted-proposal-editable"),
    ("edit-exported", exported, _edit, ProposalLocked, "proposal-locked-after-export"),
    ("contact-exported", exported, _change_contact, ProposalLocked, "proposal-locked-after-export"),
    ("edit-cancelled", cancelled, _edit, ProposalClosed, "closed-proposal-unchanged"),
    ("edit-declined", declined, _edit, ProposalClosed, "closed-proposal-unchanged"),
    ("edit-with-bad-terms", drafted,
     lambda p: p.replace_terms(terms={"premium": object()}, start_date=START, meta=metadata()),
     InvalidTerms, "terms-json-friendly"),
    ("contact-bad-email", drafted,
     lambda p: p.change_client_contact(client_email="jana-at-example", client_mobile=None, meta=metadata()),
     InvalidClientContact, "client-contact-well-formed"),
    # the order of the steps
    ("sign-twice", signed, _sign_paper, SigningRequiresDraft, "sign-requires-drafted"),
    ("sign-exported", exported, _sign_paper, ProposalLocked, "proposal-locked-after-export"),
    ("send-drafted", drafted, _send, SendingRequiresSignature, "send-requires-signed"),
    ("send-twice", sent, _send, SendingRequiresSignature, "send-requires-signed"),
    ("export-signed", signed, _export, ExportRequiresSent, "export-requires-sent"),
    ("export-twice", exported, _export, ExportRequiresSent, "export-requires-sent"),
    ("export-cancelled", cancelled, _export, ProposalClosed, "closed-proposal-unchanged"),
    ("exam-before-export", sent, _request_exam, ExaminationOutsideUnderwriting,
     "examination-between-export-and-acceptance"),
    ("exam-while-exam", examination_requested, _request_exam, ExaminationOutsideUnderwriting,
     "examination-between-export-and-acceptance"),
    ("exam-after-acceptance", accepted, _request_exam, ExaminationOutsideUnderwriting,
     "examination-between-export-and-acceptance"),
    ("exam-unknown-kind", exported,
     lambda p: p.request_examination(kind="dental", requested_on=date(2026, 3, 5), meta=metadata()),
     InvalidExaminationKind, "examination-health-or-income"),
    ("complete-without-request", exported, _complete_exam, NoExaminationPending,
     "examination-completed-after-requested"),
    ("accept-sent", sent, _accept, AcceptanceRequiresExport, "accept-requires-exported"),
    ("accept-during-exam", examination_requested, _accept, AcceptanceRequiresExport, "accept-requires-exported"),
    ("accept-twice", accepted, _accept, AcceptanceRequiresExport, "accept-requires-exported"),
    ("accept-declined", declined, _accept, ProposalClosed, "closed-proposal-unchanged"),
    ("decline-sent", sent, _decline, DeclineRequiresExport, "decline-requires-exported"),
    ("decline-accepted", accepted, _decline, DeclineRequiresExport, "decline-requires-exported"),
    ("issue-exported", exported, _issue, IssueRequiresAcceptance, "issue-requires-accepted"),
    ("issue-twice", issued, _issue, IssueRequiresAcceptance, "issue-requires-accepted"),
    ("issue-bad-policy-number", accepted,
     lambda p: p.record_policy_issued(policy_number="0123", issued_on=date(2026, 3, 20), meta=metadata()),
     InvalidPolicyNumber, "policy-number-is-payment-reference"),
    # dates
    ("signed-before-drafted", drafted,
     lambda p: p.sign(signature=SignatureKind.PAPER, signed_on=date(2026, 2, 28), meta=metadata()),
     DatesOutOfOrder, "proposal-dates-in-order"),
    ("exported-before-sent", sent,
     lambda p: p.export(exported_at=datetime(2026, 3, 2, 15, 0, tzinfo=timezone.utc), meta=metadata()),
     DatesOutOfOrder, "proposal-dates-in-order"),
    ("accepted-before-exam-completed", examination_completed,
     lambda p: p.accept(accepted_on=date(2026, 3, 8), meta=metadata()),
     DatesOutOfOrder, "proposal-dates-in-order"),
    ("cancelled-before-signed", signed,
     lambda p: p.cancel(cancelled_on=date(2026, 3, 1), meta=metadata()),
     DatesOutOfOrder, "proposal-dates-in-order"),
]


@pytest.mark.parametrize(("make", "command", "error", "rule"), [case[1:] for case in REFUSALS],
                         ids=[case[0] for case in REFUSALS])
def test_refusals_name_their_rule_and_record_nothing(
    make: Callable[[], Proposal], command: Callable[[Proposal], None], error: type, rule: str
) -> None:
    proposal = make()
    proposal.collect_events()
    before = dict(proposal.__dict__)
    with pytest.raises(error) as raised:
        command(proposal)
    assert raised.value.rule == rule
    assert proposal.collect_events() == []
    assert proposal.__dict__ == before


@pytest.mark.parametrize(
    ("change", "error", "rule"),
    [
        (dict(proposal_number=""), InvalidProposalNumber, "proposal-number-required"),
        (dict(proposal_number="N 1"), InvalidProposalNumber, "proposal-number-required"),
        (dict(product_code=" "), MissingProductCode, "product-code-required"),
        (dict(terms=["not", "a", "dict"]), InvalidTerms, "terms-json-friendly"),
        (dict(terms={1: "non-string key"}), InvalidTerms, "terms-json-friendly"),
        (dict(terms={"when": {"a", "set"}}), InvalidTerms, "terms-json-friendly"),
        (dict(client_mobile="12ab"), InvalidClientContact, "client-contact-well-formed"),
    ],
)
def test_refused_draft(change: dict, error: type, rule: str) -> None:
    with pytest.raises(error) as raised:
        drafted(**change)
    assert raised.value.rule == rule
