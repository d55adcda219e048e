"""The SQLAlchemy engine for a database file, with CareerPlanner's SQLite settings.

Every transaction starts with `BEGIN IMMEDIATE`, so a write transaction holds SQLite's write
lock from its first statement: a second writer waits (up to the busy timeout) instead of
failing with "database is locked" halfway through. Read-only work can ask for a deferred
`BEGIN` with the execution option `sqlite_begin="DEFERRED"` (see `Database.reading`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "sqlite_begin"
_BEGINS = {"IMMEDIATE": "BEGIN IMMEDIATE", "DEFERRED": "BEGIN"}


def make_engine(path: Path, *, foreign_keys: bool = True, wal: bool = True) -> Engine:
    """An engine whose transactions are real SQLite transactions (BEGIN IMMEDIATE ... COMMIT)."""
    url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(url) if wal else create_engine(url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below govern
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "IMMEDIATE")
        connection.exec_driver_sql(_BEGINS[mode])

    return engine
