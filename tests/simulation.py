"""Drive the system through business days: tick, let the workflows act, then the day's payments."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from uuid import NAMESPACE_URL, uuid5

from aggregates.policy import Policy, policy_id_for
from application.bootstrap import Container
from application.commands import AdvanceBusinessDate, RecordPremiumPayment
from domain.errors import DomainError
from domain.metadata import Channel


def command_id(label: str):
    return uuid5(NAMESPACE_URL, f"urn:policy-core:test-simulation:{label}")


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def start_day(container: Container, day: date) -> None:
    container.policies.execute(AdvanceBusinessDate(command_id=command_id(f"tick-{day}"), actor="scheduler",
                                                   channel=Channel.BATCH, to=day))


def payment(number: str, amount: str, on: date) -> RecordPremiumPayment:
    return RecordPremiumPayment(command_id=command_id(f"pay-{number}-{on}-{amount}"), actor="bank-feed",
                                channel=Channel.BATCH, policy_number=number, payment_id=f"{number}-{on}-{amount}",
                                amount=Decimal(amount), received_on=on)


def dunning_history(container: Container, number: str) -> list[tuple[str, date]]:
    """(event, business date) of the road to lapse of one policy, from the event store."""
    history = []
    for event in container.policies.events.get(policy_id_for(number)):
        if isinstance(event, (Policy.PreReminderSent, Policy.ReminderSent)):
            history.append((type(event).__name__, event.issued_on))
        elif isinstance(event, Policy.DunningClosed):
            history.append((f"DunningClosed:{event.outcome}", event.issued_on))
        elif isinstance(event, Policy.Ended):
            history.append((f"Ended:{event.reason.value}", event.ended_on))
        elif isinstance(event, Policy.Reduced):
            history.append(("Reduced", event.effective_from))
    return history


def simulate(container: Container, first: date, last: date, settle: Callable[[], None],
             payments: dict[date, list[RecordPremiumPayment]]) -> list[tuple[RecordPremiumPayment, str]]:
    """Each day: tick, ``settle`` (the workflows catch up), then the day's payments. Returns the refused ones."""
    refused = []
    for day in days(first, last):
        start_day(container, day)
        settle()
        for command in payments.get(day, []):
            try:
                container.policies.execute(command)
            except DomainError as error:  # returned for the caller to assert
                refused.append((command, error.rule))
    settle()
    return refused
