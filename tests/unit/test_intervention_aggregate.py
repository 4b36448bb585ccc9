from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from aggregates.intervention import (
    AlreadyTaken,
    DatesOutOfOrder,
    DescriptionTooLong,
    DueBeforeRaised,
    EmptyDescription,
    EmptyNote,
    ExpiredTooEarly,
    Intervention,
    InterventionClosed,
    InterventionType,
    InvalidCauseReference,
    InvalidInterventionType,
    MissingAdvisor,
    MissingClientName,
    MissingResolution,
    NoteTooLong,
    NotRaisedByInsurer,
    NotTaken,
    ResolvedOnce,
    intervention_id_for,
)
from aggregates.policy import InvalidPolicyNumber, policy_id_for
from application.transcodings import register_domain_transcodings
from domain.metadata import Channel
from tests.factories import metadata

RAISED_ON = date(2026, 6, 10)
DUE = date(2026, 6, 30)
INSTALMENT_DUE = date(2026, 5, 1)
UNPAID = InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE


def raised(**overrides: Any) -> Intervention:
    fields: dict[str, Any] = dict(
        intervention_type=UNPAID, policy_number="2026000001", client_name="Jana Dvořáková", advisor_id="ADV-1",
        due_date=DUE, cause_reference=INSTALMENT_DUE, description="Nezaplacené pojistné za 05/2026, hrozí zánik",
        raised_on=RAISED_ON, meta=metadata(actor="lapse-workflow", channel=Channel.BATCH),
    )
    return Intervention.raise_intervention(**{**fields, **overrides})


def taken(**overrides: Any) -> Intervention:
    intervention = raised(**overrides)
    intervention.take(advisor_id="ADV-1", taken_on=date(2026, 6, 11), meta=metadata(channel=Channel.ADVISOR_APP))
    return intervention


def resolved() -> Intervention:
    intervention = taken()
    intervention.resolve(advisor_id="ADV-1", resolved_on=date(2026, 6, 12), resolution="client will pay today",
                         meta=metadata(channel=Channel.ADVISOR_APP))
    return intervention


def resolved_automatically() -> Intervention:
    intervention = raised()
    intervention.resolve_automatically(reason="premium paid", on=date(2026, 6, 12), meta=metadata(channel=Channel.BATCH))
    return intervention


def expired() -> Intervention:
    intervention = raised()
    intervention.expire(on=date(2026, 7, 1), meta=metadata(channel=Channel.BATCH))
    return intervention


def names(intervention: Intervention) -> list[str]:
    return [type(event).__name__ for event in intervention.collect_events()]


# Happy paths -----------------------------------------------------------------------------------


def test_raised_open_with_what_the_advisor_sees() -> None:
    meta = metadata(actor="lapse-workflow", channel=Channel.BATCH)
    intervention = raised(meta=meta)
    assert intervention.status == Intervention.OPEN
    assert intervention.kind is UNPAID and intervention.intervention_type == "unpaid_premium_before_lapse"
    assert (intervention.policy_number, intervention.client_name, intervention.advisor_id) == (
        "2026000001", "Jana Dvořáková", "ADV-1")
    assert (intervention.due_date, intervention.raised_on, intervention.cause_reference) == (
        DUE, RAISED_ON, "2026-05-01")
    assert intervention.description == "Nezaplacené pojistné za 05/2026, hrozí zánik"
    assert intervention.notes == [] and not intervention.is_closed
    assert intervention.policy_id == policy_id_for("2026000001")
    events = intervention.collect_events()
    assert [type(event).__name__ for event in events] == ["Raised"]
    assert events[0].meta == meta


def test_taken_then_resolved_by_the_advisor_with_notes() -> None:
    intervention = raised(meta=metadata(channel=Channel.BACK_OFFICE))
    intervention.add_note(text="Klient nezastižen", on=date(2026, 6, 10), advisor_id="ADV-1", meta=metadata())
    intervention.take(advisor_id="ADV-2", taken_on=date(2026, 6, 11), meta=metadata())
    assert (intervention.status, intervention.taken_by, intervention.taken_on) == (
        Intervention.IN_PROGRESS, "ADV-2", date(2026, 6, 11))
    intervention.add_note(text="  Zavolat zítra  ", on=date(2026, 6, 11), advisor_id="ADV-2", meta=metadata())
    intervention.resolve(advisor_id="ADV-2", resolved_on=date(2026, 6, 12), resolution="client paid by card",
                         meta=metadata())
    assert names(intervention) == ["Raised", "NoteAdded", "Taken", "NoteAdded", "ResolvedByAdvisor"]
    assert intervention.status == Intervention.RESOLVED and intervention.is_closed
    assert (intervention.resolved_by, intervention.resolved_by_advisor_id, intervention.resolved_on,
            intervention.resolution) == (Intervention.RESOLVED_BY_ADVISOR, "ADV-2", date(2026, 6, 12),
                                         "client paid by card")
    assert intervention.notes == [
        {"text": "Klient nezastižen", "on": date(2026, 6, 10), "advisor_id": "ADV-1"},
        {"text": "Zavolat zítra", "on": date(2026, 6, 11), "advisor_id": "ADV-2"},
    ]


