"""Eligibility beyond the recorded covers: exit ages and individual ends, causes the product insures, the
belongings claims' yearly count and their calculators chosen by the facts."""

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from pydantic import ValidationError

from aggregates.claim import Claim, ClaimCoverNotInForce
from aggregates.policy_history import PolicyAsOf
from application.belongings_claims import FactsDoNotFitCause, assess_belongings
from application.commands import CardFraudFacts, CashTheftFacts, LostItem, OnlinePurchaseFacts, PersonalItemsFacts
from domain.benefits.belongings.errors import NothingPayable, YearlyPayoutLimitReached
from domain.benefits.belongings.exclusions import EventExcluded
from domain.claims.causes import ClaimCauseNotCovered, require_cause_covered
from domain.claims.documents import POLICE_RECORD, required_documents
from tests.factories import metadata
from tests.unit.test_policy_lifecycle import BELONGINGS, FLEXI, policy

# Jana, born 28 Oct 1973, is 52 at the start on 1 Jan 2026.
COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
          {"insured_id": "A1", "cover": "sickness_incapacity_pn15", "sum_insured": Decimal("500"),
           "individual_end_age": 54},
          {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"), "variant": "basic"}]


@pytest.mark.parametrize("cover, day, ended_by", [
    # PN15 to age 54: 54 - 52 = 2 policy years, so it ends on the 2nd anniversary.
    ("sickness_incapacity_pn15", date(2027, 12, 31), None),
    ("sickness_incapacity_pn15", date(2028, 1, 1), "individual_end"),
    # Serious illness exits at 70: 70 - 52 = 18 policy years, it ends on 1 Jan 2044.
    ("serious_illness", date(2043, 12, 31), None),
    ("serious_illness", date(2044, 1, 1), "exit_age"),
    ("basic_death", date(2044, 1, 1), None),  # to 85
])
def test_a_cover_ends_by_its_own_terms_before_the_anniversary_is_recorded(cover, day, ended_by) -> None:
    p = policy(covers=COVERS)
    assert p.cover_ended_by_terms(f"A1/{cover}/0", day, FLEXI) == ended_by


def test_a_claim_on_a_cover_past_its_exit_age_is_refused() -> None:
    then = PolicyAsOf(policy_number="2026000001", on=date(2044, 3, 1), known_at=None, version=1, status="in_force",
                      product_code="FLEXI_RISK_LIFE", product_version="2023-04", policyholder_name="Jana",
                      premium=Decimal("500"), frequency="monthly", paid_to=None, debt=Decimal(0), ended_on=None,
                      end_reason=None, covers={"A1/serious_illness/0": Decimal("200000")})
    with pytest.raises(ClaimCoverNotInForce, match="exit age"):
        Claim.report(claim_number="PU-2044-1", policy_number="2026000001", insured_id="A1",
                     cover_key="A1/serious_illness/0", cause="illness", event_date=date(2044, 3, 1),
                     reported_on=date(2044, 3, 2), description="diagnosis", reporter="client", policy_then=then,
                     waiting_until=None, today=date(2044, 3, 2), meta=metadata(), cover_ended_by="exit_age")


@pytest.mark.parametrize("product, cause, covered", [
    (BELONGINGS, "theft", True), (BELONGINGS, "online_purchase", True), (BELONGINGS, "illness", False),
    (FLEXI, "accident", True), (FLEXI, "loss", False),
])
def test_the_product_decides_which_causes_it_insures(product, cause, covered) -> None:
    if covered:
        require_cause_covered(product, cause)
    else:
        with pytest.raises(ClaimCauseNotCovered):
            require_cause_covered(product, cause)


def test_belongings_documents_go_by_the_kind_of_event() -> None:
    assert POLICE_RECORD not in required_documents("personal_belongings_and_cards", "loss")
    assert POLICE_RECORD in required_documents("personal_belongings_and_cards", "fraud")


def test_a_claim_counts_once_towards_the_year() -> None:
    p = policy(product=BELONGINGS, premium="99.00", end_date=None, concluded_on=date(2025, 12, 31),
               insured=[{"id": "M1", "kind": "adult", "birth_date": date(1990, 1, 1)}],
               covers=[{"insured_id": "M1", "cover": "personal_belongings_and_cards", "variant": "Plus"}])
    p.collect_events()
    p.count_belongings_payout(event_date=date(2026, 3, 1), claim_number="PU-1", meta=metadata())
    p.count_belongings_payout(event_date=date(2026, 3, 1), claim_number="PU-1", meta=metadata())
    assert [type(e).__name__ for e in p.collect_events()] == ["BelongingsPayoutCounted"]
    assert p.belongings_payouts == {"PU-1": date(2026, 3, 1)}


WALLET = PersonalItemsFacts(items=[LostItem(category="wallet", original_price=Decimal("800.00"),
                                            replacement_price=Decimal("900.00"))])


@pytest.mark.parametrize("variant, earlier, pays", [
    ("Plus", [date(2026, 1, 5)], True),
    ("Plus", [date(2026, 1, 5), date(2026, 2, 5)], False),       # the third in a year for Plus
    ("Plus", [date(2025, 12, 31), date(2025, 12, 30)], True),     # last year's do not count
    ("Rodina Plus", [date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5)], True),  # the fourth for the family
    ("Rodina Plus", [date(2026, 1, 5), date(2026, 2, 5), date(2026, 3, 5), date(2026, 4, 5)], False),
])
def test_payouts_per_calendar_year(variant, earlier, pays) -> None:
    if pays:  # a wallet: new price 900, at most the original 800
        assert assess_belongings(variant, "theft", date(2026, 6, 1), WALLET, earlier, date(2026, 6, 10)).amount == 800
    else:
        with pytest.raises(YearlyPayoutLimitReached):
            assess_belongings(variant, "theft", date(2026, 6, 1), WALLET, earlier, date(2026, 6, 10))


