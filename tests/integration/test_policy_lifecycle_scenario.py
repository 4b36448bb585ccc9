"""A policy through years of life via commands, on each store; then the advisor read model."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from uuid import uuid4

from application.bootstrap import Container
from application.commands import AgreeAmendment, ChangeContactDetails, EndPolicy
from domain.metadata import Channel
from projections.contract_views import contract_detail
from tests.factories import issue, pay

NUMBER = "2026000001"


def envelope(actor: str = "back-office", channel: Channel = Channel.BACK_OFFICE) -> dict:
    return {"command_id": uuid4(), "actor": actor, "channel": channel}


def move_clock_to(container: Container, day: date) -> None:
    container.clock.advance(datetime(day.year, day.month, day.day, 9, tzinfo=timezone.utc) - container.clock.now())


def test_years_of_a_policy_with_a_backdated_correction(container: Container) -> None:
    service = container.policies
    move_clock_to(container, date(2026, 6, 15))
    service.execute(issue(NUMBER, start_date=date(2026, 7, 1), end_date=date(2036, 7, 1),
                          concluded_on=date(2026, 6, 15), premium=Decimal("500.00")))
    move_clock_to(container, date(2026, 7, 2))
    service.execute(pay(NUMBER, payment_id="p1", amount="1500.00", received_on=date(2026, 7, 2)))  # Jul-Sep
    move_clock_to(container, date(2026, 9, 20))
    service.execute(ChangeContactDetails(**envelope("advisor-7", Channel.ADVISOR_APP), policy_number=NUMBER,
                                         email="jana@example.cz", phone="+420777123456", received_on=date(2026, 9, 20)))
    service.execute(AgreeAmendment(**envelope(), policy_number=NUMBER, amendment_number=1,
                                   requested_on=date(2026, 9, 20), premium=Decimal("650.00"), frequency="monthly"))
    move_clock_to(container, date(2027, 1, 10))
    service.execute(pay(NUMBER, payment_id="p2", amount="1950.00", received_on=date(2027, 1, 10)))  # 3 x 650
    before_correction = container.clock.now()
    move_clock_to(container, date(2027, 3, 5))
    # A change requested on 5 Nov 2026 was found unprocessed: 600 from 1 Dec 2026.
    service.execute(AgreeAmendment(**envelope(), policy_number=NUMBER, amendment_number=2,
                                   requested_on=date(2026, 11, 5), premium=Decimal("600.00"), frequency="monthly",
                                   reason="change request 2026-11-05 found unprocessed"))
    policy = service.policy(NUMBER)
    # Jul-Sep 3 x 500 + Oct, Nov 2 x 650 + Dec 600 = 3 400; paid 3 450 -> credit 50
    assert (policy.paid_to, policy.credit) == (date(2026, 12, 31), Decimal("50.00"))

    move_clock_to(container, date(2028, 5, 10))
    service.execute(EndPolicy(**envelope(), policy_number=NUMBER, end_reason="death", ended_on=date(2028, 5, 2),
                              received_on=date(2028, 5, 10)))

    def premium(on: date, known_at: datetime | None = None) -> Decimal | None:
        return service.policy_as_of(NUMBER, on, known_at).premium

    assert premium(date(2026, 11, 15)) == Decimal("650.00")
    assert premium(date(2026, 12, 15), known_at=before_correction) == Decimal("650.00")
    assert premium(date(2026, 12, 15)) == Decimal("600.00")
    assert service.policy_as_of(NUMBER, date(2026, 6, 20)).status == "not_started"
    assert service.policy_as_of(NUMBER, date(2028, 5, 2)).status == "in_force"
    after = service.policy_as_of(NUMBER, date(2028, 5, 3))
    assert (after.status, after.end_reason, after.premium) == ("ended", "death", None)
    # debt at death: Jan 2027 - May 2028 = 17 months x 600 = 10 200, less the 50 credit
    assert after.debt == Decimal("10150.00")

    container.embedded_runner("contracts").catch_up()
    detail = contract_detail(container.database, NUMBER)
    assert (detail.status, detail.end_reason, detail.ended_on) == ("ended", "death", date(2028, 5, 2))
    assert (detail.premium, detail.paid_to, detail.version) == (Decimal("600.00"), date(2026, 12, 31), 7)


def test_a_cover_change_by_amendment_through_the_command_edge(container: Container) -> None:
    service = container.policies
    service.execute(issue(NUMBER))  # basic death 500 000, from 1 Jan 2026
    move_clock_to(container, date(2026, 9, 20))
    amendment = AgreeAmendment(
        **envelope(), policy_number=NUMBER, amendment_number=1, requested_on=date(2026, 9, 20),
        premium=Decimal("640.00"), frequency="monthly",
        covers=[{"insured_id": "A1", "cover": "basic_death", "sum_insured": "800000"},
                {"insured_id": "A1", "cover": "accidental_death", "sum_insured": "300000"}],
    )
    service.execute(amendment)
    assert service.policy_as_of(NUMBER, date(2026, 9, 30)).covers == {"A1/basic_death/0": Decimal("500000.00")}
    after = service.policy_as_of(NUMBER, date(2026, 10, 1))
    assert after.covers == {"A1/basic_death/0": Decimal("800000.00"), "A1/accidental_death/0": Decimal("300000.00")}
    assert after.premium == Decimal("640.00")
    container.embedded_runner("contracts").catch_up()  # the published event validates against schema v1
