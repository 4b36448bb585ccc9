"""What every clock-driven workflow shares: rows kept per aggregate from its events, and business days.

A workflow follows a stream whose topic carries the business clock's ticks in every partition. Events
update the workflow's rows (one per aggregate, applied in sequence: duplicates skipped, gaps
rejected); the tick of day D on a partition makes the workflow act for the aggregates of that
partition, once per (partition, day): a re-delivered tick is recognised in ``workflow_days``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, Generic, TypeVar
from uuid import UUID

from infrastructure.database import Transaction
from producers.schema import ClockDayStartedV1, PolicyEventV1
from projections.base import ProjectionResult, load_rows
from projections.contracts import as_date

Row = TypeVar("Row")


class WorkflowRows(Generic[Row]):
    """How a workflow keeps its rows: table, loading, the pure fold and the upsert."""

    def __init__(self, table: str, decode: Callable[[dict[str, Any]], Row],
                 evolve: Callable[[Row | None, PolicyEventV1, str, int], Row | None], upsert: str) -> None:
        self.table, self.decode, self.evolve, self.upsert = table, decode, evolve, upsert

    def load(self, tx: Transaction, ids: Sequence[str]) -> dict[str, Row]:
        return load_rows(tx, self.table, "aggregate_id", ids, self.decode)


class ClockDrivenWorkflow(Generic[Row]):
    """Subclasses set ``name``, ``stream``, ``rows`` and act in ``start_day``."""

    name: str
    stream: str
    follows_clock = True
    rows: WorkflowRows[Row]

    def react(self, tx: Transaction, events: Sequence[PolicyEventV1],
              sources: Sequence[tuple[str, int]]) -> ProjectionResult:
        result = ProjectionResult()
        ids = sorted({str(e.subject) for e in events if not isinstance(e, ClockDayStartedV1)})
        rows: dict[str, Row | None] = dict(self.rows.load(tx, ids))
        changed: set[str] = set()
        for index, (event, (source, partition)) in enumerate(zip(events, sources)):
            if isinstance(event, ClockDayStartedV1):
                self._flush(tx, rows, changed)
                if _first_time(tx, self.name, source, partition, event.data.business_date):
                    self.start_day(tx, source, partition, event.data.business_date, event.id)
                result.applied += 1
                continue
            aggregate_id = str(event.subject)
            current = rows.get(aggregate_id)
            have = getattr(current, "version", 0)
            if event.sequence <= have:
                result.duplicates += 1
            elif event.sequence != have + 1:
                result.rejected.append((index, f"version gap: {aggregate_id} is at {have}, event {event.sequence}"
                                               " (rule: events-in-sequence)"))
            elif (row := self.rows.evolve(current, event, source, partition)) is None:
                result.rejected.append((index, f"{event.type} for {aggregate_id}, which was never created"
                                               " (rule: aggregate-created-first)"))
            else:
                rows[aggregate_id] = row
                changed.add(aggregate_id)
                result.applied += 1
        self._flush(tx, rows, changed)
        return result

    def start_day(self, tx: Transaction, source: str, partition: int, day: date, tick_id: UUID) -> None:
        raise NotImplementedError

    def reset(self, tx: Transaction) -> None:
        tx.execute(f"DELETE FROM {self.rows.table}")
        tx.execute("DELETE FROM workflow_days WHERE workflow = %(name)s", {"name": self.name})

    def _flush(self, tx: Transaction, rows: dict[str, Row | None], changed: set[str]) -> None:
        tx.executemany(self.rows.upsert, [asdict(rows[aggregate_id]) for aggregate_id in changed])  # type: ignore[call-overload]
        changed.clear()


def _first_time(tx: Transaction, workflow: str, source: str, partition: int, day: date) -> bool:
    """Record that ``day`` starts on this partition; False when it had started already (a re-delivered tick)."""
    key = {"workflow": workflow, "source": source, "partition": partition, "day": day}
    last = tx.fetchone("SELECT business_date FROM workflow_days WHERE workflow = %(workflow)s"
                       " AND source = %(source)s AND partition = %(partition)s", key)
    if last is not None and as_date(last["business_date"]) >= day:
        return False
    tx.execute("INSERT INTO workflow_days (workflow, source, partition, business_date)"
               " VALUES (%(workflow)s, %(source)s, %(partition)s, %(day)s)"
               " ON CONFLICT (workflow, source, partition) DO UPDATE SET business_date = excluded.business_date", key)
    return True
