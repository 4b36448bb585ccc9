from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.instalments import (
    EndBeforeStart,
    NoTermsAtStart,
    PremiumNotPositive,
    PremiumTerms,
    Schedule,
    TermsBeforeStart,
)
from domain.premium_periods import Frequency

MONTHLY, QUARTERLY = Frequency.MONTHLY, Frequency.QUARTERLY
START = date(2026, 1, 1)
YEAR_END = date(2026, 12, 31)


def schedule(*terms: tuple[date, str, Frequency], start: date = START, end: date | None = None) -> Schedule:
    return Schedule(start, tuple(PremiumTerms(day, Decimal(p), f) for day, p, f in terms), end)


CONSTANT = schedule((START, "500", MONTHLY))
RAISED_IN_APRIL = schedule((START, "500", MONTHLY), (date(2026, 4, 1), "600", MONTHLY))
QUARTERLY_FROM_JULY = schedule((START, "500", MONTHLY), (date(2026, 7, 1), "1400", QUARTERLY))
CHANGED_MID_Q2 = schedule((START, "1500", QUARTERLY), (date(2026, 4, 15), "1800", QUARTERLY))
MONTH_END_START = schedule((date(2026, 1, 31), "500", MONTHLY), start=date(2026, 1, 31))
ENDED_20_MAY = schedule((START, "500", MONTHLY), end=date(2026, 5, 20))


def monthly_2026(months: range, amount: str) -> list[tuple[date, date, str]]:
    """(due date, period end, amount) of whole calendar months of 2026."""
    return [(date(2026, m, 1), _month_end(m), amount) for m in months]


def _month_end(month: int) -> date:
    return YEAR_END if month == 12 else date(2026, month + 1, 1) - timedelta(days=1)


@pytest.mark.parametrize(
    ("schedule", "until", "expected"),
    [
        pytest.param(
            CONSTANT,
            YEAR_END,
            monthly_2026(range(1, 13), "500.00"),
            id="constant-monthly-jan-to-dec",
        ),
        pytest.param(
            QUARTERLY_FROM_JULY,
            # six monthly periods Jan..Jun at 500, then Jul-Sep and Oct-Dec at the quarterly 1400
            YEAR_END,
            monthly_2026(range(1, 7), "500.00")
            + [(date(2026, 7, 1), date(2026, 9, 30), "1400.00"), (date(2026, 10, 1), YEAR_END, "1400.00")],
            id="monthly-to-quarterly-re-anchors-at-1-july",
        ),
        pytest.param(
            CHANGED_MID_Q2,
            YEAR_END,
            # effective 15 Apr, inside Q2 (1 Apr - 30 Jun): Q2 keeps 1500, Q3 is the first at 1800
            [
                (date(2026, 1, 1), date(2026, 3, 31), "1500.00"),
                (date(2026, 4, 1), date(2026, 6, 30), "1500.00"),
                (date(2026, 7, 1), date(2026, 9, 30), "1800.00"),
                (date(2026, 10, 1), YEAR_END, "1800.00"),
            ],
            id="quarterly-change-mid-period-applies-next-quarter",
        ),
        pytest.param(
            MONTH_END_START,
            date(2026, 3, 31),
            # add_months from the start, not chained: 31 Jan, 28 Feb, 31 Mar (chained would give 28 Mar)
            [
                (date(2026, 1, 31), date(2026, 2, 27), "500.00"),
                (date(2026, 2, 28), date(2026, 3, 30), "500.00"),
                (date(2026, 3, 31), date(2026, 4, 29), "500.00"),
            ],
            id="month-end-start",
        ),
        pytest.param(
            ENDED_20_MAY,
            YEAR_END,
            # May (due 1 May) runs on 20 May and is due in full; June starts after the end and is not due
            monthly_2026(range(1, 6), "500.00"),
            id="ended-20-may-jan-to-may-no-pro-rata",
        ),
    ],
)
def test_instalments(schedule: Schedule, until: date, expected: list[tuple[date, date, str]]) -> None:
    assert [(i.due_date, i.period_end, str(i.amount)) for i in schedule.instalments(until)] == expected


def test_instalment_after_a_premium_change_has_the_new_amount() -> None:
    amounts = [i.amount for i in RAISED_IN_APRIL.instalments(date(2026, 5, 1))]
    assert amounts == [Decimal("500")] * 3 + [Decimal("600")] * 2


@pytest.mark.parametrize(
    ("schedule", "on", "expected"),
    [
        (CONSTANT, date(2026, 3, 15), "1500"),  # Jan + Feb + Mar = 3 x 500
        (CONSTANT, date(2026, 2, 28), "1000"),  # due 1 Mar not yet reached
        (RAISED_IN_APRIL, date(2026, 4, 1), "2100"),  # 3 x 500 + 600
        (ENDED_20_MAY, YEAR_END, "2500"),  # Jan..May = 5 x 500, nothing after the end
    ],
)
def test_due_by(schedule: Schedule, on: date, expected: str) -> None:
    assert schedule.due_by(on) == Decimal(expected)


