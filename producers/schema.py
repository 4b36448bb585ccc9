"""The integration schema: what other systems read from the policy topic (version 1).

Each Kafka message value is one JSON object in CloudEvents 1.0 structured form; the same
attributes travel as ``ce_*`` headers. Contract for every consumer:
- ``subject`` is the policy id and the message key; ``sequence`` is the policy's version, so
  events of one policy arrive in order on one partition.
- ``id`` is derived from (subject, sequence): a message published twice (the relay resumes
  from its last stored position after a crash) carries the same ``id`` and ``sequence``.
  Consumers apply an event only if its sequence is the next one they expect; anything at or
  below what they have is a duplicate and is skipped, anything above is a gap.
- Money is a decimal string in CZK ("1234.50"); dates are ISO calendar dates (business dates);
  ``time`` is when the event was recorded (UTC).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model

from aggregates.intervention import InterventionType
from aggregates.policy import EndReason
from domain.metadata import Channel
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency


class _Model(BaseModel):
    # from_attributes: the data of an event is read straight off the stored domain event.
    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)


class EventAttributes(_Model):
    specversion: Literal["1.0"] = "1.0"
    id: UUID
    source: str
    subject: UUID = Field(description="aggregate (policy) id; also the Kafka message key")
    sequence: int = Field(ge=1, description="aggregate (policy) version after this event")
    time: datetime = Field(description="when the event was recorded, UTC")
    datacontenttype: Literal["application/json"] = "application/json"
    correlationid: UUID
    causationid: UUID = Field(description="the command id")
    actor: str
    channel: Channel
    reason: str | None = None


class _Projection(_Model):
    """Published part of a record kept in full in the core: other fields are left out, not refused."""

    model_config = ConfigDict(extra="ignore", frozen=True, from_attributes=True)


class InsuredData(_Projection):
    id: str
    kind: str
    name: str


class CoverData(_Projection):
    insured_id: str
    cover: str
    sum_insured: Decimal | None = Field(default=None, description="none for a cover without a sum (premium waiver)")
    decrease_kind: str | None = None
    decrease_rate_percent: Decimal | None = None
    individual_end_age: int | None = None


class PolicyIssuedData(_Model):
    policy_number: str
    product_code: str
    product_version: str
    policyholder_name: str
    advisor_id: str
    frequency: Frequency
    premium: Decimal
    start_date: date
    end_date: date | None
    concluded_on: date
    sold_at_distance: bool
    insured: list[InsuredData] = Field(description="birth dates stay in the core")
    covers: list[CoverData]
    risk_group: int | None = Field(default=None, description="accident insurance")
    raised_sports_risk: bool = False
    payment_method: PaymentMethod | None = None


class PremiumPaymentRecordedData(_Model):
    payment_id: str
    amount: Decimal
    received_on: date
    periods_paid: int = Field(ge=0)
    paid_to: date | None
    credit: Decimal


class ContactDetailsChangedData(_Model):
    address: str | None
    phone: str | None
    email: str | None
    received_on: date


class PolicyholderChangedData(_Model):
    name: str
    correction: bool
    received_on: date


class BeneficiaryData(_Model):
    name: str
    share_percent: Decimal


class BeneficiariesDesignatedData(_Model):
    beneficiaries: list[BeneficiaryData]
    received_on: date


class PledgeRegisteredData(_Model):
    creditor: str
    received_on: date


class PledgeReleasedData(_Model):
    received_on: date


class CoverChangeData(_Projection):
    key: str = Field(description="insured id / cover code / part")
    sum_insured: Decimal | None
    ended: bool


class AmendmentAgreedData(_Model):
    amendment_number: int
    requested_on: date
    effective_from: date
    premium: Decimal
    frequency: Frequency
    periods_paid: int
    paid_to: date | None
    credit: Decimal
    cover_changes: list[CoverChangeData] = Field(description="cover parts added, changed or ended from effective_from")
    insured: list[InsuredData] | None = Field(default=None, description="the insured persons from then on, if changed")
    end_date: date | None = Field(default=None, description="the new end of term, if changed")
    payment_method: PaymentMethod | None = Field(default=None, description="the new payment method, if changed")


class PolicyEndedData(_Model):
    reason: EndReason
    ended_on: date
    received_on: date
    refund: Decimal | None = Field(description="premium to refund on a withdrawal (paid less benefits)")
    debt: Decimal = Field(description="premium due and unpaid at the end; stays claimable")


class CoverSumChangedData(_Model):
    cover_key: str = Field(description="insured id / cover code / place in the policy's cover list")
    effective_from: date
    sum_insured: Decimal
    reason: str = Field(description="annual_decrease | individual_end_minimum")


class CoverEndedData(_Model):
    cover_key: str
    effective_from: date
    reason: str = Field(description="exit_age | individual_end")


class InstalmentFellDueData(_Model):
    index: int = Field(ge=0, description="0 = the first instalment of the policy")
    due_date: date
    period_end: date
    amount: Decimal


class ChildCoverExtendedData(_Model):
    insured_id: str
    exit_age: int
    requested_on: date


class PolicyReducedData(_Model):
    effective_from: date


class RiskGroupChangedData(_Model):
    risk_group: int
    raised_sports_risk: bool
    notified_on: date
    effective_from: date = Field(description="the next premium due date after the notice")
    premium: Decimal
    frequency: Frequency
    periods_paid: int
    paid_to: date | None
    credit: Decimal


class LoyaltyDiscountGrantedData(_Model):
    kind: str = Field(description="from_eighth_year | final_years")
    amount: Decimal = Field(description="off each instalment")
    effective_from: date
    premium: Decimal = Field(description="the premium per instalment from effective_from")
    frequency: Frequency
    periods_paid: int
    paid_to: date | None
    credit: Decimal


class PreReminderSentData(_Model):
    due_date: date = Field(description="the unpaid instalment's due date")
    issued_on: date
    debt: Decimal = Field(description="unpaid of that instalment (and older ones) on the day")
    channel: str = Field(description="registered_letter | electronic")


class ReminderSentData(PreReminderSentData):
    delivered_on: date = Field(description="delivered, or deemed delivered (registered letter: 10th day)")
    deadline: date = Field(description="last day to pay: at least one month after delivery")
    consequence: str = Field(description="lapse | reduce: what follows if unpaid by the deadline")


class DunningClosedData(_Model):
    due_date: date
    issued_on: date
    debt: Decimal
    outcome: str = Field(description="stop_paid | lapse | reduce")


class DiagnosisGroupEndedData(_Model):
    cover_key: str
    group: int = Field(ge=1, le=6, description="serious-illness diagnosis group")
    effective_from: date
    reason: str


class TerminalAdvanceRecordedData(_Model):
    cover_key: str
    amount: Decimal = Field(description="deducted from this cover's death benefit later")
    reason: str


class BelongingsPayoutCountedData(_Model):
    claim_number: str
    event_date: date = Field(description="its calendar year counts towards the 2 (Plus) / 4 (Rodina Plus) payouts")


class IllnessConsequencesPaidData(_Model):
    cover_key: str
    percent: Decimal = Field(description="% of the sum insured paid; the cover pays at most 400 % in all")
    claim_number: str


class PremiumWaiverStartedData(_Model):
    effective_from: date = Field(description="no premium falls due from this day; the covers go on")
    reason: str


class ClaimRegisteredData(_Model):
    claim_number: str
    cover_key: str
    event_date: date
    reported_on: date


class PreliminaryCoverRecordedData(_Model):
    """The signed proposal's preliminary accident cover, before the start (both days inclusive)."""

    cover_from: date
    cover_to: date
    proposal_number: str


