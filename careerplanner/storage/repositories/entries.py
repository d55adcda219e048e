"""Queries particular to work entries: day totals for the 24-hour check, and the audit log."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, insert, or_, select
from sqlalchemy.orm import Session

from careerplanner.domain.day_totals import Span
from careerplanner.storage.models import EntryEventRow, WorkEntryRow


class EntryEvent(NamedTuple):
    """One line of an entry's audit log."""

    entry_id: int
    at: datetime
    action: str  # "add", "edit", "import", "fill", "verify", "unlock", "remove", "restore"
    detail: str
    fields: dict[str, list[Any]] = {}  # noqa: RUF012  (never mutated) field: [old, new]
    source: str = ""  # the file an import read


def spans_between(session: Session, first: date, last: date) -> list[Span]:
    """(first day, last day, hours) of every entry touching any day in first..last."""
    rows = session.execute(spans_query(first, last))
    return [(start, end or start, hours) for start, end, hours in rows]


def spans_query(first: date, last: date) -> Select[Any]:
    """Two index ranges, whatever the size of the log: the entries starting on the days (the
    start index), and the spans starting before them that reach into them (the end index,
    which holds only entries with an end date)."""
    table = WorkEntryRow.__table__.c
    starting = table.start.between(first, last)
    reaching = and_(table.end >= first, table.start < first)
    return select(table.start, table.end, table.hours).where(or_(starting, reaching))


def record_events(session: Session, events: list[EntryEvent]) -> None:
    if events:
        dumps = json.dumps  # an import's 100,000 "add" lines change no field: "{}" each
        rows = [{**e._asdict(), "fields": dumps(e.fields) if e.fields else "{}"} for e in events]
        session.execute(insert(EntryEventRow), rows)


def entry_events(session: Session, entry_id: int | None = None) -> list[EntryEvent]:
    """The audit log, oldest first; of one entry when `entry_id` is given."""
    table = EntryEventRow.__table__.c
    query = select(
        table.entry_id, table.at, table.action, table.detail, table.fields, table.source
    ).order_by(table.id)
    if entry_id is not None:
        query = query.where(table.entry_id == entry_id)
    return [
        EntryEvent(entry, at, action, detail, json.loads(fields), source)
        for entry, at, action, detail, fields, source in session.execute(query)
    ]
