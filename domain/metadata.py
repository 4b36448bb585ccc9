"""Who did what, through which channel, why, and when it was recorded: stamped on every event."""

from __future__ import annotations

from dataclasses import dataclass
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
        """Plain JSON values only: this is written with every event, so no nested transcoding."""
        return {
            "command_id": self.command_id.hex,
            "correlation_id": self.correlation_id.hex,
            "actor": self.actor,
            "channel": self.channel.value,
            "recorded_at": self.recorded_at.isoformat(),
            "reason": self.reason,
            "traceparent": self.traceparent,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> EventMetadata:
        return cls(
            command_id=UUID(str(data["command_id"])),
            correlation_id=UUID(str(data["correlation_id"])),
            actor=str(data["actor"]),
            channel=Channel(data["channel"]),
            recorded_at=datetime.fromisoformat(str(data["recorded_at"])),
            reason=data.get("reason"),  # type: ignore[arg-type]
            traceparent=data.get("traceparent"),  # type: ignore[arg-type]
        )
