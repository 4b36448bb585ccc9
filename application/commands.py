"""Commands: the validated wire shape of every request to change a policy.

Entry points (HTTP, CLI, batch files, Kafka) parse payloads into these models and nothing
else reaches the application. Every command carries a command id (idempotency key) and
says who sends it, through which channel and, where it matters, why.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Union
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    field_validator,
    model_serializer,
    model_validator,
)

from aggregates.intervention import (
    CAUSE_REFERENCE_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    InterventionType,
)
from aggregates.policy import POLICY_NUMBER, EndReason, LoyaltyDiscount
from aggregates.proposal import PROPOSAL_NUMBER
from domain.benefits.belongings.exclusions import OnlineGoods
from domain.benefits.belongings.online_purchase import ComplaintClosure, GoodsOrigin
from domain.benefits.belongings.personal_items import ItemCategory, UnknownItemCategory
from domain.birth_number import BirthNumber, InvalidBirthNumber
from domain.contact import EMAIL, MOBILE
from domain.metadata import Channel
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency

PolicyNumber = Annotated[str, Field(pattern=POLICY_NUMBER.pattern, description="contract number = payment reference")]
ProposalNumber = Annotated[str, Field(pattern=PROPOSAL_NUMBER.pattern)]
ProductCode = Annotated[str, Field(pattern=r"^[A-Z0-9_]{2,30}$", description="a code of the product catalogue")]
Email = Annotated[str, Field(pattern=EMAIL.pattern, max_length=254)]
Mobile = Annotated[str, Field(pattern=MOBILE.pattern)]
Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2, description="CZK")]
Name = Annotated[str, Field(min_length=1, max_length=200)]
AdvisorId = Annotated[str, Field(min_length=1, max_length=50)]


def _valid_birth_number(cls: type, value: str) -> str:
    try:
        return BirthNumber.parse(value).value
    except InvalidBirthNumber as error:
        raise ValueError(f"{error} (rule {error.rule})") from error


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    command_id: UUID
    actor: Annotated[str, Field(min_length=1, max_length=100)]
    channel: Channel
    correlation_id: UUID | None = None
    reason: Annotated[str, Field(max_length=500)] | None = None

    def payload(self, *, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
        """What the command asks for, without the envelope (ids, actor, channel, reason)."""
        return self.model_dump(exclude=set(Command.model_fields) | {"type"} | exclude)

    def digest(self) -> str:
        """Fingerprint of what the command asks for; a retry must match it exactly.

        pydantic writes fields in their declared order, so equal commands give equal JSON."""
        return hashlib.sha256(self.model_dump_json(exclude={"correlation_id"}).encode()).hexdigest()


class PolicyCommand(Command):
    """A command to an existing policy, addressed by its contract number."""

    policy_number: PolicyNumber


class _Record(BaseModel):
    """A record the policy keeps (a person, a cover, a beneficiary): stored in an event and replayed
    for ever, so options left unset are left out rather than written as nulls."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_serializer(mode="wrap")
    def _without_unset_options(self, serialize: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return {name: value for name, value in serialize(self).items() if value is not None}


class Insured(_Record):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,20}$")]
    kind: Literal["adult", "child"]
    name: Name
    birth_date: date
    is_policyholder: bool = False
    monthly_income: Amount | None = Field(default=None, description="documented income (accident income limits)")
    relation: Literal["spouse", "registered_partner", "cohabiting_partner", "child"] | None = Field(
        default=None, description="group belongings (Rodina Plus): a family member's relation to the main insured")
    shares_household: bool | None = None


class Cover(_Record):
    insured_id: str
    cover: Annotated[str, Field(pattern=r"^[a-z0-9_]{2,60}$", description="a cover code of the product")]
    sum_insured: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)] | None = None
    decrease_kind: Literal["linear", "annuity"] | None = None
    decrease_rate_percent: Annotated[Decimal, Field(gt=0, le=100)] | None = None
    variant: str | None = None
    individual_end_age: Annotated[int, Field(ge=1, le=100)] | None = None


