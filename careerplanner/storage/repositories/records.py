"""Generic conversion and CRUD between domain dataclasses and their tables, through Core."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from operator import attrgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from careerplanner.storage import reader
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


@dataclass(frozen=True)
class Kind(Generic[T]):
    """How one domain dataclass maps to its table: the reader's spec (columns, conversion)
    plus the SQLAlchemy table for writing, and how the user calls one record."""

    spec: reader.TableSpec[T]
    table: Table
    noun: str  # "degree", "entry"

    @property
    def cls(self) -> type[T]:
        return self.spec.cls

    @property
    def columns(self) -> tuple[str, ...]:
        return self.spec.columns

    @property
    def dates(self) -> frozenset[str]:
        return self.spec.dates

    @property
    def times(self) -> frozenset[str]:
        return self.spec.times

    @cached_property
    def _getter(self) -> Callable[[T], tuple[Any, ...]]:
        return attrgetter(*self.columns)

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

    def fetch(self, session: Session, where: str = "", params: tuple[Any, ...] = ()) -> list[T]:
        """The records, read through the driver's own connection for speed."""
        raw = session.connection().connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        return self.spec.read(raw, where, params)[0]


def _table(row_cls: Any) -> Table:
    table = row_cls.__table__
    assert isinstance(table, Table)
    return table


DEGREES = Kind(reader.DEGREES, _table(DegreeRow), "degree")
LICENSES = Kind(reader.LICENSES, _table(LicenseRow), "license")
EXAMS = Kind(reader.EXAMS, _table(ExamRow), "exam")
ENTRIES = Kind(reader.ENTRIES, _table(WorkEntryRow), "entry")
WORK_PERIODS = Kind(reader.WORK_PERIODS, _table(WorkPeriodRow), "work period")
CE = Kind(reader.CE, _table(CeActivityRow), "CE activity")
GOALS = Kind(reader.GOALS, _table(GoalRow), "goal")
SUPERVISORS = Kind(reader.SUPERVISORS, _table(SupervisorRow), "supervisor")
EMPLOYERS = Kind(reader.EMPLOYERS, _table(EmployerRow), "employer")
SCHEDULES = Kind(reader.SCHEDULES, _table(ScheduleRow), "schedule")
_KINDS: tuple[Kind[Any], ...] = (DEGREES, LICENSES, EXAMS, ENTRIES, WORK_PERIODS, CE, GOALS)
_KINDS += (SUPERVISORS, EMPLOYERS, SCHEDULES)
_BY_TABLE = {kind.spec.table: kind for kind in _KINDS}


def kind_of(spec: reader.TableSpec[T]) -> Kind[T]:
    """The kind whose rows `spec` reads (its table, for writing)."""
    kind: Kind[T] = _BY_TABLE[spec.table]
    return kind


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
    statement = insert(kind.table).returning(kind.table.c.id, sort_by_parameter_order=True)
    ids = session.execute(statement, rows).scalars().all()
    return list(map(kind.with_id, records, ids))


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
