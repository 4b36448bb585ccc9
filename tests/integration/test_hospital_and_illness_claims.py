"""A child's hospital stay, the newborn's post-natal stay and permanent consequences of illness, through the
service on each store (flexi-risk-life-precontract.txt, Produktový list). FLEXI from 1 Jan 2026: Jana
(born 28 Oct 1973) and her son Adam (born 1 Mar 2020, six in 2026). Business day 15 June 2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from application.bootstrap import Container
from domain.errors import DomainError
from tests.factories import FLEXI_INSURED, issue
from tests.integration.test_claims import run

ADAM = {"id": "C1", "kind": "child", "name": "Adam Dvořák", "birth_date": date(2020, 3, 1)}
COVERS = [{"insured_id": "A1", "cover": "basic_death", "sum_insured": Decimal("500000")},
          {"insured_id": "A1", "cover": "hospitalisation_accident_or_illness", "sum_insured": Decimal("400")},
          {"insured_id": "A1", "cover": "illness_permanent_consequences", "sum_insured": Decimal("100000")},
          {"insured_id": "C1", "cover": "child_hospitalisation", "sum_insured": Decimal("500")}]


@pytest.fixture
def family(container: Container) -> Container:
    container.policies.execute(issue(insured=[*FLEXI_INSURED, ADAM], covers=COVERS))
    return container


def claim(container: Container, number: str, cover_key: str, event_date: str, cause: str, facts: dict) -> Decimal:
    run(container, "ReportClaim", number, policy_number="2026000001", insured_id=cover_key.split("/")[0],
        cover_key=cover_key, cause=cause, event_date=event_date, reported_on="2026-06-01", description="what happened",
        reporter="client")
    run(container, "ApproveClaim", number, decided_on="2026-06-10", facts=facts)
    return container.policies.claims.claim(number).amount


def stay(admitted: str, discharged: str, **flags: bool) -> dict:
    return {"kind": "hospital", "admitted_at": f"{admitted}T10:00:00+01:00",
            "discharged_at": f"{discharged}T09:00:00+01:00", **flags}


def test_a_guardian_with_a_child_under_seven_doubles_from_day_15(family: Container) -> None:
    # 1-20 March: 20 days x 500 = 10 000; the guardian present, days 15-20 paid twice: + 6 x 500 = 13 000.
    assert claim(family, "PU-2026-0201", "C1/child_hospitalisation/0", "2026-03-01", "accident",
                 stay("2026-03-01", "2026-03-20", accompanied_by_legal_guardian=True)) == Decimal("13000.00")


def test_a_guardian_on_an_adult_cover_is_refused(family: Container) -> None:
    with pytest.raises(DomainError) as refused:
        claim(family, "PU-2026-0202", "A1/hospitalisation_accident_or_illness/0", "2026-03-01", "accident",
              stay("2026-03-01", "2026-03-20", accompanied_by_legal_guardian=True))
    assert refused.value.rule == "hospital-facts-fit-the-cover"
    assert family.policies.claims.claim("PU-2026-0202").status == "reported"


def test_the_newborns_stay_after_the_birth_is_paid_30_days_at_most_from_the_mothers_cover(family: Container) -> None:
    # Born 10 April, in hospital to 19 May: 40 days, paid 30 x 400 = 12 000.
    assert claim(family, "PU-2026-0203", "A1/hospitalisation_accident_or_illness/0", "2026-04-10", "illness",
                 stay("2026-04-10", "2026-05-19", newborn_postnatal_complications=True)) == Decimal("12000.00")


def test_illness_consequences_pay_400_percent_of_the_sum_at_most(family: Container) -> None:
    cover = "A1/illness_permanent_consequences/0"
    assert claim(family, "PU-2026-0211", cover, "2026-02-01", "illness",
                 {"kind": "illness_consequences", "tier_percent": 100}) == Decimal("100000.00")
    # The 400 % column, of which 300 % remain: 300 000.
    assert claim(family, "PU-2026-0212", cover, "2026-03-01", "illness",
                 {"kind": "illness_consequences", "tier_percent": 400}) == Decimal("300000.00")
    version = family.policies.policy("2026000001").version
    with pytest.raises(DomainError) as refused:
        claim(family, "PU-2026-0213", cover, "2026-04-01", "illness",
              {"kind": "illness_consequences", "tier_percent": 25})
    assert refused.value.rule == "illness-consequences-at-most-400-percent"
    policy = family.policies.policy("2026000001")
    assert policy.version == version + 1  # the third claim's report only
    assert policy.illness_consequences_paid == {cover: {"PU-2026-0211": Decimal(100), "PU-2026-0212": Decimal(300)}}


def test_the_newborns_stay_is_paid_once_from_the_mothers_hospital_cover(container: Container) -> None:
    # "pouze jednou z pojištění hospitalizace matky": Jana may hold the illness hospital cover once (the
    # catalogue refuses a second part), the accident one insures no birth, and a birth is claimed once.
    container.policies.execute(issue(insured=FLEXI_INSURED, covers=[
        COVERS[0], COVERS[1], {"insured_id": "A1", "cover": "hospitalisation_accident", "sum_insured": Decimal("300")}]))
    newborn = stay("2026-04-10", "2026-04-14", newborn_postnatal_complications=True)
    assert claim(container, "PU-2026-0211", "A1/hospitalisation_accident_or_illness/0", "2026-04-10", "illness",
                 newborn) == Decimal("2000.00")  # 10-14 April: 5 days x 400
    for number, cover_key, rule in [("PU-2026-0212", "A1/hospitalisation_accident_or_illness/0", "claim-reported-once"),
                                    ("PU-2026-0213", "A1/hospitalisation_accident/0", "claim-cause-covered-by-cover")]:
        with pytest.raises(DomainError) as refused:
            claim(container, number, cover_key, "2026-04-10", "illness", newborn)
        assert refused.value.rule == rule
