"""Generic conversion and CRUD between domain dataclasses and their tables, through Core."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, time
from enum import Enum
from functools import cached_property
from itertools import repeat
from operator import attrgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import Boolean, Date, Table, Time, delete, func, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    GoalStatus,
    License,
    LicenseType,
    Setting,
    Supervision,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.storage.models import (
    CeActivityRow,
    DegreeRow,
    EmployerRow,
    ExamRow,
    GoalRow,
    LicenseRow,
    ScheduleRow,
    SupervisorRow,
    WorkEntryRow,
    WorkPeriodRow,
)

T = TypeVar("T")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100,000 records would otherwise trigger many full garbage collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _to_date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _to_time(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


def _construct(cls: type[T], names: Sequence[str], columns: Sequence[Sequence[Any]]) -> list[T]:
    """Many frozen records at once. A slotted dataclass without __post_init__ is filled slot by
    slot through its descriptors (five times faster than calling __init__ for each record)."""
    if hasattr(cls, "__slots__") and not hasattr(cls, "__post_init__"):
        records: list[T] = list(map(object.__new__, repeat(cls, len(columns[0]))))
        for name, column in zip(names, columns, strict=True):
            deque(map(getattr(cls, name).__set__, records, column), maxlen=0)
        return records
    return list(map(cls, *columns))


@dataclass(frozen=True)
class Kind(Generic[T]):
    """How one domain dataclass maps to its table: same field names, enums as values."""

    cls: type[T]
    table: Table
    enums: Mapping[str, type[Enum]]
    order: tuple[str, ...]
    noun: str  # how the user calls one record: "degree", "entry"

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.cls))  # type: ignore[arg-type]

    @cached_property
    def _getter(self) -> Callable[[T], tuple[Any, ...]]:
        return attrgetter(*self.columns)  # type: ignore[return-value]

    @cached_property
    def _id_index(self) -> int:
        return self.columns.index("id")

    def values(self, record: T, *, with_id: bool) -> dict[str, Any]:
        """The row's column values for a record (its id only when asked and set)."""
        raw = self._getter(record)
        out = {
            name: value.value if isinstance(value, Enum) else value
            for name, value in zip(self.columns, raw, strict=True)
        }
        if not (with_id and out["id"]):
            del out["id"]
        return out

    def with_id(self, record: T, record_id: int) -> T:
        """The same record under another id (faster than dataclasses.replace)."""
        values = list(self._getter(record))
        values[self._id_index] = record_id
        return self.cls(*values)

    def build(self, rows: Sequence[Sequence[Any]]) -> list[T]:
        """Records from raw rows holding the columns in `columns` order (dates as ISO text)."""
        return self.build_columns(rows)[0]

    def build_columns(
        self, rows: Sequence[Sequence[Any]]
    ) -> tuple[list[T], dict[str, Sequence[Any]]]:
        """The records, and their converted values column by column (by column name)."""
        if not rows:
            return [], {name: () for name in self.columns}
        columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
        texts = {
            v
            for name, col in zip(self.columns, columns, strict=True)
            if name in self.dates
            for v in col
        }
        dates = {v: _to_date(v) for v in texts}
        for index, name in enumerate(self.columns):
            if name in self.dates:
                columns[index] = list(map(dates.__getitem__, columns[index]))
            elif name in self.times:
                columns[index] = list(map(_to_time, columns[index]))
            elif name in self.enums:
                by_value: dict[Any, Any] = {m.value: m for m in self.enums[name]}
                by_value[None] = None  # a nullable choice (an employer's setting)
                columns[index] = list(map(by_value.__getitem__, columns[index]))
            elif name in self.flags:
                columns[index] = list(map(bool, columns[index]))
        records = _construct(self.cls, self.columns, columns)
        return records, dict(zip(self.columns, columns, strict=True))

    @cached_property
    def dates(self) -> frozenset[str]:
        return frozenset(n for n, c in self.table.c.items() if isinstance(c.type, Date))

    @cached_property
    def times(self) -> frozenset[str]:
        return frozenset(n for n, c in self.table.c.items() if isinstance(c.type, Time))

    @cached_property
    def flags(self) -> frozenset[str]:
        return frozenset(n for n, c in self.table.c.items() if isinstance(c.type, Boolean))

    @cached_property
    def raw_select(self) -> str:
        """The SELECT of every record, as SQL for the driver (no per-value processing)."""
        table = self.table
        query = select(*(table.c[n] for n in self.columns)).order_by(
            *(table.c[n] for n in self.order)
        )
        return str(query.compile(dialect=sqlite.dialect()))

    def fetch(self, session: Session, where: str = "", params: tuple[Any, ...] = ()) -> list[T]:
        return self.fetch_columns(session, where, params)[0]

    def fetch_columns(
        self, session: Session, where: str = "", params: tuple[Any, ...] = ()
    ) -> tuple[list[T], dict[str, Sequence[Any]]]:
        """The records and their values by column, read through the driver for speed."""
        sql = self.raw_select
        if where:
            head, _, tail = sql.partition(" ORDER BY ")
            sql = f"{head} WHERE {where} ORDER BY {tail}"
        cursor = session.connection().connection.cursor()  # the driver's own, for speed
        try:
            with _gc_paused():
                return self.build_columns(cursor.execute(sql, params).fetchall())
        finally:
            cursor.close()


