"""What a policy looked like on a business date, as the insurer knew it at a recorded time.

Two time axes: business dates say when a change takes effect (``effective_from``,
``received_on``, ``ended_on``); the recorded time (``meta.recorded_at``) says when the insurer
learned of it. Replaying only the events recorded by ``known_at`` gives the insurer's knowledge
then; asking that state about ``on`` gives the answer for the date. A backdated amendment thus
changes the answer for earlier dates only from the time it was recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from aggregates.policy import VOIDING_REASONS, Policy


class PolicyAsOf(BaseModel):
    policy_number: str
    on: date
    known_at: datetime | None
    version: int
    status: str  # not_started | in_force | ended | void
    product_code: str
    product_version: str
    policyholder_name: str
    premium: Decimal | None
    frequency: str | None
    paid_to: date | None
    debt: Decimal
    ended_on: date | None
    end_reason: str | None
    covers: dict[str, Decimal | None] = {}


class NotKnownYet(LookupError):
    """Nothing about the policy had been recorded by the time asked about."""


def policy_as_of(events: Iterable[Any], on: date, known_at: datetime | None = None) -> PolicyAsOf:
    policy: Policy | None = None
    # Who the policyholder was on a date: the latest change received by then (effect on receipt).
    holders: list[tuple[date, str]] = []
    for domain_event in events:
        if known_at is not None and domain_event.meta.recorded_at > known_at:
            break  # later versions build on this one: knowledge stops here
        policy = domain_event.mutate(policy)
        if isinstance(domain_event, Policy.Issued):
            holders.append((date.min, domain_event.policyholder_name))
        elif isinstance(domain_event, Policy.PolicyholderChanged):
            holders.append((domain_event.received_on, domain_event.name))
    if policy is None:
        raise NotKnownYet(f"nothing was recorded about this policy by {known_at}")
    terms = policy.terms_on(on)
    coverage = policy.coverage_on(on)
    name = next(name for received, name in reversed(holders) if received <= on)
    return PolicyAsOf(
        policy_number=policy.policy_number,
        on=on,
        known_at=known_at,
        version=policy.version,
        status=_status_on(policy, on),
        product_code=policy.product_code,
        product_version=policy.product_version,
        policyholder_name=name,
        premium=terms.premium if terms else None,
        frequency=terms.frequency.value if terms else None,
        paid_to=coverage.paid_to,
        debt=coverage.debt_on,
        ended_on=policy.ended_on,
        end_reason=policy.end_reason.value if policy.end_reason else None,
        covers=policy.covers_on(on),
    )


def _status_on(policy: Policy, on: date) -> str:
    if policy.end_reason in VOIDING_REASONS:
        return "void"
    if on < policy.start_date:
        return "not_started"
    if policy.ended_on is not None and on > policy.ended_on:
        return "ended"
    return "in_force"

