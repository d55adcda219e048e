"""The plan snapshot read through the standard `sqlite3` module: no SQLAlchemy on the read path.

Each table's column list is the field list of its domain dataclass (the same names as the
SQLAlchemy model's columns); `tests/test_reader.py` checks every list, every date and flag
column and every table name against `storage/models.py`, so a column added to a model and not
read here fails the suite. The schema itself changes only through Alembic.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

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
from careerplanner.storage.table_spec import Key as Key
from careerplanner.storage.table_spec import TableSpec as TableSpec
from careerplanner.storage.table_spec import gc_paused as gc_paused

if TYPE_CHECKING:
    from careerplanner.domain.encoding import EncodedEntries
    from careerplanner.domain.lazy_entries import LazyEntries
    from careerplanner.domain.scenarios import Scenario

Records = Callable[[], Sequence[WorkEntry]]
Stale = Callable[["LazyEntries"], None]

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


def read_plan(
    connection: sqlite3.Connection,
    *,
    begin: bool = True,
    records: Records | None = None,
    stale: Stale | None = None,
) -> Plan:
    """Everything the rule engine needs, read in one transaction (its own unless `begin` is
    False: the caller's); the entries also come as columns of numbers.

    With `records` (a function that reads the entries' rows later, see `read_entries`), the
    entries' number columns come from their stored copy when it is there, and the entries are
    then a `LazyEntries` read by `records` on first use (`stale` hears of one whose rows had
    changed by then); otherwise, and always without the copy, they are a tuple read now."""
    if begin:
        connection.execute("BEGIN")
    try:
        with gc_paused(freeze=True):
            entries, encoded = _entries(connection, records, stale)
            return Plan(
                profile=read_profile(connection),
                degrees=tuple(DEGREES.read(connection)[0]),
                licenses=tuple(LICENSES.read(connection)[0]),
                exams=tuple(EXAMS.read(connection)[0]),
                entries=entries,
                ce=tuple(CE.read(connection)[0]),
                goals=tuple(GOALS.read(connection)[0]),
                work_periods=tuple(WORK_PERIODS.read(connection)[0]),
                encoded=encoded,
            )
    finally:
        if begin:
            connection.execute("COMMIT")


def _entries(
    connection: sqlite3.Connection, records: Records | None, stale: Stale | None
) -> tuple[Sequence[WorkEntry], EncodedEntries]:
    from careerplanner.domain.encoding import EncodedEntries
    from careerplanner.storage import entry_columns

    stored = entry_columns.read(connection)
    if stored is not None and records is not None:
        from careerplanner.domain.lazy_entries import LazyEntries

        lazy = LazyEntries(stored["ids"], records, stale)
        return lazy, EncodedEntries(lazy, **stored)
    rows, columns = ENTRIES.read(connection)
    entries = tuple(rows)
    if stored is not None:  # read in the same transaction: the copy is of these rows
        return entries, EncodedEntries(entries, **stored)
    return entries, EncodedEntries.from_columns(entries, [columns[n] for n in ENTRY_COLUMNS])


def read_entries(connection: sqlite3.Connection) -> tuple[WorkEntry, ...]:
    """Every entry, by start date then id, kept out of the garbage collector's sight (as a
    snapshot's are): the records a `LazyEntries` reads on first use."""
    with gc_paused(freeze=True):
        return tuple(ENTRIES.read(connection)[0])


def read_entries_after(
    connection: sqlite3.Connection, after: Key | None, limit: int | None = None
) -> tuple[list[WorkEntry], Key | None]:
    """The entries after the key `after` (by start date then id; from the first with None), at
    most `limit` of them, and the key to read on from (`TableSpec.read_after`): the slices in
    which a prefetch reads a `LazyEntries`' records, kept from the collector as those are."""
    with gc_paused(freeze=True):
        return ENTRIES.read_after(connection, after, limit)


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