def _table(row_cls: Any) -> Table:
    table = row_cls.__table__
    assert isinstance(table, Table)
    return table


DEGREES = Kind(
    Degree,
    _table(DegreeRow),
    {"level": DegreeLevel, "field": DegreeField, "status": DegreeStatus},
    ("id",),
    "degree",
)
LICENSES = Kind(License, _table(LicenseRow), {"type": LicenseType}, ("issued", "id"), "license")
EXAMS = Kind(Exam, _table(ExamRow), {"type": ExamType}, ("passed", "id"), "exam")
ENTRIES = Kind(
    WorkEntry,
    _table(WorkEntryRow),
    {"activity": Activity, "setting": Setting, "supervision": Supervision},
    ("start", "id"),
    "entry",
)
WORK_PERIODS = Kind(
    WorkPeriod,
    _table(WorkPeriodRow),
    {"activity": Activity, "setting": Setting, "supervision": Supervision},
    ("start", "id"),
    "work period",
)
SUPERVISORS = Kind(
    Supervisor, _table(SupervisorRow), {"credential": Credential}, ("name", "id"), "supervisor"
)
EMPLOYERS = Kind(Employer, _table(EmployerRow), {"setting": Setting}, ("name", "id"), "employer")
SCHEDULES = Kind(
    Schedule,
    _table(ScheduleRow),
    {"activity": Activity, "setting": Setting},
    ("start", "id"),
    "schedule",
)
CE = Kind(CeActivity, _table(CeActivityRow), {"topic": CeTopic}, ("date", "id"), "CE activity")
GOALS = Kind(Goal, _table(GoalRow), {"status": GoalStatus}, ("id",), "goal")


def list_all(session: Session, kind: Kind[T]) -> tuple[T, ...]:
    return tuple(kind.fetch(session))


def get(session: Session, kind: Kind[T], record_id: int) -> T | None:
    found = kind.fetch(session, "id = ?", (record_id,))
    return found[0] if found else None


def get_many(session: Session, kind: Kind[T], ids: Iterable[int]) -> dict[int, T]:
    wanted = list(dict.fromkeys(ids))
    out: dict[int, T] = {}
    for chunk_start in range(0, len(wanted), 500):
        chunk = tuple(wanted[chunk_start : chunk_start + 500])
        marks = ", ".join("?" * len(chunk))
        for record in kind.fetch(session, f"id IN ({marks})", chunk):
            out[getattr(record, "id")] = record  # noqa: B009
    return out


def add(session: Session, kind: Kind[T], record: T, *, keep_id: bool = False) -> T:
    """Insert one record; it comes back with the id it was stored under."""
    statement = insert(kind.table).returning(kind.table.c.id)
    new_id = session.execute(statement, [kind.values(record, with_id=keep_id)]).scalar_one()
    return kind.with_id(record, new_id)


def add_many(
    session: Session, kind: Kind[T], records: Sequence[T], *, keep_ids: bool = False
) -> list[T]:
    """Insert many records in one statement; they come back with their ids, in order."""
    if not records:
        return []
    rows = [kind.values(r, with_id=keep_ids) for r in records]
    if keep_ids and all("id" in row for row in rows):
        session.execute(insert(kind.table), rows)
        return list(records)
    # One executemany, then the ids: inside this write transaction nobody else inserts, and
    # SQLite gives consecutive rowids, so the new ids are the last len(rows) ones.
    session.execute(insert(kind.table), rows)
    last = session.execute(select(func.max(kind.table.c.id))).scalar_one()
    first = int(last) - len(rows) + 1
    return [kind.with_id(r, first + i) for i, r in enumerate(records)]


def update_one(session: Session, kind: Kind[T], record: T) -> bool:
    """Overwrite the stored record with the same id; False when there is none."""
    record_id = getattr(record, "id")  # noqa: B009
    values = kind.values(record, with_id=False)
    result = session.execute(update(kind.table).where(kind.table.c.id == record_id), values)
    return bool(getattr(result, "rowcount", 0))


def delete_ids(session: Session, kind: Kind[Any], ids: Iterable[int]) -> None:
    wanted = list(ids)
    for chunk_start in range(0, len(wanted), 500):
        chunk = wanted[chunk_start : chunk_start + 500]
        session.execute(delete(kind.table).where(kind.table.c.id.in_(chunk)))


def count(session: Session, table: Table) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())
