"""Loss or theft of personal items, documents and keys, within the aggregated limit per event."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from domain.benefits.belongings.errors import NothingPayable, PurchaseDateMissing, UnknownItemCategory
from domain.benefits.belongings.variants import LOST_ELECTRONICS_OR_VALUABLE_ITEM_CAP, Variant
from domain.benefits.belongings.yearly_payouts import require_payout_available
from domain.benefits.inputs import require_amount
from domain.benefits.result import BenefitResult, BreakdownLine
from domain.dates import add_years
from domain.money import round_czk

ELECTRONICS_COVERED_YEARS = 5
LOSS_SHARE_OF_PRICE = Decimal("0.5")


class Peril(Enum):
    LOSS = "loss"
    THEFT = "theft"


class ItemKind(Enum):
    ELECTRONICS = "electronics"
    VALUABLES = "valuables"
    OTHER = "other"


class ItemCategory(Enum):
    """(name, kind, whether an item the employer entrusted to the insured is covered)."""

    MOBILE_PHONE = ("mobile-phone", ItemKind.ELECTRONICS, True)
    NOTEBOOK = ("notebook", ItemKind.ELECTRONICS, True)
    TABLET = ("tablet", ItemKind.ELECTRONICS, True)
    CAMERA = ("camera", ItemKind.ELECTRONICS, True)
    SMARTWATCH = ("smartwatch", ItemKind.ELECTRONICS, False)
    E_READER = ("e-reader", ItemKind.ELECTRONICS, False)
    MP3_MP4_PLAYER = ("mp3-mp4-player", ItemKind.ELECTRONICS, False)
    WATCH = ("watch", ItemKind.VALUABLES, False)
    JEWELLERY = ("jewellery", ItemKind.VALUABLES, False)
    WALLET = ("wallet", ItemKind.OTHER, False)
    HAND_LUGGAGE = ("hand-luggage", ItemKind.OTHER, False)
    GLASSES = ("glasses", ItemKind.OTHER, False)
    MEDICINES = ("medicines", ItemKind.OTHER, False)
    MEDICAL_AIDS = ("medical-aids", ItemKind.OTHER, False)
    PARKING_TICKET = ("parking-ticket", ItemKind.OTHER, False)
    COSMETICS_AND_PERFUME = ("cosmetics-and-perfume", ItemKind.OTHER, False)
    MEAL_VOUCHERS = ("meal-vouchers", ItemKind.OTHER, False)

    @classmethod
    def named(cls, name: str) -> ItemCategory:
        """The category by its name ("mobile-phone") or its member name ("MOBILE_PHONE")."""
        found = next((category for category in cls if name in (category.value[0], category.name)), None)
        if found is None:
            raise UnknownItemCategory(f"no item category {name!r}; known: {', '.join(c.value[0] for c in cls)}")
        return found

    @property
    def kind(self) -> ItemKind:
        return self.value[1]

    @property
    def employer_item_covered(self) -> bool:
        return self.value[2]


@dataclass(frozen=True)
class ClaimedItem:
    """An item lost or stolen; ``replacement_price`` is what the new one cost the insured."""

    category: ItemCategory
    original_price: Decimal
    replacement_price: Decimal
    purchased_on: date | None = None
    entrusted_by_employer: bool = False

    def __post_init__(self) -> None:
        require_amount("original_price", self.original_price)
        require_amount("replacement_price", self.replacement_price)
        if self.category.kind is ItemKind.ELECTRONICS and self.purchased_on is None:
            raise PurchaseDateMissing(f"{self.category.name} needs the date the insured bought it")


@dataclass(frozen=True)
class DocumentsRenewal:
    """All documents of the event: the cost of having them made again."""

    renewal_costs: Decimal

    def __post_init__(self) -> None:
        require_amount("renewal_costs", self.renewal_costs)


@dataclass(frozen=True)
class KeysReplacement:
    """Home or car keys: new keys and locks, and the locksmith's work."""

    keys_and_locks: Decimal
    locksmith_work: Decimal

    def __post_init__(self) -> None:
        require_amount("keys_and_locks", self.keys_and_locks)
        require_amount("locksmith_work", self.locksmith_work)


