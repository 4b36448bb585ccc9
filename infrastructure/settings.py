"""Configuration from the environment, validated once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every process reads the same settings; unset services mean the embedded default."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    database_url: str | None = Field(
        default=None,
        description="PostgreSQL URL for the event store and read models; unset means embedded SQLite",
    )
    kafka_bootstrap_servers: str | None = Field(default=None, description="host:port[,host:port]")
    data_dir: Path = Field(default=Path("var"), alias="POLICY_CORE_DATA_DIR")
    topic_prefix: str = Field(default="policy-core", alias="POLICY_CORE_TOPIC_PREFIX", pattern=r"^[a-z0-9][a-z0-9.-]*$")
    policy_topic_partitions: int = Field(default=6, alias="POLICY_CORE_POLICY_PARTITIONS", ge=1, le=256)
    snapshot_interval: int = Field(default=50, alias="POLICY_CORE_SNAPSHOT_INTERVAL", ge=2)
    relay_page_size: int = Field(default=500, alias="POLICY_CORE_RELAY_PAGE_SIZE", ge=1, le=1000)
    consumer_batch_size: int = Field(default=500, alias="POLICY_CORE_CONSUMER_BATCH_SIZE", ge=1, le=5000)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", alias="POLICY_CORE_LOG_LEVEL")
    traces: Literal["none", "console"] = Field(default="none", alias="POLICY_CORE_TRACES")

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("DATABASE_URL must be a postgresql:// URL (leave it unset for embedded SQLite)")
        return value or None

    @field_validator("kafka_bootstrap_servers")
    @classmethod
    def _host_ports(cls, value: str | None) -> str | None:
        if not value:
            return None
        for server in value.split(","):
            host, _, port = server.strip().rpartition(":")
            if not host or not port.isdigit():
                raise ValueError(f"KAFKA_BOOTSTRAP_SERVERS entry {server!r} is not host:port")
        return value

    @property
    def embedded(self) -> bool:
        return self.database_url is None

    @property
    def event_store_path(self) -> Path:
        return self.data_dir / "events.sqlite"

    @property
    def read_model_path(self) -> Path:
        return self.data_dir / "read-models.sqlite"
