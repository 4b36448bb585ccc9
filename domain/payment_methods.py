"""How a policyholder pays regular premium, and which ways each product accepts.

FLEXI: "Pojistné můžete platit převodem, inkasem z účtu nebo formou SIPO" (precontract, section 4);
accident handbook, chapter 7: SIPO, SINK (direct debit), standing order, or a payment order, and
"Je-li sjednáno pojistné období jeden měsíc, nelze v pojistné smlouvě zvolit příkazem k úhradě";
the group belongings fee is collected from the account ("inkasován").
"""

from __future__ import annotations

from enum import Enum

from domain.errors import DomainError
from domain.premium_periods import Frequency


class PaymentMethod(Enum):
    BANK_TRANSFER = "bank_transfer"  # převod / příkaz k úhradě: the client pays each instalment
    STANDING_ORDER = "standing_order"  # trvalý příkaz
    DIRECT_DEBIT = "direct_debit"  # inkaso z účtu (SINK)
    SIPO = "sipo"  # soustředěné inkaso plateb obyvatelstva (Česká pošta)


class PaymentMethodNotOffered(DomainError):
    rule = "payment-method-offered-by-product"


class MonthlyPaymentOrderRefused(DomainError):
    rule = "monthly-premium-not-by-payment-order"


def check_payment_method(offered: frozenset[PaymentMethod], not_monthly: frozenset[PaymentMethod],
                         frequency: Frequency, method: PaymentMethod) -> None:
    if method not in offered:
        raise PaymentMethodNotOffered(f"the product is not paid by {method.value}")
    if frequency is Frequency.MONTHLY and method in not_monthly:
        raise MonthlyPaymentOrderRefused(f"premium paid monthly cannot be paid by {method.value}")
