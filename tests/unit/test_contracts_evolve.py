from datetime import date

import pytest

from producers.mapping import to_integration_event
from projections.contracts import ProjectionRejected, evolve
from tests.unit.test_integration_schema import domain_events


def test_issue_then_payment() -> None:
    issued, paid = (to_integration_event(event) for event in domain_events())
    row, payment = evolve(None, issued)
    assert payment is None
    assert (row.premium_halere, row.paid_to, row.version, row.status) == (90000, None, 1, "in_force")
    row, payment = evolve(row, paid)
    assert (row.paid_to, row.credit_halere, row.total_paid_halere, row.payments_count, row.version) == (
        date(2026, 3, 31), 10000, 100000, 1, 2)
    assert payment is not None and payment.amount_halere == 100000


def test_payment_for_a_contract_never_issued_is_rejected() -> None:
    paid = to_integration_event(domain_events()[1])
    with pytest.raises(ProjectionRejected, match="never issued"):
        evolve(None, paid)
