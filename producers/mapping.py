"""From stored domain events to the published integration schema.

Only events listed here are published; anything else in the event store (command receipts)
stays internal. A stored event maps to the same message every time, which is what makes a
re-published duplicate recognisable.
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.utils import get_topic

from aggregates.business_calendar import BusinessCalendar
from aggregates.claim import Claim
from aggregates.intervention import Intervention
from aggregates.policy import Policy
from aggregates.proposal import Proposal
from producers import schema
from producers.schema import EventAttributes, PolicyEventV1

EVENT_ID_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:event")


def event_id(aggregate_id: UUID, version: int) -> UUID:
    return uuid5(EVENT_ID_NAMESPACE, f"{aggregate_id}:{version}")


def _attributes(event: Any) -> dict[str, Any]:
    meta = event.meta
    return {
        "id": event_id(event.originator_id, event.originator_version),
        "source": _SOURCE[stream_of(event)],
        "subject": event.originator_id,
        "sequence": event.originator_version,
        "time": meta.recorded_at,
        "correlationid": meta.correlation_id,
        "causationid": meta.command_id,
        "actor": meta.actor,
        "channel": meta.channel,
        "reason": meta.reason,
    }


POLICY, PROPOSAL, CLOCK, LETTER, INTERVENTION = "policy", "proposal", "clock", "letter", "intervention"
CLAIM, PAYOUT = "claim", "payout"

_PUBLISHED: dict[type, type[EventAttributes]] = {
    Policy.Issued: schema.PolicyIssuedV1,
    Policy.PremiumPaymentRecorded: schema.PremiumPaymentRecordedV1,
    Policy.ContactDetailsChanged: schema.ContactDetailsChangedV1,
    Policy.PolicyholderChanged: schema.PolicyholderChangedV1,
    Policy.BeneficiariesDesignated: schema.BeneficiariesDesignatedV1,
    Policy.PledgeRegistered: schema.PledgeRegisteredV1,
    Policy.PledgeReleased: schema.PledgeReleasedV1,
    Policy.AmendmentAgreed: schema.AmendmentAgreedV1,
    Policy.Ended: schema.PolicyEndedV1,
    Policy.Reduced: schema.PolicyReducedV1,
    Policy.CoverSumChanged: schema.CoverSumChangedV1,
    Policy.CoverEnded: schema.CoverEndedV1,
    Policy.ChildCoverExtended: schema.ChildCoverExtendedV1,
    Policy.InstalmentFellDue: schema.InstalmentFellDueV1,
    Policy.LoyaltyDiscountGranted: schema.LoyaltyDiscountGrantedV1,
    Policy.RiskGroupChanged: schema.RiskGroupChangedV1,
    Policy.PreReminderSent: schema.PreReminderSentV1,
    Policy.ReminderSent: schema.ReminderSentV1,
    Policy.DunningClosed: schema.DunningClosedV1,
    Policy.ClaimRegistered: schema.ClaimRegisteredV1,
    Policy.PreliminaryCoverRecorded: schema.PreliminaryCoverRecordedV1,
    Policy.DiagnosisGroupEnded: schema.DiagnosisGroupEndedV1,
    Policy.PremiumWaiverStarted: schema.PremiumWaiverStartedV1,
    Policy.TerminalAdvanceRecorded: schema.TerminalAdvanceRecordedV1,
    Policy.BelongingsPayoutCounted: schema.BelongingsPayoutCountedV1,
    Policy.IllnessConsequencesPaid: schema.IllnessConsequencesPaidV1,
    Claim.Reported: schema.ClaimReportedV1,
    Claim.DocumentsRequested: schema.ClaimDocumentsRequestedV1,
    Claim.DocumentsReceived: schema.ClaimDocumentsReceivedV1,
    Claim.Approved: schema.ClaimApprovedV1,
    Claim.Declined: schema.ClaimDeclinedV1,
    Claim.PayoutScheduled: schema.ClaimPayoutScheduledV1,
    Claim.PayoutPaid: schema.ClaimPayoutPaidV1,
    Claim.Closed: schema.ClaimClosedV1,
    Claim.Reopened: schema.ClaimReopenedV1,
    Claim.InvestigationNoted: schema.ClaimInvestigationNotedV1,
    Claim.InvestigationOverdue: schema.ClaimInvestigationOverdueV1,
    Claim.PayoutOverdue: schema.ClaimPayoutOverdueV1,
    Proposal.Drafted: schema.ProposalDraftedV1,
    Proposal.TermsReplaced: schema.ProposalTermsReplacedV1,
    Proposal.ClientContactChanged: schema.ProposalClientContactChangedV1,
    Proposal.Signed: schema.ProposalSignedV1,
    Proposal.Sent: schema.ProposalSentV1,
    Proposal.Exported: schema.ProposalExportedV1,
    Proposal.ExaminationRequested: schema.ProposalExaminationRequestedV1,
    Proposal.ExaminationCompleted: schema.ProposalExaminationCompletedV1,
    Proposal.Accepted: schema.ProposalAcceptedV1,
    Proposal.Declined: schema.ProposalDeclinedV1,
    Proposal.PolicyIssued: schema.ProposalPolicyIssuedV1,
    Proposal.Cancelled: schema.ProposalCancelledV1,
    Intervention.Raised: schema.InterventionRaisedV1,
    Intervention.Taken: schema.InterventionTakenV1,
    Intervention.NoteAdded: schema.InterventionNoteAddedV1,
    Intervention.ResolvedByAdvisor: schema.InterventionResolvedByAdvisorV1,
    Intervention.ResolvedAutomatically: schema.InterventionResolvedAutomaticallyV1,
    Intervention.Expired: schema.InterventionExpiredV1,
    BusinessCalendar.Opened: schema.ClockDayStartedV1,
    BusinessCalendar.DayStarted: schema.ClockDayStartedV1,
}
_STREAM_OF_AGGREGATE = {Policy: POLICY, Proposal: PROPOSAL, Intervention: INTERVENTION, Claim: CLAIM,
                        BusinessCalendar: CLOCK}
_SOURCE = {POLICY: "urn:policy-core:policies", PROPOSAL: "urn:policy-core:proposals",
           INTERVENTION: "urn:policy-core:interventions", CLAIM: "urn:policy-core:claims",
           CLOCK: "urn:policy-core:business-calendar", LETTER: "urn:policy-core:letters",
           PAYOUT: "urn:policy-core:payouts"}
# The streams whose workflows act on business dates: the clock's ticks are interleaved into them
# (into every partition of their topics), so a tick follows everything recorded before it.
CLOCK_FOLLOWERS: tuple[str, ...] = (POLICY, PROPOSAL, CLAIM)
# The streams with a topic of their own (the clock has none: it travels inside its followers), and
# the derived ones: letters are written from dunning events and changes, payouts for finance from claims.
TOPIC_STREAMS: tuple[str, ...] = (*(stream for stream in _STREAM_OF_AGGREGATE.values() if stream != CLOCK), LETTER,
                                  PAYOUT)
_PAYOUTS = {Claim.PayoutScheduled: schema.PayoutScheduledV1, Claim.PayoutPaid: schema.PayoutPaidV1}
_LETTER_KIND = {
    Policy.PreReminderSent: lambda _: schema.LetterKind.PRE_REMINDER,
    Policy.ReminderSent: lambda _: schema.LetterKind.REMINDER,
    Policy.DunningClosed: lambda event: _CLOSING_LETTER[event.outcome],
}
# Non-technical changes take effect on receipt "and are confirmed": each sends a confirmation.
_CONFIRMED = frozenset({Policy.ContactDetailsChanged, Policy.PolicyholderChanged, Policy.BeneficiariesDesignated,
                        Policy.PledgeRegistered, Policy.PledgeReleased})
# A claim's letters: the event carries the addressee (``letter``); what each says.
_CLAIM_LETTER = {
    Claim.InvestigationOverdue: (schema.LetterKind.CLAIM_DELAY, lambda event: {
        "issued_on": event.noticed_on, "deadline": event.due, "reason": event.reason}),
    Claim.Approved: (schema.LetterKind.CLAIM_DECISION, lambda event: {
        "issued_on": event.decided_on, "amount": event.amount}),
    Claim.Declined: (schema.LetterKind.CLAIM_DECISION, lambda event: {
        "issued_on": event.decided_on, "reason": event.grounds}),
}
_CLOSING_LETTER = {"stop_paid": schema.LetterKind.PAYMENT_CONFIRMATION, "lapse": schema.LetterKind.LAPSE_NOTICE,
                   "reduce": schema.LetterKind.REDUCTION_NOTICE}
_STREAM_OF = {
    event_class: stream
    for event_class in _PUBLISHED
    for aggregate, stream in _STREAM_OF_AGGREGATE.items()
    if event_class.__qualname__.startswith(f"{aggregate.__name__}.")
}


def stream_of(domain_event: Any) -> str:
    """Which stream (and so which topic) an event belongs to: its aggregate's."""
    return _STREAM_OF[type(domain_event)]