class IssuePolicy(Command):
    type: Literal["IssuePolicy"] = "IssuePolicy"
    policy_number: PolicyNumber
    product_code: ProductCode
    policyholder_name: Name
    policyholder_birth_number: str
    advisor_id: AdvisorId
    frequency: Frequency
    premium: Amount
    start_date: date
    end_date: date | None = Field(default=None, description="end of term; none for indefinite cover")
    concluded_on: date | None = Field(default=None, description="day the contract was concluded; default the start")
    sold_at_distance: bool = False
    insured: Annotated[list[Insured], Field(max_length=7)] = []
    covers: Annotated[list[Cover], Field(max_length=60)] = []
    proposal_number: str | None = Field(default=None, description="the accepted proposal this policy comes from")
    risk_group: Annotated[int, Field(ge=1, le=3)] | None = Field(default=None, description="accident insurance; default 1")
    raised_sports_risk: bool = False
    payment_method: PaymentMethod | None = None

    _birth_number = field_validator("policyholder_birth_number")(_valid_birth_number)


class RecordPremiumPayment(PolicyCommand):
    type: Literal["RecordPremiumPayment"] = "RecordPremiumPayment"
    payment_id: Annotated[str, Field(min_length=1, max_length=64, description="bank statement line id")]
    amount: Amount
    received_on: date


class ChangeContactDetails(PolicyCommand):
    type: Literal["ChangeContactDetails"] = "ChangeContactDetails"
    address: Annotated[str, Field(min_length=1, max_length=300)] | None = None
    phone: Mobile | None = None
    email: Email | None = None
    received_on: date


class ChangePolicyholder(PolicyCommand):
    type: Literal["ChangePolicyholder"] = "ChangePolicyholder"
    name: Name
    birth_number: str
    correction: bool = Field(default=False, description="the same person's wrongly recorded data put right")
    received_on: date

    _birth_number = field_validator("birth_number")(_valid_birth_number)


class Beneficiary(_Record):
    name: Name
    share_percent: Annotated[Decimal, Field(gt=0, le=100, decimal_places=2)]


class DesignateBeneficiaries(PolicyCommand):
    type: Literal["DesignateBeneficiaries"] = "DesignateBeneficiaries"
    beneficiaries: Annotated[list[Beneficiary], Field(max_length=10)]
    received_on: date


class RegisterPledge(PolicyCommand):
    type: Literal["RegisterPledge"] = "RegisterPledge"
    creditor: Name
    received_on: date


class ReleasePledge(PolicyCommand):
    type: Literal["ReleasePledge"] = "ReleasePledge"
    received_on: date


class AgreeAmendment(PolicyCommand):
    type: Literal["AgreeAmendment"] = "AgreeAmendment"
    amendment_number: Annotated[int, Field(ge=1)]
    requested_on: date
    effective_from: date | None = Field(default=None, description="default: 1st day of the next month")
    premium: Amount | None = Field(default=None, description="none: recomputed from the product's formula or tariff")
    frequency: Frequency
    covers: Annotated[list[Cover], Field(max_length=60)] | None = Field(
        default=None, description="the whole new cover list (FLEXI); none leaves the covers as they are")
    insured: Annotated[list[Insured], Field(max_length=7)] | None = Field(
        default=None, description="the insured persons from then on (FLEXI, with covers): add or remove a person")
    end_date: date | None = Field(default=None, description="a new end of term; none keeps the term")
    payment_method: PaymentMethod | None = Field(default=None, description="none keeps the payment method")


class EndPolicy(PolicyCommand):
    type: Literal["EndPolicy"] = "EndPolicy"
    end_reason: EndReason
    ended_on: date | None = Field(default=None, description="not needed for withdrawal and end of term")
    received_on: date
    benefits_paid: Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)] = Decimal("0.00")


class ReducePolicy(PolicyCommand):
    type: Literal["ReducePolicy"] = "ReducePolicy"
    effective_from: date


class ProposalCommand(Command):
    """A command to a proposal (návrh) in the sales app's lifecycle, addressed by its number."""

    proposal_number: ProposalNumber


