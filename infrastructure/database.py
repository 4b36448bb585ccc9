"""One small SQL interface over PostgreSQL (production) and SQLite (embedded).

SQL is written once, in psycopg's ``%(name)s`` style, using only syntax both engines accept
(``INSERT ... ON CONFLICT ... DO UPDATE``, standard types); for SQLite the placeholders are
rewritten to ``:name``.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import Any, Protocol

from psycopg_pool import ConnectionPool

Params = Mapping[str, Any]

# Dates go to SQLite as ISO text (the implicit adapter is deprecated from Python 3.12).
sqlite3.register_adapter(date, date.isoformat)


class Transaction(Protocol):
    dialect: str

    def execute(self, sql: str, params: Params | None = None) -> int: ...
    def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...
    def fetchall(self, sql: str, params: Params | None = None) -> list[dict[str, Any]]: ...
    def fetchone(self, sql: str, params: Params | None = None) -> dict[str, Any] | None: ...
    def savepoint(self) -> Any: ...


class Database(Protocol):
    dialect: str

    def transaction(self) -> Any: ...
    def close(self) -> None: ...


@lru_cache(maxsize=512)
def _to_sqlite(sql: str) -> str:
    return re.sub(r"%\((\w+)\)s", r":\1", sql)


class _PostgresTransaction:
    dialect = "postgresql"

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._cursor = connection.cursor()

    def execute(self, sql: str, params: Params | None = None) -> int:
        self._cursor.execute(sql, params)
        return self._cursor.rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self._cursor.executemany(sql, rows)

    def fetchall(self, sql: str, params: Params | None = None) -> list[dict[str, Any]]:
        self._cursor.execute(sql, params)
        names = [column.name for column in self._cursor.description]
        return [dict(zip(names, row)) for row in self._cursor.fetchall()]

    def fetchone(self, sql: str, params: Params | None = None) -> dict[str, Any] | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    def savepoint(self) -> Any:
        return self._connection.transaction()


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str, max_size: int = 4) -> None:
        self._pool = ConnectionPool(url, min_size=1, max_size=max_size, open=True)

    @contextmanager
    def transaction(self) -> Iterator[_PostgresTransaction]:
        with self._pool.connection() as connection, connection.transaction():
            yield _PostgresTransaction(connection)

    def close(self) -> None:
        self._pool.close()


class _SqliteTransaction:
    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._savepoints = count()

    def execute(self, sql: str, params: Params | None = None) -> int:
        return self._connection.execute(_to_sqlite(sql), params or {}).rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if rows:
            self._connection.executemany(_to_sqlite(sql), rows)

    def fetchall(self, sql: str, params: Params | None = None) -> list[dict[str, Any]]:
        cursor = self._connection.execute(_to_sqlite(sql), params or {})
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def fetchone(self, sql: str, params: Params | None = None) -> dict[str, Any] | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        name = f"sp{next(self._savepoints)}"
        self._connection.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._connection.execute(f"ROLLBACK TO {name}")
            raise
        finally:
            self._connection.execute(f"RELEASE {name}")


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA busy_timeout=5000")
        self._lock = threading.Lock()

    @contextmanager
    def transaction(self) -> Iterator[_SqliteTransaction]:
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTransaction(self._connection)
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def close(self) -> None:
        self._connection.close()


def in_clause(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """``IN (...)`` with one named placeholder a value, portable across both engines."""
    params = {f"{name}_{index}": value for index, value in enumerate(values)}
    placeholders = ", ".join(f"%({key})s" for key in params)
    return f"IN ({placeholders})", params
