"""Interventions through commands, on each store: raised by back office, worked by advisors, kept."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from aggregates.intervention import (
    ExpiredTooEarly,
    Intervention,
    InterventionClosed,
    InterventionType,
    NotRaisedByInsurer,
    NotTaken,
    intervention_id_for,
)
from application.bootstrap import Container
from application.commands import command_adapter
from application.policy_service import InterventionAlreadyRaised, InterventionNotFound, Outcome, PolicyNotFound
from domain.errors import DomainError
from tests.factories import issue

LETTER = InterventionType.LETTER_UNDELIVERABLE
LETTER_ID = intervention_id_for(LETTER, "2026000001", "LTR-2026-0042")


def command(type_: str, channel: str = "advisor_app", **fields: Any):
    return command_adapter.validate_python(
        {"type": type_, "command_id": str(uuid4()), "actor": "tester", "channel": channel, **fields})


def raise_command(**overrides: Any):
    fields = dict(intervention_type=LETTER.value, policy_number="2026000001", cause_reference="LTR-2026-0042",
                  description="Dopis se vrátil jako nedoručený", due_date="2026-06-30", raised_on="2026-06-15")
    return command("RaiseIntervention", **{"channel": "back_office", **fields, **overrides})


def run(container: Container, type_: str, **fields: Any) -> Outcome:
    return container.policies.execute(command(type_, **fields))


@pytest.fixture
def policy(container: Container) -> Container:
    container.policies.execute(issue(policyholder_name="Jana Dvořáková", advisor_id="ADV-1"))
    return container


def test_raised_by_back_office_then_taken_noted_and_resolved_by_an_advisor(policy: Container) -> None:
    raised = policy.policies.execute(raise_command())
    assert (raised.aggregate_id, raised.aggregate_version) == (LETTER_ID, 1)
    intervention = policy.policies.intervention(LETTER_ID)
    # client and advisor omitted: the policy's policyholder and advisor
    assert (intervention.client_name, intervention.advisor_id, intervention.status) == (
        "Jana Dvořáková", "ADV-1", Intervention.OPEN)

    run(policy, "TakeIntervention", intervention_id=str(LETTER_ID), advisor_id="ADV-2", taken_on="2026-06-16")
    run(policy, "AddInterventionNote", intervention_id=str(LETTER_ID), advisor_id="ADV-2", text="Nová adresa ověřena",
        on="2026-06-17")
    resolved = run(policy, "ResolveIntervention", intervention_id=str(LETTER_ID), advisor_id="ADV-2",
                   resolution="address corrected", resolved_on="2026-06-18")
    assert resolved.aggregate_version == 4
    intervention = policy.policies.intervention(LETTER_ID)
    assert (intervention.status, intervention.taken_by, intervention.resolved_by_advisor_id, intervention.resolution) == (
        Intervention.RESOLVED, "ADV-2", "ADV-2", "address corrected")
    assert [note["text"] for note in intervention.notes] == ["Nová adresa ověřena"]


def test_client_and_advisor_named_by_back_office_are_kept(policy: Container) -> None:
    policy.policies.execute(raise_command(client_name="Petr Dvořák", advisor_id="ADV-9"))
    intervention = policy.policies.intervention(LETTER_ID)
    assert (intervention.client_name, intervention.advisor_id) == ("Petr Dvořák", "ADV-9")


def test_raising_the_same_intervention_again_is_answered_already_raised(policy: Container) -> None:
    first = raise_command()
    policy.policies.execute(first)
    with pytest.raises(InterventionAlreadyRaised) as refused:  # same type, policy and cause: another command
        policy.policies.execute(raise_command(description="another text", due_date="2026-07-31"))
    assert refused.value.rule == "intervention-raised-once"
    assert str(LETTER_ID) in str(refused.value) and "LTR-2026-0042" in str(refused.value)
    kept = policy.policies.intervention(LETTER_ID)
    assert (kept.version, kept.description) == (1, "Dopis se vrátil jako nedoručený")
    # the same command delivered again is a retry: its original outcome
    assert policy.policies.execute(first) == Outcome(first.command_id, LETTER_ID, 1, duplicate=True)
    # another cause (the next letter) is another intervention
    assert policy.policies.execute(raise_command(cause_reference="LTR-2026-0043")).aggregate_version == 1


def test_the_same_raise_twice_in_one_batch_is_refused_once(policy: Container) -> None:
    first, again = raise_command(), raise_command(description="another text")
    outcome, refusal = policy.policies.execute_batch([first, again])
    assert outcome == Outcome(first.command_id, LETTER_ID, 1)
    assert isinstance(refusal, InterventionAlreadyRaised)
    assert policy.policies.intervention(LETTER_ID).description == "Dopis se vrátil jako nedoručený"


def test_unknown_intervention_and_unknown_policy_are_named(policy: Container) -> None:
    with pytest.raises(InterventionNotFound) as unknown:
        run(policy, "TakeIntervention", intervention_id=str(uuid4()), advisor_id="ADV-1", taken_on="2026-06-16")
    assert unknown.value.rule == "intervention-exists"
    policy_id = policy.policies.policy("2026000001").id
    with pytest.raises(InterventionNotFound):  # a policy's id names no intervention
        run(policy, "ExpireIntervention", channel="batch", intervention_id=str(policy_id), on="2026-07-01")
    with pytest.raises(PolicyNotFound):
        policy.policies.execute(raise_command(policy_number="2026000404"))


@pytest.mark.parametrize(
    ("type_", "fields", "error"),
    [
        ("ResolveIntervention", dict(advisor_id="ADV-1", resolution="done", resolved_on="2026-06-16"), NotTaken),
        ("ExpireIntervention", dict(on="2026-06-30"), ExpiredTooEarly),  # on the due date: not yet
    ],
    ids=["resolve-not-taken", "expire-on-due-date"],
)
def test_refused_commands_record_nothing(policy: Container, type_: str, fields: dict, error: type) -> None:
    policy.policies.execute(raise_command())
    with pytest.raises(error):
        run(policy, type_, intervention_id=str(LETTER_ID), **fields)
    assert policy.policies.intervention(LETTER_ID).version == 1


def test_an_advisor_cannot_raise_one(policy: Container) -> None:
    with pytest.raises(NotRaisedByInsurer):
        policy.policies.execute(raise_command(channel="advisor_app"))
    with pytest.raises(InterventionNotFound):
        policy.policies.intervention(LETTER_ID)


def test_expired_after_its_due_date_and_kept_unchanged(policy: Container) -> None:
    policy.policies.execute(raise_command())
    run(policy, "ExpireIntervention", channel="batch", intervention_id=str(LETTER_ID), on="2026-07-01")
    with pytest.raises(InterventionClosed) as closed:
        run(policy, "AddInterventionNote", intervention_id=str(LETTER_ID), advisor_id="ADV-1", text="late",
            on="2026-07-02")
    assert isinstance(closed.value, DomainError) and closed.value.rule == "closed-intervention-unchanged"
    expired = policy.policies.intervention(LETTER_ID)
    assert (expired.status, expired.expired_on.isoformat(), expired.version) == (Intervention.EXPIRED, "2026-07-01", 2)
