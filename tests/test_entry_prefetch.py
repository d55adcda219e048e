"""Reading the entries' records ahead, in slices: keyset pages add up to the one-shot read (runs
of one start date across slice boundaries too); the prefetched records reach the cached plan
only while its snapshot is current (a write between slices drops them, our own write starts
the read over for the new snapshot); a first use under way finishes the remaining rows."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.lazy_entries import LazyEntries
from careerplanner.domain.model import WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

TODAY = date(2026, 11, 26)


def _entries(days: list[int]) -> list[WorkEntry]:
    """An entry of half an hour on each of `days` (days before TODAY; repeats share a start)."""
    return [WorkEntry(start=TODAY - timedelta(days=d), hours=0.5) for d in days]


def _fresh(db: Database) -> tuple[WorkEntry, ...]:
    with db.snapshot_connection() as connection:
        return reader.read_entries(connection)


def _started(folder: Path, catalog: Catalog, days: list[int]) -> Services:
    """Services on a folder holding `days`' entries and their stored columns, as after an
    earlier run: the snapshot's entries are unread."""
    with Database.open(folder) as database:
        services = Services(database, catalog, today=lambda: TODAY)
        services.hours.add_many(_entries(days))
        services.plan.snapshot()
        assert services.plan.store_entry_columns()
    services = Services(Database.open(folder), catalog, today=lambda: TODAY)
    entries = services.plan.snapshot().entries
    assert isinstance(entries, LazyEntries) and not entries.loaded
    return services


def _steps(services: Services) -> int:
    """Prefetch steps until there is nothing left to read ahead; how many there were."""
    steps = 1
    while services.plan.prefetch_entries():
        steps += 1
    return steps


# Few distinct days, so that runs of one start date cross the slice boundaries.
tables = st.lists(st.integers(0, 6), max_size=40)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(days=tables, limit=st.integers(1, 7))
def test_keyset_pages_add_up_to_the_one_shot_read(days: list[int], limit: int) -> None:
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder)) as db:
        with db.session() as session:
            repo.add_many(session, repo.ENTRIES, _entries(days))
        pages: list[WorkEntry] = []
        with db.snapshot_connection() as connection:
            page, after = reader.read_entries_after(connection, None, limit)
            while page:
                assert len(page) <= limit
                pages += page
                page, after = reader.read_entries_after(connection, after, limit)
        assert tuple(pages) == _fresh(db) and len(pages) == len(days)


@settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(days=st.lists(st.integers(0, 6), max_size=30), rows=st.integers(1, 7))
def test_the_slices_are_handed_to_the_cached_plan(
    catalog: Catalog, days: list[int], rows: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        services = _started(Path(folder), catalog, days)
        cache = services.plan.cache
        cache.prefetch.rows = rows
        entries = services.plan.snapshot().entries
        # the last slice is short (or empty); the step after it hands the records over
        assert _steps(services) == len(days) // rows + 2
        assert isinstance(entries, LazyEntries) and entries.loaded
        assert entries.records == _fresh(services.db) and cache.prefetch.handed == 1
        assert services.hours.list() is entries and cache.entry_reads == 0
        assert not services.plan.prefetch_entries()  # nothing left to read ahead
        services.close()


@pytest.fixture
def started(data_dir: Path, catalog: Catalog) -> Services:
    """Ten entries over five days, the columns stored, slices of three rows."""
    services = _started(data_dir, catalog, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
    services.plan.cache.prefetch.rows = 3
    return services


def test_our_own_write_between_slices_starts_the_read_over(started: Services) -> None:
    before = started.plan.snapshot().entries
    assert started.plan.prefetch_entries() and started.plan.prefetch_entries()
    added = started.hours.add(WorkEntry(start=TODAY - timedelta(days=2), hours=2.0))
    after = started.plan.snapshot().entries
    assert isinstance(after, LazyEntries) and not after.loaded
    assert _steps(started) == 11 // 3 + 2 and started.plan.cache.prefetch.slices == 2 + 4
    assert isinstance(before, LazyEntries) and not before.loaded  # never given the slices
    assert after.loaded and after.records == _fresh(started.db) and added in after.records
    assert started.plan.cache.entry_reads == 0
    started.close()


def _outside_update(db: Database) -> None:
    """Another process changes entry 4."""
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE work_entry SET hours = 5.0 WHERE id = 4")
    connection.close()


@pytest.mark.parametrize("slices", [1, 4])  # the 4th is the last: the hand-over is next
def test_another_process_writing_between_slices_drops_them(started: Services, slices: int) -> None:
    entries = started.plan.snapshot().entries
    for _ in range(slices):
        assert started.plan.prefetch_entries()
    _outside_update(started.db)
    assert not started.plan.prefetch_entries()  # the snapshot is not the file's any more
    assert isinstance(entries, LazyEntries) and not entries.loaded
    assert started.plan.cache.prefetch.handed == 0
    plan = started.plan.snapshot()  # read again in full: the row as it is now
    assert plan.entries == _fresh(started.db)
    assert [e.hours for e in plan.entries if e.id == 4] == [5.0]
    started.close()


def test_a_first_use_under_way_reads_the_remaining_rows_at_once(started: Services) -> None:
    entries = started.plan.snapshot().entries
    assert started.plan.prefetch_entries() and started.plan.prefetch_entries()
    assert tuple(entries) == _fresh(started.db)  # 6 rows from the slices, 4 read now
    cache = started.plan.cache
    assert cache.entry_reads == 1 and cache.prefetch.slices == 2 and cache.prefetch.handed == 0
    assert not started.plan.prefetch_entries() and cache.prefetch.slices == 2
    started.close()


def test_a_start_that_read_the_records_has_nothing_to_read_ahead(services: Services) -> None:
    services.hours.add_many(_entries([1, 2]))
    assert isinstance(services.plan.snapshot().entries, tuple)
    assert not services.plan.prefetch_entries() and services.plan.cache.prefetch.slices == 0
