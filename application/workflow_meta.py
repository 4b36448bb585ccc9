"""Who and why for what a workflow records on a business day: a deterministic run id per (workflow,
aggregate, day), so a replayed day is recognisable, and the tick that caused it as correlation."""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from application.clock import Clock
from domain.metadata import Channel, EventMetadata

WORKFLOW_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:workflow")


def workflow_meta(workflow: str, subject: str, on: date, cause: UUID | None, clock: Clock) -> EventMetadata:
    run_id = uuid5(WORKFLOW_NAMESPACE, f"{workflow}:{subject}:{on.isoformat()}")
    return EventMetadata(command_id=run_id, correlation_id=cause or run_id, actor=workflow, channel=Channel.BATCH,
                         recorded_at=clock.now(), reason=f"{workflow} of {on.isoformat()}")
