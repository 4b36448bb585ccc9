"""Dunning: pre-reminder, reminder with a deadline a month after delivery, lapse or reduction.

Dates worked by hand. The walks use an instalment of 500 Kč due 2026-01-01 and product data sending
the pre-reminder 10 days and the reminder 20 days after the due date (2026-01-11 and 2026-01-21).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.dunning import (
    DeliveryChannel,
    DunningAction,
    DunningState,
    DunningStep,
    DunningTerms,
    InconsistentDunningState,
    NegativeDebt,
    NegativeDunningDays,
    ReminderDeadlineTooShort,
    ReminderNotAfterPreReminder,
    delivered_on,
    dunned_debt,
    next_step,
    reminder_deadline,
)
from domain.instalments import PremiumTerms, Schedule
from domain.premium_periods import Frequency

LETTER, EMAIL = DeliveryChannel.REGISTERED_LETTER, DeliveryChannel.ELECTRONIC
A = DunningAction
DUE = date(2026, 1, 1)
TERMS = DunningTerms(pre_reminder_after_days=10, reminder_after_days=20)
REDUCING = DunningTerms(pre_reminder_after_days=10, reminder_after_days=20, reduction_instead_of_lapse=True)
NO_PRE_REMINDER = DunningTerms(pre_reminder_after_days=None, reminder_after_days=20)
# 500 Kč monthly from 2026-01-01: the February instalment falls due while January's is being dunned.
SCHEDULE = Schedule(DUE, (PremiumTerms(DUE, Decimal("500"), Frequency.MONTHLY),))


@pytest.mark.parametrize(
    ("issued", "channel", "months", "delivered", "deadline"),
    [
        # 2 Mar + 10 calendar days = 12 Mar; 12 Mar + 1 month = 12 Apr
        pytest.param(date(2026, 3, 2), LETTER, 1, date(2026, 3, 12), date(2026, 4, 12), id="letter-10th-day"),
        # an e-mail counts as delivered when it reaches the address: the day it is sent; + 1 month = 2 Apr
        pytest.param(date(2026, 3, 2), EMAIL, 1, date(2026, 3, 2), date(2026, 4, 2), id="email-same-day"),
        # 21 Jan + 10 = 31 Jan; February has no 31st, so the month-end clamp gives 28 Feb 2026
        pytest.param(date(2026, 1, 21), LETTER, 1, date(2026, 1, 31), date(2026, 2, 28), id="month-end-clamp"),
        # leap year: 31 Jan 2028 + 1 month = 29 Feb 2028
        pytest.param(date(2028, 1, 21), LETTER, 1, date(2028, 1, 31), date(2028, 2, 29), id="leap-year-clamp"),
        # 22 Dec + 10 = 1 Jan (over the year end); product with a longer deadline: + 2 months = 1 Mar
        pytest.param(date(2025, 12, 22), LETTER, 2, date(2026, 1, 1), date(2026, 3, 1), id="two-months"),
    ],
)
def test_delivery_and_deadline(issued, channel, months, delivered, deadline):
    terms = DunningTerms(pre_reminder_after_days=10, reminder_after_days=20, deadline_months=months)
    assert delivered_on(issued, channel) == delivered
    assert reminder_deadline(delivered, terms) == deadline


@pytest.mark.parametrize(
    ("has_email", "consented", "channel"),
    [(True, True, EMAIL), (True, False, LETTER), (False, True, LETTER), (False, False, LETTER)],
)
def test_channel_for_client(has_email, consented, channel):
    assert DeliveryChannel.for_client(has_email, consented) is channel


def walk(terms: DunningTerms, channel: DeliveryChannel, payments: list[tuple[date, Decimal]],
         until: date = date(2026, 3, 31)) -> list[tuple[date, DunningStep]]:
    """Run the process every day from the due date; on each day call again until nothing is due.

    The debt is the dunned instalment's, counting payments up to today but never after the deadline.
    """
    state, fired, day = DunningState(), [], DUE
    while day <= until:
        for _ in range(3):
            on = min(day, state.deadline) if state.deadline else day
            step = next_step(DUE, terms, channel, day, state, dunned_debt(SCHEDULE, payments, DUE, on))
            if step.action is A.NOTHING:
                break
            fired.append((day, step))
            state = state.after(step, day)
        else:
            pytest.fail(f"next_step keeps returning steps on {day}")
        day += timedelta(days=1)
    return fired


def reminder(deadline: date, delivered: date, warns_of: DunningAction = A.LAPSE) -> DunningStep:
    return DunningStep(A.SEND_REMINDER, deadline=deadline, delivered_on=delivered, warns_of=warns_of)


PRE = (date(2026, 1, 11), DunningStep(A.SEND_PRE_REMINDER))  # 1 Jan + 10 days
# reminder issued 21 Jan (1 Jan + 20 days) by letter: delivered 31 Jan, deadline 28 Feb (month-end clamp)
LETTER_REMINDER = (date(2026, 1, 21), reminder(date(2026, 2, 28), date(2026, 1, 31)))
FEB_28 = date(2026, 2, 28)


@pytest.mark.parametrize(
    ("terms", "channel", "payments", "expected"),
    [
        pytest.param(
            TERMS, LETTER, [],
            # nothing paid: lapse the day after the deadline, ending the insurance on the deadline
            [PRE, LETTER_REMINDER, (date(2026, 3, 1), DunningStep(A.LAPSE, deadline=FEB_28, effective=FEB_28))],
            id="unpaid-lapses-day-after-deadline",
        ),
        pytest.param(
            TERMS, LETTER, [(FEB_28, Decimal("500"))],
            # paid in full on the deadline day itself: in time, the process stops that day
            [PRE, LETTER_REMINDER, (FEB_28, DunningStep(A.STOP_PAID))],
            id="paid-on-deadline-stops",
        ),
        pytest.param(
            TERMS, LETTER, [(date(2026, 3, 1), Decimal("500"))],
            # paid one day after the deadline: too late, the lapse stands (end date still 28 Feb)
            [PRE, LETTER_REMINDER, (date(2026, 3, 1), DunningStep(A.LAPSE, deadline=FEB_28, effective=FEB_28))],
            id="paid-day-after-deadline-lapses",
        ),
        pytest.param(
            TERMS, LETTER, [(date(2026, 2, 20), Decimal("300"))],
            # 300 of 500: 200 still owed, the process continues to the lapse
            [PRE, LETTER_REMINDER, (date(2026, 3, 1), DunningStep(A.LAPSE, deadline=FEB_28, effective=FEB_28))],
            id="partial-payment-lapses",
        ),
        pytest.param(
            TERMS, LETTER, [(date(2026, 2, 10), Decimal("500"))],
            # January paid on 10 Feb; February's 500 (due 1 Feb) is unpaid but is not this reminder's debt
            [PRE, LETTER_REMINDER, (date(2026, 2, 10), DunningStep(A.STOP_PAID))],
            id="later-instalment-not-part-of-reminder",
        ),
        pytest.param(
            TERMS, LETTER, [(date(2026, 1, 15), Decimal("500"))],
            # paid after the pre-reminder, before the reminder
            [PRE, (date(2026, 1, 15), DunningStep(A.STOP_PAID))],
            id="paid-after-pre-reminder",
        ),
        pytest.param(
            TERMS, LETTER, [(date(2026, 1, 5), Decimal("500"))],
            # paid late but before any letter: nothing was started, nothing to stop
            [],
            id="paid-before-pre-reminder",
        ),
        pytest.param(
            REDUCING, LETTER, [],
            # the reminder warns of reduction; the policy is paid-up from the deadline
            [PRE, (date(2026, 1, 21), reminder(FEB_28, date(2026, 1, 31), A.REDUCE)),
             (date(2026, 3, 1), DunningStep(A.REDUCE, deadline=FEB_28, effective=FEB_28))],
            id="reduction-instead-of-lapse",
        ),
        pytest.param(
            TERMS, EMAIL, [],
            # e-mail on 21 Jan delivered 21 Jan; deadline 21 Feb; lapse on 22 Feb ending on 21 Feb
            [PRE, (date(2026, 1, 21), reminder(date(2026, 2, 21), date(2026, 1, 21))),
             (date(2026, 2, 22), DunningStep(A.LAPSE, deadline=date(2026, 2, 21), effective=date(2026, 2, 21)))],
            id="email-reminder",
        ),
        pytest.param(
            NO_PRE_REMINDER, LETTER, [],
            # a product without a pre-reminder goes straight to the reminder on day 20
            [LETTER_REMINDER, (date(2026, 3, 1), DunningStep(A.LAPSE, deadline=FEB_28, effective=FEB_28))],
            id="no-pre-reminder",
        ),
    ],
)
def test_road_to_lapse(terms, channel, payments, expected):
    assert walk(terms, channel, payments) == expected


def test_each_step_fires_once_and_waits_for_the_next_day():
    state = DunningState()
    pre_day = date(2026, 1, 11)
    step = next_step(DUE, TERMS, LETTER, pre_day, state, Decimal("500"))
    assert step.action is A.SEND_PRE_REMINDER
    state = state.after(step, pre_day)
    # same day again, and every day until the reminder's day (20 Jan is day 19): nothing
    for day in (pre_day, date(2026, 1, 12), date(2026, 1, 20)):
        assert next_step(DUE, TERMS, LETTER, day, state, Decimal("500")).action is A.NOTHING
    step = next_step(DUE, TERMS, LETTER, date(2026, 1, 21), state, Decimal("500"))
    assert step == reminder(FEB_28, date(2026, 1, 31))
    state = state.after(step, date(2026, 1, 21))
    assert state == DunningState(pre_reminder_sent_on=pre_day, reminder_sent_on=date(2026, 1, 21), deadline=FEB_28)
    for day in (date(2026, 1, 21), FEB_28):  # up to and including the deadline: still time to pay
        assert next_step(DUE, TERMS, LETTER, day, state, Decimal("500")).action is A.NOTHING
    step = next_step(DUE, TERMS, LETTER, date(2026, 3, 1), state, Decimal("500"))
    state = state.after(step, date(2026, 3, 1))
    assert state.closed_by is A.LAPSE
    # closed: nothing more, even if the debt is later paid (it stays claimable; the lapse stands)
    assert next_step(DUE, TERMS, LETTER, date(2026, 3, 1), state, Decimal("500")).action is A.NOTHING
    assert next_step(DUE, TERMS, LETTER, date(2026, 3, 5), state, Decimal("0")).action is A.NOTHING


def test_late_run_sends_the_reminder_without_the_pre_reminder():
    # first run on 25 Jan, both days passed: the reminder alone, issued today; 25 Jan + 10 = 4 Feb; + 1 month = 4 Mar
    step = next_step(DUE, TERMS, LETTER, date(2026, 1, 25), DunningState(), Decimal("500"))
    assert step == reminder(date(2026, 3, 4), date(2026, 2, 4))


def test_deadline_kept_as_printed_when_terms_change():
    # the state carries the printed deadline; a longer deadline in new product data does not move it
    state = DunningState(reminder_sent_on=date(2026, 1, 21), deadline=FEB_28)
    longer = DunningTerms(pre_reminder_after_days=10, reminder_after_days=20, deadline_months=3)
    assert next_step(DUE, longer, LETTER, date(2026, 3, 1), state, Decimal("1")).effective == FEB_28


@pytest.mark.parametrize(
    ("make", "error", "rule"),
    [
        (lambda: DunningTerms(-1, 20), NegativeDunningDays, "dunning-days-not-negative"),
        (lambda: DunningTerms(None, -1), NegativeDunningDays, "dunning-days-not-negative"),
        (lambda: DunningTerms(10, 10), ReminderNotAfterPreReminder, "reminder-after-pre-reminder"),
        (lambda: DunningTerms(10, 20, deadline_months=0), ReminderDeadlineTooShort,
         "reminder-deadline-at-least-one-month"),
        (lambda: DunningState(reminder_sent_on=date(2026, 1, 21)), InconsistentDunningState,
         "dunning-state-consistent"),
        (lambda: DunningState(closed_by=A.SEND_REMINDER), InconsistentDunningState, "dunning-state-consistent"),
        (lambda: next_step(DUE, TERMS, LETTER, DUE, DunningState(), Decimal("-0.01")), NegativeDebt,
         "debt-not-negative"),
    ],
)
def test_invalid_input(make, error, rule):
    with pytest.raises(error) as raised:
        make()
    assert raised.value.rule == rule
