"""From stored domain events to the published integration schema.

Only events listed here are published; anything else in the event store (command receipts)
stays internal. A stored event maps to the same message every time, which is what makes a
re-published duplicate recognisable.
"""

from __future__ import annotations

from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.utils import get_topic

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


POLICY, PROPOSAL = "policy", "proposal"

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
}
_STREAM_OF_AGGREGATE = {Policy: POLICY, Proposal: PROPOSAL}
_SOURCE = {POLICY: "urn:policy-core:policies", PROPOSAL: "urn:policy-core:proposals"}
_STREAM_OF = {
    event_class: stream
    for event_class in _PUBLISHED
    for aggregate, stream in _STREAM_OF_AGGREGATE.items()
    if event_class.__qualname__.startswith(f"{aggregate.__name__}.")
}


def stream_of(domain_event: Any) -> str:
    """Which stream (and so which topic) an event belongs to: its aggregate's."""
    return _STREAM_OF[type(domain_event)]
# The event-store topics of published events, per stream: the relay and followers ask for these only.
EVENT_STORE_TOPICS: dict[str, tuple[str, ...]] = {
    stream: tuple(get_topic(cls) for cls, of in _STREAM_OF.items() if of == stream)
    for stream in _STREAM_OF_AGGREGATE.values()
}
PUBLISHED_EVENT_TOPICS: tuple[str, ...] = tuple(get_topic(cls) for cls in _PUBLISHED)


def to_integration_event(domain_event: Any) -> PolicyEventV1:
    try:
        model = _PUBLISHED[type(domain_event)]
    except KeyError:
        raise LookupError(f"{type(domain_event).__qualname__} is not a published event") from None
    data_model = model.model_fields["data"].annotation
    return model(**_attributes(domain_event), data=data_model.model_validate(domain_event, from_attributes=True))


def traceparent_of(domain_event: Any) -> str | None:
    return domain_event.meta.traceparent