@pytest.mark.parametrize("make", [raised, taken], ids=["open", "in-progress"])
def test_resolved_automatically_when_the_cause_goes_away(make: Callable[[], Intervention]) -> None:
    intervention = make()
    intervention.collect_events()
    intervention.resolve_automatically(reason="premium paid", on=date(2026, 6, 20), meta=metadata(channel=Channel.BATCH))
    assert names(intervention) == ["ResolvedAutomatically"]
    assert (intervention.status, intervention.resolved_by, intervention.resolution, intervention.resolved_on) == (
        Intervention.RESOLVED, Intervention.RESOLVED_AUTOMATICALLY, "premium paid", date(2026, 6, 20))
    assert intervention.resolved_by_advisor_id is None


@pytest.mark.parametrize("make", [raised, taken], ids=["open", "in-progress"])
def test_expired_after_the_due_date_and_kept(make: Callable[[], Intervention]) -> None:
    intervention = make()
    intervention.collect_events()
    assert not intervention.is_overdue_on(DUE) and intervention.is_overdue_on(date(2026, 7, 1))
    intervention.expire(on=date(2026, 7, 1), meta=metadata(channel=Channel.BATCH))
    assert names(intervention) == ["Expired"]
    assert (intervention.status, intervention.expired_on) == (Intervention.EXPIRED, date(2026, 7, 1))
    # kept, with what it was about: advisors see all interventions, not only open ones
    assert intervention.is_closed and intervention.policy_number == "2026000001"
    assert not intervention.is_overdue_on(date(2026, 8, 1))


def test_due_on_the_day_it_is_raised() -> None:
    intervention = raised(due_date=RAISED_ON)
    intervention.expire(on=date(2026, 6, 11), meta=metadata())
    assert intervention.status == Intervention.EXPIRED


@pytest.mark.parametrize("kind", list(InterventionType))
def test_every_type_can_be_raised_by_enum_or_value(kind: InterventionType) -> None:
    by_enum = raised(intervention_type=kind, cause_reference="LTR-2026-0042")
    by_value = raised(intervention_type=kind.value, cause_reference="LTR-2026-0042")
    assert by_enum.kind is by_value.kind is kind
    assert by_enum.id == by_value.id


# The id: one intervention per (type, policy, cause) ------------------------------------------------


def test_same_type_policy_and_cause_give_the_same_id() -> None:
    first = raised()
    again = raised(client_name="Jana Nováková", description="another text", due_date=date(2026, 7, 15),
                   raised_on=date(2026, 6, 11))
    assert first.id == again.id == intervention_id_for(UNPAID, "2026000001", INSTALMENT_DUE)
    # the cause reference as a date or as its ISO text, padded or not, is the same cause
    assert intervention_id_for(UNPAID, "2026000001", " 2026-05-01 ") == first.id
    assert intervention_id_for("unpaid_premium_before_lapse", "2026000001", date(2026, 5, 1)) == first.id


@pytest.mark.parametrize(
    "change",
    [
        dict(intervention_type=InterventionType.LETTER_UNDELIVERABLE),
        dict(policy_number="2026000002"),
        dict(cause_reference=date(2026, 6, 1)),
        dict(cause_reference="2026-05-01/2"),
    ],
    ids=["type", "policy", "cause", "cause-text"],
)
def test_a_different_type_policy_or_cause_gives_a_different_id(change: dict[str, Any]) -> None:
    assert raised(**change).id != raised().id


