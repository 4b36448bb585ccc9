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

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from application.collections import Collections
from infrastructure.database import Transaction, in_clause
from producers.schema import (
    AmendmentAgreedV1,
    ClockDayStartedV1,
    DunningClosedV1,
    InstalmentFellDueV1,
    PolicyEndedV1,
    PolicyEventV1,
    PolicyIssuedV1,
    PolicyReducedV1,
    PremiumPaymentRecordedV1,
    PreReminderSentV1,
    ReminderSentV1,
)
from projections.base import ProjectionResult
from projections.contracts import as_date


@dataclass(frozen=True)
class AgendaRow:
    policy_id: str
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
    if isinstance(event, (PremiumPaymentRecordedV1, AmendmentAgreedV1)):  # what the payments now cover
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


class CollectionsWorkflow:
    name = "collections"
    stream = "policy"
    follows_clock = True

    def __init__(self, collections: Collections) -> None:
        self._collections = collections

    def react(self, tx: Transaction, events: Sequence[PolicyEventV1],
              sources: Sequence[tuple[str, int]]) -> ProjectionResult:
        result, pending = ProjectionResult(), _Pending(tx)
        pending.preload({str(event.subject) for event in events if not isinstance(event, ClockDayStartedV1)})
        for index, (event, (source, partition)) in enumerate(zip(events, sources)):
            if isinstance(event, ClockDayStartedV1):
                pending.flush()
                self._start_day(tx, source, partition, event)
                result.applied += 1
                continue
            outcome = pending.apply(event, source, partition)
            if outcome == "applied":
                result.applied += 1
            elif outcome == "duplicate":
                result.duplicates += 1
            else:
                result.rejected.append((index, outcome))
        pending.flush()
        return result

    def _start_day(self, tx: Transaction, source: str, partition: int, tick: ClockDayStartedV1) -> None:
        day = tick.data.business_date
        where = {"source": source, "partition": partition}
        last = tx.fetchone("SELECT business_date FROM collections_days WHERE source = %(source)s"
                           " AND partition = %(partition)s", where)
        if last is not None and as_date(last["business_date"]) >= day:
            return  # a re-delivered tick: that day's collections ran
        due = [row["policy_number"] for row in tx.fetchall(_NEEDING_ATTENTION, {**where, "day": day})]
        self._collections.run(due, day, cause=tick.id)
        tx.execute("INSERT INTO collections_days (source, partition, business_date)"
                   " VALUES (%(source)s, %(partition)s, %(day)s)"
                   " ON CONFLICT (source, partition) DO UPDATE SET business_date = excluded.business_date",
                   {**where, "day": day})

    def reset(self, tx: Transaction) -> None:
        tx.execute("DELETE FROM collections_agenda")
        tx.execute("DELETE FROM collections_days")


class _Pending:
    """Agenda rows changed since the last flush, folded in memory and written set-based."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx
        self._rows: dict[str, AgendaRow | None] = {}
        self._changed: set[str] = set()

    def preload(self, policy_ids: set[str]) -> None:
        ids = sorted(policy_ids)
        for start in range(0, len(ids), 500):
            self._rows.update(_load(self._tx, ids[start:start + 500]))

    def apply(self, event: PolicyEventV1, source: str, partition: int) -> str:
        """'applied', 'duplicate', or why the event cannot be applied."""
        policy_id = str(event.subject)
        current = self._rows.get(policy_id)
        have = current.version if current else 0
        if event.sequence <= have:
            return "duplicate"
        if event.sequence != have + 1:
            return f"version gap: policy {policy_id} is at {have}, event {event.sequence} (rule: events-in-sequence)"
        row = evolve(current, event, source, partition)
        if row is None:
            return f"{event.type} for policy {policy_id}, which was never issued (rule: contract-issued-first)"
        self._rows[policy_id] = row
        self._changed.add(policy_id)
        return "applied"

    def flush(self) -> None:
        rows = [asdict(self._rows[policy_id]) for policy_id in self._changed]  # type: ignore[arg-type]
        self._tx.executemany(_UPSERT, rows)
        self._changed.clear()


def _load(tx: Transaction, policy_ids: list[str]) -> dict[str, AgendaRow]:
    clause, params = in_clause("id", policy_ids)
    found = {}
    for record in tx.fetchall(f"SELECT * FROM collections_agenda WHERE policy_id {clause}", params):
        dates = {name: as_date(record[name]) for name in ("end_date", "next_due_on", "billed_to", "paid_to")}
        flags = {name: bool(record[name]) for name in ("dunning", "watch_arrears")}
        found[record["policy_id"]] = AgendaRow(**{**record, **dates, **flags})
    return found


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
INSERT INTO collections_agenda (policy_id, policy_number, source, partition, version, end_date, next_due_on,
    billed_to, paid_to, dunning, watch_arrears)
VALUES (%(policy_id)s, %(policy_number)s, %(source)s, %(partition)s, %(version)s, %(end_date)s, %(next_due_on)s,
    %(billed_to)s, %(paid_to)s, %(dunning)s, %(watch_arrears)s)
ON CONFLICT (policy_id) DO UPDATE SET
    version = excluded.version, end_date = excluded.end_date, next_due_on = excluded.next_due_on,
    billed_to = excluded.billed_to, paid_to = excluded.paid_to, dunning = excluded.dunning,
    watch_arrears = excluded.watch_arrears
"""
