"""Belongings and cards claims: the facts of the event to the calculator of its peril.

The variant is the policy's (its one cover record: Plus or Rodina Plus); the calendar year's payouts
are the policy's count (``Policy.count_belongings_payout``), so "maximálně dvakrát (2×) v jednom
kalendářním roce" (Rodina Plus 4×, for the whole family) holds across the family's claims. Cards convert
the unsecured 50 EUR at the CNB rate of the event day (PP 01/2022 čl. 6.5), from the same rate table as
the payout routing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from application.commands import CardFraudFacts, CashTheftFacts, OnlinePurchaseFacts, PersonalItemsFacts
from domain.benefits.belongings.cards import new_card_fee_benefit, unauthorised_transactions_benefit
from domain.benefits.belongings.cash import Withdrawal, cash_theft_benefit
from domain.benefits.belongings.exclusions import (
    refuse_excluded_goods,
    refuse_operations_after_blocking,
    refuse_unattended_theft,
)
from domain.benefits.belongings.online_purchase import Complaint, online_purchase_benefit
from domain.benefits.belongings.personal_items import (
    ClaimedItem,
    DocumentsRenewal,
    ItemCategory,
    KeysReplacement,
    Peril,
    personal_items_benefit,
)
from domain.benefits.belongings.variants import Variant
from domain.benefits.result import BenefitResult
from domain.claims.payout_routing import eur_czk_on
from domain.errors import DomainError
from domain.policy_covers import family_member
from domain.products.belongings import BelongingsRules, is_family_member

BelongingsFacts = PersonalItemsFacts | CashTheftFacts | CardFraudFacts | OnlinePurchaseFacts
_VARIANTS = {"Plus": Variant.PLUS, "Rodina Plus": Variant.RODINA_PLUS}
# The claim's cause each kind of facts answers.
_CAUSES: dict[type, frozenset[str]] = {PersonalItemsFacts: frozenset({"loss", "theft"}),
                                       CashTheftFacts: frozenset({"theft"}), CardFraudFacts: frozenset({"fraud"}),
                                       OnlinePurchaseFacts: frozenset({"online_purchase"})}


def insured_by_family_cover(rules: BelongingsRules, insured: list[dict[str, Any]], on: date) -> frozenset[str]:
    """The main insured and (Rodina Plus) those who are family members on the event day: "v součtu pro
    všechny pojištěné členy rodiny"; a child until 18, a partner while sharing the household."""
    return frozenset(person["id"] for person in insured
                     if not person.get("relation") or is_family_member(family_member(person), on, rules))


class FactsDoNotFitCause(DomainError):
    rule = "claim-facts-fit-its-cause"


def assess_belongings(variant_name: str, cause: str, event_date: date, facts: BelongingsFacts,
                      earlier_payouts: list[date], decided_on: date) -> BenefitResult:
    """The benefit of one belongings event; each calculator cites its article of the conditions."""
    if cause not in _CAUSES[type(facts)]:
        raise FactsDoNotFitCause(f"{facts.kind} facts do not describe a {cause}")
    variant = _VARIANTS[variant_name]
    if isinstance(facts, PersonalItemsFacts | CashTheftFacts):
        refuse_unattended_theft(facts.left_unattended)
    if isinstance(facts, PersonalItemsFacts):
        return personal_items_benefit(variant, Peril(cause), _claimed(facts), event_date, earlier_payouts)
    if isinstance(facts, CashTheftFacts):
        if facts.stolen_at.date() != event_date:
            raise FactsDoNotFitCause(f"the cash was stolen {facts.stolen_at:%Y-%m-%d}, the claim is for {event_date}")
        withdrawal = None
        if facts.withdrawn_at is not None and facts.withdrawn_amount is not None:
            withdrawal = Withdrawal(facts.withdrawn_at, facts.withdrawn_amount)
        return cash_theft_benefit(variant, facts.stolen_amount, facts.stolen_at, withdrawal, facts.violent_robbery,
                                  earlier_payouts)
    if isinstance(facts, CardFraudFacts):
        return _card_fraud(variant, event_date, facts, earlier_payouts)
    refuse_excluded_goods(facts.goods)
    complaint = Complaint(facts.complaint_started_on, facts.complaint_closure)
    return online_purchase_benefit(variant, facts.order_value, facts.origin, complaint, decided_on, event_date,
                                   facts.repair_cost, earlier_payouts)


def _claimed(facts: PersonalItemsFacts) -> list[ClaimedItem | DocumentsRenewal | KeysReplacement]:
    claimed: list[ClaimedItem | DocumentsRenewal | KeysReplacement] = [
        ClaimedItem(ItemCategory.named(item.category), item.original_price, item.replacement_price,
                    item.purchased_on, item.entrusted_by_employer) for item in facts.items]
    if facts.documents_renewal_costs is not None:
        claimed.append(DocumentsRenewal(facts.documents_renewal_costs))
    if facts.keys_and_locks is not None or facts.locksmith_work is not None:
        claimed.append(KeysReplacement(facts.keys_and_locks or Decimal(0), facts.locksmith_work or Decimal(0)))
    return claimed


def _card_fraud(variant: Variant, event_date: date, facts: CardFraudFacts,
               earlier_payouts: list[date]) -> BenefitResult:
    """The transactions and the new card are one event: one payout of the year, the amounts added."""
    refuse_operations_after_blocking(facts.after_blocking)
    parts = []
    if facts.secured_amount or facts.unsecured_amount:
        parts.append(unauthorised_transactions_benefit(variant, event_date, facts.secured_amount,
                                                       facts.unsecured_amount, eur_czk_on(event_date), earlier_payouts))
    if facts.new_card_fee is not None:
        parts.append(new_card_fee_benefit(variant, event_date, facts.new_card_fee, earlier_payouts))
    if not parts:
        raise FactsDoNotFitCause("card fraud facts name no transaction and no new card")
    return BenefitResult(amount=sum((part.amount for part in parts), Decimal(0)),
                         breakdown=tuple(line for part in parts for line in part.breakdown))