class ClockDayStartedData(_Model):
    """A tick of the business clock. It is interleaved into every partition of the topics whose
    workflows act on business dates, after everything recorded before it: on a partition, what
    precedes the tick of day D is everything the core had recorded for those aggregates by then."""

    business_date: date


def _event(name: str, data: type[_Model], stream: str = "policy") -> type[EventAttributes]:
    """One published event type: the common attributes, its type name and its data."""
    type_name = f"cz.policycore.{stream}.{name}.v1"
    return create_model(  # type: ignore[call-overload]
        data.__name__.removesuffix("Data") + "V1",
        __base__=EventAttributes,
        type=(Literal[type_name], type_name),
        data=(data, ...),
    )


PolicyIssuedV1 = _event("issued", PolicyIssuedData)
PremiumPaymentRecordedV1 = _event("premium-payment-recorded", PremiumPaymentRecordedData)
ContactDetailsChangedV1 = _event("contact-details-changed", ContactDetailsChangedData)
PolicyholderChangedV1 = _event("policyholder-changed", PolicyholderChangedData)
BeneficiariesDesignatedV1 = _event("beneficiaries-designated", BeneficiariesDesignatedData)
PledgeRegisteredV1 = _event("pledge-registered", PledgeRegisteredData)
PledgeReleasedV1 = _event("pledge-released", PledgeReleasedData)
AmendmentAgreedV1 = _event("amendment-agreed", AmendmentAgreedData)
PolicyEndedV1 = _event("ended", PolicyEndedData)
PolicyReducedV1 = _event("reduced", PolicyReducedData)
CoverSumChangedV1 = _event("cover-sum-changed", CoverSumChangedData)
CoverEndedV1 = _event("cover-ended", CoverEndedData)
ChildCoverExtendedV1 = _event("child-cover-extended", ChildCoverExtendedData)
InstalmentFellDueV1 = _event("instalment-fell-due", InstalmentFellDueData)
RiskGroupChangedV1 = _event("risk-group-changed", RiskGroupChangedData)
LoyaltyDiscountGrantedV1 = _event("loyalty-discount-granted", LoyaltyDiscountGrantedData)
PreReminderSentV1 = _event("pre-reminder-sent", PreReminderSentData)
ReminderSentV1 = _event("reminder-sent", ReminderSentData)
DunningClosedV1 = _event("dunning-closed", DunningClosedData)
ClaimRegisteredV1 = _event("claim-registered", ClaimRegisteredData)
PreliminaryCoverRecordedV1 = _event("preliminary-cover-recorded", PreliminaryCoverRecordedData)
DiagnosisGroupEndedV1 = _event("diagnosis-group-ended", DiagnosisGroupEndedData)
PremiumWaiverStartedV1 = _event("premium-waiver-started", PremiumWaiverStartedData)
TerminalAdvanceRecordedV1 = _event("terminal-advance-recorded", TerminalAdvanceRecordedData)
BelongingsPayoutCountedV1 = _event("belongings-payout-counted", BelongingsPayoutCountedData)
IllnessConsequencesPaidV1 = _event("illness-consequences-paid", IllnessConsequencesPaidData)
ClockDayStartedV1 = _event("day-started", ClockDayStartedData, "clock")

