"""Purchases ordered on-line: goods not delivered, wrong or damaged, money not returned."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from domain.benefits.belongings.errors import ComplaintNotFinished, OrderBelowMinimum
from domain.benefits.belongings.variants import Variant, VariantLimits
from domain.benefits.belongings.yearly_payouts import require_payout_available
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine

MINIMUM_ORDER = Decimal("500.00")
COMPLAINT_LAPSES_AFTER = timedelta(days=60)


class GoodsOrigin(Enum):
    """New goods from the EU, Australia, Iceland, Israel, Japan, Canada, Norway, New Zealand,
    Switzerland, the USA or the UK; new goods from elsewhere; used goods."""

    NEW_FROM_LISTED_COUNTRY = "new-listed-country"
    NEW_FROM_OTHER_COUNTRY = "new-other-country"
    USED = "used"

    def limit(self, limits: VariantLimits) -> Decimal:
        return {
            GoodsOrigin.NEW_FROM_LISTED_COUNTRY: limits.online_new_from_listed_countries,
            GoodsOrigin.NEW_FROM_OTHER_COUNTRY: limits.online_new_from_other_countries,
            GoodsOrigin.USED: limits.online_used_goods,
        }[self]


class ComplaintClosure(Enum):
    """How the complaint procedure ended (contract čl. IV bod 4.3.2)."""

    SELLER_REFUSED = "seller-refused"
    SELLER_CEASED_TRADING = "seller-ceased-trading"
    SELLER_INSOLVENT = "seller-insolvent"
    UNRESOLVED_FOR_60_DAYS = "unresolved-for-60-days"


@dataclass(frozen=True)
class Complaint:
    started_on: date
    closure: ComplaintClosure | None


def online_purchase_benefit(
    variant: Variant,
    order_value: Decimal,
    origin: GoodsOrigin,
    complaint: Complaint,
    assessed_on: date,
    event_date: date,
    repair_cost: Decimal | None = None,
    earlier_payout_event_dates: Iterable[date] = (),
) -> BenefitResult:
    """Pay the order's value (or the repair, at most that value) up to the origin's limit.

    Seed: personal-belongings-and-cards.txt, contract čl. IV: an order "v minimální souhrnné
    hodnotě 500 Kč vč. DPH po uplatnění všech slev/kuponů a včetně nákladů za dopravu"
    (``order_value``), "reklamační řízení bylo zahájeno a zároveň ukončeno" (4.3.2, including
    "marným uplynutím 60 dní od jeho zahájení"); 4.4.1 "ve výši hodnoty objednávky včetně DPH
    a ceny dopravy"; 4.4.2 repair "maximálně však do výše kupní ceny"; limits per čl. II 2.3.
    """
    require_payout_available(variant, event_date, earlier_payout_event_dates)
    order_value = require_amount("order_value", order_value)
    if order_value < MINIMUM_ORDER:
        raise OrderBelowMinimum(f"the order of {order_value} is below {MINIMUM_ORDER}")
    _require_finished(complaint, assessed_on)
    if repair_cost is None:
        lines = [BreakdownLine("order value incl. VAT and delivery", order_value)]
    else:
        repair = require_amount("repair_cost", repair_cost)
        lines = [BreakdownLine("repair, at most the order value", min(repair, order_value))]
    limit = origin.limit(variant.limits)
    if lines[0].amount > limit:
        lines.append(BreakdownLine(f"limit for {origin.value} goods {limit}", limit - lines[0].amount))
    return BenefitResult(amount=sum(line.amount for line in lines), breakdown=tuple(lines))


def _require_finished(complaint: Complaint, assessed_on: date) -> None:
    if complaint.closure is None:
        raise ComplaintNotFinished("the complaint procedure with the seller has not ended")
    if (
        complaint.closure is ComplaintClosure.UNRESOLVED_FOR_60_DAYS
        and assessed_on < complaint.started_on + COMPLAINT_LAPSES_AFTER
    ):
        raise ComplaintNotFinished(f"60 days from {complaint.started_on} have not passed by {assessed_on}")
