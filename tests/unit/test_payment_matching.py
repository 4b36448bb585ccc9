"""Which bank-statement lines become premium payments, and why the others are parked."""

from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import DateInFuture, DuplicatePayment, PolicyNotInForce
from application.commands import RecordPremiumPayment
from application.payment_matching import Parked, decide, parked_for
from application.policy_service import PolicyNotFound
from consumers.bank_statements import StatementLine, decode_line
from producers.wire import InvalidMessage


def line(**overrides) -> StatementLine:
    fields = dict(statement_id="S-1", line_id="L-1", account="CZ6508000000192000145399", booked_on=date(2026, 3, 2),
                  amount=Decimal("512.00"), currency="CZK", variable_symbol="2026000101")
    return StatementLine(**{**fields, **overrides})


def test_a_line_naming_a_contract_in_czk_becomes_its_payment_once() -> None:
    first, again = decide(line()), decide(line(statement_id="S-2"))
    assert isinstance(first, RecordPremiumPayment)
    assert (first.policy_number, first.amount, first.received_on, first.payment_id) == (
        "2026000101", Decimal("512.00"), date(2026, 3, 2), "L-1")
    assert first.command_id == again.command_id  # derived from the line id: a redelivery is a retry


@pytest.mark.parametrize("overrides, reason", [
    ({"currency": "EUR"}, "premium-paid-in-czk"),
    ({"amount": Decimal("-512.00")}, "statement-line-is-a-credit"),
    ({"amount": Decimal("0.00")}, "statement-line-is-a-credit"),
    ({"variable_symbol": None}, "payment-reference-given"),
    ({"variable_symbol": "0123"}, "payment-reference-is-a-contract-number"),
    ({"variable_symbol": "POJ-12"}, "payment-reference-is-a-contract-number"),
])
def test_lines_that_cannot_be_a_premium_payment_are_parked_with_the_reason(overrides, reason) -> None:
    parked = decide(line(**overrides))
    assert isinstance(parked, Parked) and parked.reason == reason


@pytest.mark.parametrize("error, reason", [
    (PolicyNotFound("no policy"), "unknown-contract"),
    (PolicyNotInForce("ended"), "contract-not-in-force"),
    (DateInFuture("tomorrow"), "booked-in-the-future"),
])
def test_refusals_of_the_core_park_the_line(error, reason) -> None:
    assert parked_for(error) == Parked(reason, str(error))


def test_a_payment_already_recorded_under_the_line_id_is_not_parked() -> None:
    assert parked_for(DuplicatePayment("already")) is None


@pytest.mark.parametrize("value, rule", [
    (b"", "statement-line-is-json"),
    (b"{not json", "statement-line-matches-schema"),
    (b'{"statement_id": "S", "line_id": "L", "account": "A", "booked_on": "2026-03-02", "amount": "1.001",'
     b' "currency": "CZK"}', "statement-line-matches-schema"),
    (b'{"statement_id": "S", "line_id": "L", "account": "A", "booked_on": "2026-03-02", "amount": "1.00",'
     b' "currency": "CZK", "iban": "x"}', "statement-line-matches-schema"),
])
def test_a_line_off_the_schema_is_poison(value: bytes, rule: str) -> None:
    with pytest.raises(InvalidMessage, match=rule):
        decode_line(value)