class DraftProposal(ProposalCommand):
    type: Literal["DraftProposal"] = "DraftProposal"
    product_code: ProductCode
    terms: dict[str, Any] = Field(description="the modelled offer, as the sales app sends it")
    start_date: date
    drafted_on: date
    client_email: Email | None = None
    client_mobile: Mobile | None = None


class ReplaceProposalTerms(ProposalCommand):
    """The advisor edits a drafted offer ("Editovat lze nabídku ..., dokud nejsou označeny zámečkem")."""

    type: Literal["ReplaceProposalTerms"] = "ReplaceProposalTerms"
    terms: dict[str, Any] = Field(description="the modelled offer as a whole")
    start_date: date


class ChangeProposalClientContact(ProposalCommand):
    """The client's e-mail and mobile on a drafted proposal (a digital signature needs both)."""

    type: Literal["ChangeProposalClientContact"] = "ChangeProposalClientContact"
    client_email: Email | None = None
    client_mobile: Mobile | None = None


class SignProposal(ProposalCommand):
    type: Literal["SignProposal"] = "SignProposal"
    signature: Literal["digital", "paper"]
    signed_on: date


class SendProposal(ProposalCommand):
    type: Literal["SendProposal"] = "SendProposal"
    sent_at: datetime


class ExportProposal(ProposalCommand):
    """The daily export (around 21:00) that locks the proposal."""

    type: Literal["ExportProposal"] = "ExportProposal"
    exported_at: datetime


class RequestExamination(ProposalCommand):
    type: Literal["RequestExamination"] = "RequestExamination"
    kind: Literal["health", "income"]
    requested_on: date


class CompleteExamination(ProposalCommand):
    type: Literal["CompleteExamination"] = "CompleteExamination"
    completed_on: date


class AcceptProposal(ProposalCommand):
    type: Literal["AcceptProposal"] = "AcceptProposal"
    accepted_on: date


class DeclineProposal(ProposalCommand):
    type: Literal["DeclineProposal"] = "DeclineProposal"
    declined_on: date


class CancelProposal(ProposalCommand):
    type: Literal["CancelProposal"] = "CancelProposal"
    cancelled_on: date


class ExtendChildCover(PolicyCommand):
    type: Literal["ExtendChildCover"] = "ExtendChildCover"
    insured_id: str
    exit_age: Annotated[int, Field(ge=26, le=30)]
    requested_on: date


class BillInstalments(PolicyCommand):
    """Batch: record the instalments that fell due up to a date."""

    type: Literal["BillInstalments"] = "BillInstalments"
    up_to: date


class ApplyAnniversaries(PolicyCommand):
    """Batch: record the decreases and cover endings of every anniversary up to a date."""

    type: Literal["ApplyAnniversaries"] = "ApplyAnniversaries"
    up_to: date


class ChangeRiskGroup(PolicyCommand):
    """Accident insurance: the insured's occupation or sport changed; effective at the next due date."""

    type: Literal["ChangeRiskGroup"] = "ChangeRiskGroup"
    risk_group: Annotated[int, Field(ge=1, le=3)]
    raised_sports_risk: bool = False
    notified_on: date
    premium: Amount = Field(description="the premium of the new risk group")


class GrantLoyaltyDiscount(PolicyCommand):
    """A loyalty discount starts; its amount per instalment comes from the reserve projection."""

    type: Literal["GrantLoyaltyDiscount"] = "GrantLoyaltyDiscount"
    kind: LoyaltyDiscount
    amount: Amount
    effective_from: date


class AdvanceBusinessDate(Command):
    """Start the business days up to ``to``: the system's clock moves only by this command."""

    type: Literal["AdvanceBusinessDate"] = "AdvanceBusinessDate"
    to: date


