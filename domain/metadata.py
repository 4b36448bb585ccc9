"""Who did what, through which channel, why, and when it was recorded: stamped on every event."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import Enum
from uuid import UUID


class Channel(str, Enum):
    SALES_APP = "sales_app"
    ADVISOR_APP = "advisor_app"
    BACK_OFFICE = "back_office"
    BATCH = "batch"


@dataclass(frozen=True)
class EventMetadata:
    command_id: UUID
    correlation_id: UUID
    actor: str
    channel: Channel
    recorded_at: datetime
    reason: str | None = None
    traceparent: str | None = None

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["channel"] = self.channel.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> EventMetadata:
        return cls(**{**data, "channel": Channel(data["channel"])})  # type: ignore[arg-type]
