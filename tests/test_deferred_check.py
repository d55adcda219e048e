"""A database opened with its quick check left for later: nothing is written before the check
passed, and once it found damage every write is refused and the file is left as it was."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from file_damage import damage_an_unread_index

from careerplanner.cli import run
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.model import WorkEntry
from careerplanner.paths import DATABASE_NAME
from careerplanner.services import Services
from careerplanner.services.recovery import found_damage
from careerplanner.storage import Database, UnusableFileError
from careerplanner.storage.schema import KNOWN_REVISIONS

TODAY = date(2026, 11, 26)


@pytest.fixture
def damaged(data_dir: Path, catalog: Catalog) -> bytes:
    """The sample plan, then an index page it does not read overwritten: the file's bytes."""
    with Database.open(data_dir) as database:
        Services(database, catalog, today=lambda: TODAY).plan.load_demo()
    return damage_an_unread_index(data_dir / DATABASE_NAME)


def services_on(data_dir: Path, catalog: Catalog) -> Services:
    return Services(Database.open(data_dir, check_later=True), catalog, lambda: TODAY)


def test_a_sound_file_is_checked_once_and_then_written(data_dir: Path, catalog: Catalog) -> None:
    Database.open(data_dir).close()
    services = services_on(data_dir, catalog)
    try:
        assert services.db.check_integrity() is None
        services.hours.add(WorkEntry(date(2026, 11, 2), 2.5))
        assert [e.hours for e in services.hours.list()] == [2.5]
    finally:
        services.close()


def test_damage_the_read_misses_is_found_and_every_write_refused(
    data_dir: Path, catalog: Catalog, damaged: bytes
) -> None:
    services = services_on(data_dir, catalog)  # the header and the revision are fine
    try:
        entries = len(services.plan.snapshot().entries)
        assert entries > 0  # and the plan reads: only the quick check finds the damage
        with pytest.raises(UnusableFileError, match=r"(?s)is damaged: .*Restore a backup"):
            services.hours.add(WorkEntry(date(2026, 11, 2), 2.5))  # runs the check first
        assert found_damage(services.db) == "database disk image is malformed"  # as at open
        with pytest.raises(UnusableFileError, match="is damaged"):
            services.backups.backup()  # a damaged file is never copied as a backup
        with pytest.raises(UnusableFileError, match="is damaged"):
            services.hours.add(WorkEntry(date(2026, 11, 3), 1.0))
    finally:
        services.close()
    assert (data_dir / DATABASE_NAME).read_bytes() == damaged
    assert not (data_dir / "backups").exists()


def test_the_command_line_still_checks_at_open_with_the_same_message(
    data_dir: Path, damaged: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["hours", "add", "--date", "2026-11-02", "--hours", "2"]
    code = run(["--data-dir", str(data_dir), *add])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"error: {data_dir / DATABASE_NAME} is damaged: ")
    assert "Restore a backup" in err
    assert (data_dir / DATABASE_NAME).read_bytes() == damaged


def test_an_older_file_is_checked_before_it_is_upgraded(data_dir: Path, damaged: bytes) -> None:
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:  # as an older version left it
        connection.execute("UPDATE alembic_version SET version_num = ?", (KNOWN_REVISIONS[-2],))
    connection.close()
    before = path.read_bytes()
    with pytest.raises(UnusableFileError, match="is damaged"):
        Database.open(data_dir, check_later=True)
    assert path.read_bytes() == before
    assert not (data_dir / "backups").exists()  # not even the copy made before an upgrade


def test_the_entry_columns_copy_waits_for_the_check(data_dir: Path, catalog: Catalog) -> None:
    """The copy kept for a fast start is written on the reader's own connection: not before
    the check passed (it would not wait for it), and never to a damaged file."""
    with Database.open(data_dir) as database:
        Services(database, catalog, today=lambda: TODAY).plan.load_demo()
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM entry_columns")
    connection.close()
    services = services_on(data_dir, catalog)
    try:
        services.plan.snapshot()
        assert services.plan.store_entry_columns() is False  # not checked yet
        assert services.db.check_integrity() is None
        assert services.plan.store_entry_columns() is True
    finally:
        services.close()
    damage_an_unread_index(path)
    damaged = path.read_bytes()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM entry_columns").fetchone()[0] == 1
    connection.close()
    services = services_on(data_dir, catalog)
    try:
        services.plan.snapshot()
        assert services.db.check_integrity() is not None
        assert services.plan.store_entry_columns() is False
    finally:
        services.close()
    assert path.read_bytes() == damaged