def _event_store_topics(*streams: str) -> tuple[str, ...]:
    return tuple(get_topic(cls) for cls, of in _STREAM_OF.items() if of in streams)


# The event-store topics of what each stream's topic carries: the embedded followers ask for these only.
EVENT_STORE_TOPICS: dict[str, tuple[str, ...]] = {
    stream: _event_store_topics(stream, *((CLOCK,) if stream in CLOCK_FOLLOWERS else ()))
    for stream in _STREAM_OF_AGGREGATE.values() if stream != CLOCK
}
PUBLISHED_EVENT_TOPICS: tuple[str, ...] = tuple(get_topic(cls) for cls in _PUBLISHED)


def to_integration_event(domain_event: Any) -> PolicyEventV1:
    try:
        model = _PUBLISHED[type(domain_event)]
    except KeyError:
        raise LookupError(f"{type(domain_event).__qualname__} is not a published event") from None
    data_model = model.model_fields["data"].annotation
    return model(**_attributes(domain_event), data=data_model.model_validate(domain_event, from_attributes=True))


def published_as(domain_event: Any) -> list[tuple[str, Any]]:
    """The messages a stored event is published as, each with its stream: a dunning event is also a letter."""
    messages: list[tuple[str, Any]] = [(stream_of(domain_event), to_integration_event(domain_event))]
    letter = letter_of(domain_event)
    if letter is not None:
        messages.append((LETTER, letter))
    payout = _PAYOUTS.get(type(domain_event))
    if payout is not None:
        data = messages[0][1].data.model_dump()
        messages.append((PAYOUT, _derived(domain_event, PAYOUT, payout, data)))
    return messages


