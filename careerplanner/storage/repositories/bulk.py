"""Bulk inserts: many new records at once, for imports and the hours log's batches."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, time
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from careerplanner.storage.repositories.records import Kind

T = TypeVar("T")
INSERT_CHUNK = 10_000
ROWS_PER_STATEMENT = 500


def insert_many(
    session: Session,
    kind: Kind[T],
    rows: Sequence[T],
    on_progress: Callable[[int, int], None] | None = None,
) -> range:
    """New records (ids 0) in bulk, in chunks of one transaction, telling `on_progress(done,
    total)` after each chunk; the range of the ids the database gave them, in order.

    Values go to the driver as the dialect stores them (dates as ISO text; enums are `str`,
    flags `int`), column by column, so 100,000 rows are not processed value by value. Each
    statement stores many rows (`VALUES (...), (...)`): SQLite runs the table's CHECKs for
    every row either way, but one statement per row costs as much again in statement set-up."""
    params, head, group = _statement(kind.table, tuple(n for n in kind.columns if n != "id"))
    getter = attrgetter(*params)
    width = len(params)
    date_columns = [i for i, name in enumerate(params) if name in kind.dates]
    time_columns = [i for i, name in enumerate(params) if name in kind.times]
    connection = session.connection()
    limit = _variable_limit(connection.connection.dbapi_connection)
    step = max(1, min(ROWS_PER_STATEMENT, limit // width)) * width  # values per statement
    ids: list[int] = []
    for begin in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[begin : begin + INSERT_CHUNK]
        values: list[object] = list(chain.from_iterable(map(getter, chunk)))
        for index in date_columns:
            values[index::width] = _iso_dates(values[index::width])
        for index in time_columns:
            values[index::width] = _iso_times(values[index::width])
        for first in range(0, len(values), step):
            part = tuple(values[first : first + step])
            sql = f"{head} VALUES {', '.join([group] * (len(part) // width))} RETURNING id"
            # RETURNING gives the rows in no promised order; ids grow row by row, so sorted
            # they are the statement's rows in order.
            ids += sorted(connection.exec_driver_sql(sql, part).scalars())
        if on_progress is not None:
            on_progress(begin + len(chunk), len(rows))
    return _as_range(ids)


@cache
def _statement(table: Table, names: tuple[str, ...]) -> tuple[tuple[str, ...], str, str]:
    """The INSERT of `names` into `table` as the driver takes it: its parameters in order, the
    text before " VALUES " and one row's group; compiled once per table (a quick add's cost)."""
    statement = insert(table).compile(dialect=sqlite.dialect(), column_keys=list(names))
    head, _, group = str(statement).rpartition(" VALUES ")
    return tuple(statement.positiontup or ()), head, group


def _as_range(ids: list[int]) -> range:
    """The ids the database gave, as the range they make: one writer, ids never reused."""
    if not ids:
        return range(0)
    stored = range(ids[0], ids[-1] + 1)
    if len(stored) != len(ids):
        raise RuntimeError(f"new ids are not consecutive: {len(ids)} rows in {stored}")
    return stored


def _variable_limit(dbapi_connection: Any) -> int:
    """How many `?` one statement may hold in this SQLite build."""
    try:
        return int(dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        return 999  # the smallest limit any SQLite build has


def _iso_dates(column: Sequence[object]) -> list[object]:
    lookup = {d: d.isoformat() if isinstance(d, date) else d for d in set(column)}
    return list(map(lookup.__getitem__, column))


def _iso_times(column: Sequence[object]) -> list[object]:
    """Times as the dialect stores them ("08:00:00.000000")."""
    return [t.isoformat(timespec="microseconds") if isinstance(t, time) else t for t in column]
