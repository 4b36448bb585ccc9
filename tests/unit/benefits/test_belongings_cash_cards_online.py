"""Cash, cards, on-line purchases: personal-belongings-and-cards.txt, contract čl. II, IV, PP 01/2022."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from domain.benefits.belongings.cards import new_card_fee_benefit, unauthorised_transactions_benefit
from domain.benefits.belongings.cash import Withdrawal, cash_theft_benefit
from domain.benefits.belongings.errors import (
    ComplaintNotFinished,
    InvalidExchangeRate,
    OrderBelowMinimum,
    YearlyPayoutLimitReached,
)
from domain.benefits.belongings.online_purchase import (
    Complaint,
    ComplaintClosure,
    GoodsOrigin,
    online_purchase_benefit,
)
from domain.benefits.belongings.variants import Variant

WITHDRAWN_AT = datetime(2025, 3, 1, 9, 0)
WITHDRAWAL = Withdrawal(WITHDRAWN_AT, Decimal("60000.00"))


@pytest.mark.parametrize(
    ("stolen_at", "violent", "variant", "expected"),
    [
        (WITHDRAWN_AT + timedelta(hours=12), True, Variant.PLUS, "50000.00"),  # violent, 12 h: 50 000
        (
            WITHDRAWN_AT + timedelta(hours=12, minutes=1),
            True,
            Variant.PLUS,
            "10000.00",
        ),  # then the 5-day tier
        (
            WITHDRAWN_AT + timedelta(hours=3),
            True,
            Variant.RODINA_PLUS,
            "60000.00",
        ),  # 100 000 limit, 60 000 withdrawn
        (datetime(2025, 3, 6, 23, 0), False, Variant.PLUS, "10000.00"),  # 5th day after the withdrawal
        (datetime(2025, 3, 7, 8, 0), False, Variant.PLUS, "2000.00"),  # 6th day: cash regardless of source
        (datetime(2025, 3, 7, 8, 0), False, Variant.RODINA_PLUS, "4000.00"),
    ],
)
def test_cash_theft_pays_the_best_tier_it_qualifies_for(stolen_at, violent, variant, expected):
    result = cash_theft_benefit(variant, Decimal("80000.00"), stolen_at, WITHDRAWAL, violent)

    assert result.amount == Decimal(expected)


def test_cash_without_a_withdrawal_is_limited_to_2000():
    assert cash_theft_benefit(Variant.PLUS, Decimal("1500.00"), WITHDRAWN_AT, None, True).amount == Decimal(
        "1500.00"
    )
    assert cash_theft_benefit(Variant.PLUS, Decimal("5000.00"), WITHDRAWN_AT, None, True).amount == Decimal(
        "2000.00"
    )


@pytest.mark.parametrize(
    ("event_date", "variant", "expected"),
    [
        (date(2024, 10, 31), Variant.PLUS, "100000.00"),  # contract čl. II 2.3
        (date(2024, 11, 1), Variant.PLUS, "200000.00"),  # Veřejný příslib: doubled from 1. 11. 2024
        (date(2024, 11, 1), Variant.RODINA_PLUS, "250000.00"),  # limit 400 000, all 250 000 paid
    ],
)
def test_secured_transactions_are_paid_up_to_the_limit_valid_on_the_event_day(event_date, variant, expected):
    result = unauthorised_transactions_benefit(
        variant, event_date, Decimal("250000.00"), Decimal(0), Decimal("25.00")
    )

    assert result.amount == Decimal(expected)


def test_unsecured_transactions_are_paid_up_to_50_eur():
    # 50 EUR × 25.125 = 1 256.25 CZK; secured 3 000 in full
    result = unauthorised_transactions_benefit(
        Variant.PLUS, date(2025, 1, 5), Decimal("3000.00"), Decimal("8000.00"), Decimal("25.125")
    )

    assert result.amount == Decimal("4256.25")
    with pytest.raises(InvalidExchangeRate):
        unauthorised_transactions_benefit(Variant.PLUS, date(2025, 1, 5), Decimal(0), Decimal(1), Decimal(0))


def test_new_card_fee_is_paid_in_full_but_counts_as_a_payout():
    assert new_card_fee_benefit(Variant.PLUS, date(2025, 1, 5), Decimal("150.00")).amount == Decimal("150.00")
    with pytest.raises(YearlyPayoutLimitReached):
        new_card_fee_benefit(
            Variant.PLUS, date(2025, 9, 1), Decimal("150.00"), [date(2025, 1, 5), date(2025, 2, 5)]
        )


COMPLAINT_STARTED = date(2025, 2, 1)
REFUSED = Complaint(COMPLAINT_STARTED, ComplaintClosure.SELLER_REFUSED)


def online(
    order_value,
    origin=GoodsOrigin.NEW_FROM_LISTED_COUNTRY,
    complaint=REFUSED,
    assessed_on=date(2025, 3, 1),
    **kw,
):
    return online_purchase_benefit(
        Variant.PLUS, Decimal(order_value), origin, complaint, assessed_on, date(2025, 1, 20), **kw
    )


@pytest.mark.parametrize(
    ("order_value", "origin", "expected"),
    [
        ("500.00", GoodsOrigin.NEW_FROM_LISTED_COUNTRY, "500.00"),  # the minimum order
        ("60000.00", GoodsOrigin.NEW_FROM_LISTED_COUNTRY, "50000.00"),  # Plus limit
        ("7000.00", GoodsOrigin.NEW_FROM_OTHER_COUNTRY, "5000.00"),
        ("7000.00", GoodsOrigin.USED, "5000.00"),
    ],
)
def test_online_purchase_pays_the_order_up_to_the_origins_limit(order_value, origin, expected):
    assert online(order_value, origin).amount == Decimal(expected)


def test_online_order_below_500_is_refused():
    with pytest.raises(OrderBelowMinimum):
        online("499.99")


def test_repair_is_paid_at_most_up_to_the_order_value():
    assert online("3000.00", repair_cost=Decimal("1200.00")).amount == Decimal("1200.00")
    assert online("3000.00", repair_cost=Decimal("3500.00")).amount == Decimal("3000.00")


@pytest.mark.parametrize(
    ("complaint", "assessed_on", "finished"),
    [
        (Complaint(COMPLAINT_STARTED, None), date(2025, 6, 1), False),
        (
            Complaint(COMPLAINT_STARTED, ComplaintClosure.UNRESOLVED_FOR_60_DAYS),
            date(2025, 4, 1),
            False,
        ),  # day 59
        (
            Complaint(COMPLAINT_STARTED, ComplaintClosure.UNRESOLVED_FOR_60_DAYS),
            date(2025, 4, 2),
            True,
        ),  # 60 days
        (Complaint(COMPLAINT_STARTED, ComplaintClosure.SELLER_INSOLVENT), date(2025, 2, 2), True),
    ],
)
def test_the_complaint_procedure_must_have_ended(complaint, assessed_on, finished):
    if finished:
        assert online("1000.00", complaint=complaint, assessed_on=assessed_on).amount == Decimal("1000.00")
    else:
        with pytest.raises(ComplaintNotFinished):
            online("1000.00", complaint=complaint, assessed_on=assessed_on)
