"""What a projection is: a fold of integration events into read-model tables, batch at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from infrastructure.database import Transaction
from producers.schema import PolicyEventV1


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