def personal_items_benefit(
    variant: Variant,
    peril: Peril,
    claimed: Sequence[ClaimedItem | DocumentsRenewal | KeysReplacement],
    event_date: date,
    earlier_payout_event_dates: Iterable[date] = (),
) -> BenefitResult:
    """Pay each item by the loss or theft rule, then cap the event at the aggregated limit.

    Seed: personal-belongings-and-cards.txt, PP 01/2022 čl. 6.4: "při ztrátě elektroniky nebo
    cenností (hodinky, šperky) je limit pojistného plnění pro jednotlivou ztracenou věc
    10 000 Kč; současně je pojistné plnění omezeno 50 % pořizovací ceny nové osobní věci,
    maximálně však 50 % pořizovací ceny ztracené osobní věci"; other items (and electronics or
    valuables stolen) "100 % pořizovací ceny nové osobní věci, maximálně však 100 % pořizovací
    ceny ztracené nebo odcizené"; contract čl. II 2.3: documents "náklady na zhotovení vč.
    fixního příspěvku (1 000 Kč var. Plus/2 000 Kč varianta Rodina Plus)", keys per the brochure
    "výměnu zámků, klíčů, ale i práci zámečníka"; own items only except phone, notebook, tablet
    and camera "svěřené zaměstnavatelem"; electronics only "pokud od data jejího pořízení
    pojištěným neuplynulo více než pět (5) let" (exactly five years is still covered); "pojistné
    plnění za jednu pojistnou událost ... nemůže překročit sdružený limit pro osobní věci".
    """
    require_payout_available(variant, event_date, earlier_payout_event_dates)
    lines: list[BreakdownLine] = []
    documents_costs = [entry.renewal_costs for entry in claimed if isinstance(entry, DocumentsRenewal)]
    for entry in claimed:
        if isinstance(entry, ClaimedItem):
            lines.append(_item_line(entry, peril, event_date))
        elif isinstance(entry, KeysReplacement):
            lines.append(BreakdownLine("keys and locks", entry.keys_and_locks))
            lines.append(BreakdownLine("locksmith's work", entry.locksmith_work))
    if documents_costs:
        lines.append(BreakdownLine("documents: renewal costs", sum(documents_costs, Decimal(0))))
        lines.append(BreakdownLine("documents: fixed contribution", variant.limits.documents_contribution))
    total = sum((line.amount for line in lines), Decimal(0))
    if total == 0:
        raise NothingPayable("; ".join(line.description for line in lines) or "no item claimed")
    aggregate = variant.limits.personal_items_aggregate
    if total > aggregate:
        lines.append(BreakdownLine(f"aggregated limit for personal items {aggregate}", aggregate - total))
        total = aggregate
    return BenefitResult(amount=total, breakdown=tuple(lines))


def _item_line(item: ClaimedItem, peril: Peril, event_date: date) -> BreakdownLine:
    name = item.category.name
    if item.entrusted_by_employer and not item.category.employer_item_covered:
        return BreakdownLine(f"{name}: only the insured's own is covered", Decimal(0))
    if item.category.kind is ItemKind.ELECTRONICS and item.purchased_on is not None:
        covered_until = add_years(item.purchased_on, ELECTRONICS_COVERED_YEARS)
        if event_date > covered_until:
            return BreakdownLine(f"{name}: bought {item.purchased_on}, more than 5 years ago", Decimal(0))
    if peril is Peril.LOSS and item.category.kind in (ItemKind.ELECTRONICS, ItemKind.VALUABLES):
        payout = min(
            LOST_ELECTRONICS_OR_VALUABLE_ITEM_CAP,
            round_czk(item.replacement_price * LOSS_SHARE_OF_PRICE),
            round_czk(item.original_price * LOSS_SHARE_OF_PRICE),
        )
        return BreakdownLine(f"{name} lost: 50 % of the lower price, at most 10 000 per item", payout)
    return BreakdownLine(
        f"{name} {peril.value}: new price, at most the original",
        min(item.replacement_price, item.original_price),
    )