class RaiseIntervention(Command):
    """Back office raises a task for the contract's advisor ("upozornění pro poradce na novou Intervenci").

    The client and the advisor default to the policy's policyholder and advisor."""

    type: Literal["RaiseIntervention"] = "RaiseIntervention"
    intervention_type: InterventionType
    policy_number: PolicyNumber
    cause_reference: Annotated[str, Field(min_length=1, max_length=CAUSE_REFERENCE_MAX_LENGTH,
                                          description="the letter id, request id, instalment due date, ...")]
    client_name: Name | None = None
    advisor_id: AdvisorId | None = None
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX_LENGTH)]
    due_date: date
    raised_on: date


class InterventionCommand(Command):
    """A command to a raised intervention, addressed by its id (the raise's ``aggregate_id``)."""

    intervention_id: UUID


class TakeIntervention(InterventionCommand):
    type: Literal["TakeIntervention"] = "TakeIntervention"
    advisor_id: AdvisorId
    taken_on: date


class AddInterventionNote(InterventionCommand):
    type: Literal["AddInterventionNote"] = "AddInterventionNote"
    advisor_id: AdvisorId
    text: Annotated[str, Field(min_length=1, max_length=NOTE_MAX_LENGTH)]
    on: date


class ResolveIntervention(InterventionCommand):
    type: Literal["ResolveIntervention"] = "ResolveIntervention"
    advisor_id: AdvisorId
    resolution: Annotated[str, Field(min_length=1, max_length=500, description="what the advisor did")]
    resolved_on: date


class ExpireIntervention(InterventionCommand):
    """Batch: an intervention still unresolved after its due date expires (and stays listed)."""

    type: Literal["ExpireIntervention"] = "ExpireIntervention"
    on: date


ClaimNumber = Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9-]{2,29}$", description="the insurer's claim number")]
CoverKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,20}/[a-z0-9_]{2,60}/\d{1,2}$",
                                description="insured id / cover code / part, as the policy names it")]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class ClaimCommand(Command):
    """A command to a claim, addressed by its number."""

    claim_number: ClaimNumber


class ReportClaim(ClaimCommand):
    type: Literal["ReportClaim"] = "ReportClaim"
    policy_number: PolicyNumber
    insured_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,20}$")]
    cover_key: CoverKey
    cause: Literal["accident", "illness", "loss", "theft", "fraud", "online_purchase"] = Field(
        description="accident | illness (life and accident covers); loss | theft | fraud | online_purchase (belongings)")
    event_date: date
    reported_on: date
    description: Text
    reporter: Literal["client", "advisor", "back_office"]


class RequestClaimDocuments(ClaimCommand):
    type: Literal["RequestClaimDocuments"] = "RequestClaimDocuments"
    documents: Annotated[list[Annotated[str, Field(min_length=1, max_length=100)]],
                         Field(min_length=1, max_length=20)] | None = Field(
        default=None, description="none: the documents the claim's cover needs")
    requested_on: date


class ReceiveClaimDocuments(ClaimCommand):
    type: Literal["ReceiveClaimDocuments"] = "ReceiveClaimDocuments"
    documents: Annotated[list[Annotated[str, Field(min_length=1, max_length=100)]], Field(min_length=1, max_length=20)]
    received_on: date


