"""The road to lapse for an unpaid instalment: pre-reminder, reminder with a deadline, lapse or reduction.

Pure decisions: no clock and no I/O, every date is passed in. Sources (DOMAIN.md, "Money in and the
road to lapse"):

- accident-insurance-handbook.txt, section 7: "je zasílána tzv. předupomínka upozorňující na
  nezaplacení následně pak upomínka s datem do kdy je nutno pojistné zaplatit aby nedošlo k zániku
  pojištění pro neplacení nebo k redukci pojištění" - a pre-reminder first, then the reminder with its
  deadline; the pre-reminder is optional product data (flexi-risk-life-precontract.txt, section 9,
  names only the reminder: "neplacení pojistného – nejprve vám zašleme upomínku").
- Civil Code § 2757: the deadline is "nejméně jeden měsíc od doručení upomínky" and the reminder warns
  of the consequence. A month is counted as in § 607: the same day number one month later, or the
  month's last day when it has no such day (``add_months``: 31 Jan + 1 month = 28/29 Feb).
- flexi-risk-life-precontract.txt, section 9: after the lapse "náš nárok na úhradu dlužného pojistného
  však trvá i po zániku pojištění" - the debt stays claimable; this module only decides the step.
- Delivery, flexi-risk-life-precontract.txt, section 13 ("Doručování sdělení"), see ``delivered_on``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from domain.dates import add_months
from domain.errors import DomainError
from domain.instalments import Schedule

# "se považuje za doručenou desátý kalendářní den po datu vystavení písemnosti" (section 13 a).
REGISTERED_LETTER_DELIVERY_DAYS = 10


class NegativeDunningDays(DomainError):
    rule = "dunning-days-not-negative"


class ReminderNotAfterPreReminder(DomainError):
    rule = "reminder-after-pre-reminder"


class ReminderDeadlineTooShort(DomainError):
    rule = "reminder-deadline-at-least-one-month"


class NegativeDebt(DomainError):
    rule = "debt-not-negative"


class InconsistentDunningState(DomainError):
    rule = "dunning-state-consistent"


@dataclass(frozen=True)
class DunningTerms:
    """Product data: when each letter goes out (days after the due date) and what the reminder threatens.

    ``pre_reminder_after_days`` is ``None`` for a product that sends no pre-reminder. A product may set
    ``reduction_instead_of_lapse`` only if it offers reduction (``LifecycleTerms.reduction_allowed``).
    """

    pre_reminder_after_days: int | None
    reminder_after_days: int
    deadline_months: int = 1
    reduction_instead_of_lapse: bool = False

    def __post_init__(self) -> None:
        pre = self.pre_reminder_after_days
        if self.reminder_after_days < 0 or (pre is not None and pre < 0):
            raise NegativeDunningDays(f"dunning days must not be negative: {pre}, {self.reminder_after_days}")
        if pre is not None and self.reminder_after_days <= pre:
            raise ReminderNotAfterPreReminder(
                f"the reminder (day {self.reminder_after_days}) must follow the pre-reminder (day {pre})")
        if self.deadline_months < 1:
            raise ReminderDeadlineTooShort(
                f"the deadline is at least one month after delivery (§ 2757), got {self.deadline_months}")


class DeliveryChannel(Enum):
    REGISTERED_LETTER = "registered_letter"  # doporučená zásilka (without a return receipt)
    ELECTRONIC = "electronic"  # e-mail to the address given for electronic communication

    @classmethod
    def for_client(cls, has_email: bool, consented: bool) -> DeliveryChannel:
        """Electronic only to contact details given for it ("na kontaktní údaje poskytnuté za účelem
        elektronické komunikace", section 13 d), otherwise a registered letter."""
        return cls.ELECTRONIC if has_email and consented else cls.REGISTERED_LETTER


def delivered_on(issued_on: date, channel: DeliveryChannel) -> date:
    """The day a letter issued on ``issued_on`` counts as delivered (section 13).

    Registered letter: "Písemnost odeslaná doporučenou zásilkou adresátovi se považuje za doručenou
    desátý kalendářní den po datu vystavení písemnosti" even when it was refused, "uložena na poště a
    adresát si písemnost nevyzvedl v úložní lhůtě" or returned - counted from the date of ISSUE, not
    from deposit at the post office; the 10th day is never moved (calendar days). Electronic: "se
    považují za doručené okamžikem, kdy byly doručené na e-mailovou adresu" - the day it is sent.
    """
    if channel is DeliveryChannel.REGISTERED_LETTER:
        return issued_on + timedelta(days=REGISTERED_LETTER_DELIVERY_DAYS)
    return issued_on


def reminder_deadline(delivered: date, terms: DunningTerms) -> date:
    """Last day to pay: ``deadline_months`` after delivery, clamped at month end (31 Jan -> 28/29 Feb)."""
    return add_months(delivered, terms.deadline_months)


def dunned_debt(schedule: Schedule, payments: list[tuple[date, Decimal]], due_date: date, on: date) -> Decimal:
    """What is still unpaid of the dunned instalment (and older ones) counting payments received by ``on``.

    Instalments falling due later are not part of this reminder. Once the deadline has passed, pass
    ``on=deadline``: a payment after the deadline does not undo the lapse.
    """
    received = sum((amount for day, amount in payments if day <= on), Decimal("0.00"))
    return max(schedule.due_by(due_date) - received, Decimal("0.00"))


class DunningAction(Enum):
    NOTHING = "nothing"
    SEND_PRE_REMINDER = "send_pre_reminder"
    SEND_REMINDER = "send_reminder"
    LAPSE = "lapse"
    REDUCE = "reduce"
    STOP_PAID = "stop_paid"


CLOSING = frozenset({DunningAction.LAPSE, DunningAction.REDUCE, DunningAction.STOP_PAID})


@dataclass(frozen=True)
class DunningStep:
    """What is due today. SEND_REMINDER: ``delivered_on``, ``deadline`` and ``warns_of`` (LAPSE or
    REDUCE) go into the letter. LAPSE: the insurance ends on ``effective`` (= the deadline). REDUCE: the
    policy is paid-up from ``effective`` (= the deadline, so the premium schedule is cut where a lapse
    would cut it: ``Schedule.ended`` leaves periods starting on or after it not due)."""

    action: DunningAction
    deadline: date | None = None
    delivered_on: date | None = None
    warns_of: DunningAction | None = None
    effective: date | None = None


NOTHING = DunningStep(DunningAction.NOTHING)


@dataclass(frozen=True)
class DunningState:
    """What has been recorded for one unpaid instalment's dunning process."""

    pre_reminder_sent_on: date | None = None
    reminder_sent_on: date | None = None
    deadline: date | None = None  # as printed on the reminder; later product changes do not move it
    closed_by: DunningAction | None = None  # LAPSE, REDUCE or STOP_PAID once recorded

    def __post_init__(self) -> None:
        if (self.reminder_sent_on is None) != (self.deadline is None):
            raise InconsistentDunningState("a reminder is recorded together with its deadline")
        if self.closed_by is not None and self.closed_by not in CLOSING:
            raise InconsistentDunningState(f"{self.closed_by.value} does not close a dunning process")

    def after(self, step: DunningStep, today: date) -> DunningState:
        """The state once ``step`` has been carried out on ``today``."""
        if step.action is DunningAction.SEND_PRE_REMINDER:
            return replace(self, pre_reminder_sent_on=today)
        if step.action is DunningAction.SEND_REMINDER:
            return replace(self, reminder_sent_on=today, deadline=step.deadline)
        if step.action in CLOSING:
            return replace(self, closed_by=step.action)
        return self


def next_step(due_date: date, terms: DunningTerms, channel: DeliveryChannel, today: date,
              reminders_sent: DunningState, debt_on_today: Decimal) -> DunningStep:
    """The one step due today for the instalment due on ``due_date`` (``Coverage.first_unpaid``).

    ``debt_on_today`` is what is still unpaid of it (``dunned_debt``). Rules, in order:
    a closed process does nothing; paid in full stops a started process (a partial payment does not);
    the reminder goes out from day ``reminder_after_days`` (a late run skips a pre-reminder not yet
    sent: it has no legal effect); the pre-reminder from day ``pre_reminder_after_days``; the day after
    the deadline, a debt still unpaid lapses the insurance (or reduces it). Each step fires once:
    called again with ``reminders_sent.after(step, today)`` it returns NOTHING until the next step's day.
    """
    state = reminders_sent
    if debt_on_today < 0:
        raise NegativeDebt(f"debt must not be negative, got {debt_on_today}")
    if state.closed_by is not None:
        return NOTHING
    if debt_on_today == 0:
        started = state.pre_reminder_sent_on is not None or state.reminder_sent_on is not None
        return DunningStep(DunningAction.STOP_PAID) if started else NOTHING
    consequence = DunningAction.REDUCE if terms.reduction_instead_of_lapse else DunningAction.LAPSE
    if state.deadline is not None:
        if today > state.deadline:
            return DunningStep(consequence, deadline=state.deadline, effective=state.deadline)
        return NOTHING
    if today >= due_date + timedelta(days=terms.reminder_after_days):
        delivered = delivered_on(today, channel)
        return DunningStep(DunningAction.SEND_REMINDER, deadline=reminder_deadline(delivered, terms),
                           delivered_on=delivered, warns_of=consequence)
    pre = terms.pre_reminder_after_days
    if pre is not None and state.pre_reminder_sent_on is None and today >= due_date + timedelta(days=pre):
        return DunningStep(DunningAction.SEND_PRE_REMINDER)
    return NOTHING
