"""Simulated months on the business clock: billing, reminders, lapse and interventions, to the day.

The collections workflow follows the event store (embedded mode) on both stores; the Kafka variant
is in tests/e2e/test_collections_on_kafka.py. Dates worked by hand in tests/unit/test_policy_collections.py:
FLEXI monthly 500 from 1 Jan 2026, reminder 15 days after the due date by registered letter
(delivered on the 10th day), deadline one month after delivery; 7 UO quarterly 194, pre-reminder
after 10 days, reminder after 30, by e-mail.
"""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

import pytest

from aggregates.intervention import Intervention, InterventionType, intervention_id_for
from application.bootstrap import Container
from application.commands import AgreeAmendment, ChangeContactDetails
from domain.metadata import Channel
from tests.conftest import settings_for
from tests.factories import issue
from tests.simulation import dunning_history, payment, simulate, start_day

FIRST, LAST = date(2026, 1, 1), date(2026, 4, 30)


@pytest.fixture(params=["sqlite", "postgresql"])
def business(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Container]:
    """The system on the shared business calendar (no fixed clock), opened on 31 Dec 2025."""
    container = Container(settings_for(request.param, tmp_path, request))
    container.migrate()
    start_day(container, date(2025, 12, 31))
    yield container
    container.close()


def monthly(number: str, *months: int, amount: str = "500.00", day: int = 1) -> list:
    return [payment(number, amount, date(2026, month, day)) for month in months]


def number(n: int, copy: int = 0) -> str:
    return f"2026{copy:02d}{n:04d}"


def book(container: Container, copies: int = 1) -> dict[date, list]:
    """``copies`` times policies 1-8 (see the plan), and the payments of each day."""
    plan = []
    for copy in range(copies):
        plan += _policies(container, copy)
    payments: dict[date, list] = {}
    for command in plan:
        payments.setdefault(command.received_on, []).append(command)
    return payments


def _policies(container: Container, copy: int) -> list:
    def n(k: int) -> str:
        return number(k, copy)

    for k in range(1, 8):
        container.policies.execute(issue(n(k), start_date=FIRST, concluded_on=date(2025, 12, 20)))
    container.policies.execute(issue(n(8), product_code="ACCIDENT_7UO", frequency="quarterly",
                                     premium=Decimal("194"), start_date=FIRST, end_date=date(2036, 1, 1),
                                     concluded_on=date(2025, 12, 20)))
    container.policies.execute(ChangeContactDetails(command_id=uuid4(), actor="advisor", channel=Channel.BACK_OFFICE,
                                                    policy_number=n(8), address=None, phone=None,
                                                    email="klient@example.cz", received_on=date(2025, 12, 31)))
    return [
        *monthly(n(1), 1, 2, 3, 4),                                                # on time
        *monthly(n(2), 1, 3, 4), payment(n(2), "500.00", date(2026, 2, 20)),       # after the reminder
        *monthly(n(3), 1), payment(n(3), "1000.00", date(2026, 3, 26)),            # on the deadline
        *monthly(n(4), 1), payment(n(4), "1000.00", date(2026, 3, 27)),            # a day late
        *monthly(n(5), 1), payment(n(5), "200.00", date(2026, 3, 10)),             # partial
        # 6 never pays
        *monthly(n(7), 1, 2), *monthly(n(7), 3, 4, amount="600.00"),              # after an amendment
        payment(n(8), "194.00", FIRST), payment(n(8), "194.00", date(2026, 4, 15)),  # after the pre-reminder
    ]


def amend(container: Container, copy: int = 0) -> None:
    """Policy 7's premium goes up to 600 from 1 March (requested 9 February)."""
    container.policies.execute(AgreeAmendment(command_id=uuid4(), actor="back-office", channel=Channel.BACK_OFFICE,
                                              policy_number=number(7, copy), amendment_number=1,
                                              requested_on=date(2026, 2, 9), premium=Decimal("600.00"),
                                              frequency="monthly"))


EXPECTED = {
    1: [], 7: [],
    2: [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:stop_paid", date(2026, 2, 21))],
    3: [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:stop_paid", date(2026, 3, 27)),
        ("ReminderSent", date(2026, 4, 16))],  # April unpaid: its own process
    4: [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:lapse", date(2026, 3, 27)),
        ("Ended:lapse_for_non_payment", date(2026, 3, 26))],
    # Partial payment: the same road as no payment.
    5: [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:lapse", date(2026, 3, 27)),
        ("Ended:lapse_for_non_payment", date(2026, 3, 26))],
    # Nothing ever paid: reminder 16 Jan, delivered 26 Jan, deadline 26 Feb, lapse the next day.
    6: [("ReminderSent", date(2026, 1, 16)), ("DunningClosed:lapse", date(2026, 2, 27)),
        ("Ended:lapse_for_non_payment", date(2026, 2, 26))],
    8: [("PreReminderSent", date(2026, 4, 11)), ("DunningClosed:stop_paid", date(2026, 4, 16))],
}


def test_simulated_months_take_every_road_to_the_day(business: Container) -> None:
    payments = book(business)
    runner = business.embedded_runner("collections")
    contracts = business.embedded_runner("contracts")

    def settle() -> None:
        runner.catch_up()
        contracts.catch_up()

    simulate(business, FIRST, date(2026, 2, 9), settle, payments)
    amend(business)
    refused = simulate(business, date(2026, 2, 10), LAST, settle, payments)

    assert {k: dunning_history(business, number(k)) for k in range(1, 9)} == EXPECTED
    # The payment a day after the deadline finds the policy lapsed: refused, for back office to handle.
    assert [(command.policy_number, rule) for command, rule in refused] == [("2026000004", "policy-in-force")]

    amended = business.policies.policy("2026000007")
    assert [i.amount for i in amended.schedule.instalments(LAST)] == [Decimal("500.00")] * 2 + [Decimal("600.00")] * 2
    assert business.policies.policy("2026000005").status.value == "ended"

    def intervention(number: str, due: date) -> Intervention:
        return business.policies.repository.get(
            intervention_id_for(InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE, number, due))

    paid, lapsed = intervention("2026000002", date(2026, 2, 1)), intervention("2026000004", date(2026, 2, 1))
    assert (paid.status, paid.resolved_on, paid.due_date) == ("resolved", date(2026, 2, 21), date(2026, 3, 26))
    assert (lapsed.status, lapsed.expired_on) == ("expired", date(2026, 3, 27))
    assert intervention("2026000003", date(2026, 4, 1)).status == "open"


def test_a_day_run_again_records_nothing_new(business: Container) -> None:
    payments = book(business)
    runner = business.embedded_runner("collections")
    simulate(business, FIRST, date(2026, 2, 9), runner.catch_up, payments)
    amend(business)
    simulate(business, date(2026, 2, 10), date(2026, 3, 31), runner.catch_up, payments)
    before = business.policies.recorder.max_notification_id()
    # Forget the workflow's positions and agenda: it replays every tick and event from the start.
    business.reset_projection("collections")
    runner.catch_up()
    assert business.policies.recorder.max_notification_id() == before
