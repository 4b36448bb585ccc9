import json
from datetime import date
from decimal import Decimal

import pytest

from aggregates.intervention import Intervention, InterventionType
from aggregates.policy import Policy
from domain.premium_periods import Frequency
from domain.products.catalogue import default_catalogue
from producers.mapping import event_id, to_integration_event
from producers.schema import INTERVENTION_V1
from producers.wire import InvalidMessage, decode, encode
from tests.factories import FLEXI_COVERS, FLEXI_INSURED, metadata

TODAY = date(2026, 6, 15)
FLEXI = default_catalogue().version_in_force("FLEXI_RISK_LIFE", date(2026, 1, 1))


def domain_events():
    meta = metadata(traceparent="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
    policy = Policy.issue(policy_number="2026000001", product=FLEXI, policyholder_name="Jana",
                          policyholder_birth_number="7103192745", advisor_id="ADV-1", frequency=Frequency.QUARTERLY,
                          premium=Decimal("900"), start_date=date(2026, 1, 1), end_date=date(2041, 1, 1),
                          concluded_on=date(2025, 12, 15), sold_at_distance=False, meta=meta,
                          insured=FLEXI_INSURED, covers=FLEXI_COVERS)
    policy.record_premium_payment(payment_id="a", amount=Decimal("1000"), received_on=TODAY, today=TODAY, meta=meta)
    return policy.collect_events()


def test_published_events_round_trip_with_cloudevents_headers() -> None:
    issued, paid = (to_integration_event(event) for event in domain_events())
    record = encode(paid, "topic.v1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
    headers = dict(record.headers)
    assert record.key == str(paid.subject).encode()
    assert headers["ce_type"] == b"cz.policycore.policy.premium-payment-recorded.v1"
    assert headers["ce_id"] == str(event_id(paid.subject, 2)).encode()
    assert headers["traceparent"].startswith(b"00-0af7651916cd43dd8448eb211c80319c")
    for name in ("ce_specversion", "ce_source", "ce_subject", "ce_time"):
        assert name in headers
    body = json.loads(record.value)
    assert body["data"] == {"payment_id": "a", "amount": "1000.00", "received_on": "2026-06-15",
                            "periods_paid": 1, "paid_to": "2026-03-31", "credit": "100.00"}
    assert decode(record.value, record.headers) == paid
    assert issued.data.frequency is Frequency.QUARTERLY


def test_birth_number_is_not_published() -> None:
    issued = to_integration_event(domain_events()[0])
    assert "birth" not in issued.model_dump_json()


def test_same_stored_event_maps_to_the_same_message() -> None:
    first, second = domain_events()[0], domain_events()[0]
    assert to_integration_event(first).id == to_integration_event(second).id


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        (b"", "message-is-cloudevent-json"),
        (b"{not json", "message-matches-integration-schema-v1"),
        (b'{"type": "cz.policycore.policy.exploded.v1"}', "message-matches-integration-schema-v1"),
        (b'{"type": "cz.policycore.policy.issued.v1", "id": "x"}', "message-matches-integration-schema-v1"),
    ],
)
def test_malformed_messages_are_refused_with_the_rule(value: bytes, rule: str) -> None:
    with pytest.raises(InvalidMessage, match=rule):
        decode(value)


def test_header_type_must_agree_with_body() -> None:
    issued = to_integration_event(domain_events()[0])
    record = encode(issued, "t", None)
    with pytest.raises(InvalidMessage, match="ce-headers-match-body"):
        decode(record.value, [("ce_type", b"cz.policycore.policy.premium-payment-recorded.v1")])


def intervention_events() -> list:
    def raised(cause: str) -> Intervention:
        return Intervention.raise_intervention(
            intervention_type=InterventionType.LETTER_UNDELIVERABLE, policy_number="2026000001",
            client_name="Jana", advisor_id="ADV-1", due_date=date(2026, 6, 30), cause_reference=cause,
            description="Dopis nedoručen", raised_on=TODAY, meta=metadata())

    worked, automatic, expired = raised("LTR-1"), raised("LTR-2"), raised("LTR-3")
    worked.take(advisor_id="ADV-1", taken_on=TODAY, meta=metadata())
    worked.add_note(text="volat", on=TODAY, advisor_id="ADV-1", meta=metadata())
    worked.resolve(advisor_id="ADV-1", resolved_on=TODAY, resolution="address corrected", meta=metadata())
    automatic.resolve_automatically(reason="address changed", on=TODAY, meta=metadata())
    expired.expire(on=date(2026, 7, 1), meta=metadata())
    return [event for aggregate in (worked, automatic, expired) for event in aggregate.collect_events()]


def test_every_intervention_event_round_trips_on_its_own_stream() -> None:
    published = [to_integration_event(event) for event in intervention_events()]
    assert {event.type for event in published} == {model.model_fields["type"].default for model in INTERVENTION_V1}
    assert {event.type for event in published} == {
        f"cz.policycore.intervention.{name}.v1" for name in ("raised", "taken", "note-added", "resolved-by-advisor",
                                                             "resolved-automatically", "expired")}
    for event in published:
        record = encode(event, "t", None)
        assert dict(record.headers)["ce_source"] == b"urn:policy-core:interventions"
        assert decode(record.value, record.headers) == event
    raised = json.loads(encode(published[0], "t", None).value)
    assert (raised["subject"], raised["sequence"]) == (str(published[0].subject), 1)
    assert raised["data"] == {"intervention_type": "letter_undeliverable", "policy_number": "2026000001",
                              "client_name": "Jana", "advisor_id": "ADV-1", "due_date": "2026-06-30",
                              "cause_reference": "LTR-1", "description": "Dopis nedoručen", "raised_on": "2026-06-15"}

