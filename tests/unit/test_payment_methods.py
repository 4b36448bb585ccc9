"""How premium is paid: the ways each product accepts, and the accident handbook's "no payment order for a
monthly premium" (chapter 7), at issue and when an amendment changes the frequency or the method."""

from datetime import date
from decimal import Decimal

import pytest

from domain.payment_methods import MonthlyPaymentOrderRefused, PaymentMethod, PaymentMethodNotOffered
from domain.premium_periods import Frequency
from tests.factories import metadata
from tests.unit.test_policy_collections import BELONGINGS, FLEXI, TODAY, flexi
from tests.unit.test_risk_group import ACCIDENT_23UO, accident


def amend(policy, frequency: Frequency, method: PaymentMethod | None, product=ACCIDENT_23UO) -> None:
    policy.agree_amendment(amendment_number=policy.amendments + 1, requested_on=date(2026, 5, 20), effective_from=None,
                           premium=Decimal("150"), frequency=frequency, product=product, today=TODAY, meta=metadata(),
                           payment_method=method)


def test_flexi_is_paid_by_transfer_direct_debit_or_sipo_not_standing_order() -> None:
    assert flexi(payment_method=PaymentMethod.SIPO).payment_method is PaymentMethod.SIPO
    with pytest.raises(PaymentMethodNotOffered):
        flexi(payment_method=PaymentMethod.STANDING_ORDER)


def test_the_group_fee_is_only_collected_from_the_account() -> None:
    with pytest.raises(PaymentMethodNotOffered):
        flexi(product=BELONGINGS, premium=Decimal("99"), insured=[], covers=[], end_date=None,
              payment_method=PaymentMethod.SIPO)


def test_accident_premium_paid_monthly_is_not_paid_by_payment_order() -> None:
    with pytest.raises(MonthlyPaymentOrderRefused):
        accident(frequency=Frequency.MONTHLY, premium=Decimal("150"), payment_method=PaymentMethod.BANK_TRANSFER)
    by_order = accident(payment_method=PaymentMethod.BANK_TRANSFER)  # quarterly: fine
    with pytest.raises(MonthlyPaymentOrderRefused):  # going monthly keeps the payment order: refused
        amend(by_order, Frequency.MONTHLY, None)
    amend(by_order, Frequency.MONTHLY, PaymentMethod.STANDING_ORDER)
    assert (by_order.payment_method, by_order.terms_on(date(2026, 7, 1)).frequency) == (
        PaymentMethod.STANDING_ORDER, Frequency.MONTHLY)


def test_an_unstated_method_stays_unstated_until_an_amendment_names_it() -> None:
    policy = flexi()
    assert policy.payment_method is None
    policy.agree_amendment(amendment_number=1, requested_on=date(2026, 5, 20), effective_from=None,
                           premium=Decimal("500"), frequency=Frequency.MONTHLY, product=FLEXI, today=TODAY,
                           meta=metadata(), payment_method=PaymentMethod.DIRECT_DEBIT)
    assert policy.payment_method is PaymentMethod.DIRECT_DEBIT
