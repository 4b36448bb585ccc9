"""The Policy aggregate: the system of record of one insurance contract.

Commands (imperative, public) check the rules and compute; the ``@event`` methods (past
tense, private) only apply values they are given, so replaying them is deterministic.
Every event carries the business date it takes effect (``received_on``, ``effective_from``,
``ended_on`` ...) and, in ``meta``, who recorded it, when and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from aggregates.policy_errors import (
    ClaimReportedTwice,
    AmendmentNumberOutOfOrder,
    AmendmentTooEarly,
    BeneficiarySharesInvalid,
    ChildExtensionAgeInvalid,
    ChildExtensionNotOffered,
    ChildExtensionOutOfWindow,
    DateInFuture,
    DuplicatePayment,
    EndDateInvalid,
    FinalYearsDiscountNeedsLongTerm,
    FinalYearsPremiumTooLow,
    FrequencyNotOffered,
    InvalidPayment,
    InvalidPolicyNumber,
    InvalidPremium,
    InvalidTerm,
    LoyaltyDiscountNotOffered,
    LoyaltyDiscountTooEarly,
    LoyaltyDiscountTooSmall,
    NoPledgeToRelease,
    NoticeTooShort,
    PersonsChangeNeedsCovers,
    PolicyNotInForce,
    PremiumBelowMinimum,
    PremiumChangeNotOffered,
    PremiumNotTariff,
    PremiumRequired,
    PreliminaryCoverInvalid,
    ReductionNotOffered,
    SurrenderNotOffered,
    WithdrawalPeriodOver,
)
from domain.birth_number import BirthNumber
from domain.dates import add_years, completed_years, first_of_next_month
from domain.dunning import (
    DeliveryChannel,
    DunningAction,
    DunningState,
    DunningStep,
    DunningTerms,
    dunned_debt,
    next_step,
)
from domain.instalments import Coverage, PremiumTerms, Schedule
from domain.metadata import EventMetadata
from domain.money import czk
from domain.payment_methods import PaymentMethod, check_payment_method
from domain.policy_covers import (
    CoverChange,
    CoverChangeNotSupported,
    change_covers,
    cover_keys,
    covers_in_year,
    flexi_proposal,
    validate_cover_change,
    validate_covers,
    validate_persons_change,
)
from domain.premium_periods import Frequency
from domain.products.accident import AccidentRules
from domain.products.errors import RiskGroupNotOffered
from domain.products.flexi import FlexiRules
from domain.products.flexi_premium import check_flexi_minimum_premium, quote_flexi
from domain.products.model import LifecycleTerms, ProductVersion

POLICY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:policy")
# The payment reference (variabilní symbol) is the contract number and has at most 10 digits.
POLICY_NUMBER = re.compile(r"^[1-9]\d{0,9}$")


@dataclass(frozen=True)
class DunningTaken:
    """A dunning step taken for the instalment due on ``due_date``."""

    due_date: date
    step: DunningStep


class LoyaltyDiscount(Enum):
    """"Slevy za věrnost": from the 8th year, and (terms of 18 years or more) in the last 5 years."""

    FROM_EIGHTH_YEAR = "from_eighth_year"
    FINAL_YEARS = "final_years"


class EndReason(Enum):
    END_OF_TERM = "end_of_term"
    DEATH = "death"
    LAPSE_FOR_NON_PAYMENT = "lapse_for_non_payment"
    SURRENDER = "surrender"
    WITHDRAWAL = "withdrawal"
    INSURER_WITHDRAWAL = "insurer_withdrawal"
    NOTICE = "notice"
    LOSS_OF_INSURABLE_INTEREST = "loss_of_insurable_interest"
    ACCOUNT_CLOSED = "account_closed"
    ACCOUNT_BLOCKED = "account_blocked"


# Withdrawal voids the contract from the start ("se smlouva od počátku ruší").
VOIDING_REASONS = frozenset({EndReason.WITHDRAWAL, EndReason.INSURER_WITHDRAWAL})


class PolicyStatus(Enum):
    IN_FORCE = "in_force"
    REDUCED = "reduced"
    ENDED = "ended"


def policy_id_for(policy_number: str) -> UUID:
    """Policies are addressed by contract number, so the id is derived from it."""
    return uuid5(POLICY_NAMESPACE, policy_number)


class Policy(Aggregate):
    # The snapshot state's version: 2 added the preliminary cover (a version-1 snapshot recorded none).
    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.setdefault("preliminary_cover", None)

    @staticmethod
    def create_id(policy_number: str, **_: object) -> UUID:
        return policy_id_for(policy_number)

    # Issue ---------------------------------------------------------------------------------

    @classmethod
    def issue(
        cls,
        *,
        policy_number: str,
        product: ProductVersion,
        policyholder_name: str,
        policyholder_birth_number: str,
        advisor_id: str,
        frequency: Frequency,
        premium: Decimal,
        start_date: date,
        end_date: date | None,
        concluded_on: date,
        sold_at_distance: bool,
        meta: EventMetadata,
        insured: Sequence[Mapping[str, Any]] = (),
        covers: Sequence[Mapping[str, Any]] = (),
        risk_group: int | None = None,
        raised_sports_risk: bool = False,
        payment_method: PaymentMethod | None = None,
    ) -> Policy:
        if not POLICY_NUMBER.match(policy_number):
            raise InvalidPolicyNumber(
                f"policy number {policy_number!r} must be 1-10 digits without a leading zero"
            )
        if czk(premium) <= 0:
            raise InvalidPremium(f"premium must be positive, got {premium}")
        if end_date is not None and end_date <= start_date:
            raise InvalidTerm(f"the policy ends on {end_date}, not after its start {start_date}")
        _check_premium_allowed(product.lifecycle, frequency, czk(premium))
        if risk_group is not None or raised_sports_risk or isinstance(product.rules, AccidentRules):
            risk_group = _risk_group_offered(product, risk_group or 1, raised_sports_risk)
        validate_covers(product, start_date, end_date, concluded_on, frequency, insured, covers, risk_group,
                        raised_sports_risk, premium)
        _check_payment_method(product.lifecycle, frequency, payment_method)
        return cls(
            policy_number=policy_number,
            product_code=product.code,
            product_version=product.version,
            policyholder_name=policyholder_name,
            policyholder_birth_number=BirthNumber.parse(policyholder_birth_number).value,
            advisor_id=advisor_id,
            frequency=frequency,
            premium=czk(premium),
            start_date=start_date,
            end_date=end_date,
            concluded_on=concluded_on,
            sold_at_distance=sold_at_distance,
            insured=[dict(person) for person in insured],
            covers=[dict(cover) for cover in covers],
            risk_group=risk_group,
            raised_sports_risk=raised_sports_risk,
            payment_method=payment_method,
            meta=meta,
        )

    @event("Issued")
    def __init__(
        self,
        policy_number: str,
        product_code: str,
        product_version: str,
        policyholder_name: str,
        policyholder_birth_number: str,
        advisor_id: str,
        frequency: Frequency,
        premium: Decimal,
        start_date: date,
        end_date: date | None,
        concluded_on: date,
        sold_at_distance: bool,
        insured: list[dict[str, Any]],
        covers: list[dict[str, Any]],
        meta: EventMetadata,
        risk_group: int | None = None,
        raised_sports_risk: bool = False,
        payment_method: PaymentMethod | None = None,
    ) -> None:
        self.policy_number = policy_number
        self.risk_group, self.raised_sports_risk = risk_group, raised_sports_risk
        self.payment_method = payment_method  # None: not stated
        self.product_code = product_code
        self.product_version = product_version
        self.policyholder_name = policyholder_name
        self.policyholder_birth_number = policyholder_birth_number
        self.advisor_id = advisor_id
        self.start_date = start_date
        self.end_date = end_date
        self.concluded_on = concluded_on
        self.sold_at_distance = sold_at_distance
        self.schedule = Schedule(start_date, (PremiumTerms(start_date, premium, frequency),), end_date)
        self.status = PolicyStatus.IN_FORCE
        self.ended_on: date | None = None
        self.end_reason: EndReason | None = None
        self.payments: list[tuple[date, Decimal]] = []
        self.payment_ids: set[str] = set()
        self.instalments_paid = 0
        self.credit = Decimal("0.00")
        self.paid_to: date | None = None
        self.contact: dict[str, str | None] = {"address": None, "phone": None, "email": None}
        self.beneficiaries: list[dict[str, Any]] = []
        self.pledge_creditor: str | None = None
        self.amendments = 0
        self.instalments_billed = 0
        # The unpaid instalment being dunned (once its first letter went out) and where its process is.
        self.dunned_due: date | None = None
        self.dunning = DunningState()
        self.dunned_through: date | None = None  # the last business day a dunning step was taken
        self.claimed_events: set[str] = set()  # "cover key@event date" of every claim reported
        self.ended_groups: dict[str, list[int]] = {}  # serious illness: diagnosis groups paid and ended, per part
        self.premium_waived_from: date | None = None
        self.terminal_advances: dict[str, Decimal] = {}  # advance paid per supplementary death part
        self.belongings_payouts: dict[str, date] = {}  # claim number -> event date of a belongings payout
        self.illness_consequences_paid: dict[str, dict[str, Decimal]] = {}  # part -> claim number -> % of the sum
        self.preliminary_cover: tuple[date, date] | None = None  # (first, last day) before the start, from the proposal
        self.insured = insured
        self.child_exit_ages: dict[str, int] = {}
        self.cover_terms = covers
        # Per cover part, oldest first: (effective from, sum insured, ended).
        self.cover_history: dict[str, list[tuple[date, Decimal | None, bool]]] = {
            key: [(start_date, cover.get("sum_insured"), False)] for key, cover in zip(cover_keys(covers), covers)
        }

    # Reading ---------------------------------------------------------------------------------

    @property
    def premium(self) -> Decimal:
        return self.schedule.terms[-1].premium

    @property
    def frequency(self) -> Frequency:
        return self.schedule.terms[-1].frequency

    def terms_on(self, day: date) -> PremiumTerms | None:
        """The premium terms in force on ``day``; None before the start or after the end."""
        if day < self.start_date or (self.ended_on is not None and day > self.ended_on):
            return None
        return [terms for terms in self.schedule.terms if terms.effective_from <= day][-1]

    def covers_on(self, day: date) -> dict[str, Decimal | None]:
        """Cover parts in force on ``day`` with their sums (None for a cover without a sum, e.g. a service)."""
        if not self.in_force_on(day):
            return {}
        in_force = {}
        for key, history in self.cover_history.items():
            known = [entry for entry in history if entry[0] <= day]
            if known and not known[-1][2]:
                in_force[key] = known[-1][1]
        return in_force

    def cover_ended_by_terms(self, cover_key: str, day: date, product: ProductVersion) -> str | None:
        """Why a FLEXI cover part no longer runs on ``day`` by its own terms (``exit_age``,
        ``individual_end``), even before the anniversary that ends it is recorded; None while it runs."""
        if not isinstance(product.rules, FlexiRules) or not self.cover_terms or day < self.start_date:
            return None
        proposal = flexi_proposal(self.start_date, self.end_date, self.concluded_on, self.frequency, self.insured,
                                  self.cover_terms)
        year = completed_years(self.start_date, day) + 1
        state = covers_in_year(product.rules, proposal, self.cover_terms, year, self.child_exit_ages).get(cover_key)
        return state.reason if state is not None and state.ended else None

    def in_force_on(self, day: date) -> bool:
        return self.terms_on(day) is not None

    def coverage_on(self, day: date) -> Coverage:
        return self.schedule.allocate(self.payments, day)

    # Money in --------------------------------------------------------------------------------

    def record_premium_payment(
        self, *, payment_id: str, amount: Decimal, received_on: date, today: date, meta: EventMetadata
    ) -> None:
        self._require_in_force()
        if payment_id in self.payment_ids:
            raise DuplicatePayment(f"payment {payment_id!r} is already recorded on {self.policy_number}")
        if czk(amount) <= 0:
            raise InvalidPayment(f"a payment must be positive, got {amount}")
        _not_in_future(received_on, today, "payment received")
        coverage = _allocate(self.schedule, [*self.payments, (received_on, czk(amount))])
        self._premium_payment_recorded(payment_id=payment_id, amount=czk(amount), received_on=received_on,
                                       **_coverage_fields(coverage), meta=meta)

    @event("PremiumPaymentRecorded")
    def _premium_payment_recorded(
        self,
        payment_id: str,
        amount: Decimal,
        received_on: date,
        periods_paid: int,
        paid_to: date | None,
        credit: Decimal,
        meta: EventMetadata,
    ) -> None:
        self.payment_ids.add(payment_id)
        self.payments.append((received_on, amount))
        self._set_coverage(periods_paid, paid_to, credit)

    def bill_instalments(self, *, up_to: date, today: date, meta: EventMetadata) -> int:
        """Record every instalment due by ``up_to`` not yet billed, in due order; returns how many.

        Regular premium is due on the first day of each premium period. Billing is idempotent: an
        instalment is billed once, with the amount of the terms in force when it fell due."""
        self._require_in_force(allow_reduced=True)
        _not_in_future(up_to, today, "billing")
        return self._bill(up_to, meta)

    def _bill(self, up_to: date, meta: EventMetadata) -> int:
        due = self.schedule.instalments(up_to)[self.instalments_billed:]
        for instalment in due:
            self._instalment_fell_due(index=instalment.index, due_date=instalment.due_date,
                                      period_end=instalment.period_end, amount=instalment.amount, meta=meta)
        return len(due)

    @event("InstalmentFellDue")
    def _instalment_fell_due(self, index: int, due_date: date, period_end: date, amount: Decimal,
                             meta: EventMetadata) -> None:
        self.instalments_billed = index + 1

    # Collections: the day's billing, direct debit and dunning ------------------------------

    def collect(self, *, on: date, product: ProductVersion, today: date, meta: EventMetadata) -> list[DunningTaken]:
        """What business day ``on`` brings: instalments due by then are billed; a fee collected by
        direct debit is collected; otherwise the dunning step due that day is taken. Returns the
        dunning steps taken. Idempotent: asked again about the same day it records nothing new.

        A policy given notice stays billed up to its end; one that ended, or was reduced, is not dunned."""
        if self.status is PolicyStatus.REDUCED or not self.in_force_on(on):
            return []
        _not_in_future(on, today, "collections")
        self._bill(on, meta)
        if product.lifecycle.collected_by_direct_debit:
            self._collect_direct_debit(on, meta)
            return []
        if product.lifecycle.dunning is None or self.status is PolicyStatus.ENDED:
            return []
        return self._dun(on, product.lifecycle.dunning, meta)

    def _collect_direct_debit(self, on: date, meta: EventMetadata) -> None:
        """Each billed fee is collected from the client's account on its due date (the group cover ends
        when that account is closed or blocked, so a collection does not fail while it runs)."""
        for instalment in self.schedule.instalments(on)[self.instalments_paid:]:
            payment_id = f"direct-debit-{instalment.due_date.isoformat()}"
            if payment_id not in self.payment_ids:
                coverage = _allocate(self.schedule, [*self.payments, (instalment.due_date, instalment.amount)])
                self._premium_payment_recorded(payment_id=payment_id, amount=instalment.amount,
                                               received_on=instalment.due_date, **_coverage_fields(coverage), meta=meta)

    def _dun(self, on: date, terms: DunningTerms, meta: EventMetadata) -> list[DunningTaken]:
        """One step a day per process; a process closed by payment may let the next unpaid instalment's start."""
        taken: list[DunningTaken] = []
        if self.dunned_through is not None and on <= self.dunned_through:
            return taken  # that day was dunned already (a workflow replaying its input)
        while self.status is PolicyStatus.IN_FORCE:
            due = self.dunned_due or self._first_unpaid_due(on)
            if due is None:
                break
            state = self.dunning if self.dunned_due else DunningState()
            # After the deadline only what was paid by the deadline counts: a late payment does not undo the lapse.
            debt = dunned_debt(self.schedule, self.payments, due, min(on, state.deadline or on))
            step = next_step(due, terms, self._delivery_channel(), on, state, debt)
            if step.action is DunningAction.NOTHING:
                break
            self._take_dunning_step(due, step, debt, on, meta)
            taken.append(DunningTaken(due, step))
            if step.action is not DunningAction.STOP_PAID:
                break
        return taken

    def _first_unpaid_due(self, on: date) -> date | None:
        unpaid = self.schedule.allocate(self.payments, on).first_unpaid
        return unpaid.due_date if unpaid is not None and unpaid.due_date <= on else None

    def _delivery_channel(self, contact: Mapping[str, str | None] | None = None) -> DeliveryChannel:
        """An e-mail in the contact details is the address given for electronic communication."""
        has_email = bool((contact or self.contact)["email"])
        return DeliveryChannel.for_client(has_email=has_email, consented=has_email)

    def letter_addressee(self) -> dict[str, Any]:
        """Who a letter about this policy (or a claim on it) goes to, and how."""
        return self._addressee()

    def _addressee(self, name: str | None = None, contact: Mapping[str, str | None] | None = None) -> dict[str, Any]:
        """Who a letter about this policy goes to and how; for a change, as it stands after the change."""
        contact = contact or self.contact
        return {"policy_number": self.policy_number, "addressee": name or self.policyholder_name,
                "address": contact["address"], "email": contact["email"],
                "channel": self._delivery_channel(contact).value}

    def _take_dunning_step(self, due: date, step: DunningStep, debt: Decimal, on: date, meta: EventMetadata) -> None:
        letter = {**self._addressee(), "due_date": due, "issued_on": on, "debt": debt}
        action = step.action
        if action is DunningAction.SEND_PRE_REMINDER:
            self._pre_reminder_sent(**letter, meta=meta)
        elif action is DunningAction.SEND_REMINDER:
            self._reminder_sent(**letter, delivered_on=step.delivered_on, deadline=step.deadline,
                                consequence=step.warns_of.value, meta=meta)  # type: ignore[union-attr]
        else:
            self._dunning_closed(**letter, outcome=action.value, meta=meta)
        if action is DunningAction.LAPSE:
            self._ended(reason=EndReason.LAPSE_FOR_NON_PAYMENT, ended_on=step.effective, received_on=on,
                        refund=None, debt=self._debt_at_end(step.effective), meta=meta)  # type: ignore[arg-type]
        elif action is DunningAction.REDUCE:
            self._reduced(effective_from=step.effective, meta=meta)

    @event("PreReminderSent")
    def _pre_reminder_sent(self, policy_number: str, due_date: date, issued_on: date, debt: Decimal,
                           addressee: str, address: str | None, email: str | None, channel: str,
                           meta: EventMetadata) -> None:
        self.dunned_due, self.dunned_through = due_date, issued_on
        self.dunning = DunningState(pre_reminder_sent_on=issued_on)

    @event("ReminderSent")
    def _reminder_sent(self, policy_number: str, due_date: date, issued_on: date, debt: Decimal, addressee: str,
                       address: str | None, email: str | None, channel: str, delivered_on: date, deadline: date,
                       consequence: str, meta: EventMetadata) -> None:
        """The reminder warns of ``consequence`` (lapse or reduction) unless paid by ``deadline``."""
        pre_reminder = self.dunning.pre_reminder_sent_on if self.dunned_due == due_date else None
        self.dunned_due, self.dunned_through = due_date, issued_on
        self.dunning = DunningState(pre_reminder_sent_on=pre_reminder, reminder_sent_on=issued_on, deadline=deadline)

    @event("DunningClosed")
    def _dunning_closed(self, policy_number: str, due_date: date, issued_on: date, debt: Decimal, addressee: str,
                        address: str | None, email: str | None, channel: str, outcome: str,
                        meta: EventMetadata) -> None:
        """``outcome``: stop_paid (the letter confirms the payment), lapse or reduce."""
        self.dunned_due, self.dunned_through = None, issued_on
        self.dunning = DunningState()

    # Non-technical changes: effective on receipt -------------------------------------------

    def change_contact_details(
        self, *, address: str | None, phone: str | None, email: str | None, received_on: date, today: date,
        meta: EventMetadata,
    ) -> None:
        self._require_in_force()
        _not_in_future(received_on, today, "change received")
        confirmation = self._addressee(contact={"address": address, "phone": phone, "email": email})
        self._contact_details_changed(address=address, phone=phone, email=email, received_on=received_on,
                                      confirmation=confirmation, meta=meta)

    @event("ContactDetailsChanged")
    def _contact_details_changed(
        self, address: str | None, phone: str | None, email: str | None, received_on: date, meta: EventMetadata,
        confirmation: dict[str, Any] | None = None,
    ) -> None:
        self.contact = {"address": address, "phone": phone, "email": email}

    def change_policyholder(
        self, *, name: str, birth_number: str, correction: bool, received_on: date, today: date, meta: EventMetadata
    ) -> None:
        """A new policyholder, or (``correction``) the same person's wrongly recorded data put right."""
        self._require_in_force()
        _not_in_future(received_on, today, "change received")
        self._policyholder_changed(name=name, birth_number=BirthNumber.parse(birth_number).value,
                                   correction=correction, received_on=received_on,
                                   confirmation=self._addressee(name=name), meta=meta)

    @event("PolicyholderChanged")
    def _policyholder_changed(
        self, name: str, birth_number: str, correction: bool, received_on: date, meta: EventMetadata,
        confirmation: dict[str, Any] | None = None,
    ) -> None:
        self.policyholder_name = name
        self.policyholder_birth_number = birth_number

    def designate_beneficiaries(
        self, *, beneficiaries: list[dict[str, Any]], received_on: date, today: date, meta: EventMetadata
    ) -> None:
        self._require_in_force()
        _not_in_future(received_on, today, "change received")
        total = sum((Decimal(str(b["share_percent"])) for b in beneficiaries), Decimal(0))
        if beneficiaries and total != 100:
            raise BeneficiarySharesInvalid(f"beneficiaries' shares add up to {total} %, not 100 %")
        self._beneficiaries_designated(beneficiaries=beneficiaries, received_on=received_on,
                                       confirmation=self._addressee(), meta=meta)

    @event("BeneficiariesDesignated")
    def _beneficiaries_designated(self, beneficiaries: list[dict[str, Any]], received_on: date,
                                  meta: EventMetadata, confirmation: dict[str, Any] | None = None) -> None:
        self.beneficiaries = beneficiaries

    def register_pledge(self, *, creditor: str, received_on: date, today: date, meta: EventMetadata) -> None:
        """Vinkulace: the benefit is pledged to a creditor (typically a lending bank)."""
        self._require_in_force()
        _not_in_future(received_on, today, "change received")
        self._pledge_registered(creditor=creditor, received_on=received_on, confirmation=self._addressee(), meta=meta)

    @event("PledgeRegistered")
    def _pledge_registered(self, creditor: str, received_on: date, meta: EventMetadata,
                           confirmation: dict[str, Any] | None = None) -> None:
        self.pledge_creditor = creditor

    def release_pledge(self, *, received_on: date, today: date, meta: EventMetadata) -> None:
        self._require_in_force()
        _not_in_future(received_on, today, "change received")
        if self.pledge_creditor is None:
            raise NoPledgeToRelease(f"policy {self.policy_number} has no pledge to release")
        self._pledge_released(received_on=received_on, confirmation=self._addressee(), meta=meta)

    @event("PledgeReleased")
    def _pledge_released(self, received_on: date, meta: EventMetadata,
                         confirmation: dict[str, Any] | None = None) -> None:
        self.pledge_creditor = None

    # Technical changes: by numbered amendment ----------------------------------------------

    def agree_amendment(
        self,
        *,
        amendment_number: int,
        requested_on: date,
        effective_from: date | None,
        premium: Decimal | None,
        frequency: Frequency,
        product: ProductVersion,
        today: date,
        meta: EventMetadata,
        covers: list[dict[str, Any]] | None = None,
        insured: list[dict[str, Any]] | None = None,
        end_date: date | None = None,
        payment_method: PaymentMethod | None = None,
    ) -> None:
        """A technical change takes effect on the 1st day of the month after the request arrives,
        or on a later agreed date; the premium then may not fall below the product's minimum.
        An amendment dated before later recorded ones replaces them: the premium that follows is
        recomputed and the new coverage is part of the event (history is never edited).

        ``insured`` (FLEXI, with ``covers``): the insured persons from then on, adding or removing a
        child or an adult; ``end_date``: a new end of term (whole years from the start). ``premium``
        None: recomputed from the product's formula (FLEXI) or tariff (7 UO) for what is insured from then on."""
        self._require_in_force()
        _not_in_future(requested_on, today, "change requested")
        if amendment_number != self.amendments + 1:
            raise AmendmentNumberOutOfOrder(
                f"amendment {amendment_number} of {self.policy_number}: the next number is {self.amendments + 1}"
            )
        earliest = first_of_next_month(requested_on)
        effective = effective_from or earliest
        if effective < earliest:
            raise AmendmentTooEarly(f"a change requested on {requested_on} takes effect on {earliest} at the earliest")
        if self.end_date is not None and effective >= self.end_date:
            raise EndDateInvalid(f"amendment effective {effective} is not before the policy's end {self.end_date}")
        persons, end = insured if insured is not None else self.insured, end_date or self.end_date
        if insured is not None or end_date is not None:
            self._check_persons_and_term(product, effective, persons, end, covers, end_date)
        # Refused before anything is recorded:
        proposed = self._cover_change(covers, effective, product, frequency, persons, end) if covers else None
        if premium is None:
            premium = self._recomputed_premium(product, effective, frequency, persons, end, proposed)
        current = self.terms_on(effective) or self.schedule.terms[-1]
        _check_premium_allowed(product.lifecycle, frequency, czk(premium),
                               changing_premium=czk(premium) != current.premium and frequency == current.frequency)
        _check_payment_method(product.lifecycle, frequency, payment_method or self.payment_method)
        schedule = self.schedule.with_terms(PremiumTerms(effective, czk(premium), frequency)).ended(
            self._premium_end(end))
        change = None
        if covers is not None:
            # What the anniversaries already changed is recorded first, so the change starts from it.
            self.apply_anniversaries(up_to=min(effective, today), product=product, today=today, meta=meta)
            change = self._cover_change(covers, effective, product, frequency, persons, end)
        self._amendment_agreed(amendment_number=amendment_number, requested_on=requested_on,
                               effective_from=effective, premium=czk(premium), frequency=frequency,
                               **_coverage_fields(_allocate(schedule, self.payments)),
                               covers=change.records if change else None,
                               cover_changes=change.changes if change else [], insured=insured, end_date=end_date,
                               payment_method=payment_method, meta=meta)

    def _recomputed_premium(self, product: ProductVersion, effective: date, frequency: Frequency,
                            persons: list[dict[str, Any]], end: date | None, proposed: CoverChange | None) -> Decimal:
        """"Změny ... pojistné se stanoví" from the formula for the covers in force from ``effective``, in
        that policy year (rates as data; the life reserve is not modelled: 0), not below the minimum."""
        if product.lifecycle.fixed_premium is not None:
            return product.lifecycle.fixed_premium[frequency]
        if not isinstance(product.rules, FlexiRules):
            raise PremiumRequired(f"{product.code}: the amendment states the premium (no formula is modelled)")
        in_force = self.covers_on(effective)
        records = proposed.records if proposed else [
            cover for key, cover in zip(cover_keys(self.cover_terms), self.cover_terms) if key in in_force]
        proposal = flexi_proposal(self.start_date, end, self.concluded_on, frequency, persons, records)
        quote = quote_flexi(product, proposal, completed_years(self.start_date, effective) + 1, validated=True)
        check_flexi_minimum_premium(product.rules, quote)
        return quote.per_instalment

    def _check_persons_and_term(self, product: ProductVersion, effective: date, persons: list[dict[str, Any]],
                                end: date | None, covers: list[dict[str, Any]] | None,
                                new_end: date | None) -> None:
        if persons is not self.insured and covers is None:
            raise PersonsChangeNeedsCovers("adding or removing an insured person comes with the covers from then on")
        if new_end is not None and any(cover.get("decrease_kind") for cover in self.cover_terms):
            raise CoverChangeNotSupported("a decreasing sum runs over the term agreed at issue; the term cannot change")
        if end is not None and end <= effective:
            raise EndDateInvalid(f"the new end {end} is not after the amendment's effective date {effective}")
        joining = {person["id"] for person in persons} - {person["id"] for person in self.insured}
        validate_persons_change(product, self.start_date, effective, end, persons, joining)

    def _cover_change(self, covers: list[dict[str, Any]], effective: date, product: ProductVersion,
                      frequency: Frequency, insured: list[dict[str, Any]], end: date | None) -> CoverChange:
        ended = {key for key, history in self.cover_history.items() if history[-1][2]}
        change = change_covers(self.cover_terms, covers, ended, effective)
        validate_cover_change(product, effective, end, frequency, insured, change)
        return change

    @event("AmendmentAgreed")
    def _amendment_agreed(
        self,
        amendment_number: int,
        requested_on: date,
        effective_from: date,
        premium: Decimal,
        frequency: Frequency,
        periods_paid: int,
        paid_to: date | None,
        credit: Decimal,
        covers: list[dict[str, Any]] | None,
        cover_changes: list[dict[str, Any]],
        meta: EventMetadata,
        insured: list[dict[str, Any]] | None = None,
        end_date: date | None = None,
        payment_method: PaymentMethod | None = None,
    ) -> None:
        self.amendments = amendment_number
        self.payment_method = payment_method or self.payment_method
        if insured is not None:
            self.insured = insured
        if end_date is not None:
            self.end_date = end_date
            self.schedule = self.schedule.ended(self._premium_end(end_date))
        if covers is not None:
            self.cover_terms = covers
        for change in cover_changes:
            self.cover_history.setdefault(change["key"], []).append(
                (effective_from, change["sum_insured"], change["ended"]))
        self.schedule = self.schedule.with_terms(PremiumTerms(effective_from, premium, frequency))
        self._set_coverage(periods_paid, paid_to, credit)

    # Time-driven changes ------------------------------------------------------------------

    def grant_loyalty_discount(self, *, kind: LoyaltyDiscount, amount: Decimal, effective_from: date,
                               product: ProductVersion, today: date, meta: EventMetadata) -> None:
        """A loyalty discount starts: ``amount`` off each instalment from ``effective_from``.

        The amount comes from the insurer's reserve projection (actuarial, not modelled here); the
        policy checks the seed's conditions: "od 8. roku trvání smlouvy"; "pokud smlouva trvá 18 let a
        více, ... od 5. roku před koncem smlouvy"; granted only when at least 30 Kč; the final-years
        discount keeps the monthly premium at 100 Kč or more, the other keeps the frequency's minimum."""
        self._require_in_force()
        _not_in_future(effective_from, today + timedelta(days=366), "loyalty discount")
        if not isinstance(product.rules, FlexiRules):
            raise LoyaltyDiscountNotOffered(f"{self.product_code} has no loyalty discounts")
        loyalty, discount = product.rules.loyalty, czk(amount)
        if discount < loyalty.minimum_discount:
            raise LoyaltyDiscountTooSmall(f"a discount of {discount} is below the minimum {loyalty.minimum_discount}")
        current = self.terms_on(effective_from) or self.schedule.terms[-1]
        premium = current.premium - discount
        if kind is LoyaltyDiscount.FROM_EIGHTH_YEAR:
            first_day = add_years(self.start_date, loyalty.first_discount_from_year - 1)
            _check_premium_allowed(product.lifecycle, current.frequency, premium)
        else:
            term = self.end_date.year - self.start_date.year if self.end_date else 0
            if term < loyalty.final_discount_min_term_years:
                raise FinalYearsDiscountNeedsLongTerm(
                    f"a {term}-year term; the final-years discount needs {loyalty.final_discount_min_term_years}")
            first_day = add_years(self.start_date, term - loyalty.final_discount_years_before_end)
            floor = loyalty.final_years_min_monthly_premium * current.frequency.months
            if premium < floor:
                raise FinalYearsPremiumTooLow(f"premium {premium} after the discount is below {floor} a period")
        if effective_from < first_day:
            raise LoyaltyDiscountTooEarly(f"the {kind.value} discount starts on {first_day} at the earliest")
        schedule = self.schedule.with_terms(PremiumTerms(effective_from, premium, current.frequency))
        self._loyalty_discount_granted(kind=kind.value, amount=discount, effective_from=effective_from,
                                       premium=premium, frequency=current.frequency, **_coverage_fields(_allocate(schedule, self.payments)),
                                       meta=meta)

    def change_risk_group(self, *, risk_group: int, raised_sports_risk: bool, notified_on: date, premium: Decimal,
                          product: ProductVersion, today: date, meta: EventMetadata) -> None:
        """A change of occupation or sport moves the insured to another risk group (accident insurance):
        "změna je účinná od nejbližší splatnosti pojistného následující poté, kdy bylo oznámení ...
        doručeno" (accident handbook 12.1.4), with the premium of the new group."""
        self._require_in_force()
        _not_in_future(notified_on, today, "change notified")
        _risk_group_offered(product, risk_group, raised_sports_risk)
        following = [i for i in self.schedule.instalments(add_years(notified_on, 1)) if i.due_date > notified_on]
        if not following:
            raise EndDateInvalid(f"no premium falls due after {notified_on}: the policy ends before")
        effective, frequency = following[0].due_date, following[0].frequency
        _check_premium_allowed(product.lifecycle, frequency, czk(premium))
        schedule = self.schedule.with_terms(PremiumTerms(effective, czk(premium), frequency))
        self._risk_group_changed(risk_group=risk_group, raised_sports_risk=raised_sports_risk, notified_on=notified_on,
                                 effective_from=effective, premium=czk(premium), frequency=frequency,
                                 **_coverage_fields(_allocate(schedule, self.payments)), meta=meta)

    @event("RiskGroupChanged")
    def _risk_group_changed(self, risk_group: int, raised_sports_risk: bool, notified_on: date, effective_from: date,
                            premium: Decimal, frequency: Frequency, periods_paid: int, paid_to: date | None,
                            credit: Decimal, meta: EventMetadata) -> None:
        self.risk_group, self.raised_sports_risk = risk_group, raised_sports_risk
        self.schedule = self.schedule.with_terms(PremiumTerms(effective_from, premium, frequency))
        self._set_coverage(periods_paid, paid_to, credit)

    @event("LoyaltyDiscountGranted")
    def _loyalty_discount_granted(self, kind: str, amount: Decimal, effective_from: date, premium: Decimal,
                                  frequency: Frequency, periods_paid: int, paid_to: date | None, credit: Decimal,
                                  meta: EventMetadata) -> None:
        self.schedule = self.schedule.with_terms(PremiumTerms(effective_from, premium, frequency))
        self._set_coverage(periods_paid, paid_to, credit)

    def apply_anniversaries(self, *, up_to: date, product: ProductVersion, today: date, meta: EventMetadata) -> int:
        """Record what the anniversaries up to ``up_to`` change: decreased sums, covers ending at
        their exit age or individual end. Idempotent: only differences from the recorded state
        become events. Returns how many events were recorded."""
        self._require_in_force()
        _not_in_future(up_to, today, "anniversaries")
        if not isinstance(product.rules, FlexiRules) or not self.cover_terms:
            return 0
        proposal = flexi_proposal(self.start_date, self.end_date, self.concluded_on, self.frequency,
                                  self.insured, self.cover_terms)
        recorded = 0
        year = 1
        while (anniversary := add_years(self.start_date, year)) <= up_to and anniversary < self.end_date:
            targets = covers_in_year(product.rules, proposal, self.cover_terms, year + 1, self.child_exit_ages)
            for key, target in targets.items():
                _, current_sum, ended = [entry for entry in self.cover_history[key] if entry[0] <= anniversary][-1]
                if ended:
                    continue
                if target.ended:
                    self._cover_ended(cover_key=key, effective_from=anniversary, reason=target.reason, meta=meta)
                elif target.sum_insured != current_sum:
                    self._cover_sum_changed(cover_key=key, effective_from=anniversary, sum_insured=target.sum_insured,
                                            reason=target.reason or "annual_decrease", meta=meta)
                else:
                    continue
                recorded += 1
            year += 1
        return recorded

    def extend_child_cover(self, *, insured_id: str, exit_age: int, requested_on: date, product: ProductVersion,
                           today: date, meta: EventMetadata) -> None:
        """"Mezi dovršenými 18 lety a nedovršenými 25 lety dítěte je možné žádostí o změnu prodloužit
        dobu trvání pojištění do 30 let" (FLEXI, Vstupní a výstupní věk)."""
        self._require_in_force()
        _not_in_future(requested_on, today, "change requested")
        child = next((p for p in self.insured if p["id"] == insured_id and p["kind"] == "child"), None)
        if child is None or not isinstance(product.rules, FlexiRules):
            raise ChildExtensionNotOffered(f"{insured_id!r} is not a child insured on this FLEXI policy")
        age = completed_years(child["birth_date"], requested_on)
        if not 18 <= age < 25:
            raise ChildExtensionOutOfWindow(f"{insured_id} is {age} on {requested_on}; the request must come at 18-24")
        rules = product.rules
        if not rules.child_ages.exit_max < exit_age <= rules.child_extended_exit_age:
            raise ChildExtensionAgeInvalid(
                f"exit age {exit_age}: above {rules.child_ages.exit_max} and at most {rules.child_extended_exit_age}"
            )
        self._child_cover_extended(insured_id=insured_id, exit_age=exit_age, requested_on=requested_on, meta=meta)

    @event("ChildCoverExtended")
    def _child_cover_extended(self, insured_id: str, exit_age: int, requested_on: date, meta: EventMetadata) -> None:
        self.child_exit_ages[insured_id] = exit_age

    @event("CoverSumChanged")
    def _cover_sum_changed(self, cover_key: str, effective_from: date, sum_insured: Decimal, reason: str,
                           meta: EventMetadata) -> None:
        self.cover_history[cover_key].append((effective_from, sum_insured, False))

    @event("CoverEnded")
    def _cover_ended(self, cover_key: str, effective_from: date, reason: str, meta: EventMetadata) -> None:
        self.cover_history[cover_key].append((effective_from, None, True))

    # Claims ------------------------------------------------------------------------------

    def record_preliminary_cover(self, *, cover_from: date, cover_to: date, proposal_number: str,
                                 meta: EventMetadata) -> None:
        """The signed proposal's preliminary cover, ending before the policy starts."""
        if not cover_from <= cover_to < self.start_date:
            raise PreliminaryCoverInvalid(f"a preliminary cover {cover_from}..{cover_to} must end before the start "
                                       f"{self.start_date}")
        self._preliminary_cover_recorded(cover_from=cover_from, cover_to=cover_to, proposal_number=proposal_number,
                                         meta=meta)

    @event("PreliminaryCoverRecorded")
    def _preliminary_cover_recorded(self, cover_from: date, cover_to: date, proposal_number: str,
                                    meta: EventMetadata) -> None:
        self.preliminary_cover = (cover_from, cover_to)

    def preliminarily_covered(self, day: date) -> bool:
        return self.preliminary_cover is not None and self.preliminary_cover[0] <= day <= self.preliminary_cover[1]

    def register_claim(self, *, claim_number: str, cover_key: str, event_date: date, reported_on: date,
                       meta: EventMetadata) -> None:
        """One claim per insured event: the same cover and event date reported again is refused."""
        if f"{cover_key}@{event_date.isoformat()}" in self.claimed_events:
            raise ClaimReportedTwice(f"{cover_key} on {event_date} is claimed already")
        self._claim_registered(claim_number=claim_number, cover_key=cover_key, event_date=event_date,
                               reported_on=reported_on, meta=meta)

    @event("ClaimRegistered")
    def _claim_registered(self, claim_number: str, cover_key: str, event_date: date, reported_on: date,
                          meta: EventMetadata) -> None:
        self.claimed_events.add(f"{cover_key}@{event_date.isoformat()}")

    def end_cover_after_claim(self, *, cover_key: str, effective_from: date, claim_number: str,
                              meta: EventMetadata) -> None:
        """A payout ends this cover part (e.g. the serious-illness group paid, the in-situ cover with it)."""
        if cover_key in self.covers_on(effective_from):
            self._cover_ended(cover_key=cover_key, effective_from=effective_from, reason=f"claim {claim_number}",
                              meta=meta)

    def end_diagnosis_group(self, *, cover_key: str, group: int, effective_from: date, claim_number: str,
                            meta: EventMetadata) -> None:
        """Serious illness, complete variant: "končí pojištění skupiny, ve které jsou tato diagnóza
        či zákrok obsaženy"; the other groups go on."""
        self._diagnosis_group_ended(cover_key=cover_key, group=group, effective_from=effective_from,
                                    reason=f"claim {claim_number}", meta=meta)

    @event("DiagnosisGroupEnded")
    def _diagnosis_group_ended(self, cover_key: str, group: int, effective_from: date, reason: str,
                               meta: EventMetadata) -> None:
        self.ended_groups[cover_key] = sorted({*self.ended_groups.get(cover_key, []), group})

    def record_terminal_advance(self, *, cover_key: str, amount: Decimal, claim_number: str,
                                meta: EventMetadata) -> None:
        """The advance on a terminal prognosis: deducted from the death benefit of this cover later."""
        self._terminal_advance_recorded(cover_key=cover_key, amount=czk(amount), reason=f"claim {claim_number}",
                                        meta=meta)

    @event("TerminalAdvanceRecorded")
    def _terminal_advance_recorded(self, cover_key: str, amount: Decimal, reason: str, meta: EventMetadata) -> None:
        self.terminal_advances[cover_key] = self.terminal_advances.get(cover_key, Decimal("0.00")) + amount

    def count_belongings_payout(self, *, event_date: date, claim_number: str, meta: EventMetadata) -> None:
        """One more payout in the calendar year of ``event_date``: "maximálně dvakrát (2×) v jednom
        kalendářním roce; v případě varianty Rodina Plus maximálně čtyřikrát (4×) ... v součtu pro všechny
        pojištěné členy rodiny" (belongings framework contract čl. II 2.4): the family's count is the policy's.
        A claim counts once (approved again after reopening, it is still one payout)."""
        if claim_number not in self.belongings_payouts:
            self._belongings_payout_counted(claim_number=claim_number, event_date=event_date, meta=meta)

    @event("BelongingsPayoutCounted")
    def _belongings_payout_counted(self, claim_number: str, event_date: date, meta: EventMetadata) -> None:
        self.belongings_payouts = {**self.belongings_payouts, claim_number: event_date}

    def record_illness_consequences_paid(self, *, cover_key: str, percent: Decimal, claim_number: str,
                                         meta: EventMetadata) -> None:
        """The % of the sum insured a claim's payout used: "Maximální možné plnění je ve výši 400 % pojistné
        částky" (FLEXI, "Pojištění trvalých následků nemoci"), over the life of the cover. A claim decided
        again after reopening replaces its own share."""
        self._illness_consequences_paid(cover_key=cover_key, percent=percent, claim_number=claim_number, meta=meta)

    @event("IllnessConsequencesPaid")
    def _illness_consequences_paid(self, cover_key: str, percent: Decimal, claim_number: str,
                                   meta: EventMetadata) -> None:
        paid = self.illness_consequences_paid.get(cover_key, {})
        self.illness_consequences_paid = {**self.illness_consequences_paid, cover_key: {**paid, claim_number: percent}}

    def illness_consequences_percent(self, cover_key: str, other_than_claim: str) -> Decimal:
        """The % of the sum already paid from this part by the other claims."""
        paid = self.illness_consequences_paid.get(cover_key, {})
        return sum((percent for number, percent in paid.items() if number != other_than_claim), Decimal(0))

    def start_premium_waiver(self, *, effective_from: date, claim_number: str, meta: EventMetadata) -> None:
        """"je zbaven povinnosti platit běžné pojistné": no premium falls due from ``effective_from``; the
        covers go on."""
        self._premium_waiver_started(effective_from=effective_from, reason=f"claim {claim_number}", meta=meta)

    @event("PremiumWaiverStarted")
    def _premium_waiver_started(self, effective_from: date, reason: str, meta: EventMetadata) -> None:
        self.premium_waived_from = effective_from
        self.schedule = self.schedule.ended(self._premium_end(self.end_date))

    def _premium_end(self, end: date | None) -> date | None:
        """Premium falls due until the end, or until a premium waiver starts."""
        waived = self.premium_waived_from
        return waived if end is None or (waived is not None and waived < end) else end

    # Endings -----------------------------------------------------------------------------

    def end(
        self,
        *,
        end_reason: EndReason,
        ended_on: date | None,
        received_on: date,
        benefits_paid: Decimal,
        product: ProductVersion,
        today: date,
        meta: EventMetadata,
    ) -> None:
        """End the policy for ``end_reason``; each reason has its own date rule and consequences.

        Withdrawal voids the contract from the start and refunds the premium paid less benefits
        paid; a lapse for non-payment keeps the debt claimable; surrender needs a surrender value.
        """
        self._require_in_force(allow_reduced=True)
        _not_in_future(received_on, today, "request received")
        reason, lifecycle = end_reason, product.lifecycle
        effective = self._end_date_for(reason, ended_on, received_on, lifecycle)
        if effective < self.start_date and reason not in VOIDING_REASONS:
            raise EndDateInvalid(f"policy {self.policy_number} cannot end on {effective}, before its start")
        paid = sum((amount for _, amount in self.payments), Decimal("0.00"))
        refund = max(paid - czk(benefits_paid), Decimal("0.00")) if reason in VOIDING_REASONS else None
        debt = Decimal("0.00") if reason in VOIDING_REASONS else self._debt_at_end(effective)
        self._ended(reason=reason, ended_on=effective, received_on=received_on, refund=refund,
                    debt=debt, meta=meta)

    def _end_date_for(self, reason: EndReason, ended_on: date | None, received_on: date,
                      lifecycle: LifecycleTerms) -> date:
        if reason is EndReason.SURRENDER and not lifecycle.surrender_allowed:
            raise SurrenderNotOffered(
                f"{self.product_code} is pure risk insurance with no surrender value ('Nárok na odkupné nemáte')"
            )
        if reason is EndReason.WITHDRAWAL:
            if lifecycle.withdrawal_only_at_distance and not self.sold_at_distance:
                raise WithdrawalPeriodOver(f"{self.product_code} sold on premises has no withdrawal without reason")
            last_day = self.concluded_on + timedelta(days=lifecycle.withdrawal_days)
            if received_on > last_day:
                raise WithdrawalPeriodOver(
                    f"withdrawal received {received_on}; the {lifecycle.withdrawal_days} days ended {last_day}"
                )
            return self.start_date
        if reason is EndReason.INSURER_WITHDRAWAL:
            return self.start_date
        if reason is EndReason.END_OF_TERM:
            if self.end_date is None:
                raise EndDateInvalid(f"policy {self.policy_number} has no fixed term to end")
            return self.end_date
        if ended_on is None:
            raise EndDateInvalid(f"ending for {reason.value} needs the date it takes effect")
        if reason is EndReason.NOTICE:
            earliest = received_on + timedelta(weeks=lifecycle.notice_weeks)
            if ended_on < earliest:
                raise NoticeTooShort(
                    f"notice received {received_on} ends the policy on {earliest} at the earliest "
                    f"({lifecycle.notice_weeks} weeks)"
                )
        if self.end_date is not None and ended_on > self.end_date:
            raise EndDateInvalid(f"{ended_on} is after the policy's end of term {self.end_date}")
        return ended_on

    @event("Ended")
    def _ended(self, reason: EndReason, ended_on: date, received_on: date, refund: Decimal | None,
               debt: Decimal, meta: EventMetadata) -> None:
        self.status = PolicyStatus.ENDED
        self.end_reason = reason
        self.ended_on = ended_on
        self.schedule = self.schedule.ended(ended_on)

    def reduce(self, *, effective_from: date, product: ProductVersion, today: date, meta: EventMetadata) -> None:
        """Reduction to a paid-up policy: no premium from ``effective_from``, where the product allows it."""
        self._require_in_force()
        if not product.lifecycle.reduction_allowed:
            raise ReductionNotOffered(f"{self.product_code} cannot be reduced to a paid-up policy")
        _not_in_future(effective_from, today + timedelta(days=366), "reduction")
        self._reduced(effective_from=effective_from, meta=meta)

    @event("Reduced")
    def _reduced(self, effective_from: date, meta: EventMetadata) -> None:
        self.status = PolicyStatus.REDUCED
        self.schedule = self.schedule.ended(effective_from)

    # Helpers --------------------------------------------------------------------------------

    def _debt_at_end(self, ended_on: date) -> Decimal:
        """Premium due by the end and unpaid: it stays claimable after the policy ends."""
        return self.schedule.ended(ended_on).allocate(self.payments, ended_on).debt_on

    def _require_in_force(self, allow_reduced: bool = False) -> None:
        allowed = {PolicyStatus.IN_FORCE, PolicyStatus.REDUCED} if allow_reduced else {PolicyStatus.IN_FORCE}
        if self.status not in allowed:
            raise PolicyNotInForce(f"policy {self.policy_number} is {self.status.value}")

    def _set_coverage(self, periods_paid: int, paid_to: date | None, credit: Decimal) -> None:
        self.instalments_paid = periods_paid
        self.paid_to = paid_to
        self.credit = credit


