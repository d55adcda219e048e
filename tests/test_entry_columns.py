"""The stored copy of the entry columns: the fast read equals the rows' read, every kind of
write deletes the copy in its own transaction, and a copy that is stale or of another layout is
never used."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import subprocess
import sys
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from entry_copy import stored_copies

from careerplanner.cli import run
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.encoding import encode_entries
from careerplanner.domain.lazy_entries import LazyEntries
from careerplanner.domain.logbook import Schedule
from careerplanner.domain.model import Plan, Setting, WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database, entry_columns, reader
from careerplanner.storage.schema import ENTRY_COLUMNS_TRIGGERS

TODAY = date(2026, 11, 26)
ARRAYS = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "ids")


def _entries(count: int) -> list[WorkEntry]:
    return [
        WorkEntry(
            start=TODAY - timedelta(days=3 * i + 2),
            end=TODAY - timedelta(days=3 * i + 1) if i % 4 == 0 else None,
            hours=1.5 + i % 5,
            setting=(Setting.HOSPITAL, Setting.INSURANCE, Setting.CLINIC)[i % 3],
            paid=i % 2 == 0,
            notes=f"entry {i}",
        )
        for i in range(count)
    ]


def _open(folder: Path, catalog: Catalog) -> Services:
    return Services(Database.open(folder), catalog, today=lambda: TODAY)


def _rows_plan(services: Services) -> Plan:
    """The plan read from the rows alone (no copy used), by the snapshot reader."""
    with services.db.snapshot_connection() as connection:
        return reader.read_plan(connection)


@pytest.fixture
def stored(data_dir: Path, catalog: Catalog) -> Path:
    """A data folder with the sample plan, 40 more entries and the stored copy of them."""
    services = _open(data_dir, catalog)
    services.plan.load_demo()
    services.hours.add_many(_entries(40))
    services.plan.snapshot()
    assert services.plan.store_entry_columns() is True
    services.close()
    assert stored_copies(data_dir) == 1
    return data_dir


def test_the_fast_read_equals_the_rows_read(stored: Path, catalog: Catalog) -> None:
    services = _open(stored, catalog)
    fast = services.plan.snapshot()
    assert isinstance(fast.entries, LazyEntries) and services.plan.cache.entry_reads == 0
    eligibility = services.plan.eligibility(TODAY)
    assert services.plan.cache.entry_reads == 0  # the engine needs only the columns
    slow = _rows_plan(services)
    assert isinstance(slow.entries, tuple) and len(slow.entries) == len(fast.entries) > 40
    assert fast.encoded is not None and slow.encoded is not None
    for name in ARRAYS:
        got, want = getattr(fast.encoded, name), getattr(slow.encoded, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name
    assert fast == slow and services.plan.cache.entry_reads == 1
    from careerplanner.domain.rules import evaluate

    assert eligibility == evaluate(slow, catalog, TODAY)
    services.close()


def test_a_plan_without_planned_work_is_evaluated_from_the_columns_alone(
    data_dir: Path, catalog: Catalog
) -> None:
    services = _open(data_dir, catalog)
    services.hours.add_many(_entries(12))
    services.plan.snapshot()
    assert services.plan.store_entry_columns()
    services.close()
    services = _open(data_dir, catalog)
    result = services.plan.eligibility(TODAY)  # its pace follows the latest entry's kind
    assert services.plan.cache.entry_reads == 0
    from careerplanner.domain.planned_work import effective_periods
    from careerplanner.domain.rules import evaluate

    rows = _rows_plan(services)
    assert result == evaluate(rows, catalog, TODAY)
    period = effective_periods(services.plan.snapshot(), TODAY)[0]
    latest = max(rows.entries, key=lambda e: (e.last_day, e.start, e.id))
    assert (
        (period.setting, period.paid) == (latest.setting, latest.paid) == (Setting.HOSPITAL, True)
    )
    services.close()


def _eligibility_json(folder: Path) -> bytes:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run(["--data-dir", str(folder), "eligibility", "--json", "--as-of", "2026-11-26"])
    assert code == 0
    return out.getvalue().encode()


def test_the_command_line_prints_the_same_bytes_with_and_without_the_copy(stored: Path) -> None:
    fast = _eligibility_json(stored)
    assert stored_copies(stored) == 1  # a read command never writes the copy, nor drops it
    with sqlite3.connect(stored / "careerplanner.sqlite3") as connection:
        connection.execute("DELETE FROM entry_columns")
    connection.close()
    assert _eligibility_json(stored) == fast and b'"CCM"' in fast
    assert stored_copies(stored) == 0


def _write_hours(services: Services, folder: Path) -> None:
    services.hours.add(WorkEntry(start=TODAY - timedelta(days=1), hours=2.0))


def _edit_hours(services: Services, folder: Path) -> None:
    entry = services.hours.list()[3]
    services.hours.update(WorkEntry(start=entry.start, hours=0.5, id=entry.id))


def _remove_hours(services: Services, folder: Path) -> None:
    services.hours.remove(services.hours.list()[5].id)


def _import_csv(services: Services, folder: Path) -> None:
    path = folder.parent / "hours.csv"
    path.write_text("date,hours\n2026-01-05,3\n2026-01-06,2\n")
    services.records.import_hours(services.records.preview_hours_csv(path))


def _fill_schedule(services: Services, folder: Path) -> None:
    start = TODAY - timedelta(days=6)
    services.schedules.add(Schedule("mon,tue,wed,thu,fri", time(9), time(12), start))
    assert services.schedules.fill(TODAY).entries


def _other_process(services: Services, folder: Path) -> None:
    argv = [sys.executable, "-m", "careerplanner", "--data-dir", str(folder)]
    argv += ["hours", "add", "--date", "2026-11-20", "--hours", "3"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


WRITES = [_write_hours, _edit_hours, _remove_hours, _import_csv, _fill_schedule, _other_process]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.strip("_"))
def test_every_kind_of_write_drops_the_copy(stored: Path, catalog: Catalog, write: Any) -> None:
    services = _open(stored, catalog)
    services.plan.snapshot()
    write(services, stored)
    assert stored_copies(stored) == 0
    services.close()
    fresh = _open(stored, catalog)
    plan = fresh.plan.snapshot()
    assert isinstance(plan.entries, tuple)  # the rows, read again
    assert plan == _rows_plan(fresh)
    fresh.close()


def test_a_restore_brings_no_copy_in(stored: Path, catalog: Catalog, tmp_path: Path) -> None:
    services = _open(stored, catalog)
    backup = services.backups.backup(tmp_path / "with-copy.sqlite3").path
    services.hours.add_many(_entries(3))
    services.plan.snapshot()
    assert services.plan.store_entry_columns() is True
    services.backups.restore(backup)
    assert stored_copies(stored) == 0
    assert services.plan.snapshot() == _rows_plan(services)
    services.close()


def test_a_restored_file_whose_triggers_were_lost_gets_them_back(
    stored: Path, catalog: Catalog, tmp_path: Path
) -> None:
    services = _open(stored, catalog)
    forged = services.backups.backup(tmp_path / "forged.sqlite3").path
    with sqlite3.connect(forged) as connection:  # a copy its triggers no longer guard
        for name in ENTRY_COLUMNS_TRIGGERS:
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.execute("UPDATE work_entry SET hours = hours + 1")
    connection.close()
    services.backups.restore(forged)
    with sqlite3.connect(stored / "careerplanner.sqlite3") as connection:
        names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert set(ENTRY_COLUMNS_TRIGGERS) <= names and stored_copies(stored) == 0
    services.close()


def _tamper(folder: Path, sql: str, *params: Any) -> None:
    with sqlite3.connect(folder / "careerplanner.sqlite3") as connection:
        connection.execute(sql, params)
    connection.close()


def _drop_triggers_then_add(folder: Path) -> None:
    for name in ENTRY_COLUMNS_TRIGGERS:
        _tamper(folder, f'DROP TRIGGER "{name}"')
    _tamper(
        folder,
        "INSERT INTO work_entry (start, hours, activity, setting, supervision, paid, employer, "
        "notes, verified_by, verified_credential) VALUES ('2026-11-02', 4, 'case-management', "
        "'hospital', 'rn', 1, '', '', '', '')",
    )


def _drop_triggers_then_remove(folder: Path) -> None:
    for name in ENTRY_COLUMNS_TRIGGERS:
        _tamper(folder, f'DROP TRIGGER "{name}"')
    _tamper(folder, "DELETE FROM work_entry WHERE id = (SELECT max(id) FROM work_entry)")


def _code_out_of_range(folder: Path) -> None:
    """The first entry's activity code (the byte after the 8-, 8-, 4- and 4-byte columns)
    made one no activity has."""
    with sqlite3.connect(folder / "careerplanner.sqlite3") as connection:
        count, data = connection.execute("SELECT count, data FROM entry_columns").fetchone()
    connection.close()
    spoiled = bytearray(data)
    spoiled[24 * count] = 200
    _tamper(folder, "UPDATE entry_columns SET data = ?", bytes(spoiled))


SPOILED = {
    "another layout": lambda f: _tamper(f, "UPDATE entry_columns SET layout = layout + 1"),
    "a short blob": lambda f: _tamper(f, "UPDATE entry_columns SET data = substr(data, 2)"),
    "a wrong count": lambda f: _tamper(f, "UPDATE entry_columns SET count = count - 1"),
    "text, not a blob": lambda f: _tamper(f, "UPDATE entry_columns SET data = 'x'"),
    "a code out of range": _code_out_of_range,
    "an entry added behind the triggers' back": _drop_triggers_then_add,
    "an entry removed behind the triggers' back": _drop_triggers_then_remove,
}


@pytest.mark.parametrize("spoil", SPOILED.values(), ids=SPOILED.keys())
def test_a_spoiled_copy_is_never_used(stored: Path, catalog: Catalog, spoil: Any) -> None:
    spoil(stored)
    services = _open(stored, catalog)
    plan = services.plan.snapshot()
    assert isinstance(plan.entries, tuple)
    assert plan == _rows_plan(services)
    services.close()


def test_the_copy_is_written_only_while_the_snapshot_is_the_files(
    data_dir: Path, catalog: Catalog
) -> None:
    services = _open(data_dir, catalog)
    services.hours.add_many(_entries(5))
    assert services.plan.store_entry_columns() is False  # nothing cached: nothing to store
    services.plan.snapshot()
    _tamper(data_dir, "UPDATE work_entry SET notes = 'elsewhere' WHERE id = 1")  # another writer
    assert services.plan.store_entry_columns() is False and stored_copies(data_dir) == 0
    services.plan.snapshot()
    with services.db.snapshot_connection() as connection:  # a write lands as the lock is taken
        assert entry_columns.store(connection, encode_entries(()), lambda: False) is False
    assert stored_copies(data_dir) == 0
    assert services.plan.store_entry_columns() is True and stored_copies(data_dir) == 1
    assert services.plan.store_entry_columns() is False  # there already
    reads = services.plan.cache.reads
    services.plan.snapshot()
    assert services.plan.cache.reads == reads  # its own write keeps the snapshot current
    services.close()


def test_a_busy_file_leaves_the_copy_for_later(data_dir: Path, catalog: Catalog) -> None:
    services = _open(data_dir, catalog)
    services.hours.add_many(_entries(5))
    services.plan.snapshot()
    other = sqlite3.connect(data_dir / "careerplanner.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    assert services.plan.store_entry_columns() is False
    other.execute("ROLLBACK")
    other.close()
    assert services.plan.store_entry_columns() is True and stored_copies(data_dir) == 1
    services.close()


def test_the_copy_packs_and_unpacks_every_column() -> None:
    columns = encode_entries(_entries(7))
    arrays = entry_columns.unpack(entry_columns.pack(columns), 7)
    assert arrays is not None and set(arrays) == set(ARRAYS)
    for name in ARRAYS:
        want = getattr(columns, name)
        assert arrays[name].dtype == want.dtype and np.array_equal(arrays[name], want), name
        assert arrays[name].flags.writeable
    assert len(entry_columns.pack(columns)) == 7 * entry_columns.ROW_BYTES == 7 * 28
    assert entry_columns.unpack(entry_columns.pack(columns), 6) is None
