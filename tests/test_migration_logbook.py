"""Migration 0003 on a database made at 0002 with data: a backup first, free-text employers
become records (one per name, without case), entries keep every value, and a file from a
newer schema than this one is refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from careerplanner.domain.logbook import Employer
from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME
from careerplanner.storage import Database, DatabaseError
from careerplanner.storage import repositories as repo
from careerplanner.storage.migrate import upgrade
from careerplanner.storage.schema import APPLICATION_ID

ENTRY_SQL = (
    "INSERT INTO work_entry (start, hours, activity, setting, supervision, paid, employer, "
    "notes, verified_by, verified_credential) VALUES (?, ?, 'case-management', ?, 'ccm', 1, ?, "
    "'', '', '')"
)


def make_0002(data_dir: Path) -> Path:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.close()
    upgrade(path, "0002")
    with sqlite3.connect(path) as connection:  # written as 0002 wrote it
        rows = [
            ("2026-11-02", 8.0, "hospital", "St. Mary's"),
            ("2026-11-03", 7.5, "hospital", " st. mary's "),
            ("2026-11-04", 6.0, "clinic", "Eastside Clinic"),
            ("2026-11-05", 4.0, "other", ""),
            ("2026-11-06", 8.0, "hospital", "ST. MARY'S"),
        ]
        connection.executemany(ENTRY_SQL, rows)
        connection.execute(
            "INSERT INTO entry_event (entry_id, at, action, detail) "
            "VALUES (1, '2026-11-20 09:00:00', 'verify', 'verified by Ann Lee on 2026-11-20')"
        )
    connection.close()
    return path


def test_upgrade_from_0002_makes_employer_records_and_backs_up_first(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_0002(data_dir)
    with Database.open(data_dir) as db:
        assert db.integrity_problems() == []
        with db.session() as session:
            employers = repo.list_all(session, repo.EMPLOYERS)
            entries = repo.list_all(session, repo.ENTRIES)
            events = repo.entry_events(session, 1)
    assert employers == (
        Employer("Eastside Clinic", None, True, None, None, id=2),
        Employer("St. Mary's", None, True, None, None, id=1),
    )
    assert [(e.start, e.hours, e.employer, e.employer_id) for e in entries] == [
        (date(2026, 11, 2), 8.0, "St. Mary's", 1),
        (date(2026, 11, 3), 7.5, " st. mary's ", 1),
        (date(2026, 11, 4), 6.0, "Eastside Clinic", 2),
        (date(2026, 11, 5), 4.0, "", None),
        (date(2026, 11, 6), 8.0, "ST. MARY'S", 1),
    ]
    assert all(e.start_time is None and e.break_minutes == 0 for e in entries)
    assert [(e.action, e.fields, e.source) for e in events] == [("verify", {}, "")]
    (backup,) = (data_dir / BACKUP_DIR_NAME).iterdir()
    assert "before-upgrade-0002" in backup.name
    with sqlite3.connect(backup) as connection:  # the copy is the untouched 0002 file
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0002",)
        ]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "employer" not in tables and "supervisor" not in tables
        assert connection.execute("SELECT count(*) FROM work_entry").fetchone() == (5,)
    connection.close()


def test_a_file_from_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = make_0002(data_dir)
    upgrade(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="newer version of CareerPlanner"):
        Database.open(data_dir)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
