"""The interventions read model, followed in process over each store (embedded SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any
from uuid import UUID

from application.bootstrap import Container
from consumers.batch import Message, apply_batch
from consumers.dead_letters import TableDeadLetters
from producers.mapping import EVENT_STORE_TOPICS, to_integration_event
from projections.intervention_views import InterventionFilter, intervention_detail, list_interventions
from projections.interventions import InterventionsProjection
from tests.factories import issue
from tests.integration.test_interventions import command, raise_command
from tests.kafka_helpers import read_topic, wait_until


def seed(container: Container) -> dict[str, UUID]:
    """Three interventions on two policies of two advisors: one resolved, one expired, one open."""
    container.policies.execute(issue("2026000001", advisor_id="ADV-1", policyholder_name="Jana Dvořáková"))
    container.policies.execute(issue("2026000002", advisor_id="ADV-2", policyholder_name="Petr Novák"))
    ids = {
        name: container.policies.execute(raise_command(**fields)).aggregate_id
        for name, fields in {
            "letter": dict(policy_number="2026000001", cause_reference="LTR-1", due_date="2026-06-30"),
            "contact": dict(policy_number="2026000001", cause_reference="REQ-7", due_date="2026-07-15",
                            intervention_type="missing_contact_for_electronic_delivery"),
            "other": dict(policy_number="2026000002", cause_reference="LTR-2", due_date="2026-06-20"),
        }.items()
    }
    run = container.policies.execute
    run(command("TakeIntervention", intervention_id=str(ids["letter"]), advisor_id="ADV-1", taken_on="2026-06-16"))
    for day in ("2026-06-16", "2026-06-17"):
        run(command("AddInterventionNote", intervention_id=str(ids["letter"]), advisor_id="ADV-1", text="volat", on=day))
    run(command("ResolveIntervention", intervention_id=str(ids["letter"]), advisor_id="ADV-1",
                resolution="address corrected", resolved_on="2026-06-18"))
    run(command("ExpireIntervention", channel="batch", intervention_id=str(ids["other"]), on="2026-06-21"))
    return ids  # 3 raised + take + 2 notes + resolve + expire = 8 intervention events


def listed(container: Container, **criteria: Any) -> list[str]:
    return [view.cause_reference for view in list_interventions(container.database, InterventionFilter(**criteria))]


def read_model(container: Container) -> list[dict[str, str]]:
    with container.database.transaction() as tx:
        return [{k: str(v) for k, v in row.items()}
                for row in tx.fetchall("SELECT * FROM interventions ORDER BY intervention_id")]


def test_every_intervention_listed_with_its_state_and_filtered(container: Container) -> None:
    ids = seed(container)
    assert container.embedded_runner("interventions").catch_up() == 8
    assert listed(container) == ["LTR-2", "LTR-1", "REQ-7"]  # closed ones too, soonest due first
    resolved = intervention_detail(container.database, ids["letter"])
    assert (resolved.state, resolved.taken_by, resolved.taken_on, resolved.closed_on, resolved.resolution,
            resolved.notes_count, resolved.version) == (
        "resolved", "ADV-1", date(2026, 6, 16), date(2026, 6, 18), "address corrected", 2, 5)
    assert (resolved.client_name, resolved.advisor_id, resolved.raised_on) == ("Jana Dvořáková", "ADV-1",
                                                                               date(2026, 6, 15))
    expired = intervention_detail(container.database, ids["other"])
    assert (expired.state, expired.closed_on, expired.resolution) == ("expired", date(2026, 6, 21), None)
    assert intervention_detail(container.database, UUID(int=0)) is None

    assert listed(container, advisor_id="ADV-1") == ["LTR-1", "REQ-7"]
    assert listed(container, state="open") == ["REQ-7"]
    assert listed(container, type="letter_undeliverable") == ["LTR-2", "LTR-1"]
    assert listed(container, policy_number="2026000002") == ["LTR-2"]
    assert listed(container, due_from=date(2026, 6, 30)) == ["LTR-1", "REQ-7"]  # inclusive bounds
    assert listed(container, due_to=date(2026, 6, 30)) == ["LTR-2", "LTR-1"]
    assert listed(container, due_from=date(2026, 6, 21), due_to=date(2026, 7, 14)) == ["LTR-1"]
    assert listed(container, advisor_id="ADV-1", state="resolved", type="letter_undeliverable") == ["LTR-1"]
    assert listed(container, limit=1, offset=1) == ["LTR-1"]


def test_applying_again_changes_nothing_and_a_rebuild_is_identical(container: Container) -> None:
    seed(container)
    runner = container.embedded_runner("interventions")
    runner.catch_up()
    before = read_model(container)
    assert runner.catch_up() == 0
    outcome = apply_batch(container.database, InterventionsProjection(), TableDeadLetters("interventions"),
                          as_messages(intervention_events(container)))
    assert (outcome.applied, outcome.duplicates, outcome.dead_lettered) == (0, 8, [])
    assert read_model(container) == before
    container.reset_projection("interventions")
    assert read_model(container) == []
    assert container.embedded_runner("interventions").catch_up() == 8
    assert read_model(container) == before


def test_gaps_and_foreign_events_are_dead_lettered_and_the_rest_applied(container: Container) -> None:
    seed(container)
    raised_1, raised_2, raised_3, taken, note_1, note_2, resolved, expired = intervention_events(container)
    policy_event = next(to_integration_event(e) for e in stored_events(container)
                        if type(e).__qualname__ == "Policy.Issued")
    # note_2 skips note_1; expired comes before its intervention was raised: both gaps by sequence
    batch = as_messages([raised_1, taken, note_2, expired, raised_2])
    batch.append(Message("t", 0, 5, None, policy_event.model_dump_json().encode(), []))  # a policy's event
    outcome = apply_batch(container.database, InterventionsProjection(), TableDeadLetters("interventions"), batch)
    assert outcome.applied == 3
    with container.database.transaction() as tx:
        letters = tx.fetchall("SELECT position, error FROM dead_letters ORDER BY position")
        offsets = tx.fetchall("SELECT next_offset FROM projection_offsets WHERE consumer = 'interventions'")
    assert [letter["position"] for letter in letters] == [2, 3, 5]
    assert all("version gap" in letter["error"] and "events-in-sequence" in letter["error"] for letter in letters[:2])
    assert "never raised" in letters[2]["error"] and "intervention-raised-first" in letters[2]["error"]
    assert offsets == [{"next_offset": 6}]
    assert [v.state for v in list_interventions(container.database, InterventionFilter())] == ["in_progress", "open"]


def stored_events(container: Container) -> list:
    return [container.policies.mapper.to_domain_event(n) for n in container.policies.recorder.select_notifications(1, 100)]


def intervention_events(container: Container) -> list:
    return [to_integration_event(e) for e in stored_events(container)
            if type(e).__qualname__.split(".")[0] == "Intervention"]


def as_messages(events: list) -> list[Message]:
    return [Message("t", 0, n, None, e.model_dump_json().encode(), []) for n, e in enumerate(events)]


def test_the_follower_reads_only_intervention_events(container: Container) -> None:
    seed(container)
    notifications = container.policies.recorder.select_notifications(1, 100, topics=EVENT_STORE_TOPICS["intervention"])
    assert len(notifications) == 8


def test_relay_topic_consumer_group_read_model_on_the_real_services(kafka_container: Container) -> None:
    ids = seed(kafka_container)
    assert kafka_container.relay().publish_next_page() == 10  # 2 policies issued, 8 intervention events
    topic = kafka_container.topics.events("intervention")
    records = read_topic(kafka_container, topic, expected=8)
    assert len(records) == 8
    assert {dict(r.headers)["ce_type"].decode() for r in records} == {
        f"cz.policycore.intervention.{name}.v1" for name in ("raised", "taken", "note-added", "resolved-by-advisor",
                                                             "expired")}
    letter = sorted((r for r in records if r.key == str(ids["letter"]).encode()), key=lambda r: r.offset)
    assert [json.loads(r.value)["sequence"] for r in letter] == [1, 2, 3, 4, 5]  # one key, one partition, in order
    assert {r.partition for r in letter} == {letter[0].partition}
    assert dict(letter[0].headers)["ce_source"] == b"urn:policy-core:interventions"
    assert len(read_topic(kafka_container, kafka_container.topics.policy_events, expected=2)) == 2

    runner = kafka_container.kafka_runner("interventions")
    stop = threading.Event()
    thread = threading.Thread(target=runner.run, args=(stop,))
    thread.start()
    try:
        wait_until(lambda: len(read_model(kafka_container)) == 3
                   and intervention_detail(kafka_container.database, ids["letter"]).state == "resolved")
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    with kafka_container.database.transaction() as tx:
        offsets = tx.fetchall("SELECT topic, next_offset FROM projection_offsets WHERE consumer = 'interventions'")
    assert {row["topic"] for row in offsets} == {topic} and sum(row["next_offset"] for row in offsets) == 8
    through_kafka = read_model(kafka_container)
    kafka_container.reset_projection("interventions")  # the same read model, followed in process instead
    kafka_container.embedded_runner("interventions").catch_up()
    assert read_model(kafka_container) == through_kafka
