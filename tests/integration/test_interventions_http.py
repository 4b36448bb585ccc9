"""HTTP: interventions raised and worked through POST /commands, listed and filtered for advisors."""

from __future__ import annotations

from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from application.bootstrap import Container
from tests.integration.test_interventions import raise_command
from tests.integration.test_interventions_projection import seed


def test_advisors_list_filter_and_open_interventions(container: Container) -> None:
    ids = seed(container)
    container.embedded_runner("interventions").catch_up()
    client = TestClient(create_app(container))

    def causes(**params: object) -> list[str]:
        response = client.get("/interventions", params=params)
        assert response.status_code == 200, response.text
        return [item["cause_reference"] for item in response.json()]

    assert causes() == ["LTR-2", "LTR-1", "REQ-7"]
    assert causes(advisor_id="ADV-1", state="resolved") == ["LTR-1"]
    assert causes(type="missing_contact_for_electronic_delivery") == ["REQ-7"]
    assert causes(policy_number="2026000002") == ["LTR-2"]
    assert causes(due_from="2026-06-21", due_to="2026-07-15") == ["LTR-1", "REQ-7"]
    assert causes(limit=2, offset=1) == ["LTR-1", "REQ-7"]

    detail = client.get(f"/interventions/{ids['letter']}").json()
    assert (detail["state"], detail["intervention_type"], detail["taken_by"], detail["closed_on"], detail["notes_count"]) == (
        "resolved", "letter_undeliverable", "ADV-1", "2026-06-18", 2)
    missing = client.get(f"/interventions/{uuid4()}")
    assert (missing.status_code, missing.json()["detail"]["rule"]) == (404, "intervention-exists")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"state": "closed"}, "state"),
        ({"type": "claim"}, "type"),
        ({"policy_number": "0123"}, "policy_number"),
        ({"due_from": "2026-13-01"}, "due_from"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"offset": -1}, "offset"),
        ({"advisor": "ADV-1"}, "advisor"),  # an unknown criterion is refused, not ignored
    ],
)
def test_invalid_filters_are_refused_naming_the_field(container: Container, params: dict, field: str) -> None:
    response = TestClient(create_app(container)).get("/interventions", params=params)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == field


def test_a_reversed_due_range_names_its_rule(container: Container) -> None:
    response = TestClient(create_app(container)).get("/interventions",
                                                     params={"due_from": "2026-07-01", "due_to": "2026-06-01"})
    assert response.status_code == 422 and "due-range-in-order" in response.text


def test_commands_answer_with_the_rule(container: Container) -> None:
    seed(container)
    client = TestClient(create_app(container))
    again = client.post("/commands", json=raise_command(policy_number="2026000001", cause_reference="LTR-1",
                                                        due_date="2026-06-30").model_dump(mode="json"))
    assert (again.status_code, again.json()["rule"]) == (409, "intervention-raised-once")
    unknown = client.post("/commands", json={"type": "TakeIntervention", "command_id": str(uuid4()), "actor": "a",
                                             "channel": "advisor_app", "intervention_id": str(uuid4()),
                                             "advisor_id": "ADV-1", "taken_on": "2026-06-16"})
    assert (unknown.status_code, unknown.json()["rule"]) == (404, "intervention-exists")
