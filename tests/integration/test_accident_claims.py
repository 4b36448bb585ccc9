"""Claims on the accident products through the service on each store (accident-insurance-handbook.txt).

Petr (born 2 Feb 1985) has 23 UO from 1 Jan 2026: accidental death 500 000, permanent consequences
1 000 000, hospital stay 300 a day. Business day 15 June 2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.bootstrap import Container
from domain.errors import DomainError
from tests.factories import issue
from tests.integration.test_claims import run

PETR = {"id": "P1", "kind": "adult", "name": "Petr Novák", "birth_date": date(1985, 2, 2),
        "monthly_income": Decimal("40000")}
COVERS = [{"insured_id": "P1", "cover": "accidental_death", "sum_insured": Decimal("500000")},
          {"insured_id": "P1", "cover": "permanent_consequences", "sum_insured": Decimal("1000000")},
          {"insured_id": "P1", "cover": "hospital_stay", "sum_insured": Decimal("300")}]
NUMBER = "2026000002"


@pytest.fixture
def insured(container: Container) -> Container:
    container.policies.execute(issue(NUMBER, product_code="ACCIDENT_23UO", frequency="quarterly",
                                     premium=Decimal("450"), end_date=date(2036, 1, 1), concluded_on=date(2025, 12, 20),
                                     risk_group=1, insured=[PETR], covers=COVERS))
    return container


def claim(container: Container, number: str, cover: str, facts: dict, cause: str = "accident",
          event_date: str = "2026-03-01") -> Decimal:
    run(container, "ReportClaim", number, policy_number=NUMBER, insured_id="P1", cover_key=f"P1/{cover}/0",
        cause=cause, event_date=event_date, reported_on="2026-06-01", description="fell off a ladder",
        reporter="advisor")
    run(container, "ApproveClaim", number, decided_on="2026-06-10", facts=facts)
    return container.policies.claims.claim(number).amount


def test_a_hospital_stay_is_paid_by_the_midnights(insured: Container) -> None:
    # Admitted 1 March 10:00, discharged 5 March 9:00: four midnights x 300.
    assert claim(insured, "PU-2026-0301", "hospital_stay", {
        "kind": "hospital", "admitted_at": "2026-03-01T10:00:00+01:00",
        "discharged_at": "2026-03-05T09:00:00+01:00"}) == Decimal("1200.00")


def test_permanent_consequences_pay_the_assessed_share_of_the_sum(insured: Container) -> None:
    assert claim(insured, "PU-2026-0302", "permanent_consequences",
                 {"kind": "injury_consequences", "damage_percent": "30"}) == Decimal("300000.00")


def test_accidental_death_pays_the_sum_without_a_traffic_doubling_and_ends_the_policy(insured: Container) -> None:
    assert claim(insured, "PU-2026-0303", "accidental_death",
                 {"kind": "death", "died_on": "2026-03-02", "traffic_accident": True}) == Decimal("500000.00")
    policy = insured.policies.policy(NUMBER)
    assert (policy.status.value, policy.end_reason.value, policy.ended_on) == ("ended", "death", date(2026, 3, 2))


def test_an_illness_is_not_an_accident(insured: Container) -> None:
    with pytest.raises(DomainError) as refused:
        claim(insured, "PU-2026-0304", "hospital_stay", {"kind": "hospital", "admitted_at": "2026-03-01T10:00:00+01:00",
              "discharged_at": "2026-03-05T09:00:00+01:00"}, cause="illness")
    assert refused.value.rule == "claim-cause-covered-by-product"


@pytest.mark.parametrize("died_on, pays", [("2026-04-01", True), ("2029-03-02", False)])
def test_a_child_insured_by_53_ud_who_dies_of_the_injury_within_three_years(container: Container, died_on,
                                                                              pays) -> None:
    container.policies.execute(issue("2026000003", product_code="ACCIDENT_53UD", frequency="quarterly",
                                     premium=Decimal("300"), end_date=None, concluded_on=date(2025, 12, 20),
                                     risk_group=1, insured=[{"id": "C1", "kind": "child", "name": "Ema Nováková",
                                                             "birth_date": date(2016, 5, 5)}],
                                     covers=[{"insured_id": "C1", "cover": "permanent_consequences",
                                              "sum_insured": Decimal("200000")}]))
    container.clock.advance(date(2029, 6, 15) - date(2026, 6, 15))
    run(container, "ReportClaim", "PU-2026-0311", policy_number="2026000003", insured_id="C1",
        cover_key="C1/permanent_consequences/0", cause="accident", event_date="2026-03-01", reported_on="2026-03-02",
        description="injury", reporter="client")
    approve = dict(decided_on="2029-06-10", facts={"kind": "death", "died_on": died_on})
    if pays:  # "nejpozději však do tří let ode dne úrazu": a fixed 20 000
        run(container, "ApproveClaim", "PU-2026-0311", **approve)
        assert container.policies.claims.claim("PU-2026-0311").amount == Decimal("20000.00")
    else:  # 1 March 2026 + 3 years = 1 March 2029: a day later is too late
        with pytest.raises(DomainError) as refused:
            run(container, "ApproveClaim", "PU-2026-0311", **approve)
        assert refused.value.rule == "child-accidental-death-within-3-years"


@pytest.mark.parametrize("cover, damage, pays", [
    # Below 26 % the progression does not apply: 25 % of 1 000 000.
    ("permanent_consequences_progressive", "25", Decimal("250000.00")),
    # 26 % raised by the ILLUSTRATIVE table to 26 + 3 x 1 = 29 %: 290 000.
    ("permanent_consequences_progressive", "26", Decimal("290000.00")),
    # 100 % raised to 100 + 3 x 75 = 325 %: 3 250 000.
    ("permanent_consequences_progressive", "100", Decimal("3250000.00")),
    # Bodily injury (at most 1/4 of the accidental death sum): the valuation table's 12.5 % of 100 000.
    ("bodily_injury", "12.5", Decimal("12500.00")),
])
def test_progressive_consequences_and_bodily_injury(container: Container, cover, damage, pays) -> None:
    covers = [{"insured_id": "P1", "cover": "accidental_death", "sum_insured": Decimal("500000")},
              {"insured_id": "P1", "cover": "permanent_consequences_progressive", "sum_insured": Decimal("1000000")},
              {"insured_id": "P1", "cover": "bodily_injury", "sum_insured": Decimal("100000")}]
    container.policies.execute(issue(NUMBER, product_code="ACCIDENT_23UO", frequency="quarterly",
                                     premium=Decimal("450"), end_date=date(2036, 1, 1), concluded_on=date(2025, 12, 20),
                                     risk_group=1, insured=[PETR], covers=covers))
    assert claim(container, "PU-2026-0320", cover, {"kind": "injury_consequences", "damage_percent": damage}) == pays


def test_a_progression_needs_a_whole_assessed_percentage(container: Container) -> None:
    covers = [{"insured_id": "P1", "cover": "accidental_death", "sum_insured": Decimal("500000")},
              {"insured_id": "P1", "cover": "permanent_consequences_progressive", "sum_insured": Decimal("1000000")}]
    container.policies.execute(issue(NUMBER, product_code="ACCIDENT_23UO", frequency="quarterly",
                                     premium=Decimal("450"), end_date=date(2036, 1, 1), concluded_on=date(2025, 12, 20),
                                     risk_group=1, insured=[PETR], covers=covers))
    with pytest.raises(DomainError) as refused:
        claim(container, "PU-2026-0321", "permanent_consequences_progressive",
              {"kind": "injury_consequences", "damage_percent": "30.5"})
    assert refused.value.rule == "accident-progression-table-has-the-percentage"
    assert container.policies.claims.claim("PU-2026-0321").status == "reported"  # left undecided
