"""Real processes of the system, started, SIGKILLed and stopped by the end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Process:
    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self._args, self._env, self._log = args, env, log
        self.kills = 0
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        with self._log.open("ab") as log:
            self._process = subprocess.Popen([sys.executable, "-m", "application.cli", *self._args],
                                             cwd=ROOT, env=self._env, stdout=log, stderr=log)

    def kill(self) -> None:
        assert self._process is not None and self._process.poll() is None, f"{self._args} died on its own; see {self._log}"
        self._process.send_signal(signal.SIGKILL)
        self._process.wait()
        self.kills += 1

    def stop(self) -> int:
        assert self._process is not None
        self._process.send_signal(signal.SIGTERM)
        return self._process.wait(timeout=60)


def rows(database, table: str, order: str) -> list[dict[str, str]]:
    with database.transaction() as tx:
        return [{k: str(v) for k, v in row.items()} for row in tx.fetchall(f"SELECT * FROM {table} ORDER BY {order}")]


def process_env(settings, **overrides: str) -> dict[str, str]:
    """The environment of a process started against the test's own database and topics."""
    return {**os.environ, "DATABASE_URL": settings.database_url,
            "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
            "POLICY_CORE_TOPIC_PREFIX": settings.topic_prefix, "POLICY_CORE_LOG_LEVEL": "WARNING", **overrides}
