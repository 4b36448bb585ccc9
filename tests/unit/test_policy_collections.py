"""The day's collections on one policy: billing, direct debit and the road to lapse, dates worked by hand.

FLEXI (illustrative lead time): no pre-reminder, the reminder 15 days after the due date, deadline one
month after delivery (§ 2757). 7 UO: pre-reminder 10 days and reminder 30 days after the due date.
A registered letter counts as delivered on the 10th calendar day after issue; an e-mail on the day sent.
"""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from aggregates.policy import EndReason, Policy, PolicyStatus
from domain.dunning import DunningAction
from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, metadata

CATALOGUE = default_catalogue()
FLEXI = CATALOGUE.version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))
ACCIDENT_7UO = CATALOGUE.version_in_force("ACCIDENT_7UO", date(2026, 1, 1))
BELONGINGS = CATALOGUE.version_in_force("BELONGINGS_CARDS", date(2026, 1, 1))
TODAY = date(2027, 12, 31)


def flexi(**overrides) -> Policy:
    fields = dict(policy_number="2026000001", product=FLEXI, policyholder_name="Jana Dvořáková",
                  policyholder_birth_number="7103192745", advisor_id="ADV-1", frequency=Frequency.MONTHLY,
                  premium=Decimal("500.00"), start_date=date(2026, 1, 1), end_date=date(2046, 1, 1),
                  concluded_on=date(2025, 12, 20), sold_at_distance=False, meta=metadata(),
                  insured=FLEXI_INSURED, covers=FLEXI_COVERS)
    return Policy.issue(**{**fields, **overrides})


def pay(policy: Policy, amount: str, on: date) -> None:
    policy.record_premium_payment(payment_id=f"p-{on}-{amount}", amount=Decimal(amount), received_on=on,
                                  today=TODAY, meta=metadata())


def run_days(policy: Policy, first: date, last: date, product=FLEXI) -> dict[date, list[str]]:
    """Each business day from ``first`` to ``last``: the events recorded that day (by name)."""
    policy.collect_events()
    days: dict[date, list[str]] = {}
    day = first
    while day <= last:
        policy.collect(on=day, product=product, today=TODAY, meta=metadata())
        names = [type(event).__name__ for event in policy.collect_events()]
        if names:
            days[day] = names
        day += timedelta(days=1)
    return days


def test_on_time_payer_is_only_billed() -> None:
    policy = flexi()
    pay(policy, "1500.00", date(2026, 1, 1))  # January to March in advance
    days = run_days(policy, date(2026, 1, 1), date(2026, 3, 31))
    assert days == {date(2026, 1, 1): ["InstalmentFellDue"], date(2026, 2, 1): ["InstalmentFellDue"],
                    date(2026, 3, 1): ["InstalmentFellDue"]}


def test_unpaid_flexi_instalment_lapses_the_day_after_the_deadline_with_the_deadline_as_end() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))  # January only; February (due 1 Feb) stays unpaid
    days = run_days(policy, date(2026, 1, 1), date(2026, 3, 31))
    # Reminder on 16 Feb (1 Feb + 15), registered letter delivered 26 Feb, deadline 26 Mar; lapse on 27 Mar.
    assert days[date(2026, 2, 16)] == ["ReminderSent"]
    assert days[date(2026, 3, 27)] == ["DunningClosed", "Ended"]
    assert date(2026, 3, 26) not in days
    assert policy.status is PolicyStatus.ENDED and policy.end_reason is EndReason.LAPSE_FOR_NON_PAYMENT
    assert policy.ended_on == date(2026, 3, 26)
    assert date(2026, 3, 28) not in days and date(2026, 3, 31) not in days  # nothing after the lapse


def test_reminder_letter_carries_delivery_deadline_and_consequence() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    policy.collect_events()
    for day in (date(2026, 2, 1), date(2026, 2, 16)):
        policy.collect(on=day, product=FLEXI, today=TODAY, meta=metadata())
    reminder = policy.collect_events()[-1]
    assert (reminder.due_date, reminder.issued_on, reminder.delivered_on, reminder.deadline) == (
        date(2026, 2, 1), date(2026, 2, 16), date(2026, 2, 26), date(2026, 3, 26))
    assert (reminder.debt, reminder.consequence, reminder.channel) == (Decimal("500.00"), "lapse", "registered_letter")


def test_lapse_keeps_the_debt_due_by_the_deadline_claimable() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    pay(policy, "200.00", date(2026, 3, 10))  # partial: does not stop the process
    run_days(policy, date(2026, 1, 1), date(2026, 3, 26))
    policy.collect(on=date(2026, 3, 27), product=FLEXI, today=TODAY, meta=metadata())
    closed, ended = policy.collect_events()
    # Due before the end on 26 Mar: Jan, Feb, Mar = 1 500; paid 700. The letter names February's 300.
    assert (ended.ended_on, ended.debt) == (date(2026, 3, 26), Decimal("800.00"))
    assert (closed.outcome, closed.debt) == ("lapse", Decimal("300.00"))


def test_payment_on_the_last_day_stops_the_process_and_confirms_it() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    run_days(policy, date(2026, 1, 1), date(2026, 3, 25))
    pay(policy, "1000.00", date(2026, 3, 26))  # February and March, on the deadline itself
    days = run_days(policy, date(2026, 3, 26), date(2026, 3, 31))
    assert days == {date(2026, 3, 26): ["DunningClosed"]}
    assert policy.status is PolicyStatus.IN_FORCE and policy.dunned_due is None


