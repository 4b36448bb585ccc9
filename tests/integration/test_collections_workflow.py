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


def book(container: Container) -> dict[date, list]:
    """Policies 1-8 and the payments of each day."""
    for n in range(1, 8):
        container.policies.execute(issue(f"202600000{n}", start_date=FIRST, concluded_on=date(2025, 12, 20)))
    container.policies.execute(issue("2026000008", product_code="ACCIDENT_7UO", frequency="quarterly",
                                     premium=Decimal("194"), start_date=FIRST, end_date=date(2036, 1, 1),
                                     concluded_on=date(2025, 12, 20)))
    container.policies.execute(ChangeContactDetails(command_id=uuid4(), actor="advisor", channel=Channel.BACK_OFFICE,
                                                    policy_number="2026000008", address=None, phone=None,
                                                    email="klient@example.cz", received_on=date(2025, 12, 31)))
    plan = [
        *monthly("2026000001", 1, 2, 3, 4),                               # on time
        *monthly("2026000002", 1, 3, 4), payment("2026000002", "500.00", date(2026, 2, 20)),  # after the reminder
        *monthly("2026000003", 1), payment("2026000003", "1000.00", date(2026, 3, 26)),       # on the deadline
        *monthly("2026000004", 1), payment("2026000004", "1000.00", date(2026, 3, 27)),       # a day late
        *monthly("2026000005", 1), payment("2026000005", "200.00", date(2026, 3, 10)),        # partial
        # 6 never pays
        *monthly("2026000007", 1, 2), *monthly("2026000007", 3, 4, amount="600.00"),         # after an amendment
        payment("2026000008", "194.00", FIRST), payment("2026000008", "194.00", date(2026, 4, 15)),  # after the pre-reminder
    ]
    payments: dict[date, list] = {}
    for command in plan:
        payments.setdefault(command.received_on, []).append(command)
    return payments


def test_simulated_months_take_every_road_to_the_day(business: Container) -> None:
    payments = book(business)
    runner = business.embedded_runner("collections")
    contracts = business.embedded_runner("contracts")

    def settle() -> None:
        runner.catch_up()
        contracts.catch_up()

    simulate(business, FIRST, date(2026, 2, 9), settle, payments)
    business.policies.execute(AgreeAmendment(command_id=uuid4(), actor="back-office", channel=Channel.BACK_OFFICE,
                                             policy_number="2026000007", amendment_number=1,
                                             requested_on=date(2026, 2, 9), premium=Decimal("600.00"),
                                             frequency="monthly"))
    refused = simulate(business, date(2026, 2, 10), LAST, settle, payments)

    history = {n: dunning_history(business, f"202600000{n}") for n in range(1, 9)}
    assert history[1] == [] and history[7] == []
    assert history[2] == [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:stop_paid", date(2026, 2, 21))]
    assert history[3] == [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:stop_paid", date(2026, 3, 27)),
                          ("ReminderSent", date(2026, 4, 16))]  # April unpaid: its own process
    assert history[4] == [("ReminderSent", date(2026, 2, 16)), ("DunningClosed:lapse", date(2026, 3, 27)),
                          ("Ended:lapse_for_non_payment", date(2026, 3, 26))]
    assert history[5] == history[4]
    # Nothing ever paid: reminder 16 Jan, delivered 26 Jan, deadline 26 Feb, lapse the next day.
    assert history[6] == [("ReminderSent", date(2026, 1, 16)), ("DunningClosed:lapse", date(2026, 2, 27)),
                          ("Ended:lapse_for_non_payment", date(2026, 2, 26))]
    assert history[8] == [("PreReminderSent", date(2026, 4, 11)), ("DunningClosed:stop_paid", date(2026, 4, 16))]
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
    simulate(business, FIRST, date(2026, 3, 31), runner.catch_up, payments)
    before = business.policies.recorder.max_notification_id()
    # Forget the workflow's positions and agenda: it replays every tick and event from the start.
    business.reset_projection("collections")
    runner.catch_up()
    assert business.policies.recorder.max_notification_id() == before
