"""Queries of the hours log's records: timed entries of some days (the overlap check), the
entries naming a supervisor or employer, and the days a schedule has filled or skipped."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select, text
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


def schedule_day_rows(session: Session) -> list[tuple[int, date, str, int | None]]:
    """Every (schedule id, day, outcome, entry id), in order."""
    table = ScheduleDayRow.__table__.c
    query = select(table.schedule_id, table.day, table.outcome, table.entry_id).order_by(
        table.schedule_id, table.day
    )
    return [(s, d, o, e) for s, d, o, e in session.execute(query)]


def record_schedule_days(
    session: Session, rows: Iterable[tuple[int, date, str, int | None]]
) -> None:
    """Mark days as dealt with: (schedule id, day, outcome, entry id)."""
    values = [{"schedule_id": s, "day": d, "outcome": o, "entry_id": e} for s, d, o, e in rows]
    if values:
        session.execute(insert(ScheduleDayRow), values)


def forget_schedule_days(session: Session, schedule_id: int) -> None:
    session.execute(delete(ScheduleDayRow).where(ScheduleDayRow.schedule_id == schedule_id))


def link_employers(session: Session, ids: range) -> None:
    """Point the entries `ids` at the employer record of their free-text employer, making one
    record per new name (compared without case or surrounding spaces)."""
    if not ids:
        return
    bounds = {"a": ids.start, "b": ids.stop - 1}
    names = (
        session.execute(
            text(
                "SELECT employer FROM work_entry WHERE id BETWEEN :a AND :b AND employer_id IS NULL"
                " AND trim(employer) != '' ORDER BY id"
            ),
            bounds,
        )
        .scalars()
        .all()
    )
    known = {
        name.strip().casefold(): record_id
        for record_id, name in session.execute(text("SELECT id, name FROM employer ORDER BY id"))
    }
    for name in names:
        key = name.strip().casefold()
        if key not in known:
            known[key] = session.execute(
                text(
                    "INSERT INTO employer (name, setting, paid) VALUES (:n, NULL, 1) RETURNING id"
                ),
                {"n": name.strip()},
            ).scalar_one()
    for key, record_id in known.items():
        session.execute(
            text(
                "UPDATE work_entry SET employer_id = :e WHERE id BETWEEN :a AND :b"
                " AND employer_id IS NULL AND lower(trim(employer)) = :k"
            ),
            {**bounds, "e": record_id, "k": key},
        )


def record_imported(session: Session, ids: range, at: datetime, source: str) -> None:
    """One history line ("import", the file's name) for each of the entries `ids`."""
    if ids:
        session.execute(
            text(
                "INSERT INTO entry_event (entry_id, at, action, detail, fields, source) "
                "SELECT id, :at, 'import', '', '{}', :source FROM work_entry "
                "WHERE id BETWEEN :a AND :b"
            ),
            {"at": at.isoformat(sep=" "), "source": source, "a": ids.start, "b": ids.stop - 1},
        )
