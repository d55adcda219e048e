"""The 24-hour check of a write reads only the touched days, through indexes, yet still counts
every entry on them: older ones on the same day and spans that start earlier and reach in."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo
from careerplanner.storage.migrate import downgrade, upgrade
from careerplanner.storage.repositories.entries import spans_query

DAY = date(2026, 3, 3)


def query_plan(db: Database, first: date, last: date) -> list[str]:
    compiled = spans_query(first, last).compile(
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").fetchall()
    return [str(row[-1]) for row in rows]


def test_the_touched_days_are_read_through_the_start_and_end_indexes(db: Database) -> None:
    plan = query_plan(db, DAY, DAY + timedelta(days=6))
    searches = [step for step in plan if "work_entry" in step]
    assert searches == [
        "SEARCH work_entry USING INDEX ix_work_entry_start (start>? AND start<?)",
        "SEARCH work_entry USING INDEX ix_work_entry_end (end>?)",
    ]


def end_indexes(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        found = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE '%end%'"
        ).fetchall()
    connection.close()
    return found


def test_migration_0005_adds_the_end_index_and_keeps_the_entries(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    upgrade(path, "0004")
    rows = [("2026-03-01", "2026-03-05", 10.0), ("2026-03-03", None, 2.0)]
    with sqlite3.connect(path) as connection:
        connection.executemany(
            'INSERT INTO work_entry (start, "end", hours, activity, setting, supervision, paid, '
            "employer, notes, verified_by, verified_credential) "
            "VALUES (?, ?, ?, 'case-management', 'hospital', 'ccm', 1, '', '', '', '')",
            rows,
        )
    connection.close()
    assert end_indexes(path) == []
    upgrade(path)
    index = 'CREATE INDEX ix_work_entry_end ON work_entry ("end") WHERE "end" IS NOT NULL'
    assert end_indexes(path) == [("ix_work_entry_end", index)]
    with sqlite3.connect(path) as connection:
        kept = connection.execute('SELECT start, "end", hours FROM work_entry ORDER BY id')
        assert kept.fetchall() == rows
    connection.close()
    downgrade(path, "0004")
    assert end_indexes(path) == []


def test_spans_are_those_starting_on_the_days_or_reaching_into_them(db: Database) -> None:
    stored = [
        WorkEntry(date(2026, 2, 20), 10, date(2026, 3, 2)),  # ends the day before
        WorkEntry(date(2026, 2, 25), 12, date(2026, 3, 3)),  # reaches the first day
        WorkEntry(date(2026, 1, 1), 300, date(2026, 12, 31)),  # covers every day
        WorkEntry(DAY, 2),
        WorkEntry(date(2026, 3, 4), 3, date(2026, 3, 9)),  # starts inside, ends after
        WorkEntry(date(2026, 3, 5), 1),  # the day after the last
        WorkEntry(date(2026, 3, 2), 4),
    ]
    with db.session() as session:
        repo.add_many(session, repo.ENTRIES, stored)
        spans = repo.spans_between(session, DAY, date(2026, 3, 4))
    assert sorted(spans) == [
        (date(2026, 1, 1), date(2026, 12, 31), 300.0),
        (date(2026, 2, 25), date(2026, 3, 3), 12.0),
        (DAY, DAY, 2.0),
        (date(2026, 3, 4), date(2026, 3, 9), 3.0),
    ]


def test_an_old_entry_on_the_day_still_refuses_a_new_one(services: Services) -> None:
    hours = services.hours
    old = hours.add(WorkEntry(DAY, 20))
    hours.add_many([WorkEntry(DAY - timedelta(days=n), 8) for n in range(1, 40)])
    hours.add_many([WorkEntry(DAY + timedelta(days=n), 8) for n in range(1, 40)])
    count = len(hours.list())
    with pytest.raises(ValidationError) as caught:
        hours.add(WorkEntry(DAY, 5))
    assert caught.value.message == "2026-03-03 would have 25 h (more than 24 h in a day)"
    assert len(hours.list()) == count and hours.get(old.id) == old
    assert hours.add(WorkEntry(DAY, 4)).hours == 4.0  # exactly 24 h


def test_a_span_started_earlier_counts_on_the_day(services: Services) -> None:
    hours = services.hours
    hours.add(WorkEntry(date(2026, 2, 2), 300, date(2026, 3, 3)))  # 10 h a day for 30 days
    hours.add(WorkEntry(date(2026, 3, 4), 5, date(2026, 3, 8)))  # 1 h a day, after the day
    with pytest.raises(ValidationError) as caught:
        hours.add(WorkEntry(DAY, 14.5))
    assert caught.value.message == "2026-03-03 would have 24.5 h (more than 24 h in a day)"
    assert hours.add(WorkEntry(DAY, 14)).hours == 14.0
    assert hours.add(WorkEntry(date(2026, 3, 4), 23)).hours == 23.0  # 1 + 23: the span's 1 h


def test_a_new_span_is_refused_on_any_day_it_covers(services: Services) -> None:
    hours = services.hours
    hours.add(WorkEntry(date(2026, 3, 6), 23))
    with pytest.raises(ValidationError) as caught:
        hours.add(WorkEntry(DAY, 10, date(2026, 3, 7)))  # 2 h a day
    assert caught.value.message == "2026-03-06 would have 25 h (more than 24 h in a day)"
    assert [e.hours for e in hours.list()] == [23.0]