PUBLISHED_V1 = (PolicyIssuedV1, PremiumPaymentRecordedV1, ContactDetailsChangedV1, PolicyholderChangedV1,
                BeneficiariesDesignatedV1, PledgeRegisteredV1, PledgeReleasedV1, AmendmentAgreedV1, PolicyEndedV1,
                PolicyReducedV1, CoverSumChangedV1, CoverEndedV1, ChildCoverExtendedV1,
                InstalmentFellDueV1, ClaimRegisteredV1, DiagnosisGroupEndedV1, PremiumWaiverStartedV1,
                TerminalAdvanceRecordedV1, BelongingsPayoutCountedV1, IllnessConsequencesPaidV1,
                RiskGroupChangedV1, LoyaltyDiscountGrantedV1, PreReminderSentV1,
                ReminderSentV1, DunningClosedV1, PreliminaryCoverRecordedV1, ClockDayStartedV1)
PolicyEventV1 = Annotated[Union[PUBLISHED_V1], Field(discriminator="type")]  # type: ignore[valid-type]
policy_event_adapter: TypeAdapter[PolicyEventV1] = TypeAdapter(PolicyEventV1)


# Proposals (topic policy-core.proposal.events.v1). The offer's terms and the client's contact
# stay in the core; consumers learn where a proposal is in its life.
class ProposalDraftedData(_Model):
    proposal_number: str
    product_code: str
    start_date: date
    drafted_on: date


class ProposalTermsReplacedData(_Model):
    start_date: date


class ProposalClientContactChangedData(_Model):
    pass


class ProposalSignedData(_Model):
    signature_kind: str
    signed_on: date
    preliminary_cover_from: date | None
    preliminary_cover_to: date | None


class ProposalSentData(_Model):
    sent_at: datetime


class ProposalExportedData(_Model):
    exported_at: datetime


class ProposalExaminationRequestedData(_Model):
    examination_kind: str
    requested_on: date


class ProposalExaminationCompletedData(_Model):
    completed_on: date


class ProposalAcceptedData(_Model):
    accepted_on: date


class ProposalDeclinedData(_Model):
    declined_on: date


class ProposalPolicyIssuedData(_Model):
    policy_number: str
    issued_on: date


class ProposalCancelledData(_Model):
    cancelled_on: date