def test_electronics_bought_five_years_and_a_day_before_pay_nothing() -> None:
    def phone(bought: date) -> PersonalItemsFacts:
        return PersonalItemsFacts(items=[LostItem(category="mobile-phone", original_price=Decimal("20000.00"),
                                                  replacement_price=Decimal("30000.00"), purchased_on=bought)])
    # Lost: 50 % of the lower price (10 000), at most 10 000 per item.
    assert assess_belongings("Plus", "loss", date(2026, 3, 10), phone(date(2021, 3, 10)), [], date(2026, 6, 10)
                             ).amount == Decimal("10000.00")
    with pytest.raises(NothingPayable, match="more than 5 years"):
        assess_belongings("Plus", "loss", date(2026, 3, 10), phone(date(2021, 3, 9)), [], date(2026, 6, 10))


@pytest.mark.parametrize("cause, facts", [
    ("loss", CashTheftFacts(stolen_amount=Decimal("100.00"), stolen_at=datetime(2026, 3, 1, 9, tzinfo=timezone.utc))),
    ("theft", CardFraudFacts(secured_amount=Decimal("100.00"))),
    ("fraud", CardFraudFacts()),  # no transaction, no card
])
def test_facts_that_do_not_fit_the_cause_are_refused(cause, facts) -> None:
    with pytest.raises(FactsDoNotFitCause):
        assess_belongings("Plus", cause, date(2026, 3, 1), facts, [], date(2026, 6, 10))


def test_a_withdrawal_has_its_time_and_its_amount() -> None:
    with pytest.raises(ValidationError, match="cash-withdrawal-complete"):
        CashTheftFacts(stolen_amount=Decimal("100.00"), stolen_at=datetime(2026, 3, 1, 9, tzinfo=timezone.utc),
                       withdrawn_at=datetime(2026, 2, 28, 9, tzinfo=timezone.utc))


@pytest.mark.parametrize("cause, facts", [
    ("theft", PersonalItemsFacts(items=WALLET.items, left_unattended=True)),
    ("theft", CashTheftFacts(stolen_amount=Decimal("100.00"), stolen_at=datetime(2026, 6, 1, 9, tzinfo=timezone.utc),
                             left_unattended=True)),
    ("fraud", CardFraudFacts(secured_amount=Decimal("100.00"), after_blocking=True)),
    ("online_purchase", OnlinePurchaseFacts(order_value=Decimal("900.00"), origin="new-listed-country",
                                            goods="perishable-food", complaint_started_on=date(2026, 3, 1),
                                            complaint_closure="seller-refused")),
])
def test_the_exclusions_the_facts_show_refuse_the_claim(cause, facts) -> None:
    with pytest.raises(EventExcluded):
        assess_belongings("Plus", cause, date(2026, 6, 1), facts, [], date(2026, 6, 10))
