"""The daily export at 21:00 (Prague) on the business clock: what was sent by then is exported and locked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from application.bootstrap import Container
from application.commands import command_adapter
from consumers.proposal_export_workflow import export_time
from tests.conftest import settings_for
from tests.simulation import start_day

PRAGUE = ZoneInfo("Europe/Prague")


@pytest.fixture(params=["sqlite", "postgresql"])
def business(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Container]:
    container = Container(settings_for(request.param, tmp_path, request))
    container.migrate()
    start_day(container, date(2026, 6, 2))
    yield container
    container.close()


def run(container: Container, number: str, type_: str, **fields: object) -> None:
    container.policies.execute(command_adapter.validate_python(
        {"type": type_, "command_id": str(uuid4()), "actor": "advisor-17", "channel": "sales_app",
         "proposal_number": number, **fields}))


def sent(container: Container, number: str, at: datetime) -> None:
    run(container, number, "DraftProposal", product_code="FLEXI_RISK_LIFE", start_date="2026-07-01",
        terms={"premium": "500.00", "frequency": "monthly"}, drafted_on="2026-06-02")
    run(container, number, "SignProposal", signature="paper", signed_on="2026-06-02")
    run(container, number, "SendProposal", sent_at=at.isoformat())


def test_the_export_cut_off_is_21_00_prague_on_the_evening_before() -> None:
    assert export_time(date(2026, 6, 3)) == datetime(2026, 6, 2, 21, 0, tzinfo=PRAGUE)
    assert export_time(date(2026, 6, 3)).utcoffset().total_seconds() == 7200  # summer time: 19:00 UTC


def test_sent_by_21_00_exported_that_evening_later_ones_the_next(business: Container) -> None:
    sent(business, "N-2026-0001", datetime(2026, 6, 2, 20, 59, tzinfo=PRAGUE))
    sent(business, "N-2026-0002", datetime(2026, 6, 2, 21, 30, tzinfo=PRAGUE))
    sent(business, "N-2026-0003", datetime(2026, 6, 2, 15, 0, tzinfo=PRAGUE))
    run(business, "N-2026-0003", "CancelProposal", cancelled_on="2026-06-02")  # cancelled before the export
    runner = business.embedded_runner("proposal-export")
    runner.catch_up()
    start_day(business, date(2026, 6, 3))
    runner.catch_up()
    first, second, cancelled = (business.policies.proposal(f"N-2026-000{n}") for n in (1, 2, 3))
    assert (first.status, first.exported_at) == ("exported", datetime(2026, 6, 2, 21, 0, tzinfo=PRAGUE))
    assert (second.status, cancelled.status) == ("sent", "cancelled")
    start_day(business, date(2026, 6, 4))
    runner.catch_up()
    assert business.policies.proposal("N-2026-0002").exported_at == datetime(2026, 6, 3, 21, 0, tzinfo=PRAGUE)
    # The workflow replayed from the start exports nothing twice.
    before = business.policies.recorder.max_notification_id()
    business.reset_projection("proposal-export")
    runner.catch_up()
    assert business.policies.recorder.max_notification_id() == before