@pytest.mark.parametrize(
    ("schedule", "payments", "on", "paid_to", "paid", "credit", "debt", "first_unpaid_due"),
    [
        # 1200 = Jan 500 + Feb 500 + 200 towards March; due by 15 Mar 1500 - 1200 = 300
        (
            CONSTANT,
            [(date(2026, 1, 5), "1200")],
            date(2026, 3, 15),
            date(2026, 2, 28),
            2,
            "200",
            "300",
            date(2026, 3, 1),
        ),
        # 3 x 500 + 600 in four payments covers Jan..Apr exactly
        (
            RAISED_IN_APRIL,
            [(date(2026, m, 1), "500") for m in (1, 2, 3)] + [(date(2026, 4, 1), "600")],
            date(2026, 4, 15),
            date(2026, 4, 30),
            4,
            "0",
            "0",
            date(2026, 5, 1),
        ),
        # the April instalment is 600, so 2000 = 3 x 500 + 500 leaves it unpaid: paid_to stays at 31 Mar
        (
            RAISED_IN_APRIL,
            [(date(2026, 1, 1), "2000")],
            date(2026, 4, 15),
            date(2026, 3, 31),
            3,
            "500",
            "100",  # due 2100 - 2000 received
            date(2026, 4, 1),
        ),
        # pre-payment: 3000 on 1 Jan covers Jan..Jun (6 x 500), nothing owed on 15 Mar
        (CONSTANT, [(date(2026, 1, 1), "3000")], date(2026, 3, 15), date(2026, 6, 30), 6, "0", "0", date(2026, 7, 1)),
        # a payment received after the day asked about does not count yet; nothing paid, 2 x 500 owed
        (CONSTANT, [(date(2026, 2, 10), "1000")], date(2026, 2, 5), None, 0, "0", "1000", date(2026, 1, 1)),
        # ended policy fully paid (5 x 500 = 2500) with 100 over: no unpaid instalment, 100 credit
        (ENDED_20_MAY, [(date(2026, 1, 1), "2600")], YEAR_END, date(2026, 5, 31), 5, "100", "0", None),
    ],
)
def test_allocate(
    schedule: Schedule,
    payments: list[tuple[date, str]],
    on: date,
    paid_to: date | None,
    paid: int,
    credit: str,
    debt: str,
    first_unpaid_due: date | None,
) -> None:
    coverage = schedule.allocate([(day, Decimal(amount)) for day, amount in payments], on)
    assert coverage.paid_to == paid_to
    assert coverage.instalments_paid == paid
    assert coverage.credit == Decimal(credit)
    assert coverage.debt_on == Decimal(debt)
    assert (coverage.first_unpaid.due_date if coverage.first_unpaid else None) == first_unpaid_due


def test_backdated_correction_replaces_the_terms_that_followed() -> None:
    # 600 from April and quarterly 1400 from July, then a correction to 550 from 1 March drops both
    amended = RAISED_IN_APRIL.with_terms(PremiumTerms(date(2026, 7, 1), Decimal("1400"), QUARTERLY))
    corrected = amended.with_terms(PremiumTerms(date(2026, 3, 1), Decimal("550"), MONTHLY))
    assert [t.effective_from for t in corrected.terms] == [START, date(2026, 3, 1)]
    assert [i.amount for i in corrected.instalments(YEAR_END)] == [Decimal("500")] * 2 + [Decimal("550")] * 10


def test_ended_stops_the_instalments() -> None:
    assert CONSTANT.ended(date(2026, 5, 20)) == ENDED_20_MAY


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: PremiumTerms(START, Decimal("0"), MONTHLY), PremiumNotPositive),
        (lambda: PremiumTerms(START, Decimal("-500"), MONTHLY), PremiumNotPositive),
        (lambda: schedule((date(2025, 12, 1), "500", MONTHLY)), TermsBeforeStart),
        (lambda: CONSTANT.with_terms(PremiumTerms(date(2025, 12, 1), Decimal("500"), MONTHLY)), TermsBeforeStart),
        (lambda: schedule((date(2026, 2, 1), "500", MONTHLY)), NoTermsAtStart),
        (lambda: CONSTANT.ended(date(2025, 12, 31)), EndBeforeStart),
    ],
)
def test_rule_violations(build, error: type[Exception]) -> None:
    with pytest.raises(error) as raised:
        build()
    assert raised.value.rule == error.rule
