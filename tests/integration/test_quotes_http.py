"""POST /quotes/flexi: an advisor prices a FLEXI offer; nothing is recorded (the hand-worked figures are in
tests/unit/products/test_flexi_level_premium.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from application.bootstrap import Container

OFFER = {"frequency": "yearly", "start_date": "2026-01-01", "end_date": "2029-01-01",
         "insured": [{"id": "A1", "kind": "adult", "name": "Jana Dvořáková", "birth_date": "1986-01-01",
                      "is_policyholder": True}],
         "covers": [{"insured_id": "A1", "cover": "basic_death", "sum_insured": "100000"}]}


def test_an_offer_is_priced_with_its_breakdown_and_reserve(container: Container) -> None:
    response = TestClient(create_app(container)).post("/quotes/flexi", json=OFFER)
    assert response.status_code == 200
    quote = response.json()
    assert (quote["premium"], quote["unreduced_premium"]) == ("3660.00", "3773.00")
    assert [(line["kind"], line["amount"]) for line in quote["first_instalment"]] == [
        ("risk premium", "220.00"), ("operating costs", "420.00"), ("distribution costs", "458.00"),
        ("to the life reserve", "2562.00")]
    assert len(quote["reserve_at_year_end"]) == 3 and quote["reserve_at_year_end"][0] == "2562.00"


def test_a_bad_offer_names_the_rule_it_broke(container: Container) -> None:
    client = TestClient(create_app(container))
    too_short = client.post("/quotes/flexi", json={**OFFER, "end_date": "2028-01-01"})
    assert (too_short.status_code, too_short.json()["rule"]) == (409, "term-range")
    unknown_field = client.post("/quotes/flexi", json={**OFFER, "premium": "100"})
    assert unknown_field.status_code == 422