def test_payment_one_day_after_the_deadline_does_not_undo_the_lapse() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    run_days(policy, date(2026, 1, 1), date(2026, 3, 26))
    pay(policy, "1000.00", date(2026, 3, 27))
    days = run_days(policy, date(2026, 3, 27), date(2026, 3, 27))
    assert days == {date(2026, 3, 27): ["DunningClosed", "Ended"]}
    assert policy.ended_on == date(2026, 3, 26)


def test_paying_only_the_dunned_instalment_starts_the_next_process_at_once() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    run_days(policy, date(2026, 1, 1), date(2026, 3, 19))
    pay(policy, "500.00", date(2026, 3, 20))  # February paid; March (due 1 Mar, reminder day 16 Mar) is not
    policy.collect_events()
    taken = policy.collect(on=date(2026, 3, 20), product=FLEXI, today=TODAY, meta=metadata())
    assert [(t.due_date, t.step.action) for t in taken] == [(date(2026, 2, 1), DunningAction.STOP_PAID),
                                                            (date(2026, 3, 1), DunningAction.SEND_REMINDER)]
    # E-mail not given: registered letter, delivered 30 Mar, deadline 30 Apr.
    assert taken[1].step.deadline == date(2026, 4, 30)


def test_accident_pre_reminder_then_electronic_reminder() -> None:
    policy = flexi(product=ACCIDENT_7UO, frequency=Frequency.QUARTERLY, premium=Decimal("194"), insured=[],
                   covers=[], end_date=date(2036, 1, 1))
    policy.change_contact_details(address=None, phone=None, email="jana@example.cz", received_on=date(2026, 1, 2),
                                  today=TODAY, meta=metadata())
    pay(policy, "194.00", date(2026, 1, 1))
    days = run_days(policy, date(2026, 1, 1), date(2026, 6, 5), product=ACCIDENT_7UO)
    # Q2 due 1 Apr: pre-reminder 11 Apr, reminder 1 May (e-mail: delivered that day), deadline 1 Jun, lapse 2 Jun.
    assert days == {date(2026, 1, 1): ["InstalmentFellDue"], date(2026, 4, 1): ["InstalmentFellDue"],
                    date(2026, 4, 11): ["PreReminderSent"], date(2026, 5, 1): ["ReminderSent"],
                    date(2026, 6, 2): ["DunningClosed", "Ended"]}
    assert policy.ended_on == date(2026, 6, 1)


def test_reduction_instead_of_lapse_where_the_product_offers_it() -> None:
    lifecycle = replace(FLEXI.lifecycle, reduction_allowed=True,
                        dunning=replace(FLEXI.lifecycle.dunning, reduction_instead_of_lapse=True))
    product = replace(FLEXI, lifecycle=lifecycle)
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    days = run_days(policy, date(2026, 1, 1), date(2026, 3, 31), product=product)
    assert days[date(2026, 3, 27)] == ["DunningClosed", "Reduced"]
    assert policy.status is PolicyStatus.REDUCED
    assert policy.collect_events() == [] and policy.collect(on=date(2026, 4, 1), product=product, today=TODAY,
                                                           meta=metadata()) == []


def test_group_fee_is_collected_by_direct_debit_on_each_due_date() -> None:
    policy = flexi(product=BELONGINGS, premium=Decimal("99"), insured=[], covers=[], end_date=None)
    days = run_days(policy, date(2026, 1, 1), date(2026, 3, 1), product=BELONGINGS)
    assert days == {day: ["InstalmentFellDue", "PremiumPaymentRecorded"]
                    for day in (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))}
    assert policy.paid_to == date(2026, 3, 31)


def test_asking_about_a_day_again_records_nothing() -> None:
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    run_days(policy, date(2026, 1, 1), date(2026, 2, 16))
    for day in (date(2026, 2, 16), date(2026, 2, 10), date(2026, 2, 16)):
        policy.collect(on=day, product=FLEXI, today=TODAY, meta=metadata())
    assert policy.collect_events() == []


def test_a_day_before_the_last_dunning_step_is_not_dunned_again() -> None:
    """A workflow replaying old ticks meets a policy that moved on: 16 Feb saw the reminder, 20 Feb the
    confirmation; asked about 16 Feb again, where Feb counts as unpaid, it must not remind again."""
    policy = flexi()
    pay(policy, "500.00", date(2026, 1, 1))
    run_days(policy, date(2026, 1, 1), date(2026, 2, 19))
    pay(policy, "500.00", date(2026, 2, 20))
    assert run_days(policy, date(2026, 2, 20), date(2026, 2, 21)) == {date(2026, 2, 20): ["DunningClosed"]}
    assert run_days(policy, date(2026, 2, 16), date(2026, 2, 21)) == {}


def test_a_policy_given_notice_is_billed_and_collected_up_to_its_end() -> None:
    """Notice received 16 Mar ends the group cover on 30 Apr: the fees due 2 Mar and 2 Apr are collected
    (the period running on the last day is due in full), none after the end."""
    policy = flexi(product=BELONGINGS, premium=Decimal("99"), insured=[], covers=[], end_date=None,
                   start_date=date(2026, 3, 2))
    policy.end(end_reason=EndReason.NOTICE, ended_on=date(2026, 4, 30), received_on=date(2026, 3, 16),
               benefits_paid=Decimal("0"), product=BELONGINGS, today=TODAY, meta=metadata())
    days = run_days(policy, date(2026, 3, 17), date(2026, 6, 1), product=BELONGINGS)
    assert days == {date(2026, 3, 17): ["InstalmentFellDue", "PremiumPaymentRecorded"],
                    date(2026, 4, 2): ["InstalmentFellDue", "PremiumPaymentRecorded"]}
    assert policy.paid_to == date(2026, 5, 1)
