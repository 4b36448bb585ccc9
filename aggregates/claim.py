"""The Claim aggregate (pojistná událost): reported, documents, decision, payout, closed, reopened.

Eligibility is decided at the report against the policy as it stood on the event date (the policy's
as-of answer, passed in), the benefit by the calculators in ``domain/benefits`` (the application layer
chooses them by cover and passes the result), deadlines on the business date passed in. As everywhere:
commands check and compute, the ``@event`` methods only assign.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from aggregates.policy_history import PolicyAsOf
from domain.claims.deadlines import investigation_due, payout_due
from domain.claims.documents import required_documents
from domain.claims.payout_routing import destination
from domain.errors import DomainError
from domain.metadata import EventMetadata
from domain.money import czk

CLAIM_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:claim")
DESCRIPTION_MAX = 2000


class ClaimDateInFuture(DomainError):
    rule = "claim-dates-not-in-future"


class ClaimPolicyNotInForce(DomainError):
    rule = "claim-policy-in-force-on-event-date"


class ClaimCoverNotInForce(DomainError):
    rule = "claim-cover-in-force-on-event-date"


class ClaimInWaitingPeriod(DomainError):
    rule = "claim-after-waiting-period"


class ClaimDescriptionInvalid(DomainError):
    rule = "claim-described"


class ClaimStateInvalid(DomainError):
    rule = "claim-step-in-order"


class NegativeBenefit(DomainError):
    rule = "benefit-not-negative"


def claim_id_for(claim_number: str) -> UUID:
    return uuid5(CLAIM_NAMESPACE, claim_number)


class Claim(Aggregate):
    REPORTED = "reported"  # under investigation
    WAITING_FOR_DOCUMENTS = "waiting_for_documents"
    APPROVED = "approved"
    DECLINED = "declined"
    PAYOUT_SCHEDULED = "payout_scheduled"
    PAID = "paid"
    CLOSED = "closed"
    INVESTIGATING = frozenset({REPORTED, WAITING_FOR_DOCUMENTS})
    DECIDED = frozenset({DECLINED, PAID, CLOSED})

    @staticmethod
    def create_id(claim_number: str, **_: object) -> UUID:
        return claim_id_for(claim_number)

    @classmethod
    def report(cls, *, claim_number: str, policy_number: str, insured_id: str, cover_key: str, cause: str,
               event_date: date, reported_on: date, description: str, reporter: str, policy_then: PolicyAsOf,
               waiting_until: date | None, today: date, meta: EventMetadata,
               cover_ended_by: str | None = None, insured_by_cover: frozenset[str] | None = None,
               preliminary_cover: bool = False) -> Claim:
        """A claim on a cover in force on the event date, after its waiting period, reported by now.
        ``cover_ended_by``: the cover's own terms ended it by the event date (exit age, individual end);
        ``insured_by_cover``: who the cover insured on the event date (default: the person its key names);
        ``preliminary_cover``: an accident before the start, ``policy_then`` the preliminary cover's terms."""
        if not event_date <= reported_on <= today:
            raise ClaimDateInFuture(f"event {event_date}, reported {reported_on}: both on or before today {today}")
        if not description.strip() or len(description) > DESCRIPTION_MAX:
            raise ClaimDescriptionInvalid(f"a description of 1-{DESCRIPTION_MAX} characters")
        if policy_then.status != "in_force":
            raise ClaimPolicyNotInForce(f"policy {policy_number} was {policy_then.status} on {event_date}")
        if cover_key not in policy_then.covers or insured_id not in (insured_by_cover or {cover_key.split("/")[0]}):
            raise ClaimCoverNotInForce(f"{cover_key} of {insured_id} was not in force on {event_date}")
        if cover_ended_by is not None:
            raise ClaimCoverNotInForce(f"{cover_key} had ended ({cover_ended_by.replace('_', ' ')}) by {event_date}")
        if waiting_until is not None and event_date < waiting_until:
            raise ClaimInWaitingPeriod(f"{cover_key}: an {cause} before {waiting_until} is in the waiting period")
        return cls(claim_number=claim_number, policy_number=policy_number, insured_id=insured_id, cover_key=cover_key,
                   cause=cause, event_date=event_date, reported_on=reported_on, description=description,
                   reporter=reporter, sum_insured=policy_then.covers[cover_key],
                   investigation_due=investigation_due(reported_on, 0), preliminary_cover=preliminary_cover, meta=meta)

    @event("Reported")
    def __init__(self, claim_number: str, policy_number: str, insured_id: str, cover_key: str, cause: str,
                 event_date: date, reported_on: date, description: str, reporter: str, sum_insured: Decimal | None,
                 investigation_due: date, meta: EventMetadata, preliminary_cover: bool = False) -> None:
        self.claim_number, self.policy_number, self.insured_id = claim_number, policy_number, insured_id
        self.cover_key, self.cause, self.event_date, self.reported_on = cover_key, cause, event_date, reported_on
        self.sum_insured = sum_insured
        self.status = self.REPORTED
        self.investigation_due = investigation_due
        self.investigation_started_on = reported_on
        self.pending_documents: list[str] = []
        self.waiting_since: date | None = None
        self.days_waited = 0
        self.amount: Decimal | None = None
        self.payout_due: date | None = None
        self.overdue_flags: list[str] = []
        self.investigation_note: str | None = None

    # Documents -----------------------------------------------------------------------------------

    def request_documents(self, *, documents: list[str] | None, requested_on: date, today: date,
                          meta: EventMetadata) -> None:
        """The documents named, or (none named) those the claim's cover needs."""
        self._require(self.INVESTIGATING, "request documents")
        self._on_or_before(requested_on, today)
        wanted = documents or required_documents(self.cover_key.split("/")[1], self.cause)
        self._documents_requested(documents=sorted(set(wanted)), requested_on=requested_on, meta=meta)

    @event("DocumentsRequested")
    def _documents_requested(self, documents: list[str], requested_on: date, meta: EventMetadata) -> None:
        self.pending_documents = sorted(set(self.pending_documents) | set(documents))
        if self.waiting_since is None:
            self.waiting_since = requested_on
        self.status = self.WAITING_FOR_DOCUMENTS

    def receive_documents(self, *, documents: list[str], received_on: date, today: date, meta: EventMetadata) -> None:
        self._require({self.WAITING_FOR_DOCUMENTS}, "receive documents")
        self._on_or_before(received_on, today)
        pending = sorted(set(self.pending_documents) - set(documents))
        waited = self.days_waited + ((received_on - self.waiting_since).days if not pending and self.waiting_since else 0)
        self._documents_received(documents=sorted(set(documents)), received_on=received_on, pending=pending,
                                 days_waited=waited,
                                 investigation_due=investigation_due(self.investigation_started_on, waited), meta=meta)

    @event("DocumentsReceived")
    def _documents_received(self, documents: list[str], received_on: date, pending: list[str], days_waited: int,
                            investigation_due: date, meta: EventMetadata) -> None:
        self.pending_documents, self.days_waited, self.investigation_due = pending, days_waited, investigation_due
        if not pending:
            self.status, self.waiting_since = self.REPORTED, None

    def note_investigation(self, *, note: str, noted_on: date, today: date, meta: EventMetadata) -> None:
        """What the investigation is waiting for (an expert's opinion, the police findings): the reason
        the client is told if it runs past its three months."""
        self._require(self.INVESTIGATING, "note the investigation of")
        self._on_or_before(noted_on, today)
        if not note.strip() or len(note) > DESCRIPTION_MAX:
            raise ClaimDescriptionInvalid(f"a note of 1-{DESCRIPTION_MAX} characters")
        self._investigation_noted(note=note, noted_on=noted_on, meta=meta)

    @event("InvestigationNoted")
    def _investigation_noted(self, note: str, noted_on: date, meta: EventMetadata) -> None:
        self.investigation_note = note

    # Decision and payout ---------------------------------------------------------------------------
    # ``letter``: who the decision letter goes to and how ("O ukončení šetření vás budeme písemně informovat").

    def approve(self, *, amount: Decimal, breakdown: list[dict[str, Any]], ends_cover_keys: list[str],
                decided_on: date, today: date, letter: dict[str, Any], meta: EventMetadata) -> None:
        self._require({self.REPORTED}, "approve")
        self._on_or_before(decided_on, today)
        if czk(amount) < 0:
            raise NegativeBenefit(f"a benefit cannot be {amount}")
        self._approved(amount=czk(amount), breakdown=breakdown, ends_cover_keys=ends_cover_keys,
                       decided_on=decided_on, payout_due=payout_due(decided_on), letter=letter, meta=meta)

    @event("Approved")
    def _approved(self, amount: Decimal, breakdown: list[dict[str, Any]], ends_cover_keys: list[str],
                  decided_on: date, payout_due: date, meta: EventMetadata,
                  letter: dict[str, Any] | None = None) -> None:
        self.status, self.amount, self.payout_due = self.APPROVED, amount, payout_due

    def decline(self, *, grounds: str, decided_on: date, today: date, letter: dict[str, Any],
                meta: EventMetadata) -> None:
        self._require({self.REPORTED}, "decline")
        self._on_or_before(decided_on, today)
        if not grounds.strip():
            raise ClaimDescriptionInvalid("a declined claim says why")
        self._declined(grounds=grounds, decided_on=decided_on, letter=letter, meta=meta)

    @event("Declined")
    def _declined(self, grounds: str, decided_on: date, meta: EventMetadata,
                  letter: dict[str, Any] | None = None) -> None:
        self.status = self.DECLINED

    def schedule_payout(self, *, payee: str, account: str, payee_identified: bool, eur_czk: Decimal,
                        scheduled_on: date, today: date, meta: EventMetadata) -> None:
        """To the payee's account; above 1 000 EUR to a payee not identified, to the collection account."""
        self._require({self.APPROVED}, "schedule the payout of")
        self._on_or_before(scheduled_on, today)
        to = destination(self.amount, eur_czk, payee_identified)  # type: ignore[arg-type]
        self._payout_scheduled(claim_number=self.claim_number, policy_number=self.policy_number,
                               amount=self.amount, payee=payee, account=account, payee_identified=payee_identified,
                               eur_czk=eur_czk, destination=to.value, scheduled_on=scheduled_on, meta=meta)

    @event("PayoutScheduled")
    def _payout_scheduled(self, claim_number: str, policy_number: str, amount: Decimal, payee: str, account: str, payee_identified: bool, eur_czk: Decimal,
                          destination: str, scheduled_on: date, meta: EventMetadata) -> None:
        self.status, self.destination = self.PAYOUT_SCHEDULED, destination

    def record_payout_paid(self, *, paid_on: date, today: date, meta: EventMetadata) -> None:
        self._require({self.PAYOUT_SCHEDULED}, "record the payout of")
        self._on_or_before(paid_on, today)
        self._payout_paid(claim_number=self.claim_number, policy_number=self.policy_number, amount=self.amount,
                          destination=self.destination, paid_on=paid_on, meta=meta)

    @event("PayoutPaid")
    def _payout_paid(self, claim_number: str, policy_number: str, amount: Decimal, destination: str, paid_on: date,
                     meta: EventMetadata) -> None:
        self.status = self.PAID

    def close(self, *, closed_on: date, today: date, meta: EventMetadata) -> None:
        self._require({self.PAID, self.DECLINED}, "close")
        self._on_or_before(closed_on, today)
        self._closed(closed_on=closed_on, meta=meta)

    @event("Closed")
    def _closed(self, closed_on: date, meta: EventMetadata) -> None:
        self.status = self.CLOSED

    def reopen(self, *, new_facts: str, reopened_on: date, today: date, meta: EventMetadata) -> None:
        """New facts: the investigation starts again, with its own three months."""
        self._require(self.DECIDED, "reopen")
        self._on_or_before(reopened_on, today)
        self._reopened(new_facts=new_facts, reopened_on=reopened_on,
                       investigation_due=investigation_due(reopened_on, 0), meta=meta)

    @event("Reopened")
    def _reopened(self, new_facts: str, reopened_on: date, investigation_due: date, meta: EventMetadata) -> None:
        self.status, self.investigation_due, self.investigation_started_on = self.REPORTED, investigation_due, reopened_on
        self.days_waited, self.overdue_flags, self.amount, self.payout_due = 0, [], None, None
        self.investigation_note = None

    # Deadlines -------------------------------------------------------------------------------------

    def review_deadlines(self, *, today: date, letter: dict[str, Any], meta: EventMetadata) -> list[str]:
        """Record each deadline passed, once: the investigation (extended while waiting for documents),
        with the letter telling the client why ("budeme vás informovat o důvodu"), and the payout.
        Returns what became overdue today."""
        overdue = []
        waiting_now = (today - self.waiting_since).days if self.waiting_since else 0
        if self.status in self.INVESTIGATING and "investigation" not in self.overdue_flags \
                and today > self.investigation_due + timedelta(days=waiting_now):
            self._investigation_overdue(due=self.investigation_due + timedelta(days=waiting_now), noticed_on=today,
                                        reason=self._delay_reason(), letter=letter, meta=meta)
            overdue.append("investigation")
        if self.status in (self.APPROVED, self.PAYOUT_SCHEDULED) and "payout" not in self.overdue_flags \
                and self.payout_due is not None and today > self.payout_due:
            self._payout_overdue(due=self.payout_due, noticed_on=today, meta=meta)
            overdue.append("payout")
        return overdue

    def _delay_reason(self) -> str:
        """The back office's note of what the investigation waits for, else what the record shows."""
        if self.investigation_note:
            return self.investigation_note
        extended = f"; its deadline was extended by {self.days_waited} days of waiting for documents" \
            if self.days_waited else ""
        return f"the investigation of the event has not been finished{extended}"

    @event("InvestigationOverdue")
    def _investigation_overdue(self, due: date, noticed_on: date, meta: EventMetadata, reason: str | None = None,
                               letter: dict[str, Any] | None = None) -> None:
        self.overdue_flags = [*self.overdue_flags, "investigation"]

    @event("PayoutOverdue")
    def _payout_overdue(self, due: date, noticed_on: date, meta: EventMetadata) -> None:
        self.overdue_flags = [*self.overdue_flags, "payout"]

    # Guards ------------------------------------------------------------------------------------------

    def _require(self, states: frozenset[str] | set[str], action: str) -> None:
        if self.status not in states:
            raise ClaimStateInvalid(f"cannot {action} claim {self.claim_number}: it is {self.status}")

    def _on_or_before(self, day: date, today: date) -> None:
        if day > today:
            raise ClaimDateInFuture(f"{day} is after today {today}")
