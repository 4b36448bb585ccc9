"""Exclusions of the belongings and cards cover that a claim's facts can show.

Seed: personal-belongings-and-cards.txt, the brochure's "Nejdůležitější výluky" ("odcizení v důsledku
neopatrného jednání a ponechání věcí bez dozoru") and PP 01/2022 čl. 4.1 b) (card operations "ke kterým
došlo po blokaci") and 4.2 (goods bought on-line the cover does not insure).
"""

from __future__ import annotations

from enum import Enum

from domain.errors import DomainError


class EventExcluded(DomainError):
    rule = "belongings-event-excluded"


class OnlineGoods(Enum):
    """What was ordered: ordinary goods, or one of the kinds čl. 4.2 excludes."""

    ORDINARY = "ordinary"
    SECURITIES_OR_CURRENCIES = "securities-or-currencies"  # a) cenné papíry, kryptoměny a měny
    PERISHABLE_FOOD = "perishable-food"  # b) potravinářské a rychle se kazící zboží
    WEAPONS_ALCOHOL_OR_DRUGS = "weapons-alcohol-or-drugs"  # c) zbraně, výbušniny, alkohol, návykové látky
    FOR_BUSINESS = "for-business"  # d) sloužící k jakékoliv podnikatelské činnosti


def refuse_unattended_theft(left_unattended: bool) -> None:
    if left_unattended:
        raise EventExcluded("not insured: a theft after leaving things unattended ('ponechání věcí bez dozoru')")


def refuse_operations_after_blocking(after_blocking: bool) -> None:
    if after_blocking:
        raise EventExcluded("not insured: card operations after the card was blocked ('ke kterým došlo po blokaci')")


def refuse_excluded_goods(goods: OnlineGoods) -> None:
    if goods is not OnlineGoods.ORDINARY:
        raise EventExcluded(f"not insured: an on-line purchase of {goods.value} (PP 01/2022 čl. 4.2)")