ProposalDraftedV1 = _event("drafted", ProposalDraftedData, "proposal")
ProposalTermsReplacedV1 = _event("terms-replaced", ProposalTermsReplacedData, "proposal")
ProposalClientContactChangedV1 = _event("client-contact-changed", ProposalClientContactChangedData, "proposal")
ProposalSignedV1 = _event("signed", ProposalSignedData, "proposal")
ProposalSentV1 = _event("sent", ProposalSentData, "proposal")
ProposalExportedV1 = _event("exported", ProposalExportedData, "proposal")
ProposalExaminationRequestedV1 = _event("examination-requested", ProposalExaminationRequestedData, "proposal")
ProposalExaminationCompletedV1 = _event("examination-completed", ProposalExaminationCompletedData, "proposal")
ProposalAcceptedV1 = _event("accepted", ProposalAcceptedData, "proposal")
ProposalDeclinedV1 = _event("declined", ProposalDeclinedData, "proposal")
ProposalPolicyIssuedV1 = _event("policy-issued", ProposalPolicyIssuedData, "proposal")
ProposalCancelledV1 = _event("cancelled", ProposalCancelledData, "proposal")
PROPOSAL_V1 = (ProposalDraftedV1, ProposalTermsReplacedV1, ProposalClientContactChangedV1, ProposalSignedV1,
               ProposalSentV1, ProposalExportedV1, ProposalExaminationRequestedV1, ProposalExaminationCompletedV1,
               ProposalAcceptedV1, ProposalDeclinedV1, ProposalPolicyIssuedV1, ProposalCancelledV1)


# Interventions (topic policy-core.intervention.events.v1): the advisor's task list, every state
# kept ("Poradce v aplikaci vidí všechny intervence, nikoliv pouze nevyřízené"). ``subject`` is the
# intervention id, ``sequence`` its version.
class InterventionRaisedData(_Model):
    intervention_type: InterventionType
    policy_number: str
    client_name: str
    advisor_id: str
    due_date: date
    cause_reference: str = Field(description="what it is about: the instalment due date, the letter id, ...")
    description: str = Field(description="the line the advisor sees in the list and the push notification")
    raised_on: date


class InterventionTakenData(_Model):
    advisor_id: str
    taken_on: date


class InterventionNoteAddedData(_Model):
    text: str
    on: date
    advisor_id: str


class InterventionResolvedByAdvisorData(_Model):
    advisor_id: str
    resolved_on: date
    resolution: str = Field(description="what the advisor did")


class InterventionResolvedAutomaticallyData(_Model):
    reason: str = Field(description="why the cause went away, e.g. premium paid")
    resolved_on: date


class InterventionExpiredData(_Model):
    expired_on: date


InterventionRaisedV1 = _event("raised", InterventionRaisedData, "intervention")
InterventionTakenV1 = _event("taken", InterventionTakenData, "intervention")
InterventionNoteAddedV1 = _event("note-added", InterventionNoteAddedData, "intervention")
InterventionResolvedByAdvisorV1 = _event("resolved-by-advisor", InterventionResolvedByAdvisorData, "intervention")
InterventionResolvedAutomaticallyV1 = _event("resolved-automatically", InterventionResolvedAutomaticallyData,
                                             "intervention")
InterventionExpiredV1 = _event("expired", InterventionExpiredData, "intervention")

INTERVENTION_V1 = (InterventionRaisedV1, InterventionTakenV1, InterventionNoteAddedV1, InterventionResolvedByAdvisorV1,
                   InterventionResolvedAutomaticallyV1, InterventionExpiredV1)


# Letters (topic policy-core.letter.events.v1), for the printing and messaging systems: one message
# per letter, with what the letter says. ``id`` identifies the letter: a re-published one keeps it.
class LetterKind(str, Enum):
    PRE_REMINDER = "pre_reminder"
    REMINDER = "reminder"
    PAYMENT_CONFIRMATION = "payment_confirmation"  # paid after a reminder: the process stopped
    LAPSE_NOTICE = "lapse_notice"
    REDUCTION_NOTICE = "reduction_notice"
    CHANGE_CONFIRMATION = "change_confirmation"  # a non-technical change recorded on receipt
    CLAIM_DELAY = "claim_delay"  # the investigation ran past three months: why
    CLAIM_DECISION = "claim_decision"  # the investigation's result: approved with the amount, or declined


class LetterData(_Projection):
    kind: LetterKind
    policy_number: str
    addressee: str
    address: str | None
    email: str | None
    channel: str = Field(description="registered_letter | electronic")
    issued_on: date
    subject: str | None = Field(default=None, description="what a confirmation confirms, e.g. contact-details-changed")
    due_date: date | None = Field(default=None, description="the instalment a dunning letter is about")
    debt: Decimal | None = None
    delivered_on: date | None = None
    deadline: date | None = None
    consequence: str | None = None
    claim_number: str | None = Field(default=None, description="the claim a claim letter is about")
    reason: str | None = Field(default=None, description="why the investigation runs longer, or why declined")
    amount: Decimal | None = Field(default=None, description="the benefit approved")


LetterV1 = _event("issued", LetterData, "letter")

