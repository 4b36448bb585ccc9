"""The sales app's daily export: proposals sent by 21:00 are transferred to the insurer and locked.

"kolem 21. hodiny bude exportován do pojišťovny" ... "Po exportu dat dojde k uzamknutí dokumentu"
(sales-app seed). The business day D starts with its tick; the export of the evening before (D - 1,
21:00 Prague time) then takes every proposal sent by that time; one sent later waits for the next
evening's. Each export is an ``ExportProposal`` command with an id derived from the proposal and the
export day, so a replayed tick exports nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5
from zoneinfo import ZoneInfo

import structlog

from application.commands import ExportProposal
from application.policy_service import PolicyService
from consumers.workflow import ClockDrivenWorkflow, WorkflowRows
from domain.errors import DomainError
from domain.metadata import Channel
from infrastructure.database import Transaction
from producers.schema import PolicyEventV1, ProposalDraftedV1, ProposalSentV1

log = structlog.get_logger(__name__)
PRAGUE = ZoneInfo("Europe/Prague")
EXPORT_TIME = time(21, 0)
EXPORT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:policy-core:proposal-export")


@dataclass(frozen=True)
class ExportRow:
    aggregate_id: str  # the proposal id
    proposal_number: str
    source: str
    partition: int
    version: int
    sent_at: str | None
    waiting: bool  # sent and not yet exported (nor closed)


def evolve(row: ExportRow | None, event: PolicyEventV1, source: str, partition: int) -> ExportRow | None:
    if isinstance(event, ProposalDraftedV1):
        return ExportRow(str(event.subject), event.data.proposal_number, source, partition, event.sequence, None, False)
    if row is None:
        return None
    if isinstance(event, ProposalSentV1):
        return replace(row, version=event.sequence, sent_at=event.data.sent_at.isoformat(), waiting=True)
    return replace(row, version=event.sequence, waiting=False)  # exported, cancelled or later: nothing to export


def export_time(day: date) -> datetime:
    """The export that business day ``day`` starts with: 21:00 in Prague on the evening before."""
    return datetime.combine(day - timedelta(days=1), EXPORT_TIME, tzinfo=PRAGUE)


def _decode(record: dict[str, Any]) -> ExportRow:
    return ExportRow(**{**record, "waiting": bool(record["waiting"])})


class ProposalExportWorkflow(ClockDrivenWorkflow[ExportRow]):
    name = "proposal-export"
    stream = "proposal"

    def __init__(self, policies: PolicyService) -> None:
        self._policies = policies
        self.rows = WorkflowRows("proposal_exports", _decode, evolve, _UPSERT)

    def start_day(self, tx: Transaction, source: str, partition: int, day: date, tick_id: UUID) -> None:
        at = export_time(day)
        waiting = tx.fetchall("SELECT proposal_number, sent_at FROM proposal_exports WHERE source = %(source)s"
                              " AND partition = %(partition)s AND waiting ORDER BY proposal_number",
                              {"source": source, "partition": partition})
        commands = [ExportProposal(command_id=uuid5(EXPORT_NAMESPACE, f"{row['proposal_number']}:{day}"),
                                   actor="proposal-export", channel=Channel.BATCH, correlation_id=tick_id,
                                   proposal_number=row["proposal_number"], exported_at=at)
                    for row in waiting if datetime.fromisoformat(row["sent_at"]) <= at]
        results = self._policies.execute_batch(commands)
        # A proposal cancelled after the tick was recorded is refused: an outcome, reported, not a fault.
        refused = {command.proposal_number: result.rule for command, result in zip(commands, results)
                   if isinstance(result, DomainError)}
        log.info("proposal_export.run", business_date=day.isoformat(), exported=len(commands) - len(refused),
                 refused=refused, waiting=len(waiting) - len(commands))


_UPSERT = """
INSERT INTO proposal_exports (aggregate_id, proposal_number, source, partition, version, sent_at, waiting)
VALUES (%(aggregate_id)s, %(proposal_number)s, %(source)s, %(partition)s, %(version)s, %(sent_at)s, %(waiting)s)
ON CONFLICT (aggregate_id) DO UPDATE SET
    version = excluded.version, sent_at = excluded.sent_at, waiting = excluded.waiting
"""