def test_raising_twice_is_refused_by_the_event_store() -> None:
    class Interventions(Application):
        def register_transcodings(self, transcoder: JSONTranscoder) -> None:
            super().register_transcodings(transcoder)
            register_domain_transcodings(transcoder)

    app = Interventions(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    app.save(raised())
    with pytest.raises(IntegrityError):
        app.save(raised())  # e.g. the workflow replayed after a crash
    assert app.repository.get(raised().id).version == 1


# Round trip through the event store --------------------------------------------------------------


@pytest.mark.parametrize("make", [raised, taken, resolved, resolved_automatically, expired])
def test_events_and_snapshots_round_trip_through_the_event_store(make: Callable[[], Intervention]) -> None:
    class Interventions(Application):
        def register_transcodings(self, transcoder: JSONTranscoder) -> None:
            super().register_transcodings(transcoder)
            register_domain_transcodings(transcoder)

    app = Interventions(env={"PERSISTENCE_MODULE": "eventsourcing.popo", "IS_SNAPSHOTTING_ENABLED": "y"})
    intervention = make()
    if not intervention.is_closed:
        intervention.add_note(text="Poznámka", on=date(2026, 6, 15), advisor_id="ADV-1", meta=metadata())
    app.save(intervention)
    loaded = app.repository.get(intervention.id)
    assert loaded.__dict__ == intervention.__dict__
    app.take_snapshot(intervention.id)
    assert app.repository.get(intervention.id).__dict__ == intervention.__dict__


# Refusals: each names its rule and records nothing -------------------------------------------------


def _take(i: Intervention) -> None:
    i.take(advisor_id="ADV-1", taken_on=date(2026, 6, 20), meta=metadata())


def _resolve(i: Intervention) -> None:
    i.resolve(advisor_id="ADV-1", resolved_on=date(2026, 6, 20), resolution="done", meta=metadata())


def _resolve_automatically(i: Intervention) -> None:
    i.resolve_automatically(reason="premium paid", on=date(2026, 6, 20), meta=metadata())


def _expire(i: Intervention) -> None:
    i.expire(on=date(2026, 7, 2), meta=metadata())


def _note(i: Intervention) -> None:
    i.add_note(text="note", on=date(2026, 6, 20), advisor_id="ADV-1", meta=metadata())


REFUSALS: list[tuple[str, Callable[[], Intervention], Callable[[Intervention], None], type, str]] = [
    # taking
    ("take-resolved", resolved, _take, InterventionClosed, "closed-intervention-unchanged"),
    ("take-resolved-automatically", resolved_automatically, _take, InterventionClosed,
     "closed-intervention-unchanged"),
    ("take-expired", expired, _take, InterventionClosed, "closed-intervention-unchanged"),
    ("take-twice", taken, _take, AlreadyTaken, "intervention-taken-once"),
    ("take-without-advisor", raised, lambda i: i.take(advisor_id=" ", taken_on=date(2026, 6, 20), meta=metadata()),
     MissingAdvisor, "intervention-advisor-required"),
    ("taken-before-raised", raised, lambda i: i.take(advisor_id="ADV-1", taken_on=date(2026, 6, 9), meta=metadata()),
     DatesOutOfOrder, "intervention-dates-in-order"),
    # resolving
    ("resolve-twice", resolved, _resolve, ResolvedOnce, "intervention-resolved-once"),
    ("resolve-after-automatic", resolved_automatically, _resolve, ResolvedOnce, "intervention-resolved-once"),
    ("resolve-automatically-twice", resolved_automatically, _resolve_automatically, ResolvedOnce,
     "intervention-resolved-once"),
    ("resolve-automatically-after-advisor", resolved, _resolve_automatically, ResolvedOnce,
     "intervention-resolved-once"),
    ("resolve-expired", expired, _resolve, InterventionClosed, "closed-intervention-unchanged"),
    ("resolve-automatically-expired", expired, _resolve_automatically, InterventionClosed,
     "closed-intervention-unchanged"),
    ("resolve-not-taken", raised, _resolve, NotTaken, "advisor-resolves-taken-intervention"),
    ("resolve-without-resolution", taken,
     lambda i: i.resolve(advisor_id="ADV-1", resolved_on=date(2026, 6, 20), resolution="  ", meta=metadata()),
     MissingResolution, "intervention-resolution-explained"),
    ("resolve-without-advisor", taken,
     lambda i: i.resolve(advisor_id="", resolved_on=date(2026, 6, 20), resolution="done", meta=metadata()),
     MissingAdvisor, "intervention-advisor-required"),
    ("resolve-automatically-without-reason", raised,
     lambda i: i.resolve_automatically(reason="", on=date(2026, 6, 20), meta=metadata()),
     MissingResolution, "intervention-resolution-explained"),
    ("resolved-before-taken", taken,
     lambda i: i.resolve(advisor_id="ADV-1", resolved_on=date(2026, 6, 10), resolution="done", meta=metadata()),
     DatesOutOfOrder, "intervention-dates-in-order"),
    ("resolved-automatically-before-raised", raised,
     lambda i: i.resolve_automatically(reason="premium paid", on=date(2026, 6, 1), meta=metadata()),
     DatesOutOfOrder, "intervention-dates-in-order"),
    # expiring
    ("expire-before-due-date", raised, lambda i: i.expire(on=date(2026, 6, 29), meta=metadata()),
     ExpiredTooEarly, "intervention-expires-after-due-date"),
    ("expire-on-due-date", taken, lambda i: i.expire(on=DUE, meta=metadata()),
     ExpiredTooEarly, "intervention-expires-after-due-date"),
    ("expire-twice", expired, _expire, InterventionClosed, "closed-intervention-unchanged"),
    ("expire-resolved", resolved, _expire, InterventionClosed, "closed-intervention-unchanged"),
    # notes
    ("note-resolved", resolved, _note, InterventionClosed, "closed-intervention-unchanged"),
    ("note-expired", expired, _note, InterventionClosed, "closed-intervention-unchanged"),
    ("note-empty", taken, lambda i: i.add_note(text=" \n", on=date(2026, 6, 20), advisor_id="ADV-1", meta=metadata()),
     EmptyNote, "intervention-note-not-empty"),
    ("note-too-long", raised,
     lambda i: i.add_note(text="x" * 2001, on=date(2026, 6, 20), advisor_id="ADV-1", meta=metadata()),
     NoteTooLong, "intervention-note-short"),
    ("note-without-advisor", raised,
     lambda i: i.add_note(text="note", on=date(2026, 6, 20), advisor_id="", meta=metadata()),
     MissingAdvisor, "intervention-advisor-required"),
    ("note-before-raised", raised,
     lambda i: i.add_note(text="note", on=date(2026, 6, 9), advisor_id="ADV-1", meta=metadata()),
     DatesOutOfOrder, "intervention-dates-in-order"),
]


@pytest.mark.parametrize(("make", "command", "error", "rule"), [case[1:] for case in REFUSALS],
                         ids=[case[0] for case in REFUSALS])
def test_refusals_name_their_rule_and_record_nothing(
    make: Callable[[], Intervention], command: Callable[[Intervention], None], error: type, rule: str
) -> None:
    intervention = make()
    intervention.collect_events()
    before = {key: (list(value) if isinstance(value, list) else value) for key, value in intervention.__dict__.items()}
    with pytest.raises(error) as raised_error:
        command(intervention)
    assert raised_error.value.rule == rule
    assert intervention.collect_events() == []
    assert intervention.__dict__ == before


@pytest.mark.parametrize(
    ("change", "error", "rule"),
    [
        (dict(intervention_type="claim_documents_missing"), InvalidInterventionType, "intervention-type-known"),
        (dict(policy_number="0123"), InvalidPolicyNumber, "policy-number-is-payment-reference"),
        (dict(policy_number="12345678901"), InvalidPolicyNumber, "policy-number-is-payment-reference"),
        (dict(cause_reference="  "), InvalidCauseReference, "intervention-cause-reference-required"),
        (dict(cause_reference="x" * 101), InvalidCauseReference, "intervention-cause-reference-required"),
        (dict(client_name=""), MissingClientName, "intervention-client-name-required"),
        (dict(advisor_id=" "), MissingAdvisor, "intervention-advisor-required"),
        (dict(description=""), EmptyDescription, "intervention-description-required"),
        (dict(description=" \t "), EmptyDescription, "intervention-description-required"),
        (dict(description="x" * 501), DescriptionTooLong, "intervention-description-short"),
        (dict(due_date=date(2026, 6, 9)), DueBeforeRaised, "intervention-due-on-or-after-raised"),
        (dict(meta=metadata(channel=Channel.ADVISOR_APP)), NotRaisedByInsurer,
         "intervention-raised-by-workflow-or-back-office"),
        (dict(meta=metadata(channel=Channel.SALES_APP)), NotRaisedByInsurer,
         "intervention-raised-by-workflow-or-back-office"),
    ],
    ids=["unknown-type", "policy-leading-zero", "policy-too-long", "no-cause", "cause-too-long", "no-client",
         "no-advisor", "no-description", "blank-description", "long-description", "due-before-raised",
         "advisor-app", "sales-app"],
)
def test_refused_raise(change: dict[str, Any], error: type, rule: str) -> None:
    with pytest.raises(error) as raised_error:
        raised(**change)
    assert raised_error.value.rule == rule
