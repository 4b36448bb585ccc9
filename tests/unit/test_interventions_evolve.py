from datetime import date
from typing import get_args

import pytest

from aggregates.intervention import Intervention, InterventionType
from producers.mapping import to_integration_event
from projections.base import ProjectionRejected
from projections.interventions import InterventionState, evolve
from tests.factories import metadata
from tests.unit.test_integration_schema import domain_events

RAISED_ON, DUE = date(2026, 6, 15), date(2026, 6, 30)


def worked_events(end: str) -> list:
    intervention = Intervention.raise_intervention(
        intervention_type=InterventionType.LETTER_UNDELIVERABLE, policy_number="2026000001", client_name="Jana",
        advisor_id="ADV-1", due_date=DUE, cause_reference="LTR-1", description="Dopis nedoručen",
        raised_on=RAISED_ON, meta=metadata())
    intervention.take(advisor_id="ADV-2", taken_on=date(2026, 6, 16), meta=metadata())
    intervention.add_note(text="volat", on=date(2026, 6, 16), advisor_id="ADV-2", meta=metadata())
    if end == "advisor":
        intervention.resolve(advisor_id="ADV-2", resolved_on=date(2026, 6, 17), resolution="address corrected",
                             meta=metadata())
    elif end == "automatic":
        intervention.resolve_automatically(reason="contact details changed", on=date(2026, 6, 18), meta=metadata())
    else:
        intervention.expire(on=date(2026, 7, 1), meta=metadata())
    return [to_integration_event(event) for event in intervention.collect_events()]


def fold(events: list):
    row = None
    for event in events:
        row = evolve(row, event)
    return row


def test_raised_taken_and_noted() -> None:
    raised, taken, noted, _ = worked_events("advisor")
    row = evolve(None, raised)
    assert (row.state, row.intervention_type, row.due_date, row.raised_on, row.notes_count, row.version) == (
        "open", "letter_undeliverable", DUE, RAISED_ON, 0, 1)
    row = fold([raised, taken, noted])
    assert (row.state, row.taken_by, row.taken_on, row.notes_count, row.version) == (
        "in_progress", "ADV-2", date(2026, 6, 16), 1, 3)


@pytest.mark.parametrize(
    ("end", "state", "closed_on", "resolution"),
    [
        ("advisor", "resolved", date(2026, 6, 17), "address corrected"),
        ("automatic", "resolved", date(2026, 6, 18), "contact details changed"),
        ("expiry", "expired", date(2026, 7, 1), None),
    ],
)
def test_closed_and_kept(end: str, state: str, closed_on: date, resolution: str | None) -> None:
    row = fold(worked_events(end))
    assert (row.state, row.closed_on, row.resolution, row.version) == (state, closed_on, resolution, 4)
    assert (row.policy_number, row.taken_by, row.notes_count) == ("2026000001", "ADV-2", 1)


def test_an_event_for_an_intervention_never_raised_is_rejected() -> None:
    taken = worked_events("advisor")[1]
    with pytest.raises(ProjectionRejected, match="never raised.*intervention-raised-first"):
        evolve(None, taken)


def test_the_read_model_knows_every_state_of_the_aggregate() -> None:
    assert set(get_args(InterventionState)) == Intervention.ACTIVE | Intervention.FINAL


def test_an_event_of_another_stream_is_rejected() -> None:
    row = evolve(None, worked_events("advisor")[0])
    paid = to_integration_event(domain_events()[1])  # a policy's payment, sequence 2
    with pytest.raises(ProjectionRejected, match="intervention-events-only"):
        evolve(row, paid)
