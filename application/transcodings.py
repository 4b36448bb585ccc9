"""How values in events and snapshots are written as JSON in the event store."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from aggregates.policy import EndReason, PolicyStatus
from domain.dunning import DunningAction, DunningState
from domain.instalments import PremiumTerms, Schedule
from domain.metadata import EventMetadata
from domain.payment_methods import PaymentMethod
from domain.premium_periods import Frequency


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class SetAsSortedList(Transcoding):
    type = set
    name = "set"

    def encode(self, obj: set[Any]) -> list[Any]:
        return sorted(obj)

    def decode(self, data: list[Any]) -> set[Any]:
        return set(data)


class EnumAsValue(Transcoding):
    """Any of our enums, by value; one instance per enum type."""

    def __init__(self, enum_type: type[Enum]) -> None:
        self.type = enum_type
        self.name = enum_type.__name__.lower()

    def encode(self, obj: Enum) -> Any:
        return obj.value

    def decode(self, data: Any) -> Enum:
        return self.type(data)


class MetadataAsDict(Transcoding):
    type = EventMetadata
    name = "meta"

    def encode(self, obj: EventMetadata) -> dict[str, Any]:
        return obj.as_dict()

    def decode(self, data: dict[str, Any]) -> EventMetadata:
        return EventMetadata.from_dict(data)


class PremiumTermsAsList(Transcoding):
    type = PremiumTerms
    name = "premium_terms"

    def encode(self, obj: PremiumTerms) -> list[Any]:
        return [obj.effective_from, obj.premium, obj.frequency]

    def decode(self, data: list[Any]) -> PremiumTerms:
        return PremiumTerms(*data)


class ScheduleAsList(Transcoding):
    type = Schedule
    name = "schedule"

    def encode(self, obj: Schedule) -> list[Any]:
        return [obj.start_date, list(obj.terms), obj.end_date]

    def decode(self, data: list[Any]) -> Schedule:
        start_date, terms, end_date = data
        return Schedule(start_date, tuple(terms), end_date)


class DunningStateAsList(Transcoding):
    type = DunningState
    name = "dunning_state"

    def encode(self, obj: DunningState) -> list[Any]:
        return [obj.pre_reminder_sent_on, obj.reminder_sent_on, obj.deadline, obj.closed_by]

    def decode(self, data: list[Any]) -> DunningState:
        return DunningState(*data)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    for transcoding in (DateAsISO(), SetAsSortedList(), MetadataAsDict(), PremiumTermsAsList(), ScheduleAsList(),
                        DunningStateAsList(),
                        *(EnumAsValue(enum) for enum in (Frequency, EndReason, PolicyStatus, DunningAction, PaymentMethod))):
        transcoder.register(transcoding)
