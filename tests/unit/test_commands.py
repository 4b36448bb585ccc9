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