class _Facts(BaseModel):
    """What the investigation established, as the calculator of the claim's cover needs it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DeathFacts(_Facts):
    """The insured died (death covers): the benefit is the sum insured on the day of death."""

    kind: Literal["death"] = "death"
    died_on: date
    traffic_accident: bool = False


class HospitalFacts(_Facts):
    """A hospital stay (hospitalisation covers)."""

    kind: Literal["hospital"] = "hospital"
    admitted_at: datetime
    discharged_at: datetime
    accompanied_by_legal_guardian: bool = Field(default=False,
                                                description="a child's stay: doubled from day 15 under 7")
    newborn_postnatal_complications: bool = Field(
        default=False, description="the newborn's stay right after the birth (the claim's event), on the mother's cover")


class SeriousIllnessFacts(_Facts):
    """A diagnosis of a serious-illness group (1-6), or an in-situ neoplasm (in-situ cover)."""

    kind: Literal["serious_illness"] = "serious_illness"
    group: Annotated[int, Field(ge=1, le=6)]
    confirmed_on: date
    died_on: date | None = None


class DailyAllowanceFacts(_Facts):
    """An injury's healing (DO8 / DO29): the actual days and the valuation table's maximum for the diagnosis."""

    kind: Literal["daily_allowance"] = "daily_allowance"
    healing_days: Annotated[int, Field(ge=1, le=3650)]
    table_maximum_days: Annotated[int, Field(ge=1, le=3650)]


class IncapacityFacts(_Facts):
    """Incapacity for work (PN15 / PN29 / PN57): its length and whether the insured is a self-employed
    person not paying sickness insurance (paid at most 548 days)."""

    kind: Literal["incapacity"] = "incapacity"
    incapacity_days: Annotated[int, Field(ge=1, le=3650)]
    self_employed_without_sickness_insurance: bool = False
    table_maximum_days: Annotated[int, Field(ge=1, le=3650)] | None = Field(
        default=None, description="accident products: the valuation table's maximum for the injury")


class InvalidityFacts(_Facts):
    """Invalidity recognised (degree 1-3; 3 also stands for the care allowance, dependency II or higher)."""

    kind: Literal["invalidity"] = "invalidity"
    degree: Annotated[int, Field(ge=1, le=3)]
    recognised_on: date
    traffic_accident: bool = False


class InjuryConsequencesFacts(_Facts):
    """Permanent consequences of an injury: the damage assessed by the valuation table, in %."""

    kind: Literal["injury_consequences"] = "injury_consequences"
    damage_percent: Annotated[Decimal, Field(gt=0, le=100, decimal_places=2)]


class IllnessConsequencesFacts(_Facts):
    """Permanent consequences of an illness: the column of the seed's table (25, 100 or 400 % of the sum)."""

    kind: Literal["illness_consequences"] = "illness_consequences"
    tier_percent: Literal[25, 100, 400]


class TerminalIllnessFacts(_Facts):
    """A terminal prognosis confirmed (supplementary death cover): an advance of 60 %."""

    kind: Literal["terminal_illness"] = "terminal_illness"
    prognosis_confirmed_on: date


Price = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, description="CZK")]
LeftUnattended = Annotated[bool, Field(description="a theft of things left unattended is not insured")]


class LostItem(_Facts):
    """An item lost or stolen: what it cost, what its replacement cost, when it was bought."""

    category: str = Field(description="mobile-phone, notebook, tablet, camera, watch, jewellery, wallet, ...")
    original_price: Price
    replacement_price: Price
    purchased_on: date | None = Field(default=None, description="required for electronics (covered for 5 years)")
    entrusted_by_employer: bool = False

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        try:
            return ItemCategory.named(value).value[0]
        except UnknownItemCategory as error:
            raise ValueError(f"{error} (rule {error.rule})") from error


class PersonalItemsFacts(_Facts):
    """Personal items, documents and keys lost or stolen (the claim's cause says which)."""

    kind: Literal["personal_items"] = "personal_items"
    items: Annotated[list[LostItem], Field(max_length=30)] = []
    documents_renewal_costs: Price | None = None
    keys_and_locks: Price | None = None
    locksmith_work: Price | None = None
    left_unattended: LeftUnattended = False


class CashTheftFacts(_Facts):
    """Cash stolen; with the withdrawal from the insured's account it came from, if any."""

    kind: Literal["cash_theft"] = "cash_theft"
    stolen_amount: Price
    stolen_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_amount: Price | None = None
    violent_robbery: bool = False
    left_unattended: LeftUnattended = False

    @model_validator(mode="after")
    def _withdrawal_complete(self) -> CashTheftFacts:
        if (self.withdrawn_at is None) != (self.withdrawn_amount is None):
            raise ValueError("a withdrawal has both its time and its amount (rule cash-withdrawal-complete)")
        return self


