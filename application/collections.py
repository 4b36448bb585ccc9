"""The daily collections run: for each policy due for attention on a business day, bill, collect
and take the dunning step due, raising or closing the advisor's intervention in the same write.

Idempotent by construction: the Policy records each instalment and each dunning step once, and the
intervention of an unpaid instalment has a deterministic id. Running a day again (a workflow that
crashed before storing its position) therefore records nothing twice, which is what makes the
collections workflow's effects exactly-once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import structlog
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError

from aggregates.intervention import Intervention, InterventionType, intervention_id_for
from aggregates.policy import DunningTaken, Policy, policy_id_for
from application.policy_service import PolicyService
from application.workflow_meta import workflow_meta
from domain.dunning import DunningAction
from domain.metadata import EventMetadata

log = structlog.get_logger(__name__)

CHUNK = 400
MAX_ATTEMPTS = 5


@dataclass
class CollectionsReport:
    reviewed: int = 0
    changed: int = 0
    steps: Counter[str] = field(default_factory=Counter)

    def add(self, other: CollectionsReport) -> None:
        self.reviewed += other.reviewed
        self.changed += other.changed
        self.steps.update(other.steps)


class Collections:
    def __init__(self, policies: PolicyService) -> None:
        self._policies = policies

    def run(self, policy_numbers: Sequence[str], on: date, cause: UUID | None = None) -> CollectionsReport:
        """Collections of business day ``on`` for these policies, in chunks of one write each."""
        started, report = time.perf_counter(), CollectionsReport()
        for start in range(0, len(policy_numbers), CHUNK):
            chunk = policy_numbers[start:start + CHUNK]
            try:
                report.add(self._run_chunk(chunk, on, cause))
            except IntegrityError:  # another writer moved one of them on: each again on fresh state
                for number in chunk:
                    report.add(self._run_one(number, on, cause))
            if len(policy_numbers) > CHUNK:  # a long run shows its progress
                log.info("collections.progress", business_date=on.isoformat(), done=report.reviewed,
                         total=len(policy_numbers))
        log.info("collections.run", business_date=on.isoformat(), reviewed=report.reviewed, changed=report.changed,
                 steps=dict(report.steps), ms=round((time.perf_counter() - started) * 1000, 1))
        return report

    def _run_one(self, number: str, on: date, cause: UUID | None) -> CollectionsReport:
        for _ in range(MAX_ATTEMPTS):
            try:
                return self._run_chunk([number], on, cause)
            except IntegrityError:
                continue
        raise IntegrityError(f"collections of {number} on {on}: the policy kept changing")

    def _run_chunk(self, numbers: Sequence[str], on: date, cause: UUID | None) -> CollectionsReport:
        report, changed = CollectionsReport(reviewed=len(numbers)), []
        today = self._policies.clock.today()
        for number in numbers:
            policy: Policy = self._policies.repository.get(policy_id_for(number))
            meta = workflow_meta("collections", number, on, cause, self._policies.clock)
            product = self._policies.catalogue.get(policy.product_code, policy.product_version)
            taken = policy.collect(on=on, product=product, today=today, meta=meta)
            if policy.pending_events:
                changed.append(policy)
                changed += self._interventions(policy, taken, on, meta)
                report.changed += 1
                report.steps.update(t.step.action.value for t in taken)
        if changed:
            self._policies.save(*changed)
        return report

    def _interventions(self, policy: Policy, taken: list[DunningTaken], on: date,
                       meta: EventMetadata) -> list[Aggregate]:
        """A reminder raises the advisor's intervention; payment resolves it; lapse or reduction expires it."""
        changed: list[Aggregate] = []
        for due, step in ((t.due_date, t.step) for t in taken):
            if step.action is DunningAction.SEND_PRE_REMINDER:
                continue
            if step.action is DunningAction.SEND_REMINDER:
                if self._intervention(policy.policy_number, due) is not None:
                    continue  # already raised: a replayed day
                changed.append(Intervention.raise_intervention(
                    intervention_type=InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE, policy_number=policy.policy_number,
                    client_name=policy.policyholder_name, advisor_id=policy.advisor_id, due_date=step.deadline,
                    cause_reference=due, raised_on=on, meta=meta,
                    description=f"Premium due {due} unpaid; reminder sent {on}, the deadline is {step.deadline}"))
                continue
            intervention = self._intervention(policy.policy_number, due)
            if intervention is None or intervention.is_closed:
                continue  # none: closed before any reminder went out (after a pre-reminder only)
            if step.action is DunningAction.STOP_PAID:
                intervention.resolve_automatically(reason="premium paid", on=on, meta=meta)
            else:
                intervention.expire(on=on, meta=meta)
            changed.append(intervention)
        return changed

    def _intervention(self, policy_number: str, due: date) -> Intervention | None:
        try:
            return self._policies.repository.get(
                intervention_id_for(InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE, policy_number, due))
        except AggregateNotFoundError:
            return None
