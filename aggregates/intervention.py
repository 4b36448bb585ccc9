"""The Intervention aggregate (intervence): a task the insurer raises on a contract that needs the advisor.

DOMAIN.md glossary: "intervence a task the insurer raises on a contract that needs the advisor".
The advisor app (seed: flexina-advisor-app.txt) shows them to the advisor:

- "Push notifikace – upozornění pro poradce na novou Intervenci" -> an intervention is *raised*
  (by a workflow or by back office, never by the advisor) and addressed to the contract's advisor;
- "Přehled všech intervencí na jednom místě: Intervence můžete vyhledávat a filtrovat dle různých
  kritérií." -> it carries what advisors search and filter by: type, policy number, client name,
  advisor, due date, state;
- "Poradce v aplikaci vidí všechny intervence, nikoliv pouze nevyřízené." -> a resolved or expired
  intervention is kept, final, with how and when it closed; nothing is ever deleted.

The seed names no intervention types, states or due dates; those below are ours (from the brief),
each tied to a road in the seeds: unpaid premium before the lapse ("nejprve vám zašleme upomínku,
ve které je uvedeno datum splatnosti dlužného pojistného ...", flexi-risk-life-precontract.txt,
section 9), a letter returned undelivered ("doporučená písemnost vrátí jako nedoručená",
section 13) and missing contact details for electronic delivery ("doručovat i elektronicky ...
na kontaktní údaje poskytnuté za účelem elektronické komunikace", section 13).

Lifecycle::

    open -> in_progress            (the advisor takes it: advisor id and date)
    in_progress -> resolved        (by the advisor, with what was done)
    open / in_progress -> resolved (automatically, when the cause goes away: "premium paid")
    open / in_progress -> expired  (its due date passed unresolved; not on or before the due date)

Resolved and expired are final. Notes (text, date, advisor) may be added while open or in progress.

Idempotent raising: the id is a uuid5 of (type, policy number, cause reference), see
``intervention_id_for``. A workflow that raises the same intervention twice (for example it
crashed after saving and replays its input) builds an aggregate with the *same* id and version 1;
the event store's uniqueness constraint on (originator id, version) refuses the second ``Raised``
event (``eventsourcing.persistence.IntegrityError``), so there is only ever one intervention per
cause. The caller treats that conflict as "already raised". Raising one again for the same cause
(say the next instalment) needs a different cause reference (that instalment's due date).

As in ``aggregates.policy``: commands (imperative, public) check the rules and compute, taking
every date they need as an argument; the ``@event`` methods (past tense, private) only assign the
values they are given, so replaying them is deterministic. State and event values are plain
strings, dates, lists and dicts (the type and status are kept as their string values), which the
event store's JSON transcoder writes with the domain transcodings already registered.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from aggregates.policy import POLICY_NUMBER, InvalidPolicyNumber, policy_id_for
from domain.errors import DomainError
from domain.metadata import Channel, EventMetadata

INTERVENTION_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:intervention")
# "A short description": it is the line the advisor sees in the list and in the push notification.
DESCRIPTION_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 2000
CAUSE_REFERENCE_MAX_LENGTH = 100
# The insurer raises interventions: a workflow (batch) or back office; not an advisor or the sales app.
RAISING_CHANNELS = frozenset({Channel.BATCH, Channel.BACK_OFFICE})


class InterventionType(str, Enum):
    """Why the insurer needs the advisor on this contract."""

    # A reminder with a deadline was sent; if still unpaid the policy lapses. Cause: the instalment due date.
    UNPAID_PREMIUM_BEFORE_LAPSE = "unpaid_premium_before_lapse"
    # The client chose electronic delivery but the e-mail / mobile is missing. Cause: e.g. the request id.
    MISSING_CONTACT_FOR_ELECTRONIC_DELIVERY = "missing_contact_for_electronic_delivery"
    # A letter came back undelivered (wrong or outdated address). Cause: the letter id.
    LETTER_UNDELIVERABLE = "letter_undeliverable"
    # A claim's investigation or payout ran past its deadline. Cause: "claim number:investigation|payout".
    CLAIM_OVERDUE = "claim_overdue"


# Errors -------------------------------------------------------------------------------------


class InvalidInterventionType(DomainError):
    rule = "intervention-type-known"


class InvalidCauseReference(DomainError):
    rule = "intervention-cause-reference-required"


class MissingClientName(DomainError):
    rule = "intervention-client-name-required"


class MissingAdvisor(DomainError):
    rule = "intervention-advisor-required"


class EmptyDescription(DomainError):
    rule = "intervention-description-required"


class DescriptionTooLong(DomainError):
    rule = "intervention-description-short"


class DueBeforeRaised(DomainError):
    rule = "intervention-due-on-or-after-raised"


class NotRaisedByInsurer(DomainError):
    rule = "intervention-raised-by-workflow-or-back-office"


class InterventionClosed(DomainError):
    """Resolved and expired are final: "vidí všechny intervence, nikoliv pouze nevyřízené" - kept, unchanged."""

    rule = "closed-intervention-unchanged"


class AlreadyTaken(DomainError):
    rule = "intervention-taken-once"


class ResolvedOnce(DomainError):
    rule = "intervention-resolved-once"


class NotTaken(DomainError):
    rule = "advisor-resolves-taken-intervention"


class MissingResolution(DomainError):
    rule = "intervention-resolution-explained"


class ExpiredTooEarly(DomainError):
    rule = "intervention-expires-after-due-date"


class EmptyNote(DomainError):
    rule = "intervention-note-not-empty"


class NoteTooLong(DomainError):
    rule = "intervention-note-short"


class DatesOutOfOrder(DomainError):
    rule = "intervention-dates-in-order"


# Pure helpers ---------------------------------------------------------------------------------


def _intervention_type(value: InterventionType | str) -> InterventionType:
    try:
        return InterventionType(value)
    except ValueError:
        known = ", ".join(kind.value for kind in InterventionType)
        raise InvalidInterventionType(f"unknown intervention type {value!r}; known: {known}") from None


def _cause_reference(value: str | date) -> str:
    """The cause as text: a date (the instalment due date) is written ISO, a string is stripped."""
    text = value.isoformat() if isinstance(value, date) else str(value or "").strip()
    if not text:
        raise InvalidCauseReference("an intervention needs the reference of its cause (instalment due date, letter id)")
    if len(text) > CAUSE_REFERENCE_MAX_LENGTH:
        raise InvalidCauseReference(f"the cause reference is longer than {CAUSE_REFERENCE_MAX_LENGTH} characters")
    return text


def _policy_number(value: str) -> str:
    if not POLICY_NUMBER.match(value or ""):
        raise InvalidPolicyNumber(f"policy number {value!r} must be 1-10 digits without a leading zero")
    return value


def _required(value: str | None, error: type[DomainError], what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise error(f"{what} must not be empty")
    return text


def intervention_id_for(
    intervention_type: InterventionType | str, policy_number: str, cause_reference: str | date
) -> UUID:
    """The id of the one intervention of this type raised on this policy for this cause.

    uuid5 over "type:policy number:cause reference"; the type is one of our enum values and the
    policy number is digits only (both without ':'), so the key cannot be read two ways.
    Deterministic: raising the same intervention again gives the same id (see the module doc).
    """
    kind = _intervention_type(intervention_type)
    number = _policy_number(policy_number)
    cause = _cause_reference(cause_reference)
    return uuid5(INTERVENTION_NAMESPACE, f"{kind.value}:{number}:{cause}")


# The aggregate --------------------------------------------------------------------------------


class Intervention(Aggregate):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    EXPIRED = "expired"

    ACTIVE = frozenset({OPEN, IN_PROGRESS})
    FINAL = frozenset({RESOLVED, EXPIRED})

    RESOLVED_BY_ADVISOR = "advisor"
    RESOLVED_AUTOMATICALLY = "automatic"

    @staticmethod
    def create_id(intervention_type: str, policy_number: str, cause_reference: str, **_: object) -> UUID:
        return intervention_id_for(intervention_type, policy_number, cause_reference)

    # Raising ----------------------------------------------------------------------------------

    @classmethod
    def raise_intervention(
        cls,
        *,
        intervention_type: InterventionType | str,
        policy_number: str,
        client_name: str,
        advisor_id: str,
        due_date: date,
        cause_reference: str | date,
        description: str,
        raised_on: date,
        meta: EventMetadata,
    ) -> Intervention:
        """Raise an intervention for the contract's advisor ("upozornění pro poradce na novou Intervenci").

        Raised by a workflow (``Channel.BATCH``) or by back office, on the business date
        ``raised_on``, to be dealt with by ``due_date`` (the same day at the earliest).
        """
        kind = _intervention_type(intervention_type)
        number = _policy_number(policy_number)
        cause = _cause_reference(cause_reference)
        client = _required(client_name, MissingClientName, "the client's name")
        advisor = _required(advisor_id, MissingAdvisor, "the advisor id")
        text = _required(description, EmptyDescription, "the description")
        if len(text) > DESCRIPTION_MAX_LENGTH:
            raise DescriptionTooLong(f"the description has {len(text)} characters, at most {DESCRIPTION_MAX_LENGTH}")
        if due_date < raised_on:
            raise DueBeforeRaised(f"an intervention raised on {raised_on} cannot be due on {due_date}, before it")
        if meta.channel not in RAISING_CHANNELS:
            raise NotRaisedByInsurer(
                f"interventions are raised by a workflow or back office, not through {meta.channel.value}"
            )
        return cls(
            intervention_type=kind.value,
            policy_number=number,
            client_name=client,
            advisor_id=advisor,
            due_date=due_date,
            cause_reference=cause,
            description=text,
            raised_on=raised_on,
            meta=meta,
        )

    @event("Raised")
    def __init__(
        self,
        intervention_type: str,
        policy_number: str,
        client_name: str,
        advisor_id: str,
        due_date: date,
        cause_reference: str,
        description: str,
        raised_on: date,
        meta: EventMetadata,
    ) -> None:
        self.intervention_type = intervention_type
        self.policy_number = policy_number
        self.client_name = client_name
        self.advisor_id = advisor_id
        self.due_date = due_date
        self.cause_reference = cause_reference
        self.description = description
        self.raised_on = raised_on
        self.status = self.OPEN
        self.taken_by: str | None = None
        self.taken_on: date | None = None
        self.resolved_on: date | None = None
        self.resolved_by: str | None = None  # RESOLVED_BY_ADVISOR or RESOLVED_AUTOMATICALLY
        self.resolved_by_advisor_id: str | None = None
        self.resolution: str | None = None
        self.expired_on: date | None = None
        self.notes: list[dict[str, Any]] = []

    # Reading ----------------------------------------------------------------------------------

    @property
    def kind(self) -> InterventionType:
        return InterventionType(self.intervention_type)

    @property
    def policy_id(self) -> UUID:
        return policy_id_for(self.policy_number)

    @property
    def is_closed(self) -> bool:
        """Resolved or expired: final, but still listed ("nikoliv pouze nevyřízené")."""
        return self.status in self.FINAL

    def is_overdue_on(self, day: date) -> bool:
        """Still unresolved after its due date: the expiry batch expires it on ``day``."""
        return self.status in self.ACTIVE and day > self.due_date

    # The advisor takes it -----------------------------------------------------------------------

    def take(self, *, advisor_id: str, taken_on: date, meta: EventMetadata) -> None:
        """The advisor starts working on it. Any advisor who sees it may take it (a supervisor sees
        the subordinates' portfolios); who took it is recorded. Taken once: no reassignment here."""
        self._refuse_if_closed("take")
        if self.status != self.OPEN:
            raise AlreadyTaken(f"intervention on {self.policy_number} is already taken by {self.taken_by}")
        advisor = _required(advisor_id, MissingAdvisor, "the advisor id")
        self._not_before(taken_on, self.raised_on, "taken", "raised")
        self._taken(advisor_id=advisor, taken_on=taken_on, meta=meta)

    @event("Taken")
    def _taken(self, advisor_id: str, taken_on: date, meta: EventMetadata) -> None:
        self.status = self.IN_PROGRESS
        self.taken_by = advisor_id
        self.taken_on = taken_on

    # Notes ------------------------------------------------------------------------------------

    def add_note(self, *, text: str, on: date, advisor_id: str, meta: EventMetadata) -> None:
        """A note by an advisor while the intervention is open or in progress."""
        self._refuse_if_closed("add a note to")
        note = _required(text, EmptyNote, "a note")
        if len(note) > NOTE_MAX_LENGTH:
            raise NoteTooLong(f"the note has {len(note)} characters, at most {NOTE_MAX_LENGTH}")
        advisor = _required(advisor_id, MissingAdvisor, "the advisor id")
        self._not_before(on, self.raised_on, "note added", "raised")
        self._note_added(text=note, on=on, advisor_id=advisor, meta=meta)

    @event("NoteAdded")
    def _note_added(self, text: str, on: date, advisor_id: str, meta: EventMetadata) -> None:
        self.notes.append({"text": text, "on": on, "advisor_id": advisor_id})

    # Resolution ---------------------------------------------------------------------------------

    def resolve(self, *, advisor_id: str, resolved_on: date, resolution: str, meta: EventMetadata) -> None:
        """The advisor who works on it (taken first) resolves it, saying what was done."""
        self._refuse_if_resolved_or_closed("resolve")
        if self.status != self.IN_PROGRESS:
            raise NotTaken(
                f"intervention on {self.policy_number} is {self.status}: an advisor takes it before resolving"
            )
        advisor = _required(advisor_id, MissingAdvisor, "the advisor id")
        outcome = _required(resolution, MissingResolution, "what was done")
        self._not_before(resolved_on, self.taken_on, "resolved", "taken")
        self._resolved_by_advisor(advisor_id=advisor, resolved_on=resolved_on, resolution=outcome, meta=meta)

    @event("ResolvedByAdvisor")
    def _resolved_by_advisor(self, advisor_id: str, resolved_on: date, resolution: str, meta: EventMetadata) -> None:
        self.status = self.RESOLVED
        self.resolved_by = self.RESOLVED_BY_ADVISOR
        self.resolved_by_advisor_id = advisor_id
        self.resolved_on = resolved_on
        self.resolution = resolution

    def resolve_automatically(self, *, reason: str, on: date, meta: EventMetadata) -> None:
        """The cause went away (e.g. "premium paid", "contact details changed"): resolved whether
        open or in progress, without the advisor."""
        self._refuse_if_resolved_or_closed("resolve")
        why = _required(reason, MissingResolution, "the reason")
        self._not_before(on, self.taken_on or self.raised_on, "resolved", "raised or taken")
        self._resolved_automatically(reason=why, resolved_on=on, meta=meta)

    @event("ResolvedAutomatically")
    def _resolved_automatically(self, reason: str, resolved_on: date, meta: EventMetadata) -> None:
        self.status = self.RESOLVED
        self.resolved_by = self.RESOLVED_AUTOMATICALLY
        self.resolved_on = resolved_on
        self.resolution = reason

    # Expiry -------------------------------------------------------------------------------------

    def expire(self, *, on: date, meta: EventMetadata) -> None:
        """Its due date passed unresolved. The due date is the last day to act, so ``on`` must be
        after it; the intervention stays listed as expired."""
        self._refuse_if_closed("expire")
        if on <= self.due_date:
            raise ExpiredTooEarly(
                f"intervention on {self.policy_number} is due on {self.due_date}; it cannot expire on {on}"
            )
        self._not_before(on, self.taken_on, "expired", "taken")
        self._expired(expired_on=on, meta=meta)

    @event("Expired")
    def _expired(self, expired_on: date, meta: EventMetadata) -> None:
        self.status = self.EXPIRED
        self.expired_on = expired_on

    # Guards -------------------------------------------------------------------------------------

    def _refuse_if_closed(self, action: str) -> None:
        if self.status in self.FINAL:
            raise InterventionClosed(f"cannot {action} the intervention on {self.policy_number}: it is {self.status}")

    def _refuse_if_resolved_or_closed(self, action: str) -> None:
        if self.status == self.RESOLVED:
            raise ResolvedOnce(f"the intervention on {self.policy_number} was resolved on {self.resolved_on}")
        self._refuse_if_closed(action)

    @staticmethod
    def _not_before(later: date, earlier: date | None, later_name: str, earlier_name: str) -> None:
        if earlier is not None and later < earlier:
            raise DatesOutOfOrder(f"{later_name} {later} is before {earlier_name} {earlier}")
