"""The plan snapshot read through the standard `sqlite3` module: no SQLAlchemy on the read path.

Each table's column list is the field list of its domain dataclass (the same names as the
SQLAlchemy model's columns); `tests/test_reader.py` checks every list, every date and flag
column and every table name against `storage/models.py`, so a column added to a model and not
read here fails the suite. The schema itself changes only through Alembic.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import Enum
from functools import cached_property
from itertools import repeat
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_args, get_type_hints

from careerplanner.domain.defaults import NEW_USER_PROFILE
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
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)

if TYPE_CHECKING:
    from careerplanner.domain.scenarios import Scenario

T = TypeVar("T")

PROFILE_ID = 1
# Every table that holds something the user entered (models.USER_TABLES, checked by a test).
USER_TABLE_NAMES = (
    "profile",
    "degree",
    "license",
    "exam",
    "work_entry",
    "work_periods",
    "entry_event",
    "supervisor",
    "employer",
    "schedule",
    "schedule_day",
    "ce_activity",
    "goal",
    "scenario",
    "reminder_dismissal",
)
BUSY_TIMEOUT_MS = 5_000


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


_WORK = {"activity": Activity, "setting": Setting, "supervision": Supervision}
_WORK_PLACE = {"activity": Activity, "setting": Setting}
DEGREES = TableSpec(
    "degree",
    Degree,
    {"level": DegreeLevel, "field": DegreeField, "status": DegreeStatus},
    ("id",),
)
LICENSES = TableSpec("license", License, {"type": LicenseType}, ("issued", "id"))
EXAMS = TableSpec("exam", Exam, {"type": ExamType}, ("passed", "id"))
ENTRIES = TableSpec("work_entry", WorkEntry, _WORK, ("start", "id"))
WORK_PERIODS = TableSpec("work_periods", WorkPeriod, _WORK, ("start", "id"))
CE = TableSpec("ce_activity", CeActivity, {"topic": CeTopic}, ("date", "id"))
GOALS = TableSpec("goal", Goal, {"status": GoalStatus}, ("id",))
PROFILE = TableSpec("profile", Profile, {"track": Track}, ("id",))
SUPERVISORS = TableSpec("supervisor", Supervisor, {"credential": Credential}, ("name", "id"))
EMPLOYERS = TableSpec("employer", Employer, {"setting": Setting}, ("name", "id"))
SCHEDULES = TableSpec(
    "schedule", Schedule, {"activity": Activity, "setting": Setting}, ("start", "id")
)
ENTRY_COLUMNS = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "id")


def connect(path: Path) -> sqlite3.Connection:
    """A connection for reading, in autocommit mode so `read_plan` governs its transaction
    (usable from any thread: `Database.reading` hands it out under a lock)."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA query_only=ON")
    return connection


def read_profile(connection: sqlite3.Connection) -> Profile:
    """The stored profile, or the new user's defaults when none is stored yet."""
    profiles = PROFILE.read(connection, "id = ?", (PROFILE_ID,))[0]
    return profiles[0] if profiles else NEW_USER_PROFILE


def read_plan(connection: sqlite3.Connection, *, begin: bool = True) -> Plan:
    """Everything the rule engine needs, read in one transaction (its own unless `begin` is
    False: the caller's); the entries also come as columns of numbers."""
    from careerplanner.domain.encoding import EncodedEntries

    if begin:
        connection.execute("BEGIN")
    try:
        with gc_paused(freeze=True):
            records, columns = ENTRIES.read(connection)
            entries = tuple(records)
            return Plan(
                profile=read_profile(connection),
                degrees=tuple(DEGREES.read(connection)[0]),
                licenses=tuple(LICENSES.read(connection)[0]),
                exams=tuple(EXAMS.read(connection)[0]),
                entries=entries,
                ce=tuple(CE.read(connection)[0]),
                goals=tuple(GOALS.read(connection)[0]),
                work_periods=tuple(WORK_PERIODS.read(connection)[0]),
                encoded=EncodedEntries.from_columns(entries, [columns[n] for n in ENTRY_COLUMNS]),
            )
    finally:
        if begin:
            connection.execute("COMMIT")


DISMISSALS = ("reminder_dismissal", ("key", "dismissed_on"))
SCENARIO_COLUMNS = (
    "id",
    "name",
    "weekly_hours",
    "ce_hours_per_year",
    "state",
    "raise_percent",
    "degree_dates",
    "work_periods",
    "saved_at",
    "saved_projection",
)


def scenario_from_row(row: Any) -> Scenario:
    """A scenario from a row of the scenario table (an ORM row or `list_scenarios`' own)."""
    from careerplanner.domain.planned_work import period_from_dict
    from careerplanner.domain.scenarios import SavedProjection, Scenario

    dates = json.loads(row.degree_dates or "{}")
    saved = json.loads(row.saved_projection) if row.saved_projection else None
    periods = None
    if row.work_periods is not None:
        periods = tuple(period_from_dict(p) for p in json.loads(row.work_periods))
    saved_at = row.saved_at
    return Scenario(
        name=row.name,
        weekly_hours=row.weekly_hours,
        ce_hours_per_year=row.ce_hours_per_year,
        state=row.state,
        raise_percent=row.raise_percent,
        degree_dates={int(k): date.fromisoformat(v) for k, v in dates.items()},
        id=row.id,
        saved_at=datetime.fromisoformat(saved_at) if isinstance(saved_at, str) else saved_at,
        saved_projection=SavedProjection.from_dict(saved) if saved else None,
        work_periods=periods,
    )


def list_scenarios(connection: sqlite3.Connection) -> tuple[Scenario, ...]:
    """Every scenario, by name (`by_name`)."""
    names = ", ".join(f'"{c}"' for c in SCENARIO_COLUMNS)
    rows = connection.execute(f'SELECT {names} FROM "scenario"')
    return by_name(
        scenario_from_row(SimpleNamespace(**dict(zip(SCENARIO_COLUMNS, row, strict=True))))
        for row in rows
    )


def by_name(scenarios: Iterable[Scenario]) -> tuple[Scenario, ...]:
    """Scenarios in the order of their names (`domain.scenarios.name_order`), then ids."""
    from careerplanner.domain.scenarios import name_order

    return tuple(sorted(scenarios, key=lambda s: (name_order(s.name), s.id)))


def dismissed_reminders(connection: sqlite3.Connection) -> dict[str, date]:
    """The reminders the user dismissed, by key, with the day they did."""
    table, (key, day) = DISMISSALS
    rows = connection.execute(f'SELECT "{key}", "{day}" FROM "{table}"').fetchall()
    return {k: date.fromisoformat(v) for k, v in rows}


def has_rows(connection: sqlite3.Connection, spec: TableSpec[Any]) -> bool:
    """Whether the table of `spec` holds any row (a cheap question before a costly one)."""
    return connection.execute(f'SELECT 1 FROM "{spec.table}" LIMIT 1').fetchone() is not None


def is_empty(connection: sqlite3.Connection) -> bool:
    """True when the user has stored nothing at all, not even a profile."""
    return not any(
        connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
        for table in USER_TABLE_NAMES
    )
