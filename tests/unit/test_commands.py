from uuid import uuid4

import pytest
from pydantic import ValidationError

from application.commands import command_adapter
from tests.factories import issue, pay


def test_commands_parse_by_type() -> None:
    payload = issue().model_dump_json()
    assert type(command_adapter.validate_json(payload)).__name__ == "IssuePolicy"


@pytest.mark.parametrize(
    ("mutation", "field"),
    [
        (lambda d: d.update(type="DeletePolicy"), "type"),
        (lambda d: d.update(command_id="42"), "command_id"),
        (lambda d: d.update(channel="fax"), "channel"),
        (lambda d: d.update(premium="-1"), "premium"),
        (lambda d: d.update(premium="1.001"), "premium"),
        (lambda d: d.update(frequency="weekly"), "frequency"),
        (lambda d: d.update(policy_number="ABC"), "policy_number"),
        (lambda d: d.update(policyholder_birth_number="710319/2746"), "policyholder_birth_number"),
        (lambda d: d.update(unexpected="x"), "unexpected"),
        (lambda d: d.pop("actor"), "actor"),
    ],
)
def test_malformed_commands_name_the_field(mutation, field: str) -> None:
    payload = issue().model_dump(mode="json")
    mutation(payload)
    with pytest.raises(ValidationError) as error:
        command_adapter.validate_python(payload)
    assert field in str(error.value)


def test_digest_ignores_correlation_but_not_content() -> None:
    command = pay()
    assert command.digest() == command.model_copy(update={"correlation_id": uuid4()}).digest()
    assert command.digest() != command.model_copy(update={"amount": command.amount + 1}).digest()


RAISE = {"type": "RaiseIntervention", "command_id": str(uuid4()), "actor": "back-office", "channel": "back_office",
         "intervention_type": "letter_undeliverable", "policy_number": "2026000001", "cause_reference": "LTR-1",
         "description": "Dopis nedoručen", "due_date": "2026-06-30", "raised_on": "2026-06-15"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"intervention_type": "claim_documents_missing"}, "intervention_type"),
        ({"policy_number": "0123"}, "policy_number"),
        ({"cause_reference": ""}, "cause_reference"),
        ({"cause_reference": "x" * 101}, "cause_reference"),
        ({"description": "x" * 501}, "description"),
        ({"advisor_id": ""}, "advisor_id"),
        ({"due_date": "tomorrow"}, "due_date"),
    ],
)
def test_malformed_raise_names_the_field(change: dict, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        command_adapter.validate_python({**RAISE, **change})
    assert field in str(error.value)


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "TakeIntervention", "intervention_id": "42", "advisor_id": "ADV-1", "taken_on": "2026-06-16"},
        {"type": "AddInterventionNote", "intervention_id": str(uuid4()), "advisor_id": "ADV-1", "text": "x" * 2001,
         "on": "2026-06-16"},
        {"type": "ResolveIntervention", "intervention_id": str(uuid4()), "advisor_id": "ADV-1", "resolution": "",
         "resolved_on": "2026-06-16"},
        {"type": "ExpireIntervention", "intervention_id": str(uuid4())},
    ],
    ids=["id-not-uuid", "note-too-long", "no-resolution", "no-date"],
)
def test_malformed_intervention_commands_are_refused(payload: dict) -> None:
    with pytest.raises(ValidationError):
        command_adapter.validate_python({"command_id": str(uuid4()), "actor": "a", "channel": "advisor_app", **payload})
