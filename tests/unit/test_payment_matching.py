"""Which bank-statement lines become premium payments, and why the others are parked."""

import json
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
                  amount="512.00", currency="CZK", variable_symbol="2026000101")
    return StatementLine(**{**fields, **overrides})


def test_a_line_naming_a_contract_in_czk_becomes_its_payment_once() -> None:
    first, again = decide(line()), decide(line(statement_id="S-2"))
    assert isinstance(first, RecordPremiumPayment)
    assert (first.policy_number, first.amount, first.received_on, first.payment_id) == (
        "2026000101", Decimal("512.00"), date(2026, 3, 2), "L-1")
    assert first.command_id == again.command_id  # derived from the line id: a redelivery is a retry


@pytest.mark.parametrize("overrides, reason", [
    ({"currency": "EUR"}, "premium-paid-in-czk"),
    ({"amount": "-512.00"}, "statement-line-is-a-credit"),
    ({"amount": "0.00"}, "statement-line-is-a-credit"),
    ({"variable_symbol": None}, "payment-reference-given"),
    ({"variable_symbol": "  "}, "payment-reference-given"),
    ({"variable_symbol": "20260001011"}, "payment-reference-is-a-contract-number"),  # 11 digits: still money, parked
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


def wire(**overrides) -> bytes:
    fields = {"statement_id": "S", "line_id": "L", "account": "A", "booked_on": "2026-03-02", "amount": "1.00",
              "currency": "CZK", "variable_symbol": "2026000101"}
    return json.dumps({**fields, **overrides}).encode()


def test_the_documented_line_decodes_exactly() -> None:
    decoded = decode_line(wire(amount="12345678901.23", message="pojistné"))
    assert (decoded.amount, decoded.booked_on, decoded.message) == (Decimal("12345678901.23"), date(2026, 3, 2),
                                                                    "pojistné")


@pytest.mark.parametrize("value, rule, field", [
    (b"", "statement-line-is-json", ""),
    (b"{not json", "statement-line-matches-schema", "message"),
    (wire(amount="1.001"), "statement-line-matches-schema", "amount"),
    (wire(amount="512"), "statement-line-matches-schema", "amount"),        # two places, always
    (wire(amount="1e2"), "statement-line-matches-schema", "amount"),
    (wire(amount=512.1), "statement-line-matches-schema", "amount"),        # a JSON number: not exact
    (wire(booked_on=1772409600), "statement-line-matches-schema", "booked_on"),
    (wire(booked_on="2026-03-02T10:00:00"), "statement-line-matches-schema", "booked_on"),
    (wire(currency="czk"), "statement-line-matches-schema", "currency"),
    (wire(variable_symbol=2026000101), "statement-line-matches-schema", "variable_symbol"),
    (wire(line_id=""), "statement-line-matches-schema", "line_id"),
    (wire(iban="x"), "statement-line-matches-schema", "iban"),
])
def test_a_line_off_the_schema_is_poison_naming_the_field(value: bytes, rule: str, field: str) -> None:
    with pytest.raises(InvalidMessage, match=rule) as raised:
        decode_line(value)
    assert str(raised.value).startswith(field)
