"""What a CareerPlanner plan file holds: its format name and version, its parts, `PlanFile`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from careerplanner.domain.logbook import Employer, Schedule, Supervisor
from careerplanner.domain.model import (
    CeActivity,
    Degree,
    Exam,
    Goal,
    License,
    Profile,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.scenarios import Scenario

FORMAT = "CareerPlanner plan"
VERSION = 2  # 2: supervisors, employers, schedules, clock times, the entry history
# entry id, when, action, detail, changed fields ({field: [old, new]}), an import's file
Event = tuple[int, datetime, str, str, dict[str, list[Any]], str]
ScheduleDay = tuple[int, date, str, int | None]  # schedule id, day, outcome, entry id

RECORDS: tuple[tuple[str, type[Any]], ...] = (
    ("degrees", Degree),
    ("licenses", License),
    ("exams", Exam),
    ("entries", WorkEntry),
    ("ce", CeActivity),
    ("goals", Goal),
    ("work_periods", WorkPeriod),
    ("supervisors", Supervisor),
    ("employers", Employer),
    ("schedules", Schedule),
)


TOP_LEVEL = frozenset(
    ("format", "version", "profile", *(name for name, _ in RECORDS), "scenarios")
) | {"entry_events", "dismissed_reminders", "schedule_days"}


@dataclass(frozen=True)
class PlanFile:
    """Everything the user stored: the plan, scenarios, the entry audit log, dismissals."""

    profile: Profile | None = None
    degrees: tuple[Degree, ...] = ()
    licenses: tuple[License, ...] = ()
    exams: tuple[Exam, ...] = ()
    entries: tuple[WorkEntry, ...] = ()
    ce: tuple[CeActivity, ...] = ()
    goals: tuple[Goal, ...] = ()
    work_periods: tuple[WorkPeriod, ...] = ()
    supervisors: tuple[Supervisor, ...] = ()
    employers: tuple[Employer, ...] = ()
    schedules: tuple[Schedule, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    events: tuple[Event, ...] = ()
    dismissals: Mapping[str, date] = field(default_factory=dict)
    schedule_days: tuple[ScheduleDay, ...] = ()  # the days schedules filled or skipped
