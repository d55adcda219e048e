"""Regular schedules, and filling the hours log from them.

`fill(through)` creates one timed entry for each scheduled day up to `through` that nothing
has dealt with yet, in one transaction. Each day it deals with is recorded ("filled",
"skipped" by the user, or "logged": the day already had hours), so a fill is idempotent: a
day logged, skipped, or filled and then deleted is never filled again.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from careerplanner.domain.clock import check_times
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.logbook import Schedule, scheduled_days, validate_schedule
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.domain.validation import check_not_after_today, validate_entry
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.entry_links import Links
from careerplanner.services.hours import insert_entries
from careerplanner.services.records import RecordStore
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class FillResult:
    entries: tuple[WorkEntry, ...]  # created (or, for a dry run, that would be)
    skipped: tuple[date, ...]  # days the user skipped
    logged: tuple[date, ...]  # scheduled days that already had hours

    @property
    def hours(self) -> float:
        return sum(e.hours for e in self.entries)


class ScheduleService(ServiceBase):
    def __init__(self, db: Database, bus: ChangeBus, today: Today) -> None:
        super().__init__(db, bus, today)
        self._store = RecordStore(
            self,
            reader.SCHEDULES,
            ChangeKind.SCHEDULES,
            validate_schedule,
            _links,
        )

    def list(self) -> tuple[Schedule, ...]:
        return self._store.list()

    def get(self, schedule_id: int) -> Schedule:
        return self._store.get(schedule_id)

    def add(self, schedule: Schedule) -> Schedule:
        return self._store.add(schedule)

    def remove(self, schedule_id: int) -> Schedule:
        """Remove a schedule (the entries it filled stay)."""
        with self._db.session() as session:
            found = self._store.require(session, schedule_id)
            repo.delete_ids(session, repo.SCHEDULES, [schedule_id])
            repo.forget_schedule_days(session, schedule_id)
        self._publish(ChangeKind.SCHEDULES)
        return found

    def fill(
        self, through: date, skip: Iterable[date] = (), *, dry_run: bool = False
    ) -> FillResult:
        """Log every scheduled day up to `through` not dealt with yet; `skip` days are marked
        skipped instead. A dry run says what would happen and writes nothing."""
        check_not_after_today(through, self._today(), "hours can't be filled", "through")
        if dry_run and not skip and not self._db.has_schedules():
            return FillResult((), (), ())  # most plans have none: no write session to open
        with self._db.session() as session:
            result, marks = self._plan(session, through, frozenset(skip))
            if dry_run:
                session.rollback()
                return result
            stored = insert_entries(session, result.entries, "fill", "")
            filled = [m for m in marks if m[2] == "filled"]
            rows: builtins.list[tuple[int, date, str, int | None]] = [
                (s, d, o, None) for s, d, o in marks if o != "filled"
            ]
            rows += [(s, d, o, e.id) for (s, d, o), e in zip(filled, stored, strict=True)]
            repo.record_schedule_days(session, rows)
        if stored or rows:
            self._publish(ChangeKind.ENTRIES, ChangeKind.SCHEDULES)
        return FillResult(tuple(stored), result.skipped, result.logged)

    def _plan(
        self, session: Session, through: date, skip: frozenset[date]
    ) -> tuple[FillResult, builtins.list[tuple[int, date, str]]]:
        schedules = repo.list_all(session, repo.SCHEDULES)
        if not schedules:
            return FillResult((), (), ()), []
        first = min(s.start for s in schedules)
        done = repo.schedule_days(session)
        covered = _days_with_hours(session, first, through)
        links = Links(session)
        entries: builtins.list[WorkEntry] = []
        marks: builtins.list[tuple[int, date, str]] = []
        for schedule in schedules:
            for day in scheduled_days(schedule, schedule.start, through):
                if (schedule.id, day) in done:
                    continue
                outcome = "skipped" if day in skip else "logged" if day in covered else "filled"
                marks.append((schedule.id, day, outcome))
                if outcome == "filled":
                    entries.append(validate_entry(_entry(schedule, day, links), self._today()))
        unknown = sorted(skip - {d for _, d, o in marks if o == "skipped"})
        if unknown:
            raise ValidationError(
                f"{unknown[0].isoformat()} is not a scheduled day waiting to be logged", "skip"
            )
        result = FillResult(
            tuple(entries),
            tuple(sorted({d for _, d, o in marks if o == "skipped"})),
            tuple(sorted({d for _, d, o in marks if o == "logged"})),
        )
        return result, marks


def _entry(schedule: Schedule, day: date, links: Links) -> WorkEntry:
    employer = links.employer(schedule.employer_id) if schedule.employer_id else None
    return WorkEntry(
        start=day,
        hours=check_times(schedule.start_time, schedule.end_time, schedule.break_minutes),
        activity=schedule.activity,
        setting=schedule.setting or Setting.OTHER,
        paid=employer.paid if employer else True,
        employer=employer.name if employer else "",
        start_time=schedule.start_time,
        end_time=schedule.end_time,
        break_minutes=schedule.break_minutes,
        supervisor_id=schedule.supervisor_id,
        employer_id=schedule.employer_id,
    )


def _days_with_hours(session: Session, first: date, last: date) -> set[date]:
    days: set[date] = set()
    for start, end, _ in repo.spans_between(session, first, last):
        day = start
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return days


def _links(session: Session, schedule: Schedule) -> None:
    """A schedule names only supervisors and employers that exist."""
    links = Links(session)
    if schedule.supervisor_id is not None:
        links.supervisor(schedule.supervisor_id)
    if schedule.employer_id is not None:
        links.employer(schedule.employer_id)
