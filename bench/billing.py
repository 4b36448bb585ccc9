"""The month-end billing and dunning run over a book of policies (issue 4's benchmark).

The book (FLEXI, monthly 500) is written straight through the aggregates (no commands: this is
set-up, not what is measured), with the history that puts each policy where a real book would be
on the morning of 1 March 2026:
- 80 % started 1 Jan, paid to the end of February: March falls due (billed);
- 10 % started 14 Jan, February (due 14 Feb) unpaid: the reminder goes out (15 days) with an
  intervention for the advisor;
- 5 % started 3 Jan, never paid: reminded 18 Jan, deemed delivered 28 Jan, deadline 28 Feb: lapse,
  the intervention expires;
- 5 % started 1 Jan, reminded for February on 16 Feb and paid on 28 Feb: the process closes with
  a payment confirmation (28 Feb) and the intervention is resolved; March billed.
Measured: the collections workflow taking the ticks of 28 February and 1 March (the business
calendar stands at 27 February when the book is loaded), from the ticks to the last write.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import date
from decimal import Decimal
from uuid import uuid4

from aggregates.intervention import Intervention, InterventionType
from aggregates.policy import Policy
from application.bootstrap import Container
from application.commands import AdvanceBusinessDate
from domain.dates import add_years
from domain.metadata import Channel, EventMetadata
from domain.premium_periods import Frequency

RUN_DAY = date(2026, 3, 1)
SAVE_CHUNK = 400
# (share of the book, start date, payments (received on, amount), history days the workflow ran on)
PROFILES = (
    (80, date(2026, 1, 1), ((date(2026, 1, 1), "1000.00"),), (date(2026, 2, 1),)),
    (10, date(2026, 1, 14), ((date(2026, 1, 14), "500.00"),), (date(2026, 2, 14),)),
    (5, date(2026, 1, 3), (), (date(2026, 1, 18), date(2026, 2, 3))),
    (5, date(2026, 1, 1), ((date(2026, 1, 1), "500.00"), (date(2026, 2, 28), "500.00")),
     (date(2026, 2, 16),)),
)


def _meta(now) -> EventMetadata:
    return EventMetadata(command_id=uuid4(), correlation_id=uuid4(), actor="bench", channel=Channel.BATCH,
                         recorded_at=now)


def _policy(container: Container, number: int, profile: tuple, insured: list, covers: list) -> list:
    _, start, payments, history = profile
    product = container.policies.catalogue.version_in_force("FLEXI_RISK_LIFE", start)
    now = container.policies.clock.now()
    policy = Policy.issue(policy_number=str(number), product=product, policyholder_name="Bench Client",
                          policyholder_birth_number="7103192745", advisor_id=f"ADV-{number % 50}",
                          frequency=Frequency.MONTHLY, premium=Decimal("500.00"), start_date=start, end_date=add_years(start, 20),
                          concluded_on=start, sold_at_distance=False, meta=_meta(now), insured=insured, covers=covers)
    changed: list = [policy]
    for day in sorted({start, *history, *(received for received, _ in payments)}):
        for received, amount in payments:
            if received == day:
                policy.record_premium_payment(payment_id=f"{number}-{received}", amount=Decimal(amount),
                                              received_on=received, today=RUN_DAY, meta=_meta(now))
        if day not in (start, *history):
            continue  # the workflow's next run after a payment is the measured one
        for taken in policy.collect(on=day, product=product, today=RUN_DAY, meta=_meta(now)):
            if taken.step.deadline and taken.step.action.value == "send_reminder":
                changed.append(Intervention.raise_intervention(
                    intervention_type=InterventionType.UNPAID_PREMIUM_BEFORE_LAPSE, policy_number=str(number),
                    client_name="Bench Client", advisor_id=policy.advisor_id, due_date=taken.step.deadline,
                    cause_reference=taken.due_date, description="premium unpaid", raised_on=day, meta=_meta(now)))
    return changed


def write_book(container: Container, size: int, first_number: int, insured: list, covers: list,
               progress) -> None:
    shares = [(profile, size * profile[0] // 100) for profile in PROFILES]
    numbers = iter(range(first_number, first_number + size))
    pending, done = [], 0
    for profile, count in shares:
        for _ in range(count):
            pending += _policy(container, next(numbers), profile, insured, covers)
            done += 1
            if done % SAVE_CHUNK == 0:
                container.policies.save(*pending)
                pending = []
                progress("billing book written", done, size)
    if pending:
        container.policies.save(*pending)
    progress("billing book written", size, size)


def _advance(container: Container, to: date) -> None:
    container.policies.execute(AdvanceBusinessDate(command_id=uuid4(), actor="bench", channel=Channel.BATCH, to=to))


def _collected(container: Container, day: date) -> bool:
    with container.database.transaction() as tx:
        row = tx.fetchone("SELECT business_date FROM workflow_days WHERE workflow = %(name)s", {"name": "collections"})
    return row is not None and str(row["business_date"]) == day.isoformat()


def month_end_run(container: Container, size: int, insured: list, covers: list, progress) -> tuple[float, Counter]:
    """Seconds from the ticks of 28 Feb and 1 Mar to the end of those days' collections, and the
    events they recorded, by type."""
    _advance(container, date(2026, 2, 27))
    write_book(container, size, 5_000_000, insured, covers, progress)
    runner = container.embedded_runner("collections")
    sys.stderr.write("  collections agenda: following the book's events ...\n")
    runner.catch_up()  # the agenda of the book, and the workflow's (quiet) 27 Feb
    before = container.policies.recorder.max_notification_id()
    _advance(container, RUN_DAY)
    started = time.perf_counter()
    while not _collected(container, RUN_DAY):
        runner.process_next_page()
    seconds = time.perf_counter() - started
    recorded = container.policies.recorder.select_notifications(before + 1, 10_000_000)
    return seconds, Counter(notification.topic.rsplit(".", 1)[-1] for notification in recorded)
