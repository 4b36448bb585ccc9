"""Environment for the eventsourcing library's recorders, built from our settings."""

from __future__ import annotations

from psycopg.conninfo import conninfo_to_dict

from infrastructure.settings import Settings


def event_store_env(settings: Settings) -> dict[str, str]:
    if settings.embedded:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(settings.event_store_path),
        }
    parts = conninfo_to_dict(settings.database_url)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parts.get("dbname", "")),
        "POSTGRES_HOST": str(parts.get("host", "127.0.0.1")),
        "POSTGRES_PORT": str(parts.get("port", "5432")),
        "POSTGRES_USER": str(parts.get("user", "postgres")),
        "POSTGRES_PASSWORD": str(parts.get("password", "")),
        # Keep the library's table lock on insert: commit order then equals notification
        # order, so the relay can never pass over an event that commits late.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "POSTGRES_POOL_SIZE": "5",
        "POSTGRES_MAX_OVERFLOW": "5",
    }
    return env
