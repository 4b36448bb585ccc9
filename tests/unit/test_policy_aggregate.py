from datetime import date
from decimal import Decimal

import pytest

from aggregates.policy import (
    DuplicatePayment,
    InvalidPayment,
    InvalidPolicyNumber,
    InvalidPremium,
    DateInFuture,
    Policy,
    policy_id_for,
)
from domain.birth_number import InvalidBirthNumber
from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, metadata

TODAY = date(2026, 6, 15)


FLEXI = default_catalogue().version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))


def issued(premium: str = "500.00", frequency: Frequency = Frequency.MONTHLY, **overrides) -> Policy:
    fields = dict(policy_number="2026000001", product=FLEXI, policyholder_name="Jana",
                  policyholder_birth_number="7103192745", advisor_id="ADV-1", frequency=frequency,
                  premium=Decimal(premium), start_date=date(2026, 1, 1), end_date=date(2046, 1, 1),
                  concluded_on=date(2025, 12, 20), sold_at_distance=False, meta=metadata(),
                  insured=FLEXI_INSURED, covers=FLEXI_COVERS)
    return Policy.issue(**{**fields, **overrides})


def test_issue_records_one_event_with_who_and_why() -> None:
    meta = metadata(reason="signed proposal 55")
    policy = issued(meta=meta)
    [event] = policy.collect_events()
    assert type(event).__name__ == "Issued"
    assert event.meta == meta
    assert policy.id == policy_id_for("2026000001")
    assert policy.policyholder_birth_number == "710319/2745"  # normalised
    assert policy.paid_to is None


def test_payments_cover_whole_periods_and_carry_credit_forward() -> None:
    policy = issued(premium="512.00")
    # 1 024 = 2 x 512 -> January and February paid, no credit
    policy.record_premium_payment(payment_id="a", amount=Decimal("1024"), received_on=TODAY, today=TODAY, meta=metadata())
    assert (policy.paid_to, policy.credit) == (date(2026, 2, 28), Decimal("0"))
    # 600 = 512 (March) + 88 credit
    policy.record_premium_payment(payment_id="b", amount=Decimal("600"), received_on=TODAY, today=TODAY, meta=metadata())
    assert (policy.paid_to, policy.credit) == (date(2026, 3, 31), Decimal("88.00"))
    # 424 + 88 credit = 512: April
    policy.record_premium_payment(payment_id="c", amount=Decimal("424"), received_on=TODAY, today=TODAY, meta=metadata())
    assert (policy.paid_to, policy.credit) == (date(2026, 4, 30), Decimal("0"))
    events = policy.collect_events()
    assert [event.paid_to for event in events[1:]] == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (dict(payment_id="a"), DuplicatePayment),
        (dict(amount=Decimal("0")), InvalidPayment),
        (dict(amount=Decimal("-10")), InvalidPayment),
        (dict(received_on=date(2026, 6, 16)), DateInFuture),
    ],
)
def test_refused_payments_record_nothing(change: dict, error: type) -> None:
    policy = issued()
    policy.record_premium_payment(payment_id="a", amount=Decimal("500"), received_on=TODAY, today=TODAY, meta=metadata())
    policy.collect_events()
    arguments = dict(payment_id="b", amount=Decimal("500"), received_on=TODAY, today=TODAY, meta=metadata()) | change
    with pytest.raises(error):
        policy.record_premium_payment(**arguments)
    assert policy.collect_events() == []
    assert policy.version == 2 and policy.paid_to == date(2026, 1, 31)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (dict(policy_number="0123"), InvalidPolicyNumber),
        (dict(policy_number="12345678901"), InvalidPolicyNumber),  # 11 digits: not a payment reference
        (dict(premium=Decimal("0")), InvalidPremium),
        (dict(policyholder_birth_number="7103192746"), InvalidBirthNumber),
    ],
)
def test_refused_issue(change: dict, error: type) -> None:
    with pytest.raises(error):
        issued(**change)


def test_a_snapshot_taken_before_the_preliminary_cover_is_upcast() -> None:
    policy = issued()
    snapshot = Policy.Snapshot.take(policy)
    state = dict(snapshot.state)
    assert state.pop("class_version") == 2
    del state["preliminary_cover"]  # as a version-1 snapshot was stored
    old = Policy.Snapshot(originator_id=policy.id, originator_version=policy.version, timestamp=snapshot.timestamp,
                          topic=snapshot.topic, state=state)
    restored = old.mutate(None)
    assert (restored.preliminary_cover, restored.policy_number, restored.premium) == (None, policy.policy_number,
                                                                                      policy.premium)