letter_adapter: TypeAdapter[LetterV1] = TypeAdapter(LetterV1)  # type: ignore[valid-type]



# Claims (topic policy-core.claim.events.v1): subject = claim id, sequence = its version. The
# description and medical facts stay in the core; payouts also go to policy-core.payout.events.v1.
class ClaimReportedData(_Model):
    claim_number: str
    policy_number: str
    insured_id: str
    cover_key: str
    cause: str
    event_date: date
    reported_on: date
    reporter: str
    sum_insured: Decimal | None = Field(description="under the preliminary cover: what its limit leaves")
    investigation_due: date
    preliminary_cover: bool = Field(default=False, description="an accident before the start, under the preliminary cover")


class ClaimDocumentsRequestedData(_Model):
    documents: list[str]
    requested_on: date


class ClaimDocumentsReceivedData(_Model):
    documents: list[str]
    received_on: date
    pending: list[str]
    investigation_due: date


class BenefitLineData(_Projection):
    description: str
    amount: Decimal


class ClaimApprovedData(_Model):
    amount: Decimal
    breakdown: list[BenefitLineData]
    ends_cover_keys: list[str]
    decided_on: date
    payout_due: date


class ClaimDeclinedData(_Model):
    grounds: str
    decided_on: date


class PayoutScheduledData(_Model):
    claim_number: str
    policy_number: str
    amount: Decimal
    payee: str
    account: str
    payee_identified: bool
    eur_czk: Decimal = Field(description="CNB rate of the day used for the 1 000 EUR check")
    destination: str = Field(description="payee | collection_account")
    scheduled_on: date


class PayoutPaidData(_Model):
    claim_number: str
    policy_number: str
    amount: Decimal
    destination: str
    paid_on: date


class ClaimClosedData(_Model):
    closed_on: date


class ClaimReopenedData(_Model):
    new_facts: str
    reopened_on: date
    investigation_due: date


class InvestigationNotedData(_Model):
    note: str = Field(description="what the investigation waits for")
    noted_on: date


class InvestigationOverdueData(_Model):
    due: date = Field(description="three months from the report, extended by the time waiting for documents")
    noticed_on: date
    reason: str | None = Field(default=None, description="what the client is told (recorded since claim letters)")


class PayoutOverdueData(_Model):
    due: date = Field(description="15 days after the decision")
    noticed_on: date


ClaimReportedV1 = _event("reported", ClaimReportedData, "claim")
ClaimDocumentsRequestedV1 = _event("documents-requested", ClaimDocumentsRequestedData, "claim")
ClaimDocumentsReceivedV1 = _event("documents-received", ClaimDocumentsReceivedData, "claim")
ClaimApprovedV1 = _event("approved", ClaimApprovedData, "claim")
ClaimDeclinedV1 = _event("declined", ClaimDeclinedData, "claim")
ClaimPayoutScheduledV1 = _event("payout-scheduled", PayoutScheduledData, "claim")
ClaimPayoutPaidV1 = _event("payout-paid", PayoutPaidData, "claim")
ClaimClosedV1 = _event("closed", ClaimClosedData, "claim")
ClaimReopenedV1 = _event("reopened", ClaimReopenedData, "claim")
ClaimInvestigationNotedV1 = _event("investigation-noted", InvestigationNotedData, "claim")
ClaimInvestigationOverdueV1 = _event("investigation-overdue", InvestigationOverdueData, "claim")
ClaimPayoutOverdueV1 = _event("payout-overdue", PayoutOverdueData, "claim")
CLAIM_V1 = (ClaimReportedV1, ClaimDocumentsRequestedV1, ClaimDocumentsReceivedV1, ClaimApprovedV1, ClaimDeclinedV1,
            ClaimPayoutScheduledV1, ClaimPayoutPaidV1, ClaimClosedV1, ClaimReopenedV1, ClaimInvestigationNotedV1,
            ClaimInvestigationOverdueV1, ClaimPayoutOverdueV1)
# Finance's payout topic: the same payout facts, one message per instruction and per payment.
PayoutScheduledV1 = _event("scheduled", PayoutScheduledData, "payout")
PayoutPaidV1 = _event("paid", PayoutPaidData, "payout")

# Every event type of the event topics, for consumers that decode any of them (the clock is on several).
IntegrationEventV1 = Annotated[Union[PUBLISHED_V1 + PROPOSAL_V1 + INTERVENTION_V1 + CLAIM_V1],  # type: ignore[valid-type]
                               Field(discriminator="type")]
integration_event_adapter: TypeAdapter[IntegrationEventV1] = TypeAdapter(IntegrationEventV1)
