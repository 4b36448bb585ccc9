"""What a projection is: a fold of integration events into read-model tables, batch at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from infrastructure.database import Database, Transaction, in_clause
from producers.schema import PolicyEventV1

_LOAD_CHUNK = 500


@dataclass
class ProjectionResult:
    applied: int = 0
    duplicates: int = 0
    # (index in the batch, reason): events the projection cannot apply, for the dead-letter sink
    rejected: list[tuple[int, str]] = field(default_factory=list)


class Projection(Protocol):
    name: str
    stream: str  # the event stream (and topic) it follows: "policy", "proposal"

    def apply(self, tx: Transaction, events: Sequence[PolicyEventV1]) -> ProjectionResult:
        """Apply the events in order inside ``tx``; skip duplicates; never half-apply one."""

    def reset(self, tx: Transaction) -> None:
        """Empty the read model, for a rebuild from the start of the log."""


class ProjectionRejected(ValueError):
    """The event cannot be applied to the row it names (a change to one never created); the message names the rule."""


class _Versioned(Protocol):
    @property
    def version(self) -> int: ...


Row = TypeVar("Row", bound=_Versioned)
Loaded = TypeVar("Loaded")


def fold_in_sequence(events: Sequence[Any], rows: dict[str, Row], evolve: Callable[[Row | None, Any], Row],
                     noun: str, result: ProjectionResult) -> dict[str, Row]:
    """Fold each event into the row of its subject, which keeps the version (sequence) it reflects.

    A sequence at or below the row's version is a duplicate and is skipped; one beyond the next is a
    gap, rejected for the dead-letter sink, as is an event ``evolve`` refuses. Updates ``rows`` and
    ``result``; returns the rows that changed, to be written."""
    changed: dict[str, Row] = {}
    for index, event in enumerate(events):
        key = str(event.subject)
        current = rows.get(key)
        have = current.version if current else 0
        if event.sequence <= have:
            result.duplicates += 1
            continue
        if event.sequence != have + 1:
            result.rejected.append((index, f"version gap: {noun} {key} is at version {have}, "
                                           f"event has sequence {event.sequence} (rule: events-in-sequence)"))
            continue
        try:
            rows[key] = changed[key] = evolve(current, event)
        except ProjectionRejected as error:
            result.rejected.append((index, str(error)))
            continue
        result.applied += 1
    return changed


def load_rows(tx: Transaction, table: str, key: str, ids: Iterable[str],
              to_row: Callable[[dict[str, Any]], Loaded]) -> dict[str, Loaded]:
    """The stored rows of these ids (``key`` column of ``table``), read in chunks of bounded IN lists."""
    wanted = sorted(set(ids))
    rows: dict[str, Loaded] = {}
    for start in range(0, len(wanted), _LOAD_CHUNK):
        clause, params = in_clause("id", wanted[start:start + _LOAD_CHUNK])
        for record in tx.fetchall(f"SELECT * FROM {table} WHERE {key} {clause}", params):
            rows[record[key]] = to_row(record)
    return rows


def upsert_statement(table: str, key: str, columns: Sequence[str]) -> str:
    """INSERT ... ON CONFLICT (key) DO UPDATE of every other column (PostgreSQL and SQLite alike)."""
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(f'%({c})s' for c in columns)})"
            f" ON CONFLICT ({key}) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns if c != key)}")


def select_filtered(database: Database, table: str, filters: dict[str, Any], order_by: str, limit: int,
                    offset: int) -> list[dict[str, Any]]:
    """Rows of ``table`` whose columns equal the filters given (None: not filtered), in pages."""
    given = {column: value for column, value in filters.items() if value is not None}
    where = " AND ".join(f"{column} = %({column})s" for column in given) or "1 = 1"
    with database.transaction() as tx:
        return tx.fetchall(f"SELECT * FROM {table} WHERE {where} ORDER BY {order_by} LIMIT %(limit)s OFFSET %(offset)s",
                           {**given, "limit": limit, "offset": offset})
