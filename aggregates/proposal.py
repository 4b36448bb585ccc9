"""The Proposal aggregate (návrh / nabídka): a proposal from the sales app on its way to a policy.

Lifecycle (seed: smartclient-sales-app.txt; DOMAIN.md, "Life of a policy")::

    drafted -> signed -> sent -> exported -> [examination_requested -> examination_completed]
            -> accepted -> issued
    drafted / signed / sent -> cancelled          (not once digitally signed; never after export)
    exported / examination_* -> declined

The seed's status icons map onto these states: "Nabídka je rozpracována, čeká na podpis"
(drafted), "Nabídka podepsána, čeká na synchronizaci SmartClienta – již ji nelze editovat"
(signed), "dokument je zálohován na serveru aplikace SmartClient, kolem 21. hodiny bude exportován
do pojišťovny" (sent), "dokument je exportován do pojišťovny, již nelze editovat" (exported),
"Pojišťovna přijala nabídku do zpracování" (the insurer's underwriting: examination, acceptance).

As in ``aggregates.policy``: commands (imperative, public) check the rules and compute, taking
every date they need as an argument; the ``@event`` methods (past tense, private) only assign the
values they are given, so replaying them is deterministic. Values kept in events are plain
strings, numbers, dates, datetimes, decimals, lists and dicts, which the event store's JSON
transcoder writes without extra transcodings.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from aggregates.policy import POLICY_NUMBER, InvalidPolicyNumber, policy_id_for
from domain.dates import first_of_next_month
from domain.contact import EMAIL, MOBILE
from domain.errors import DomainError
from domain.metadata import EventMetadata

PROPOSAL_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:proposal")
# The seed gives no format for the proposal number ("nové číslo nabídky"); accept a plain token.
PROPOSAL_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/-]{0,39}$")

# Preliminary cover (flexi-risk-life-precontract.txt, "Předběžné krytí"): "nejvýše však na dobu 29 dnů".
PRELIMINARY_COVER_MAX_DAYS = 29


class SignatureKind(str, Enum):
    """How the proposal was signed: "vlastnoruční digitální podpis" on a SignPad, or on paper."""

    DIGITAL = "digital"
    PAPER = "paper"


class ExaminationKind(str, Enum):
    """What the insurer may ask for before accepting: a health or an income examination."""

    HEALTH = "health"
    INCOME = "income"


# Errors -------------------------------------------------------------------------------------


class InvalidProposalNumber(DomainError):
    rule = "proposal-number-required"


class MissingProductCode(DomainError):
    rule = "product-code-required"


class InvalidTerms(DomainError):
    rule = "terms-json-friendly"


class InvalidClientContact(DomainError):
    rule = "client-contact-well-formed"


class InvalidSignatureKind(DomainError):
    rule = "signature-digital-or-paper"


class InvalidExaminationKind(DomainError):
    rule = "examination-health-or-income"


class DigitalSignatureNeedsContact(DomainError):
    """ "Nezapomeňte, že v případě digitálního podpisu je potřeba vyplnit mobilní telefon a e-mail klienta." """

    rule = "digital-signature-needs-email-and-mobile"


class ProposalNotEditable(DomainError):
    """ "Nabídka podepsána, čeká na synchronizaci SmartClienta – již ji nelze editovat." """

    rule = "only-drafted-proposal-editable"


class ProposalLocked(DomainError):
    """ "Po exportu dat dojde k uzamknutí dokumentu a dokument již nelze upravovat ani stornovat." """

    rule = "proposal-locked-after-export"


class DigitallySignedNotCancellable(DomainError):
    """ "Nabídku / žádost o změnu podepsanou digitálně nelze po uložení podepsané verze stornovat." """

    rule = "digitally-signed-proposal-not-cancellable"


class ProposalClosed(DomainError):
    rule = "closed-proposal-unchanged"


class SigningRequiresDraft(DomainError):
    rule = "sign-requires-drafted"


class SendingRequiresSignature(DomainError):
    rule = "send-requires-signed"


class ExportRequiresSent(DomainError):
    rule = "export-requires-sent"


class ExaminationOutsideUnderwriting(DomainError):
    rule = "examination-between-export-and-acceptance"


class NoExaminationPending(DomainError):
    rule = "examination-completed-after-requested"


class AcceptanceRequiresExport(DomainError):
    rule = "accept-requires-exported"


class DeclineRequiresExport(DomainError):
    rule = "decline-requires-exported"


class IssueRequiresAcceptance(DomainError):
    rule = "issue-requires-accepted"


class DatesOutOfOrder(DomainError):
    rule = "proposal-dates-in-order"


# Pure helpers ---------------------------------------------------------------------------------


def proposal_id_for(proposal_number: str) -> UUID:
    """Proposals are addressed by proposal number, so the id is derived from it."""
    return uuid5(PROPOSAL_NAMESPACE, proposal_number)


def preliminary_cover(signed_on: date, start_date: date) -> tuple[date, date] | None:
    """The preliminary accident cover (předběžné krytí) a signature gives, as (first, last) day.

    flexi-risk-life-precontract.txt, "Předběžné krytí":
    - "Předběžné krytí je sjednáno pouze pro smlouvy, u kterých je počátek pojištění stanoven
      na 1. den následujícího měsíce po datu podpisu nabídky." -> otherwise None;
    - "od 00.00 hodin následujícího dne od podpisu nabídky do 24.00 hodin dne předcházejícího
      dni uvedenému v pojistné smlouvě jako počátek pojištění, nejvýše však na dobu 29 dnů."
      -> from the day after signing to the day before the start, capped (not refused) at 29
      days counted from the first day; the glossary: "platí od následujícího dne po podpisu
      nabídky do dne počátku pojištění".
    Signed on the last day of a month, the cover would start on the start date itself: no days,
    so None. Both ends are inclusive whole days.
    """
    if start_date != first_of_next_month(signed_on):
        return None
    cover_from = signed_on + timedelta(days=1)
    cover_to = min(start_date - timedelta(days=1), cover_from + timedelta(days=PRELIMINARY_COVER_MAX_DAYS - 1))
    if cover_to < cover_from:
        return None
    return cover_from, cover_to


def _plain(value: Any, path: str = "terms") -> Any:
    """A deep copy of the terms that the event store's JSON transcoder round-trips unchanged.

    Tuples become lists (JSON has only arrays); anything else outside JSON plus the store's
    registered transcodings (Decimal, date, datetime, UUID) is refused.
    """
    if value is None or isinstance(value, (bool, int, float, str, Decimal, date, UUID)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, dict):
        plain = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidTerms(f"{path} has a non-string key {key!r}")
            plain[key] = _plain(item, f"{path}.{key}")
        return plain
    raise InvalidTerms(f"{path} holds {type(value).__name__}, which is not a JSON-friendly value")


def _contact(email: str | None, mobile: str | None) -> tuple[str | None, str | None]:
    """Blank means not given; a given e-mail or mobile must look like one ("Zkontrolujte, zda je
    v nabídce správně vyplněn e-mail a mobilní telefon klienta")."""
    email = (email or "").strip() or None
    mobile = re.sub(r"\s", "", mobile or "") or None
    if email is not None and not EMAIL.match(email):
        raise InvalidClientContact(f"{email!r} is not an e-mail address")
    if mobile is not None and not MOBILE.match(mobile):
        raise InvalidClientContact(f"{mobile!r} is not a mobile number (9-15 digits, optional +)")
    return email, mobile


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


# The aggregate --------------------------------------------------------------------------------


class Proposal(Aggregate):
    DRAFTED = "drafted"
    SIGNED = "signed"
    SENT = "sent"
    EXPORTED = "exported"
    EXAMINATION_REQUESTED = "examination_requested"
    EXAMINATION_COMPLETED = "examination_completed"
    ACCEPTED = "accepted"
    ISSUED = "issued"
    CANCELLED = "cancelled"
    DECLINED = "declined"

    # After the daily export the document carries the lock (zámeček): the insurer has it.
    LOCKED = frozenset({EXPORTED, EXAMINATION_REQUESTED, EXAMINATION_COMPLETED, ACCEPTED, ISSUED, DECLINED})
    UNDERWRITING = frozenset({EXPORTED, EXAMINATION_REQUESTED, EXAMINATION_COMPLETED})

    @staticmethod
    def create_id(proposal_number: str, **_: object) -> UUID:
        return proposal_id_for(proposal_number)

    # Drafting and editing ---------------------------------------------------------------------

    @classmethod
    def draft(
        cls,
        *,
        proposal_number: str,
        product_code: str,
        terms: dict[str, Any],
        start_date: date,
        drafted_on: date,
        meta: EventMetadata,
        client_email: str | None = None,
        client_mobile: str | None = None,
    ) -> Proposal:
        """ "Nabídku namodelujte v počítači tak, jak jste zvyklí." The terms are product-specific
        and stored as given (a deep, JSON-friendly copy); the product catalogue validates them."""
        if not PROPOSAL_NUMBER.match(proposal_number or ""):
            raise InvalidProposalNumber(
                f"proposal number {proposal_number!r} must be 1-40 letters, digits, '/' or '-'"
            )
        if not (product_code or "").strip():
            raise MissingProductCode("a proposal needs a product code")
        if not isinstance(terms, dict):
            raise InvalidTerms(f"terms must be a dict, got {type(terms).__name__}")
        email, mobile = _contact(client_email, client_mobile)
        return cls(
            proposal_number=proposal_number,
            product_code=product_code.strip(),
            terms=_plain(terms),
            start_date=start_date,
            drafted_on=drafted_on,
            client_email=email,
            client_mobile=mobile,
            meta=meta,
        )

    @event("Drafted")
    def __init__(
        self,
        proposal_number: str,
        product_code: str,
        terms: dict[str, Any],
        start_date: date,
        drafted_on: date,
        client_email: str | None,
        client_mobile: str | None,
        meta: EventMetadata,
    ) -> None:
        self.proposal_number = proposal_number
        self.product_code = product_code
        self.terms = terms
        self.start_date = start_date
        self.drafted_on = drafted_on
        self.client_email = client_email
        self.client_mobile = client_mobile
        self.status = self.DRAFTED
        self.signature_kind: str | None = None
        self.signed_on: date | None = None
        self.preliminary_cover_from: date | None = None
        self.preliminary_cover_to: date | None = None
        self.sent_at: datetime | None = None
        self.exported_at: datetime | None = None
        self.examination_kind: str | None = None
        self.examination_requested_on: date | None = None
        self.examination_completed_on: date | None = None
        self.accepted_on: date | None = None
        self.issued_on: date | None = None
        self.policy_number: str | None = None
        self.cancelled_on: date | None = None
        self.declined_on: date | None = None

    def replace_terms(self, *, terms: dict[str, Any], start_date: date, meta: EventMetadata) -> None:
        """ "Editovat lze nabídku ..., dokud nejsou označeny zámečkem"; but once signed "již ji
        nelze editovat": only a drafted proposal is edited. Replaces the terms as a whole."""
        self._require_editable("edit")
        if not isinstance(terms, dict):
            raise InvalidTerms(f"terms must be a dict, got {type(terms).__name__}")
        self._terms_replaced(terms=_plain(terms), start_date=start_date, meta=meta)

    @event("TermsReplaced")
    def _terms_replaced(self, terms: dict[str, Any], start_date: date, meta: EventMetadata) -> None:
        self.terms = terms
        self.start_date = start_date

    def change_client_contact(
        self, *, client_email: str | None, client_mobile: str | None, meta: EventMetadata
    ) -> None:
        """The client's e-mail and mobile, needed before a digital signature; drafted only."""
        self._require_editable("change the client contact of")
        email, mobile = _contact(client_email, client_mobile)
        self._client_contact_changed(client_email=email, client_mobile=mobile, meta=meta)

    @event("ClientContactChanged")
    def _client_contact_changed(
        self, client_email: str | None, client_mobile: str | None, meta: EventMetadata
    ) -> None:
        self.client_email = client_email
        self.client_mobile = client_mobile

    # Signing, sending, export -----------------------------------------------------------------

    def sign(self, *, signature: SignatureKind | str, signed_on: date, meta: EventMetadata) -> None:
        """Signed digitally on a SignPad or on paper.

        - "Nezapomeňte, že v případě digitálního podpisu je potřeba vyplnit mobilní telefon
          a e-mail klienta." (the paper signature has no such condition);
        - the preliminary cover is computed here from ``signed_on`` and the proposed start and
          recorded on the event (see ``preliminary_cover``).
        """
        self._refuse_if_closed_or_locked("sign")
        try:
            kind = SignatureKind(signature)
        except ValueError:
            raise InvalidSignatureKind(f"signature must be digital or paper, got {signature!r}") from None
        if self.status != self.DRAFTED:
            raise SigningRequiresDraft(f"proposal {self.proposal_number} is {self.status}, not drafted")
        if kind is SignatureKind.DIGITAL and not (self.client_email and self.client_mobile):
            raise DigitalSignatureNeedsContact(
                f"proposal {self.proposal_number}: a digital signature needs the client's e-mail and mobile"
            )
        self._not_before(signed_on, self.drafted_on, "signed", "drafted")
        cover = preliminary_cover(signed_on, self.start_date)
        self._signed(
            signature_kind=kind.value,
            signed_on=signed_on,
            preliminary_cover_from=cover[0] if cover else None,
            preliminary_cover_to=cover[1] if cover else None,
            meta=meta,
        )

    @event("Signed")
    def _signed(
        self,
        signature_kind: str,
        signed_on: date,
        preliminary_cover_from: date | None,
        preliminary_cover_to: date | None,
        meta: EventMetadata,
    ) -> None:
        self.status = self.SIGNED
        self.signature_kind = signature_kind
        self.signed_on = signed_on
        self.preliminary_cover_from = preliminary_cover_from
        self.preliminary_cover_to = preliminary_cover_to

    def send(self, *, sent_at: datetime, meta: EventMetadata) -> None:
        """Saved as finished and synchronised to the SmartClient server ("dokument je zálohován na
        serveru aplikace SmartClient, kolem 21. hodiny bude exportován do pojišťovny")."""
        self._refuse_if_closed_or_locked("send")
        if self.status != self.SIGNED:
            raise SendingRequiresSignature(f"proposal {self.proposal_number} is {self.status}, not signed")
        self._not_before(sent_at, self.signed_on, "sent", "signed")
        self._sent(sent_at=sent_at, meta=meta)

    @event("Sent")
    def _sent(self, sent_at: datetime, meta: EventMetadata) -> None:
        self.status = self.SENT
        self.sent_at = sent_at

    def export(self, *, exported_at: datetime, meta: EventMetadata) -> None:
        """The daily transfer to the insurer "který probíhá automaticky každý den kolem 21. hodiny";
        "Po exportu dat dojde k uzamknutí dokumentu". The batch passes its own time."""
        self._refuse_if_closed("export")
        if self.status != self.SENT:
            raise ExportRequiresSent(f"proposal {self.proposal_number} is {self.status}, not sent")
        self._not_before(exported_at, self.sent_at, "exported", "sent")
        self._exported(exported_at=exported_at, meta=meta)

    @event("Exported")
    def _exported(self, exported_at: datetime, meta: EventMetadata) -> None:
        self.status = self.EXPORTED
        self.exported_at = exported_at

    # Underwriting by the insurer --------------------------------------------------------------

    def request_examination(
        self, *, kind: ExaminationKind | str, requested_on: date, meta: EventMetadata
    ) -> None:
        """A health or income examination before acceptance; another may follow a completed one."""
        self._refuse_if_closed("request an examination for")
        try:
            examination = ExaminationKind(kind)
        except ValueError:
            raise InvalidExaminationKind(f"examination must be health or income, got {kind!r}") from None
        if self.status not in (self.EXPORTED, self.EXAMINATION_COMPLETED):
            raise ExaminationOutsideUnderwriting(
                f"proposal {self.proposal_number} is {self.status}: examinations are requested "
                "after export and before acceptance, one at a time"
            )
        self._not_before(requested_on, self._last_step_on, "examination requested", "the previous step")
        self._examination_requested(examination_kind=examination.value, requested_on=requested_on, meta=meta)

    @event("ExaminationRequested")
    def _examination_requested(self, examination_kind: str, requested_on: date, meta: EventMetadata) -> None:
        self.status = self.EXAMINATION_REQUESTED
        self.examination_kind = examination_kind
        self.examination_requested_on = requested_on
        self.examination_completed_on = None

    def complete_examination(self, *, completed_on: date, meta: EventMetadata) -> None:
        self._refuse_if_closed("complete an examination for")
        if self.status != self.EXAMINATION_REQUESTED:
            raise NoExaminationPending(f"proposal {self.proposal_number} has no examination requested")
        self._not_before(completed_on, self.examination_requested_on, "examination completed", "requested")
        self._examination_completed(completed_on=completed_on, meta=meta)

    @event("ExaminationCompleted")
    def _examination_completed(self, completed_on: date, meta: EventMetadata) -> None:
        self.status = self.EXAMINATION_COMPLETED
        self.examination_completed_on = completed_on

    def accept(self, *, accepted_on: date, meta: EventMetadata) -> None:
        """ "Pojišťovna přijala nabídku": after export, and after any requested examination is done."""
        self._refuse_if_closed("accept")
        if self.status not in (self.EXPORTED, self.EXAMINATION_COMPLETED):
            raise AcceptanceRequiresExport(
                f"proposal {self.proposal_number} is {self.status}: acceptance needs an exported "
                "proposal with no examination outstanding"
            )
        self._not_before(accepted_on, self._last_step_on, "accepted", "the previous step")
        self._accepted(accepted_on=accepted_on, meta=meta)

    @event("Accepted")
    def _accepted(self, accepted_on: date, meta: EventMetadata) -> None:
        self.status = self.ACCEPTED
        self.accepted_on = accepted_on

    def decline(self, *, declined_on: date, meta: EventMetadata) -> None:
        """The insurer declines during underwriting (the reason travels in ``meta.reason``)."""
        self._refuse_if_closed("decline")
        if self.status not in self.UNDERWRITING:
            raise DeclineRequiresExport(
                f"proposal {self.proposal_number} is {self.status}: only an exported proposal "
                "under underwriting can be declined"
            )
        self._not_before(declined_on, self._last_step_on, "declined", "the previous step")
        self._declined(declined_on=declined_on, meta=meta)

    @event("Declined")
    def _declined(self, declined_on: date, meta: EventMetadata) -> None:
        self.status = self.DECLINED
        self.declined_on = declined_on

    def record_policy_issued(self, *, policy_number: str, issued_on: date, meta: EventMetadata) -> None:
        """The accepted proposal became the policy ``policy_number`` (its payment reference)."""
        self._refuse_if_closed("issue a policy from")
        if self.status != self.ACCEPTED:
            raise IssueRequiresAcceptance(f"proposal {self.proposal_number} is {self.status}, not accepted")
        if not POLICY_NUMBER.match(policy_number or ""):
            raise InvalidPolicyNumber(
                f"policy number {policy_number!r} must be 1-10 digits without a leading zero"
            )
        self._not_before(issued_on, self.accepted_on, "issued", "accepted")
        self._policy_issued(policy_number=policy_number, issued_on=issued_on, meta=meta)

    @event("PolicyIssued")
    def _policy_issued(self, policy_number: str, issued_on: date, meta: EventMetadata) -> None:
        self.status = self.ISSUED
        self.policy_number = policy_number
        self.issued_on = issued_on

    @property
    def policy_id(self) -> UUID | None:
        return policy_id_for(self.policy_number) if self.policy_number else None

    # Cancellation (storno) --------------------------------------------------------------------

    def cancel(self, *, cancelled_on: date, meta: EventMetadata) -> None:
        """Storno by the advisor, before the export.

        - "Upravit nebo stornovat již odeslanou nabídku ... lze do přenosu dat do pojišťovny
          Kooperativa ... Po exportu dat dojde k uzamknutí dokumentu a dokument již nelze
          upravovat ani stornovat." -> refused once exported (ProposalLocked);
        - "Nabídku / žádost o změnu podepsanou digitálně nelze po uložení podepsané verze
          stornovat." and "Po digitálním podpisu nelze zabránit odeslání do pojišťovny ... Je třeba
          sepsat odvolání nebo žádost o změnu podepsanou klientem (lze pouze papírově)." -> refused
          from the digital signature on (a digital Signed event is the saved signed version).
        A draft or a paper-signed proposal, sent or not, may be cancelled until the export.
        """
        self._refuse_if_closed_or_locked("cancel")
        if self.signature_kind == SignatureKind.DIGITAL.value:
            raise DigitallySignedNotCancellable(
                f"proposal {self.proposal_number} is digitally signed and cannot be cancelled; the client "
                "must sign a withdrawal (odvolání) or a change request on paper"
            )
        self._not_before(cancelled_on, self._last_step_on, "cancelled", "the previous step")
        self._cancelled(cancelled_on=cancelled_on, meta=meta)

    @event("Cancelled")
    def _cancelled(self, cancelled_on: date, meta: EventMetadata) -> None:
        self.status = self.CANCELLED
        self.cancelled_on = cancelled_on

    # Guards -----------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED

    @property
    def _last_step_on(self) -> date:
        steps = (self.drafted_on, self.signed_on, self.sent_at, self.exported_at,
                 self.examination_requested_on, self.examination_completed_on, self.accepted_on)
        return max(_day(step) for step in steps if step is not None)

    def _refuse_if_closed(self, action: str) -> None:
        if self.status in (self.CANCELLED, self.DECLINED):
            raise ProposalClosed(f"cannot {action} proposal {self.proposal_number}: it is {self.status}")

    def _refuse_if_closed_or_locked(self, action: str) -> None:
        self._refuse_if_closed(action)
        if self.is_locked:
            raise ProposalLocked(
                f"cannot {action} proposal {self.proposal_number}: it was exported to the insurer "
                f"and is locked ({self.status})"
            )

    def _require_editable(self, action: str) -> None:
        self._refuse_if_closed_or_locked(action)
        if self.status != self.DRAFTED:
            raise ProposalNotEditable(
                f"cannot {action} proposal {self.proposal_number}: it is {self.status}; only a drafted "
                "proposal is edited"
            )

    @staticmethod
    def _not_before(later: date | None, earlier: date | None, later_name: str, earlier_name: str) -> None:
        if later is None or earlier is None:
            return
        if isinstance(later, datetime) and isinstance(earlier, datetime):
            out_of_order = later < earlier
        else:
            out_of_order = _day(later) < _day(earlier)
        if out_of_order:
            raise DatesOutOfOrder(f"{later_name} {later} is before {earlier_name} {earlier}")