def _check_payment_method(lifecycle: LifecycleTerms, frequency: Frequency, method: PaymentMethod | None) -> None:
    if method is not None:
        check_payment_method(lifecycle.payment_methods, lifecycle.payment_methods_not_monthly, frequency, method)


def _risk_group_offered(product: ProductVersion, risk_group: int, raised_sports_risk: bool) -> int:
    rules = product.rules
    if not isinstance(rules, AccidentRules) or risk_group not in rules.risk_groups or (
            raised_sports_risk and not rules.raised_sports_risk_offered):
        raise RiskGroupNotOffered(f"{product.code} has no risk group {risk_group}"
                                  f"{' with raised sports risk' if raised_sports_risk else ''}")
    return risk_group


def _allocate(schedule: Schedule, payments: list[tuple[date, Decimal]]) -> Coverage:
    """What all payments recorded so far cover (as of the last of them)."""
    latest = max((received for received, _ in payments), default=schedule.start_date)
    return schedule.allocate(payments, latest)


def _coverage_fields(coverage: Coverage) -> dict[str, Any]:
    """What an event that moves money or premium records about the resulting coverage."""
    return {"periods_paid": coverage.instalments_paid, "paid_to": coverage.paid_to, "credit": coverage.credit}


def _not_in_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise DateInFuture(f"{what} on {day}, which is after today {today}")


def _check_premium_allowed(lifecycle: LifecycleTerms, frequency: Frequency, premium: Decimal,
                           changing_premium: bool = False) -> None:
    """The product's premium rules; ``changing_premium``: a new premium at the same frequency."""
    if changing_premium and not lifecycle.premium_changes_allowed:
        raise PremiumChangeNotOffered("this product's premium changes only with its frequency")
    for table in (lifecycle.fixed_premium, lifecycle.minimum_premium):
        if table is not None and frequency not in table:
            raise FrequencyNotOffered(f"the product is not paid {frequency.value}")
    if lifecycle.fixed_premium is not None and premium != lifecycle.fixed_premium[frequency]:
        raise PremiumNotTariff(f"the premium paid {frequency.value} is {lifecycle.fixed_premium[frequency]}, not {premium}")
    if lifecycle.minimum_premium is not None and premium < lifecycle.minimum_premium[frequency]:
        raise PremiumBelowMinimum(
            f"premium {premium} paid {frequency.value} is below the minimum {lifecycle.minimum_premium[frequency]}"
        )
