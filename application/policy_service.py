"""The policy command service: turns validated commands into recorded events.

Thin by design: load, ask the aggregate, save the aggregate together with a command receipt.
Idempotency: the receipt (id derived from the command id) is saved in the same atomic write
as the events. A retried command either collides with its own receipt on the event store's
uniqueness constraint, or is refused by the aggregate (the payment is already there); in both
cases the receipt is then found and the original outcome returned. The happy path pays for no
look-up at all.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import structlog
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from aggregates.business_calendar import CALENDAR_ID, BusinessCalendar
from aggregates.command_receipt import CommandReceipt, receipt_id_for
from aggregates.intervention import Intervention, intervention_id_for
from aggregates.policy import Policy, policy_id_for
from aggregates.policy_history import NotKnownYet, PolicyAsOf, policy_as_of
from aggregates.proposal import Proposal, preliminary_cover, proposal_id_for
from application.claims import ClaimDesk
from application.clock import CalendarClock, Clock
from application.commands import (
    AcceptProposal,
    AddInterventionNote,
    AdvanceBusinessDate,
    AgreeAmendment,
    AnyCommand,
    ApplyAnniversaries,
    BillInstalments,
    CancelProposal,
    ChangeContactDetails,
    ChangePolicyholder,
    ChangeProposalClientContact,
    ChangeRiskGroup,
    ClaimCommand,
    CompleteExamination,
    DeclineProposal,
    DesignateBeneficiaries,
    DraftProposal,
    EndPolicy,
    ExpireIntervention,
    ExportProposal,
    ExtendChildCover,
    GrantLoyaltyDiscount,
    InterventionCommand,
    IssuePolicy,
    PolicyCommand,
    ProposalCommand,
    RaiseIntervention,
    RecordPremiumPayment,
    ReducePolicy,
    RegisterPledge,
    ReleasePledge,
    ReportClaim,
    ReplaceProposalTerms,
    RequestExamination,
    ResolveIntervention,
    SendProposal,
    SignProposal,
    TakeIntervention,
)
from application.transcodings import register_domain_transcodings
from domain.errors import DomainError
from domain.metadata import EventMetadata
from domain.products.catalogue import Catalogue, default_catalogue
from domain.products.flexi import FlexiRules
from infrastructure.settings import Settings
from observability.tracing import current_traceparent, tracer

log = structlog.get_logger(__name__)
_tracer = tracer(__name__)

# Two events a command (the change and its receipt); the store's notes advise ~1 000 events
# or fewer per write, so a batch is saved in chunks of this many commands.
BATCH_CHUNK = 480
MAX_ATTEMPTS = 8


class PolicyNotFound(DomainError):
    rule = "policy-exists"


class PolicyNumberTaken(DomainError):
    rule = "policy-number-unique"


class CommandIdReused(DomainError):
    rule = "command-id-unique"


class ProposalNotFound(DomainError):
    rule = "proposal-exists"


class ProposalNumberTaken(DomainError):
    rule = "proposal-number-unique"


class ProposalMismatch(DomainError):
    rule = "policy-matches-its-proposal"


class InterventionNotFound(DomainError):
    rule = "intervention-exists"


class InterventionAlreadyRaised(DomainError):
    """One intervention per type, policy and cause (its id is derived from them)."""

    rule = "intervention-raised-once"


class ClaimNumberTaken(DomainError):
    rule = "claim-number-unique"


class ConcurrentUpdate(DomainError):
    rule = "optimistic-concurrency"


@dataclass(frozen=True)
class _DecidedChunk:
    aggregates: list[Aggregate]
    receipts: list[CommandReceipt]
    results: list[Outcome | DomainError]


@dataclass(frozen=True)
class Outcome:
    command_id: UUID
    aggregate_id: UUID
    aggregate_version: int
    duplicate: bool = False


# Each command to an existing policy is one of the aggregate's commands, with the same terms.
_POLICY_METHODS: dict[type, str] = {
    RecordPremiumPayment: "record_premium_payment",
    ChangeContactDetails: "change_contact_details",
    ChangePolicyholder: "change_policyholder",
    DesignateBeneficiaries: "designate_beneficiaries",
    RegisterPledge: "register_pledge",
    ReleasePledge: "release_pledge",
    AgreeAmendment: "agree_amendment",
    EndPolicy: "end",
    ReducePolicy: "reduce",
    ApplyAnniversaries: "apply_anniversaries",
    ExtendChildCover: "extend_child_cover",
    BillInstalments: "bill_instalments",
    GrantLoyaltyDiscount: "grant_loyalty_discount",
    ChangeRiskGroup: "change_risk_group",
}
# ... and these also get the product version the policy was sold under.
_NEED_PRODUCT = frozenset({AgreeAmendment, EndPolicy, ReducePolicy, ApplyAnniversaries, ExtendChildCover,
                           GrantLoyaltyDiscount, ChangeRiskGroup})
_PROPOSAL_METHODS: dict[type, str] = {
    ReplaceProposalTerms: "replace_terms",
    ChangeProposalClientContact: "change_client_contact",
    SignProposal: "sign",
    SendProposal: "send",
    ExportProposal: "export",
    RequestExamination: "request_examination",
    CompleteExamination: "complete_examination",
    AcceptProposal: "accept",
    DeclineProposal: "decline",
    CancelProposal: "cancel",
}
_INTERVENTION_METHODS: dict[type, str] = {
    TakeIntervention: "take",
    AddInterventionNote: "add_note",
    ResolveIntervention: "resolve",
    ExpireIntervention: "expire",
}
# Commands that record a new aggregate under an id derived from what they say: a conflict on
# saving it means it was recorded before (by another command).
_ALREADY_RECORDED: dict[type, Callable[[Any], DomainError]] = {
    IssuePolicy: lambda command: PolicyNumberTaken(f"policy {command.policy_number} already exists"),
    DraftProposal: lambda command: ProposalNumberTaken(f"proposal {command.proposal_number} already exists"),
    ReportClaim: lambda command: ClaimNumberTaken(f"claim {command.claim_number} already exists"),
    RaiseIntervention: lambda command: InterventionAlreadyRaised(
        f"the {command.intervention_type.value} intervention on policy {command.policy_number} for cause "
        f"{command.cause_reference!r} was already raised: intervention "
        f"{intervention_id_for(command.intervention_type, command.policy_number, command.cause_reference)}"),
}


class PolicyService(Application[UUID]):
    name = "policies"
    # Declared on the class so that the library turns snapshotting on; the interval is the setting's.
    snapshotting_intervals = {Policy: Settings.model_fields["snapshot_interval"].default, BusinessCalendar: 100}

    def __init__(self, env: dict[str, str], clock: Clock | None, snapshot_interval: int,
                 catalogue: Catalogue | None = None) -> None:
        """``clock`` None: business dates from the business calendar, recorded times from the wall clock."""
        super().__init__(env)
        self.snapshotting_intervals = {Policy: snapshot_interval, BusinessCalendar: 100}
        self.clock = clock or CalendarClock(self.business_date)
        self.claims = ClaimDesk(self)
        self.catalogue = catalogue or default_catalogue()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    # Commands ---------------------------------------------------------------------------

    def execute(self, command: AnyCommand) -> Outcome:
        started = time.perf_counter()
        with _tracer.start_as_current_span(f"command {command.type}") as span:
            span.set_attribute("command.id", str(command.command_id))
            try:
                outcome = self._execute_with_retries(command)
            except DomainError as error:
                log.info("command.rejected", command=command.type, command_id=str(command.command_id),
                         rule=error.rule, error=str(error))
                raise
            span.set_attribute("aggregate.id", str(outcome.aggregate_id))
        log.info("command.executed", command=command.type, command_id=str(command.command_id),
                 aggregate_id=str(outcome.aggregate_id), version=outcome.aggregate_version,
                 duplicate=outcome.duplicate, ms=round((time.perf_counter() - started) * 1000, 2))
        return outcome

    def execute_batch(self, commands: Sequence[AnyCommand]) -> list[Outcome | DomainError]:
        """Many commands, few writes: for batch jobs. Each chunk is decided, then saved in one
        write; a chunk whose write conflicts is done again one command at a time, on fresh state."""
        results: list[Outcome | DomainError] = []
        for start in range(0, len(commands), BATCH_CHUNK):
            chunk = commands[start:start + BATCH_CHUNK]
            results.extend(self._write_chunk(chunk, self._decide_chunk(chunk)))
        return results

    def _decide_chunk(self, commands: Sequence[AnyCommand]) -> _DecidedChunk:
        with _tracer.start_as_current_span("command batch") as span:
            span.set_attribute("batch.size", len(commands))
            touched: dict[UUID, Aggregate] = {}
            receipts: list[CommandReceipt] = []
            results: list[Outcome | DomainError] = []
            traceparent = current_traceparent()  # every command of the batch is in its span
            for command in commands:
                meta = self._metadata(command, traceparent)
                try:
                    changed = self._decide(command, meta, touched)
                    already_recorded = _ALREADY_RECORDED.get(type(command))
                    if already_recorded is not None and changed[0].id in touched:
                        raise already_recorded(command)  # by an earlier command of this chunk
                except DomainError as error:
                    results.append(self._refusal_or_earlier_outcome(command, error))
                    continue
                touched.update((aggregate.id, aggregate) for aggregate in changed)
                receipts.append(self._receipt(command, changed[0], meta))
                results.append(Outcome(command.command_id, changed[0].id, changed[0].version))
        return _DecidedChunk(list(touched.values()), receipts, results)

    def _write_chunk(self, commands: Sequence[AnyCommand], decided: _DecidedChunk) -> list[Outcome | DomainError]:
        try:
            # Receipts go in as their events: they need no snapshot or cache, only the write.
            self.save(*decided.aggregates, *(event for receipt in decided.receipts for event in receipt.collect_events()))
        except IntegrityError:
            log.info("command.batch_conflict", size=len(commands))
            return [self._one_by_one(command) for command in commands]
        log.info("command.batch_executed", size=len(commands),
                 rejected=sum(isinstance(result, DomainError) for result in decided.results))
        return decided.results

    def _refusal_or_earlier_outcome(self, command: AnyCommand, error: DomainError) -> Outcome | DomainError:
        """A batch skips the receipt look-up up front; a refused command may be a retry."""
        try:
            return self._earlier_outcome(command) or error
        except CommandIdReused as reused:
            return reused

    def _one_by_one(self, command: AnyCommand) -> Outcome | DomainError:
        try:
            return self.execute(command)
        except DomainError as error:
            return error

    def _execute_with_retries(self, command: AnyCommand) -> Outcome:
        """Optimistic: decide and save; only a refusal or a conflict looks for an earlier receipt."""
        for attempt in range(MAX_ATTEMPTS):
            if attempt:
                # Let the writer that won finish before reading again; jitter splits lock-steppers.
                time.sleep(random.uniform(0, 0.002 * 2**attempt))
            meta = self._metadata(command)
            try:
                changed = self._decide(command, meta, {})
            except DomainError as error:
                earlier = self._refusal_or_earlier_outcome(command, error)
                if isinstance(earlier, DomainError):
                    raise earlier from None
                return earlier
            try:
                self.save(*changed, self._receipt(command, changed[0], meta))
            except IntegrityError:
                earlier = self._earlier_outcome(command)
                if earlier is not None:
                    return earlier  # another delivery of this very command got there first
                already_recorded = _ALREADY_RECORDED.get(type(command))
                if already_recorded is not None:
                    raise already_recorded(command) from None
                continue  # another writer moved the aggregate on: decide again on fresh state
            return Outcome(command.command_id, changed[0].id, changed[0].version)
        raise ConcurrentUpdate(f"{command.type} {command.command_id}: the aggregate kept changing; retry the command")

    def _decide(self, command: AnyCommand, meta: EventMetadata, touched: dict[UUID, Aggregate]) -> list[Aggregate]:
        """The aggregates the command changes; the first is the one its outcome reports."""
        if isinstance(command, IssuePolicy):
            return self._issue(command, meta, touched)
        if isinstance(command, AdvanceBusinessDate):
            return [self._advance_calendar(command.to, meta, touched)]
        if isinstance(command, ProposalCommand):
            return [self._change_proposal(command, meta, touched)]
        if isinstance(command, RaiseIntervention):
            return [self._raise_intervention(command, meta, touched)]
        if isinstance(command, InterventionCommand):
            return [self._change_intervention(command, meta, touched)]
        if isinstance(command, ClaimCommand):
            return self.claims.decide(command, meta, touched, self.clock.today())
        return [self._change_policy(command, meta, touched)]

    def _issue(self, command: IssuePolicy, meta: EventMetadata, touched: dict[UUID, Aggregate]) -> list[Aggregate]:
        """A policy, from an accepted proposal when one is named: both change in one write."""
        product = self.catalogue.version_in_force(command.product_code, command.start_date)
        policy = Policy.issue(
            **command.payload(exclude=frozenset({"product_code", "concluded_on", "proposal_number"})),
            product=product,
            concluded_on=command.concluded_on or command.start_date,
            meta=meta,
        )
        if command.proposal_number is None:
            return [policy]
        proposal = self.load(proposal_id_for(command.proposal_number), touched, ProposalNotFound,
                              f"no proposal with number {command.proposal_number}")
        if proposal.product_code != command.product_code:
            raise ProposalMismatch(f"proposal {command.proposal_number} is for {proposal.product_code}, "
                                   f"not {command.product_code}")
        proposal.record_policy_issued(policy_number=command.policy_number, issued_on=self.clock.today(), meta=meta)
        preliminary = preliminary_cover(proposal.signed_on, policy.start_date) if proposal.signed_on else None
        if preliminary is not None and isinstance(product.rules, FlexiRules):  # the FLEXI terms grant it
            policy.record_preliminary_cover(cover_from=preliminary[0], cover_to=preliminary[1],
                                            proposal_number=command.proposal_number, meta=meta)
        return [policy, proposal]

    def _advance_calendar(self, to: date, meta: EventMetadata, touched: dict[UUID, Aggregate]) -> BusinessCalendar:
        calendar = touched.get(CALENDAR_ID)
        if calendar is None:
            try:
                calendar = self.repository.get(CALENDAR_ID)
            except AggregateNotFoundError:
                return BusinessCalendar.open(first_day=to, meta=meta)
        calendar.advance_to(day=to, meta=meta)
        return calendar

    def _change_policy(self, command: PolicyCommand, meta: EventMetadata, touched: dict[UUID, Aggregate]) -> Policy:
        policy = self.load_policy(command.policy_number, touched)
        arguments = command.payload(exclude=frozenset({"policy_number"}))
        if type(command) in _NEED_PRODUCT:
            arguments["product"] = self.catalogue.get(policy.product_code, policy.product_version)
        getattr(policy, _POLICY_METHODS[type(command)])(**arguments, today=self.clock.today(), meta=meta)
        return policy

    def _change_proposal(self, command: ProposalCommand, meta: EventMetadata,
                         touched: dict[UUID, Aggregate]) -> Proposal:
        if isinstance(command, DraftProposal):
            return Proposal.draft(**command.payload(), meta=meta)
        proposal = self.load(proposal_id_for(command.proposal_number), touched, ProposalNotFound,
                              f"no proposal with number {command.proposal_number}")
        getattr(proposal, _PROPOSAL_METHODS[type(command)])(**command.payload(exclude=frozenset({"proposal_number"})),
                                                            meta=meta)
        return proposal

    def _raise_intervention(self, command: RaiseIntervention, meta: EventMetadata,
                            touched: dict[UUID, Aggregate]) -> Intervention:
        """On an existing policy, for its policyholder's advisor unless the command names another."""
        policy = self.load_policy(command.policy_number, touched)
        return Intervention.raise_intervention(
            **command.payload(exclude=frozenset({"client_name", "advisor_id"})),
            client_name=command.client_name or policy.policyholder_name,
            advisor_id=command.advisor_id or policy.advisor_id,
            meta=meta,
        )

    def _change_intervention(self, command: InterventionCommand, meta: EventMetadata,
                             touched: dict[UUID, Aggregate]) -> Intervention:
        intervention = self._load_intervention(command.intervention_id, touched)
        getattr(intervention, _INTERVENTION_METHODS[type(command)])(
            **command.payload(exclude=frozenset({"intervention_id"})), meta=meta)
        return intervention

    def load_policy(self, policy_number: str, touched: dict[UUID, Aggregate]) -> Policy:
        return self.load(policy_id_for(policy_number), touched, PolicyNotFound, f"no policy with number {policy_number}")

    def _load_intervention(self, intervention_id: UUID, touched: dict[UUID, Aggregate]) -> Intervention:
        missing = f"no intervention {intervention_id}"
        found = self.load(intervention_id, touched, InterventionNotFound, missing)
        if not isinstance(found, Intervention):  # the id of a policy or proposal is no intervention
            raise InterventionNotFound(missing)
        return found

    def load(self, aggregate_id: UUID, touched: dict[UUID, Aggregate], missing: type[DomainError],
              message: str) -> Any:
        if aggregate_id in touched:
            return touched[aggregate_id]
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise missing(message) from None

    # Queries ----------------------------------------------------------------------------

    def policy(self, policy_number: str) -> Policy:
        return self.load_policy(policy_number, {})

    def intervention(self, intervention_id: UUID) -> Intervention:
        return self._load_intervention(intervention_id, {})

    def proposal(self, proposal_number: str) -> Proposal:
        return self.load(proposal_id_for(proposal_number), {}, ProposalNotFound,
                          f"no proposal with number {proposal_number}")

    def policy_as_of(self, policy_number: str, on: date, known_at: datetime | None = None) -> PolicyAsOf:
        """The policy on business date ``on``, as recorded by ``known_at`` (default: now)."""
        events = list(self.events.get(policy_id_for(policy_number)))
        if not events:
            raise PolicyNotFound(f"no policy with number {policy_number}")
        try:
            return policy_as_of(events, on, known_at)
        except NotKnownYet:
            raise PolicyNotFound(f"policy {policy_number} was not yet recorded at {known_at}") from None

    def business_date(self) -> date | None:
        """The business calendar's date (its last tick), None before it opens; one indexed read."""
        latest = list(self.events.get(CALENDAR_ID, desc=True, limit=1))
        return latest[0].business_date if latest else None

    # Helpers ----------------------------------------------------------------------------

    def _earlier_outcome(self, command: AnyCommand) -> Outcome | None:
        try:
            receipt: Any = self.repository.get(receipt_id_for(command.command_id))
        except AggregateNotFoundError:
            return None
        if receipt.payload_digest != command.digest():
            raise CommandIdReused(
                f"command id {command.command_id} was already used for a different "
                f"{receipt.command_type} request"
            )
        return Outcome(command.command_id, receipt.aggregate_id, receipt.aggregate_version, duplicate=True)

    def _metadata(self, command: AnyCommand, traceparent: str | None = None) -> EventMetadata:
        return EventMetadata(
            command_id=command.command_id,
            correlation_id=command.correlation_id or command.command_id,
            actor=command.actor,
            channel=command.channel,
            recorded_at=self.clock.now(),
            reason=command.reason,
            traceparent=traceparent or current_traceparent(),
        )

    @staticmethod
    def _receipt(command: AnyCommand, aggregate: Aggregate, meta: EventMetadata) -> CommandReceipt:
        return CommandReceipt(
            command_id=command.command_id,
            command_type=command.type,
            payload_digest=command.digest(),
            aggregate_id=aggregate.id,
            aggregate_version=aggregate.version,
            meta=meta,
        )
