"""The collections workflow: billing, direct debit and dunning driven by the business clock.

It follows the policy topic, where the clock's ticks are interleaved into every partition. Policy
events keep a small agenda up to date; a tick of day D on a partition runs the day's collections
(application.collections) for the policies of that partition that need attention: everything the
core recorded for them before the tick has been applied to the agenda by then, so the choice does
not depend on timing. The collections run writes to the event store before this batch's agenda
changes and positions commit; a crash in between replays the batch, and the run records nothing
twice (see application.collections). Its effects therefore happen exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from application.collections import Collections
from consumers.workflow import ClockDrivenWorkflow, WorkflowRows
from infrastructure.database import Transaction
from producers.schema import (
    AmendmentAgreedV1,
    DunningClosedV1,
    InstalmentFellDueV1,
    LoyaltyDiscountGrantedV1,
    PolicyEndedV1,
    PolicyEventV1,
    PolicyIssuedV1,
    PolicyReducedV1,
    PremiumPaymentRecordedV1,
    PreReminderSentV1,
    ReminderSentV1,
    RiskGroupChangedV1,
)
from projections.contracts import as_date


@dataclass(frozen=True)
class AgendaRow:
    aggregate_id: str  # the policy id
    policy_number: str
    source: str
    partition: int
    version: int
    end_date: date | None
    next_due_on: date
    billed_to: date | None
    paid_to: date | None
    dunning: bool
    watch_arrears: bool


def evolve(row: AgendaRow | None, event: PolicyEventV1, source: str, partition: int) -> AgendaRow | None:
    """The agenda row after one policy event; None for an event about a policy never issued. Pure."""
    data: Any = event.data
    if isinstance(event, PolicyIssuedV1):
        return AgendaRow(str(event.subject), data.policy_number, source, partition, event.sequence, data.end_date,
                         data.start_date, None, None, False, True)
    if row is None:
        return None
    row = replace(row, version=event.sequence)
    if isinstance(event, InstalmentFellDueV1):
        return replace(row, billed_to=data.period_end, next_due_on=data.period_end + timedelta(days=1))
    if isinstance(event, (PremiumPaymentRecordedV1, AmendmentAgreedV1, LoyaltyDiscountGrantedV1,
                          RiskGroupChangedV1)):  # what is paid
        return replace(row, paid_to=data.paid_to)
    if isinstance(event, (PreReminderSentV1, ReminderSentV1)):
        return replace(row, dunning=True)
    if isinstance(event, DunningClosedV1):
        return replace(row, dunning=False)
    if isinstance(event, (PolicyEndedV1, PolicyReducedV1)):
        # Billed up to the end (a notice may end it months later); no longer dunned.
        end = data.ended_on if isinstance(event, PolicyEndedV1) else data.effective_from
        return replace(row, end_date=min(row.end_date or end, end), dunning=False, watch_arrears=False)
    return row


def _decode(record: dict[str, Any]) -> AgendaRow:
    dates = {name: as_date(record[name]) for name in ("end_date", "next_due_on", "billed_to", "paid_to")}
    flags = {name: bool(record[name]) for name in ("dunning", "watch_arrears")}
    return AgendaRow(**{**record, **dates, **flags})


class CollectionsWorkflow(ClockDrivenWorkflow[AgendaRow]):
    name = "collections"
    stream = "policy"

    def __init__(self, collections: Collections) -> None:
        self._collections = collections
        self.rows = WorkflowRows("collections_agenda", _decode, evolve, _UPSERT)

    def start_day(self, tx: Transaction, source: str, partition: int, day: date, tick_id: UUID) -> None:
        due = tx.fetchall(_NEEDING_ATTENTION, {"source": source, "partition": partition, "day": day})
        self._collections.run([row["policy_number"] for row in due], day, cause=tick_id)


# Due for billing (an instalment falls due before the end), in arrears, or with a dunning process open.
_NEEDING_ATTENTION = """
SELECT policy_number FROM collections_agenda
WHERE source = %(source)s AND partition = %(partition)s
  AND ((next_due_on <= %(day)s AND (end_date IS NULL OR next_due_on < end_date))
       OR dunning
       OR (watch_arrears AND billed_to IS NOT NULL AND (paid_to IS NULL OR paid_to < billed_to)))
ORDER BY policy_number
"""

_UPSERT = """
INSERT INTO collections_agenda (aggregate_id, policy_number, source, partition, version, end_date, next_due_on,
    billed_to, paid_to, dunning, watch_arrears)
VALUES (%(aggregate_id)s, %(policy_number)s, %(source)s, %(partition)s, %(version)s, %(end_date)s, %(next_due_on)s,
    %(billed_to)s, %(paid_to)s, %(dunning)s, %(watch_arrears)s)
ON CONFLICT (aggregate_id) DO UPDATE SET
    version = excluded.version, end_date = excluded.end_date, next_due_on = excluded.next_due_on,
    billed_to = excluded.billed_to, paid_to = excluded.paid_to, dunning = excluded.dunning,
    watch_arrears = excluded.watch_arrears
"""
