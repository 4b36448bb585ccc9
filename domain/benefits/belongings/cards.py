"""Unauthorised card and electronic transactions (incl. phishing) and the new-card fee."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from domain.benefits.belongings.errors import InvalidExchangeRate, NothingPayable
from domain.benefits.belongings.variants import Variant
from domain.benefits.belongings.yearly_payouts import require_payout_available
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.money import round_czk

STATUTORY_PAYER_SHARE_EUR = Decimal("50")


def unauthorised_transactions_benefit(
    variant: Variant,
    event_date: date,
    secured_amount: Decimal,
    unsecured_amount: Decimal,
    eur_czk_rate: Decimal,
    earlier_payout_event_dates: Iterable[date] = (),
) -> BenefitResult:
    """Pay secured transactions up to the variant's limit, unsecured ones up to 50 EUR.

    Seed: personal-belongings-and-cards.txt, PP 01/2022 čl. 6.3: unsecured ("bez použití PIN,
    bez ověření 3D Secure") "ve výši spoluúčasti klienta banky stanovené zákonem č. 370/2017
    Sb." (50 EUR); secured "omezeno limitem pojistného plnění dle zvolené varianty" –
    100 000 / 200 000 per contract čl. II 2.3, doubled by the Veřejný příslib for events from
    1. 11. 2024. EUR converts at the ČNB "devizy střed" rate of the event day (čl. 6.5).
    Amounts are what was debited and not refunded by the bank (čl. 7.2 c).
    """
    require_payout_available(variant, event_date, earlier_payout_event_dates)
    secured = require_amount("secured_amount", secured_amount)
    unsecured = require_amount("unsecured_amount", unsecured_amount)
    if isinstance(eur_czk_rate, float) or eur_czk_rate <= 0:
        raise InvalidExchangeRate(f"eur_czk_rate must be a positive Decimal, got {eur_czk_rate!r}")
    secured_limit = variant.secured_transactions_limit(event_date)
    statutory_share = round_czk(STATUTORY_PAYER_SHARE_EUR * eur_czk_rate)
    lines = tuple(
        line
        for line in (
            BreakdownLine(f"secured transactions, at most {secured_limit}", min(secured, secured_limit)),
            BreakdownLine(
                f"unsecured transactions, at most 50 EUR = {statutory_share}", min(unsecured, statutory_share)
            ),
        )
        if line.amount
    )
    if not lines:
        raise NothingPayable("no unauthorised amount was left unrefunded")
    return BenefitResult(amount=sum(line.amount for line in lines), breakdown=lines)


def new_card_fee_benefit(
    variant: Variant, event_date: date, fee: Decimal, earlier_payout_event_dates: Iterable[date] = ()
) -> BenefitResult:
    """Pay the bank's fee for a card replacing a lost, stolen or misused one, without a limit.

    Seed: personal-belongings-and-cards.txt, contract čl. II 2.3 "VYDÁNÍ NOVÉ KARTY": "bez
    limitu (plněno v částce dle ceníku banky)"; PP 01/2022 čl. 3.2 i).
    """
    require_payout_available(variant, event_date, earlier_payout_event_dates)
    fee = require_amount("fee", fee)
    return BenefitResult(
        amount=fee, breakdown=(BreakdownLine("new card fee per the bank's price list", fee),)
    )