class CardFraudFacts(_Facts):
    """Unauthorised card or electronic-banking transactions not refunded by the bank, and a new card's fee."""

    kind: Literal["card_fraud"] = "card_fraud"
    secured_amount: Price = Decimal("0.00")
    unsecured_amount: Price = Decimal("0.00")
    new_card_fee: Price | None = None
    after_blocking: bool = Field(default=False, description="operations after the card was blocked are not insured")


class OnlinePurchaseFacts(_Facts):
    """Goods ordered on-line not delivered, wrong or damaged, after the complaint with the seller."""

    kind: Literal["online_purchase"] = "online_purchase"
    order_value: Price
    origin: GoodsOrigin
    goods: OnlineGoods = OnlineGoods.ORDINARY
    complaint_started_on: date
    complaint_closure: ComplaintClosure | None = Field(default=None, description="none: the complaint goes on")
    repair_cost: Price | None = None


class ApproveClaim(ClaimCommand):
    """The investigation's result: the facts the benefit is computed from, by the cover's calculator."""

    type: Literal["ApproveClaim"] = "ApproveClaim"
    decided_on: date
    facts: Annotated[Union[DeathFacts, HospitalFacts, SeriousIllnessFacts, DailyAllowanceFacts, IncapacityFacts,
                           InvalidityFacts, InjuryConsequencesFacts, TerminalIllnessFacts, IllnessConsequencesFacts,
                           PersonalItemsFacts,
                           CashTheftFacts, CardFraudFacts, OnlinePurchaseFacts],
                     Field(discriminator="kind")]


class DeclineClaim(ClaimCommand):
    type: Literal["DeclineClaim"] = "DeclineClaim"
    grounds: Text = Field(description="why the claim is declined, for the letter to the client")
    decided_on: date


class SchedulePayout(ClaimCommand):
    type: Literal["SchedulePayout"] = "SchedulePayout"
    payee: Name
    account: Annotated[str, Field(pattern=r"^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$", description="IBAN")]
    payee_identified: bool
    scheduled_on: date


class RecordPayoutPaid(ClaimCommand):
    type: Literal["RecordPayoutPaid"] = "RecordPayoutPaid"
    paid_on: date


class CloseClaim(ClaimCommand):
    type: Literal["CloseClaim"] = "CloseClaim"
    closed_on: date


class ReopenClaim(ClaimCommand):
    type: Literal["ReopenClaim"] = "ReopenClaim"
    new_facts: Text
    reopened_on: date


class NoteClaimInvestigation(ClaimCommand):
    """What the investigation waits for: the reason the client is given if it runs past three months."""

    type: Literal["NoteClaimInvestigation"] = "NoteClaimInvestigation"
    note: Text
    noted_on: date


class ReviewClaimDeadlines(ClaimCommand):
    """Batch: record the deadlines a claim has passed by ``on`` (and tell the advisor)."""

    type: Literal["ReviewClaimDeadlines"] = "ReviewClaimDeadlines"
    on: date


AnyCommand = Annotated[
    Union[IssuePolicy, RecordPremiumPayment, ChangeContactDetails, ChangePolicyholder, DesignateBeneficiaries,
          RegisterPledge, ReleasePledge, AgreeAmendment, EndPolicy, ReducePolicy, ApplyAnniversaries, ExtendChildCover,
          BillInstalments, GrantLoyaltyDiscount, ChangeRiskGroup, AdvanceBusinessDate,
          DraftProposal, ReplaceProposalTerms, ChangeProposalClientContact, SignProposal, SendProposal, ExportProposal,
          RequestExamination, CompleteExamination,
          AcceptProposal, DeclineProposal, CancelProposal,
          ReportClaim, RequestClaimDocuments, ReceiveClaimDocuments, ApproveClaim, DeclineClaim, SchedulePayout,
          RecordPayoutPaid, CloseClaim, ReopenClaim, NoteClaimInvestigation, ReviewClaimDeadlines,
          RaiseIntervention, TakeIntervention, AddInterventionNote, ResolveIntervention, ExpireIntervention],
    Field(discriminator="type"),
]
command_adapter: TypeAdapter[AnyCommand] = TypeAdapter(AnyCommand)
