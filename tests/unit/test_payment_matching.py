"""Which bank-statement lines become premium payments, and why the others are parked."""

import json
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from aggregates.policy import DateInFuture, DuplicatePayment, PolicyNotInForce
from application.commands import RecordPremiumPayment
from application.payment_matching import Parked, Settled, decide, settle
from application.policy_service import CommandIdReused, Outcome, PolicyNotFound
from consumers.bank_statements import StatementLine, decode_line
from producers.wire import InvalidMessage
from tests.factories import metadata
from tests.unit.test_policy_collections import TODAY, flexi


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


@pytest.mark.parametrize("error, reason, policy_number", [
    (PolicyNotFound("no policy"), "unknown-contract", None),
    (CommandIdReused("other content"), "line-id-reused-for-other-content", None),
    (PolicyNotInForce("ended"), "contract-not-in-force", "2026000101"),   # the debt stays claimable
    (DateInFuture("tomorrow"), "booked-in-the-future", "2026000101"),
])
def test_refusals_of_the_core_park_the_line(error, reason, policy_number) -> None:
    assert settle(decide(line()), error) == Parked(reason, str(error), policy_number)


def test_the_core_answer_settles_the_line_once() -> None:
    payment = decide(line())
    assert settle(payment, Outcome(payment.command_id, uuid4(), 2)) == Settled("2026000101", "recorded")
    # a replay of this very command after a crash: the recorded outcome, so the line is recorded (once)
    assert settle(payment, Outcome(payment.command_id, uuid4(), 2, duplicate=True)) == Settled("2026000101")
    # its payment id already on the policy by another command (back office): the line adds nothing
    assert settle(payment, DuplicatePayment("already")) == Settled("2026000101", "duplicate")


def test_exact_partial_and_over_payments_cover_whole_months_and_keep_the_rest_as_credit() -> None:
    """Monthly 500.00 from 1 January: 500 pays January; 200 more is credit; 1200 more makes 1900 =
    3 x 500 (to 31 March) + 400 credit for April."""
    policy = flexi()
    covered = []
    for line_id, amount in [("L1", "500.00"), ("L2", "200.00"), ("L3", "1200.00")]:
        payment = decide(line(line_id=line_id, amount=amount, variable_symbol=policy.policy_number))
        policy.record_premium_payment(payment_id=payment.payment_id, amount=payment.amount,
                                      received_on=payment.received_on, today=TODAY, meta=metadata())
        covered.append((policy.paid_to, policy.credit))
    assert covered == [(date(2026, 1, 31), Decimal("0.00")), (date(2026, 1, 31), Decimal("200.00")),
                       (date(2026, 3, 31), Decimal("400.00"))]


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
    (b"{not json", "statement-line-is-json", "Invalid JSON"),
    (b'["a", "list"]', "statement-line-matches-schema", "line"),
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
