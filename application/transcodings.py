"""How values in events and snapshots are written as JSON in the event store."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.metadata import EventMetadata
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


class FrequencyAsValue(Transcoding):
    type = Frequency
    name = "frequency"

    def encode(self, obj: Frequency) -> str:
        return obj.value

    def decode(self, data: str) -> Frequency:
        return Frequency(data)


class MetadataAsDict(Transcoding):
    type = EventMetadata
    name = "meta"

    def encode(self, obj: EventMetadata) -> dict[str, Any]:
        return obj.as_dict()

    def decode(self, data: dict[str, Any]) -> EventMetadata:
        return EventMetadata.from_dict(data)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    for transcoding in (DateAsISO(), SetAsSortedList(), FrequencyAsValue(), MetadataAsDict()):
        transcoder.register(transcoding)
