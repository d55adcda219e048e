"""How one table's rows become frozen domain records, fast: a `TableSpec` per table.

The column list is the record's field list (the same names as the SQLAlchemy model's
columns); enums are stored as their values, dates and times as ISO text, flags as 0/1.
"""

from __future__ import annotations

import gc
import sqlite3
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, time
from enum import Enum
from functools import cached_property
from itertools import repeat
from typing import Any, Generic, TypeVar, cast, get_args, get_type_hints

T = TypeVar("T")
Key = tuple[Any, ...]  # the stored values of a row's order columns (see `TableSpec.read_after`)


@contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Building 100,000 records would otherwise trigger many full garbage collections. With
    `freeze`, what was built is moved out of the collector's sight before it resumes: a
    long-lived snapshot (no cycles) would otherwise be walked by the next full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _construct(cls: type[T], names: Sequence[str], columns: Sequence[Sequence[Any]]) -> list[T]:
    """Many frozen records at once. A slotted dataclass without __post_init__ is filled slot by
    slot through its descriptors (five times faster than calling __init__ for each record)."""
    if hasattr(cls, "__slots__") and not hasattr(cls, "__post_init__"):
        records: list[T] = list(map(object.__new__, repeat(cls, len(columns[0]))))
        for name, column in zip(names, columns, strict=True):
            deque(map(getattr(cls, name).__set__, records, column), maxlen=0)
        return records
    return list(map(cls, *columns))


def _fields_of_type(cls: type[Any], wanted: type) -> frozenset[str]:
    hints = get_type_hints(cls)
    return frozenset(
        f.name for f in fields(cls) if hints[f.name] is wanted or wanted in get_args(hints[f.name])
    )


@dataclass(frozen=True)
class TableSpec(Generic[T]):
    """How one table's rows become domain records: same field names, enums as their values,
    dates as ISO text, flags as 0/1."""

    table: str
    cls: type[T]
    enums: Mapping[str, type[Enum]]
    order: tuple[str, ...]

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.cls))  # type: ignore[arg-type]

    @cached_property
    def dates(self) -> frozenset[str]:
        return _fields_of_type(self.cls, date)

    @cached_property
    def times(self) -> frozenset[str]:
        return _fields_of_type(self.cls, time)

    @cached_property
    def flags(self) -> frozenset[str]:
        return _fields_of_type(self.cls, bool)

    @cached_property
    def select_sql(self) -> str:
        names = ", ".join(f'"{name}"' for name in self.columns)
        order = ", ".join(f'"{name}"' for name in self.order)
        return f'SELECT {names} FROM "{self.table}" ORDER BY {order}'

    def sql(self, where: str = "") -> str:
        if not where:
            return self.select_sql
        head, _, tail = self.select_sql.partition(" ORDER BY ")
        return f"{head} WHERE {where} ORDER BY {tail}"

    def build_columns(
        self, rows: Sequence[Sequence[Any]]
    ) -> tuple[list[T], dict[str, Sequence[Any]]]:
        """The records, and their converted values column by column (by column name)."""
        if not rows:
            return [], {name: () for name in self.columns}
        columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
        texts = {
            v for n, col in zip(self.columns, columns, strict=True) if n in self.dates for v in col
        }
        days = {v: None if v is None else date.fromisoformat(v) for v in texts}
        for index, name in enumerate(self.columns):
            if name in self.dates:
                columns[index] = list(map(days.__getitem__, columns[index]))
            elif name in self.times:
                columns[index] = [
                    None if v is None else time.fromisoformat(v) for v in columns[index]
                ]
            elif name in self.enums:
                by_value: dict[Any, Any] = {m.value: m for m in self.enums[name]}
                by_value[None] = None  # a nullable choice (an employer's setting)
                columns[index] = list(map(by_value.__getitem__, columns[index]))
            elif name in self.flags:
                columns[index] = list(map(bool, columns[index]))
        records = _construct(self.cls, self.columns, columns)
        return records, dict(zip(self.columns, columns, strict=True))

    def read(
        self, connection: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()
    ) -> tuple[list[T], dict[str, Sequence[Any]]]:
        with gc_paused():
            return self.build_columns(connection.execute(self.sql(where), params).fetchall())

    def read_after(
        self, connection: sqlite3.Connection, after: Key | None, limit: int | None = None
    ) -> tuple[list[T], Key | None]:
        """The records of the rows that come after the key `after` in the spec's order (all of
        them from the first with None), at most `limit` of them (all without), and the key of
        the last one read (None when none was): the next call's `after`, a keyset page."""
        where, params = "", cast(Key, ())
        if after is not None:
            order = ", ".join(f'"{name}"' for name in self.order)
            where, params = f"({order}) > ({', '.join('?' * len(after))})", after
        sql = self.sql(where) + ("" if limit is None else f" LIMIT {int(limit)}")
        with gc_paused():
            rows = connection.execute(sql, params).fetchall()
            key = None if not rows else tuple(rows[-1][i] for i in self._order_positions)
            return self.build_columns(rows)[0], key

    @cached_property
    def _order_positions(self) -> tuple[int, ...]:
        return tuple(self.columns.index(name) for name in self.order)
