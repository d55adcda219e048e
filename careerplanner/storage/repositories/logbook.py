"""Queries of the hours log's records: timed entries of some days (the overlap check), the
entries naming a supervisor or employer, and the days a schedule has filled or skipped."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from careerplanner.domain.model import WorkEntry
from careerplanner.storage.models import ScheduleDayRow, WorkEntryRow
from careerplanner.storage.repositories.records import ENTRIES


def timed_between(session: Session, first: date, last: date) -> list[WorkEntry]:
    """The entries with clock times on the days first..last."""
    return ENTRIES.fetch(
        session,
        "start_time IS NOT NULL AND start >= ? AND start <= ?",
        (first.isoformat(), last.isoformat()),
    )


def entries_naming(session: Session, column: str, record_id: int) -> list[WorkEntry]:
    """The entries whose `supervisor_id` or `employer_id` is `record_id`."""
    assert column in ("supervisor_id", "employer_id")
    return ENTRIES.fetch(session, f"{column} = ?", (record_id,))


def count_naming(session: Session, column: str, record_id: int) -> int:
    table = WorkEntryRow.__table__.c
    query = select(func.count()).where(table[column] == record_id)
    return int(session.execute(query).scalar_one())


def schedule_days(session: Session, schedule_id: int | None = None) -> dict[tuple[int, date], str]:
    """(schedule id, day) -> "filled" or "skipped", of one schedule or of all."""
    table = ScheduleDayRow.__table__.c
    query = select(table.schedule_id, table.day, table.outcome)
    if schedule_id is not None:
        query = query.where(table.schedule_id == schedule_id)
    return {(s, d): o for s, d, o in session.execute(query)}


def record_schedule_days(
    session: Session, rows: Iterable[tuple[int, date, str, int | None]]
) -> None:
    """Mark days as dealt with: (schedule id, day, outcome, entry id)."""
    values = [{"schedule_id": s, "day": d, "outcome": o, "entry_id": e} for s, d, o, e in rows]
    if values:
        session.execute(insert(ScheduleDayRow), values)


def forget_schedule_days(session: Session, schedule_id: int) -> None:
    session.execute(delete(ScheduleDayRow).where(ScheduleDayRow.schedule_id == schedule_id))
