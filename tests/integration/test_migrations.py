from __future__ import annotations

from dataclasses import replace

import pytest

from application.bootstrap import Container
from migrations import runner
from migrations.runner import MigrationError, available_migrations, migrate


def test_migrations_apply_once(container: Container) -> None:
    assert migrate(container.database) == []  # the fixture already migrated
    with container.database.transaction() as tx:
        versions = [row["version"] for row in tx.fetchall("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [migration.version for migration in available_migrations()]


def test_an_edited_applied_migration_is_refused(container: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = [replace(m, sql=m.sql + "\n-- edited") if m.version == 2 else m for m in available_migrations()]
    monkeypatch.setattr(runner, "available_migrations", lambda: edited)
    with pytest.raises(MigrationError, match="0002_contracts was changed after it was applied"):
        migrate(container.database)


def test_a_failing_migration_leaves_nothing_half_applied(container: Container, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = runner.Migration(99, "broken", "CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(runner, "available_migrations", lambda: [*available_migrations(), broken])
    with pytest.raises(Exception):
        migrate(container.database)
    with container.database.transaction() as tx:
        assert tx.fetchone("SELECT version FROM schema_migrations WHERE version = 99") is None
        tx.execute("CREATE TABLE half_done (id INTEGER)")  # would fail had the first statement stayed