def letter_of(domain_event: Any) -> schema.LetterV1 | None:  # type: ignore[valid-type]
    """The letter an event sends: a dunning letter, a claim's letter, or the confirmation of a non-technical change."""
    if type(domain_event) in _CLAIM_LETTER:
        addressee = getattr(domain_event, "letter", None)  # None: recorded before claims sent letters
        if addressee is None:
            return None
        claim_kind, content = _CLAIM_LETTER[type(domain_event)]
        return _to_letter(domain_event, {**addressee, **content(domain_event)}, claim_kind)
    kind = _LETTER_KIND.get(type(domain_event))
    if kind is not None:
        return _to_letter(domain_event, {name: getattr(domain_event, name, None) for name in schema.LetterData.model_fields
                                         if name != "kind"}, kind(domain_event))
    confirmation = getattr(domain_event, "confirmation", None) if type(domain_event) in _CONFIRMED else None
    if confirmation is None:
        return None  # recorded before changes were confirmed by letter
    return _to_letter(domain_event, {**confirmation, "issued_on": domain_event.received_on,
                                     "subject": _PUBLISHED[type(domain_event)].model_fields["type"].default},
                      schema.LetterKind.CHANGE_CONFIRMATION)


def _to_letter(domain_event: Any, data: dict[str, Any],
               kind: schema.LetterKind) -> schema.LetterV1:  # type: ignore[valid-type]
    return _derived(domain_event, LETTER, schema.LetterV1, {**data, "kind": kind})


def _derived(domain_event: Any, stream: str, model: type[EventAttributes], data: dict[str, Any]) -> Any:
    """A message of a derived stream: its own stable id (a re-published one keeps it) and source."""
    attributes = _attributes(domain_event)
    attributes.update(id=uuid5(EVENT_ID_NAMESPACE, f"{stream}:{attributes['id']}"), source=_SOURCE[stream])
    return model(**attributes, data=model.model_fields["data"].annotation.model_validate(data))


def traceparent_of(domain_event: Any) -> str | None:
    return domain_event.meta.traceparent
