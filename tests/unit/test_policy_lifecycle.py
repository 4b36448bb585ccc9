"""Policy lifecycle rules, with dates and amounts worked by hand from the seeds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from aggregates.policy import (
    AmendmentNumberOutOfOrder,
    AmendmentTooEarly,
    BeneficiarySharesInvalid,
    ChildExtensionAgeInvalid,
    ChildExtensionNotOffered,
    ChildExtensionOutOfWindow,
    EndReason,
    FrequencyNotOffered,
    NoPledgeToRelease,
    NoticeTooShort,
    Policy,
    PolicyNotInForce,
    PolicyStatus,
    PremiumBelowMinimum,
    PremiumChangeNotOffered,
    PremiumNotTariff,
    ReductionNotOffered,
    SurrenderNotOffered,
    WithdrawalPeriodOver,
)
from aggregates.policy_history import policy_as_of
from domain.dates import first_of_next_month
from domain.policy_covers import CoverChangeNotSupported
from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from domain.products.errors import EntryAgeOutOfRange, InSituWithoutSeriousIllness
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, metadata

CATALOGUE = default_catalogue()
FLEXI = CATALOGUE.version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))
UO7 = CATALOGUE.version_in_force("ACCIDENT_7UO", date(2026, 1, 1))
BELONGINGS = CATALOGUE.version_in_force("BELONGINGS_CARDS", date(2026, 1, 1))
TODAY = date(2029, 12, 31)


def policy(product=FLEXI, premium="500.00", frequency=Frequency.MONTHLY, **overrides) -> Policy:
    fields = dict(policy_number="2026000001", product=product, policyholder_name="Jana Dvořáková",
                  policyholder_birth_number="736028/5163", advisor_id="ADV-1", frequency=frequency,
                  premium=Decimal(premium), start_date=date(2026, 1, 1), end_date=date(2046, 1, 1),
                  concluded_on=date(2025, 12, 20), sold_at_distance=False, meta=metadata(),
                  **({"insured": FLEXI_INSURED, "covers": FLEXI_COVERS} if product is FLEXI else {}))
    return Policy.issue(**{**fields, **overrides})


def pay(p: Policy, amount: str, received_on: date, payment_id: str | None = None) -> None:
    p.record_premium_payment(payment_id=payment_id or f"{received_on}-{amount}", amount=Decimal(amount),
                             received_on=received_on, today=TODAY, meta=metadata())


def amend(p: Policy, number: int, requested_on: date, premium: str, frequency=Frequency.MONTHLY,
          effective_from: date | None = None, product=FLEXI, **meta) -> None:
    p.agree_amendment(amendment_number=number, requested_on=requested_on, effective_from=effective_from,
                      premium=Decimal(premium), frequency=frequency, product=product, today=TODAY,
                      meta=metadata(**meta))


def end(p: Policy, reason: EndReason, received_on: date, ended_on: date | None = None, product=FLEXI,
        benefits_paid: str = "0") -> None:
    p.end(end_reason=reason, ended_on=ended_on, received_on=received_on, benefits_paid=Decimal(benefits_paid),
          product=product, today=TODAY, meta=metadata())


# Technical changes ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("requested_on", "effective"),
    [
        (date(2026, 3, 15), date(2026, 4, 1)),
        (date(2026, 3, 1), date(2026, 4, 1)),  # even on the 1st: the month after
        (date(2026, 3, 31), date(2026, 4, 1)),
        (date(2026, 12, 31), date(2027, 1, 1)),  # across the year end
        (date(2028, 2, 29), date(2028, 3, 1)),  # leap day
    ],
)
def test_technical_change_takes_effect_on_the_first_of_the_next_month(requested_on: date, effective: date) -> None:
    assert first_of_next_month(requested_on) == effective
    p = policy()
    amend(p, 1, requested_on, "600.00")
    [event] = p.collect_events()[1:]
    assert event.effective_from == effective
    assert p.terms_on(effective).premium == Decimal("600.00")
    assert p.terms_on(effective - timedelta(days=1)).premium == Decimal("500.00")


def test_an_agreed_later_date_is_kept_but_not_an_earlier_one() -> None:
    p = policy()
    amend(p, 1, date(2026, 3, 15), "600.00", effective_from=date(2026, 6, 1))
    assert p.terms_on(date(2026, 5, 31)).premium == Decimal("500.00")
    with pytest.raises(AmendmentTooEarly, match="2026-08-01"):
        amend(p, 2, date(2026, 7, 10), "650.00", effective_from=date(2026, 7, 15))


@pytest.mark.parametrize(
    ("premium", "frequency", "error"),
    [
        ("299.00", Frequency.MONTHLY, PremiumBelowMinimum),  # FLEXI minimum 300 a month
        ("899.00", Frequency.QUARTERLY, PremiumBelowMinimum),  # 900 a quarter
        ("1799.00", Frequency.HALF_YEARLY, PremiumBelowMinimum),  # 1 800 a half-year
        ("3599.00", Frequency.YEARLY, PremiumBelowMinimum),  # 3 600 a year
        ("300.00", Frequency.MONTHLY, None),
        ("3600.00", Frequency.YEARLY, None),
    ],
)
def test_premium_after_a_change_not_below_the_minimum(premium: str, frequency: Frequency, error) -> None:
    p = policy()
    if error is None:
        amend(p, 1, date(2026, 3, 15), premium, frequency)
        assert p.terms_on(date(2026, 4, 1)).premium == Decimal(premium)
    else:
        with pytest.raises(error):
            amend(p, 1, date(2026, 3, 15), premium, frequency)
        assert p.collect_events()[1:] == [] and p.amendments == 0


def test_amendments_are_numbered_in_order() -> None:
    p = policy()
    with pytest.raises(AmendmentNumberOutOfOrder, match="next number is 1"):
        amend(p, 2, date(2026, 3, 15), "600.00")
    amend(p, 1, date(2026, 3, 15), "600.00")
    amend(p, 2, date(2026, 5, 15), "650.00")
    assert p.amendments == 2


def test_seven_uo_keeps_its_tariff_and_is_never_monthly() -> None:
    p = policy(product=UO7, premium="777.00", frequency=Frequency.YEARLY)
    # yearly 777 -> half-yearly 389: the tariff of the new frequency
    amend(p, 1, date(2026, 3, 15), "389.00", Frequency.HALF_YEARLY, product=UO7)
    with pytest.raises(FrequencyNotOffered):
        amend(p, 2, date(2026, 5, 15), "65.00", Frequency.MONTHLY, product=UO7)
    with pytest.raises(PremiumNotTariff, match="194"):
        amend(p, 2, date(2026, 5, 15), "200.00", Frequency.QUARTERLY, product=UO7)
    with pytest.raises(PremiumChangeNotOffered):
        amend(p, 2, date(2026, 5, 15), "400.00", Frequency.HALF_YEARLY, product=UO7)
    with pytest.raises(PremiumNotTariff):
        policy(product=UO7, premium="700.00", frequency=Frequency.YEARLY)


# Non-technical changes ---------------------------------------------------------------------

def test_non_technical_changes_take_effect_on_receipt() -> None:
    p = policy()
    p.change_contact_details(address="Vinohradská 1, Praha", phone="+420777123456", email="jana@example.cz",
                             received_on=date(2026, 2, 3), today=TODAY, meta=metadata())
    p.change_policyholder(name="Jana Nováková", birth_number="7360285163", correction=False,
                          received_on=date(2026, 2, 4), today=TODAY, meta=metadata())
    p.designate_beneficiaries(beneficiaries=[{"name": "Petr", "share_percent": "60"},
                                             {"name": "Eva", "share_percent": "40"}],
                              received_on=date(2026, 2, 5), today=TODAY, meta=metadata())
    p.register_pledge(creditor="Česká spořitelna", received_on=date(2026, 2, 6), today=TODAY, meta=metadata())
    p.release_pledge(received_on=date(2026, 3, 6), today=TODAY, meta=metadata())
    assert p.contact["email"] == "jana@example.cz" and p.policyholder_name == "Jana Nováková"
    assert p.pledge_creditor is None and len(p.beneficiaries) == 2
    with pytest.raises(NoPledgeToRelease):
        p.release_pledge(received_on=date(2026, 3, 7), today=TODAY, meta=metadata())
    with pytest.raises(BeneficiarySharesInvalid, match="90"):
        p.designate_beneficiaries(beneficiaries=[{"name": "Petr", "share_percent": "90"}],
                                  received_on=date(2026, 3, 8), today=TODAY, meta=metadata())


# Endings ----------------------------------------------------------------------------------

def test_lapse_for_non_payment_keeps_the_debt() -> None:
    p = policy()
    pay(p, "1000.00", date(2026, 1, 5))  # January and February
    end(p, EndReason.LAPSE_FOR_NON_PAYMENT, received_on=date(2026, 4, 15), ended_on=date(2026, 4, 15))
    ended = p.collect_events()[-1]
    # due by 15 April: Jan, Feb, Mar, Apr = 4 x 500 = 2 000; paid 1 000 -> debt 1 000
    assert (ended.ended_on, ended.debt, ended.refund) == (date(2026, 4, 15), Decimal("1000.00"), None)
    assert p.status is PolicyStatus.ENDED and not p.in_force_on(date(2026, 4, 16))
    with pytest.raises(PolicyNotInForce):
        pay(p, "1000.00", date(2026, 4, 20))


@pytest.mark.parametrize(("received_on", "allowed"), [(date(2026, 1, 19), True), (date(2026, 1, 20), False)])
def test_withdrawal_from_life_insurance_within_30_days_voids_it(received_on: date, allowed: bool) -> None:
    p = policy()  # concluded 20 Dec 2025: 30 days end on 19 Jan 2026
    pay(p, "1500.00", date(2026, 1, 2))
    if not allowed:
        with pytest.raises(WithdrawalPeriodOver, match="2026-01-19"):
            end(p, EndReason.WITHDRAWAL, received_on=received_on)
        return
    end(p, EndReason.WITHDRAWAL, received_on=received_on, benefits_paid="200.00")
    events = p.collect_events()
    ended = events[-1]
    # refund: premium paid 1 500 less benefits paid 200
    assert (ended.ended_on, ended.refund, ended.debt) == (date(2026, 1, 1), Decimal("1300.00"), Decimal("0.00"))
    assert policy_as_of(events, date(2026, 1, 10)).status == "void"


def test_non_life_withdrawal_only_at_distance_within_14_days() -> None:
    on_premises = policy(product=UO7, premium="777.00", frequency=Frequency.YEARLY)
    with pytest.raises(WithdrawalPeriodOver, match="on premises"):
        end(on_premises, EndReason.WITHDRAWAL, received_on=date(2025, 12, 22), product=UO7)
    at_distance = policy(product=UO7, premium="777.00", frequency=Frequency.YEARLY, sold_at_distance=True)
    with pytest.raises(WithdrawalPeriodOver, match="2026-01-03"):  # 20 Dec + 14 days
        end(at_distance, EndReason.WITHDRAWAL, received_on=date(2026, 1, 4), product=UO7)
    end(at_distance, EndReason.WITHDRAWAL, received_on=date(2026, 1, 3), product=UO7)
    assert at_distance.status is PolicyStatus.ENDED


def test_pure_risk_products_have_nothing_to_surrender_or_reduce() -> None:
    p = policy()
    with pytest.raises(SurrenderNotOffered, match="Nárok na odkupné nemáte"):
        end(p, EndReason.SURRENDER, received_on=date(2026, 5, 1), ended_on=date(2026, 5, 31))
    with pytest.raises(ReductionNotOffered):
        p.reduce(effective_from=date(2026, 6, 1), product=FLEXI, today=TODAY, meta=metadata())
    reducible = replace(FLEXI, lifecycle=replace(FLEXI.lifecycle, reduction_allowed=True))
    p.reduce(effective_from=date(2026, 6, 1), product=reducible, today=TODAY, meta=metadata())
    assert p.status is PolicyStatus.REDUCED
    assert p.schedule.due_by(date(2026, 12, 31)) == Decimal("2500.00")  # paid-up from June: Jan-May, 5 x 500
    end(p, EndReason.DEATH, received_on=date(2026, 9, 3), ended_on=date(2026, 9, 1))
    assert p.status is PolicyStatus.ENDED


@pytest.mark.parametrize(("ended_on", "allowed"), [(date(2026, 4, 13), True), (date(2026, 4, 12), False)])
def test_belongings_notice_with_six_weeks_warning(ended_on: date, allowed: bool) -> None:
    p = policy(product=BELONGINGS, premium="99.00", end_date=None)
    # notice received 2 March 2026 + 6 weeks (42 days) = 13 April 2026
    if allowed:
        end(p, EndReason.NOTICE, received_on=date(2026, 3, 2), ended_on=ended_on, product=BELONGINGS)
        assert p.ended_on == ended_on
    else:
        with pytest.raises(NoticeTooShort, match="2026-04-13"):
            end(p, EndReason.NOTICE, received_on=date(2026, 3, 2), ended_on=ended_on, product=BELONGINGS)


def test_end_of_term_uses_the_agreed_end() -> None:
    p = policy(end_date=date(2029, 1, 1))
    end(p, EndReason.END_OF_TERM, received_on=date(2026, 12, 31))
    assert p.ended_on == date(2029, 1, 1)


# Backdated correction and the two time axes ---------------------------------------------------

def test_a_backdated_amendment_recomputes_what_follows_and_history_answers_both_axes() -> None:
    june = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)
    august = datetime(2026, 8, 10, 9, tzinfo=timezone.utc)
    p = policy(meta=metadata(recorded_at=datetime(2025, 12, 20, tzinfo=timezone.utc)))
    for month in range(1, 7):
        pay(p, "500.00", date(2026, month, 1))  # 6 x 500 = 3 000: January-June
    amend(p, 1, date(2026, 6, 10), "600.00", recorded_at=june)  # from 1 July
    assert p.paid_to == date(2026, 6, 30)
    # In August the back office records a change requested on 10 March, from 1 April: 550.
    amend(p, 2, date(2026, 3, 10), "550.00", recorded_at=august)
    events = p.collect_events()
    corrected = events[-1]
    # Jan-Mar 3 x 500 = 1 500, Apr + May 2 x 550 = 1 100 -> 2 600; 400 left, June needs 550
    assert (corrected.paid_to, corrected.credit) == (date(2026, 5, 31), Decimal("400.00"))
    assert p.terms_on(date(2026, 7, 1)).premium == Decimal("550.00")  # the July terms were replaced

    as_known_in_july = policy_as_of(events, date(2026, 5, 1), known_at=datetime(2026, 7, 1, tzinfo=timezone.utc))
    as_known_now = policy_as_of(events, date(2026, 5, 1))
    assert (as_known_in_july.premium, as_known_in_july.paid_to) == (Decimal("500.00"), date(2026, 5, 31))
    assert as_known_now.premium == Decimal("550.00")
    assert policy_as_of(events, date(2026, 7, 1), known_at=datetime(2026, 7, 1, tzinfo=timezone.utc)).premium \
        == Decimal("600.00")



# Time-driven changes ----------------------------------------------------------------------------

def test_anniversaries_decrease_sums_and_end_covers_once() -> None:
    # Born 28 Oct 1973: 52 at the start. Basic death with individual end at 55 -> three policy years;
    # supplementary death 300 000 decreasing linearly over the whole 10-year term.
    covers = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000"), "individual_end_age": 55},
              {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("300000"),
               "decrease_kind": "linear"}]
    p = policy(end_date=date(2036, 1, 1), covers=covers)
    p.collect_events()
    assert p.apply_anniversaries(up_to=date(2029, 1, 1), product=FLEXI, today=TODAY, meta=metadata()) == 4
    changes = [(e.cover_key, e.effective_from, e.sum_insured, e.reason) for e in p.collect_events()]
    assert changes == [
        ("A1/supplementary_death/0", date(2027, 1, 1), Decimal("270000.00"), "annual_decrease"),  # 300 000 x 9/10
        ("A1/supplementary_death/0", date(2028, 1, 1), Decimal("240000.00"), "annual_decrease"),  # x 8/10
        # basic death reaches its individual end while supplementary death goes on: 10 000
        ("A1/basic_death/0", date(2029, 1, 1), Decimal("10000.00"), "individual_end_minimum"),
        ("A1/supplementary_death/0", date(2029, 1, 1), Decimal("210000.00"), "annual_decrease"),  # x 7/10
    ]
    assert p.apply_anniversaries(up_to=date(2029, 6, 1), product=FLEXI, today=TODAY, meta=metadata()) == 0
    assert p.covers_on(date(2028, 12, 31)) == {"A1/basic_death/0": Decimal("500000"),
                                               "A1/supplementary_death/0": Decimal("240000.00")}
    assert p.covers_on(date(2029, 1, 1))["A1/basic_death/0"] == Decimal("10000.00")


def test_a_cover_ends_at_its_exit_age() -> None:
    # Serious illness runs to 70 at the latest (entry 18-65, exit 70): born 1973 -> 52 at the start,
    # the cover runs 70 - 52 = 18 policy years and ends on the 18th anniversary, 1 Jan 2044.
    covers = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
              {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"), "variant": "basic"}]
    p = policy(end_date=date(2046, 1, 1), covers=covers)
    p.collect_events()
    assert p.apply_anniversaries(up_to=date(2045, 1, 1), product=FLEXI, today=date(2045, 1, 1), meta=metadata()) == 1
    [ended] = p.collect_events()
    assert (type(ended).__name__, ended.cover_key, ended.effective_from, ended.reason) == (
        "CoverEnded", "A1/serious_illness/0", date(2044, 1, 1), "exit_age")
    assert "A1/serious_illness/0" not in p.covers_on(date(2044, 1, 1))


FAMILY = [FLEXI_INSURED[0], {"id": "C1", "kind": "child", "name": "Tomáš", "birth_date": date(2008, 5, 10)}]
CHILD_COVERS = [*FLEXI_COVERS, {"insured_id": "C1", "cover": "child_death", "sum_insured": Decimal("50000")}]
LATER = date(2035, 1, 1)


def family_policy() -> Policy:
    # start 1 Jan 2016: the child is 7, the adult (born 1973) 42; 20-year term to 1 Jan 2036
    p = policy(start_date=date(2016, 1, 1), end_date=date(2036, 1, 1), concluded_on=date(2015, 12, 20),
               insured=FAMILY, covers=CHILD_COVERS)
    p.collect_events()
    return p


@pytest.mark.parametrize(
    ("requested_on", "allowed"),
    [
        (date(2026, 5, 9), False),  # 17 the day before his 18th birthday
        (date(2026, 5, 10), True),  # 18 today
        (date(2033, 5, 9), True),  # still 24
        (date(2033, 5, 10), False),  # 25: too late
    ],
)
def test_a_child_cover_extends_to_30_only_on_a_request_between_18_and_25(requested_on: date, allowed: bool) -> None:
    p = family_policy()
    if not allowed:
        with pytest.raises(ChildExtensionOutOfWindow):
            p.extend_child_cover(insured_id="C1", exit_age=30, requested_on=requested_on, product=FLEXI,
                                 today=LATER, meta=metadata())
        assert p.collect_events() == []
        return
    p.extend_child_cover(insured_id="C1", exit_age=30, requested_on=requested_on, product=FLEXI, today=LATER,
                         meta=metadata())
    assert p.child_exit_ages == {"C1": 30}


def test_the_extension_keeps_the_child_cover_beyond_25() -> None:
    # Without extension: 25 - 7 = 18 policy years, the child cover ends on 1 Jan 2034.
    plain = family_policy()
    plain.apply_anniversaries(up_to=date(2035, 1, 1), product=FLEXI, today=date(2035, 1, 1), meta=metadata())
    assert [(type(e).__name__, e.cover_key, e.effective_from) for e in plain.collect_events()] == [
        ("CoverEnded", "C1/child_death/0", date(2034, 1, 1))]
    # With extension to 30: 30 - 7 = 23 years, longer than the term: it runs to the policy's end.
    extended = family_policy()
    extended.extend_child_cover(insured_id="C1", exit_age=30, requested_on=date(2027, 3, 1), product=FLEXI,
                                today=LATER, meta=metadata())
    extended.apply_anniversaries(up_to=date(2035, 1, 1), product=FLEXI, today=date(2035, 1, 1), meta=metadata())
    assert [type(e).__name__ for e in extended.collect_events()] == ["ChildCoverExtended"]
    with pytest.raises(ChildExtensionAgeInvalid):
        family_policy().extend_child_cover(insured_id="C1", exit_age=31, requested_on=date(2027, 3, 1),
                                           product=FLEXI, today=LATER, meta=metadata())
    with pytest.raises(ChildExtensionNotOffered):
        family_policy().extend_child_cover(insured_id="A1", exit_age=30, requested_on=date(2027, 3, 1),
                                           product=FLEXI, today=LATER, meta=metadata())


# Technical changes of covers ---------------------------------------------------------------------

BASIC = {"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")}
SUPPLEMENTARY = {"insured_id": "A1", "cover": "supplementary_death", "sum_insured": Decimal("300000"),
                 "decrease_kind": "linear"}


def covered_policy() -> Policy:
    p = policy(end_date=date(2036, 1, 1), covers=[BASIC, SUPPLEMENTARY])
    p.collect_events()
    return p


def amend_covers(p: Policy, covers: list, requested_on: date = date(2027, 6, 10), today: date = TODAY) -> None:
    p.agree_amendment(amendment_number=p.amendments + 1, requested_on=requested_on, effective_from=None,
                      premium=Decimal("560.00"), frequency=Frequency.MONTHLY, product=FLEXI, today=today,
                      meta=metadata(), covers=covers)


def test_an_amendment_changes_adds_and_removes_cover_parts_from_its_effective_date() -> None:
    p = covered_policy()
    accidental = {"insured_id": "A1", "cover": "accidental_death", "sum_insured": Decimal("200000")}
    amend_covers(p, [{**BASIC, "sum_insured": Decimal("600000")}, accidental])  # supplementary left out
    decreased, agreed = p.collect_events()
    # the 2027 anniversary was still unrecorded: it is recorded first (300 000 x 9/10)
    assert (decreased.cover_key, decreased.effective_from, decreased.sum_insured) == (
        "A1/supplementary_death/0", date(2027, 1, 1), Decimal("270000.00"))
    assert sorted((c["key"], c["sum_insured"], c["ended"]) for c in agreed.cover_changes) == [
        ("A1/accidental_death/0", Decimal("200000"), False),
        ("A1/basic_death/0", Decimal("600000"), False),
        ("A1/supplementary_death/0", None, True),
    ]
    # requested 10 June 2027 -> from 1 July 2027
    assert p.covers_on(date(2027, 6, 30)) == {"A1/basic_death/0": Decimal("500000"),
                                              "A1/supplementary_death/0": Decimal("270000.00")}
    assert p.covers_on(date(2027, 7, 1)) == {"A1/basic_death/0": Decimal("600000"),
                                             "A1/accidental_death/0": Decimal("200000")}
    # the anniversaries after the change find nothing to correct (the changed parts start on 1 July)
    assert p.apply_anniversaries(up_to=date(2029, 1, 1), product=FLEXI, today=TODAY, meta=metadata()) == 0


@pytest.mark.parametrize(
    ("covers", "error"),
    [
        # a decreasing sum is agreed at issue only
        ([BASIC, {**SUPPLEMENTARY, "sum_insured": Decimal("200000")}], CoverChangeNotSupported),
        # in situ needs serious illness (FLEXI dependency rule)
        ([BASIC, SUPPLEMENTARY, {"insured_id": "A1", "cover": "in_situ", "sum_insured": Decimal("34000")}],
         InSituWithoutSeriousIllness),
    ],
)
def test_a_refused_cover_change_records_nothing(covers: list, error: type) -> None:
    p = covered_policy()
    with pytest.raises(error):
        amend_covers(p, covers)
    assert p.collect_events() == [] and p.amendments == 0


def test_a_running_cover_keeps_running_past_its_entry_age_but_a_new_one_is_checked() -> None:
    # Born 28 Oct 1973: 66 in July 2040 - past serious illness's entry age (65), below its exit (70).
    illness = {"insured_id": "A1", "cover": "serious_illness", "sum_insured": Decimal("200000"), "variant": "basic"}
    p = policy(start_date=date(2035, 1, 1), end_date=date(2043, 1, 1), concluded_on=date(2034, 12, 20),
               covers=[BASIC, illness])
    p.collect_events()
    LATE = date(2041, 1, 1)
    amend_covers(p, [{**BASIC, "sum_insured": Decimal("550000")}, illness], requested_on=date(2040, 6, 10), today=LATE)
    assert p.covers_on(date(2040, 7, 1))["A1/serious_illness/0"] == Decimal("200000")
    accidental = {"insured_id": "A1", "cover": "accidental_death", "sum_insured": Decimal("100000")}
    amend_covers(p, [{**BASIC, "sum_insured": Decimal("550000")}, illness, accidental],
                 requested_on=date(2040, 7, 10), today=LATE)  # accidental death: entry to 75 -> accepted at 66
    new_illness_part = {**illness, "sum_insured": Decimal("250000")}
    with pytest.raises(EntryAgeOutOfRange):  # raising the sum is a new entry at 66
        amend_covers(p, [{**BASIC, "sum_insured": Decimal("550000")}, new_illness_part, accidental],
                     requested_on=date(2040, 8, 10), today=LATE)


# Billing --------------------------------------------------------------------------------------

def test_instalments_are_billed_once_each_with_the_amount_in_force_when_due() -> None:
    p = policy()  # monthly 500 from 1 Jan 2026
    assert p.bill_instalments(up_to=date(2026, 3, 15), today=TODAY, meta=metadata()) == 3  # Jan, Feb, Mar
    assert p.bill_instalments(up_to=date(2026, 3, 31), today=TODAY, meta=metadata()) == 0  # nothing new
    amend(p, 1, date(2026, 3, 20), "600.00")  # from 1 April
    assert p.bill_instalments(up_to=date(2026, 5, 1), today=TODAY, meta=metadata()) == 2  # Apr, May
    billed = [(e.index, e.due_date, e.amount) for e in p.collect_events() if type(e).__name__ == "InstalmentFellDue"]
    assert billed == [
        (0, date(2026, 1, 1), Decimal("500.00")), (1, date(2026, 2, 1), Decimal("500.00")),
        (2, date(2026, 3, 1), Decimal("500.00")),
        (3, date(2026, 4, 1), Decimal("600.00")), (4, date(2026, 5, 1), Decimal("600.00")),
    ]


def test_billing_stops_at_the_end_of_the_policy() -> None:
    p = policy()
    end(p, EndReason.DEATH, received_on=date(2026, 3, 20), ended_on=date(2026, 3, 10))
    with pytest.raises(PolicyNotInForce):
        p.bill_instalments(up_to=date(2026, 6, 1), today=TODAY, meta=metadata())
