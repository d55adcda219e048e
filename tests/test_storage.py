"""Storage: round trips through a real SQLite file, file safety, revisions, backups, speed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    GoalStatus,
    License,
    LicenseType,
    Plan,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME
from careerplanner.storage import Database, DatabaseError, UnusableFileError
from careerplanner.storage import repositories as repo
from careerplanner.storage.schema import APPLICATION_ID, HEAD_REVISION

FULL_PLAN = Plan(
    profile=Profile("Maya", Track.SOCIAL_WORK, "OH", 30.0, 12.5, 52_000.0, 3.5),
    degrees=(
        Degree(
            DegreeLevel.BACHELOR,
            DegreeField.SOCIAL_WORK,
            DegreeStatus.COMPLETED,
            date(2020, 9, 1),
            date(2024, 5, 15),
            accredited=True,
            field_experience=True,
            institution="State University",
        ),
        Degree(DegreeLevel.MASTER, DegreeField.SOCIAL_WORK, DegreeStatus.PLANNED),
    ),
    licenses=(
        License(LicenseType.LBSW, date(2024, 8, 1), date(2026, 7, 31), "OH", "B-123"),
        License(LicenseType.LMSW, date(2027, 8, 1), date(2029, 7, 31), renewal_assumed=False),
    ),
    exams=(Exam(ExamType.ASWB_BACHELORS, date(2024, 7, 10)),),
    entries=(
        WorkEntry(
            date(2025, 1, 6),
            30.0,
            date(2025, 1, 10),
            Activity.SUPERVISING,
            Setting.HOSPITAL,
            Supervision.LICENSED_SW,
            paid=False,
            employer="General Hospital",
            notes='discharge planning, "quotes" and ünïcode',
            verified_by="R. Lee",
            verified_credential="LCSW",
            verified_on=date(2025, 2, 1),
        ),
        WorkEntry(date(2025, 1, 13), 7.25),
    ),
    ce=(CeActivity(date(2025, 3, 3), 3.0, CeTopic.ETHICS, "Ethics", "NASW", "cert.pdf"),),
    goals=(
        Goal("C-SWCM", date(2027, 6, 1), GoalStatus.EARNED, date(2026, 1, 2), date(2028, 1, 2)),
    ),
    work_periods=(
        WorkPeriod(
            0,
            date(2026, 1, 5),
            date(2027, 6, 30),
            32.5,
            Activity.CASE_MANAGEMENT,
            Setting.SOCIAL_SERVICES,
            Supervision.LICENSED_SW,
            paid=False,
            employer="County Services",
        ),
        WorkPeriod(
            0,
            date(2027, 7, 1),
            None,
            40.0,
            Activity.SUPERVISING,
            Setting.HOSPITAL,
            Supervision.NONE,
        ),
    ),
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def strip_ids(plan: Plan) -> Plan:
    from dataclasses import replace

    def clean(items: tuple) -> tuple:  # type: ignore[type-arg]
        return tuple(replace(i, id=0) for i in items)

    return Plan(
        plan.profile,
        *(clean(getattr(plan, n)) for n in ("degrees", "licenses", "exams", "entries", "ce")),
        clean(plan.goals),
        clean(plan.work_periods),
    )


def test_every_field_round_trips_through_the_file(data_dir: Path) -> None:
    with Database.open(data_dir) as db, db.session() as session:
        assert repo.is_empty(session)
        repo.insert_plan(session, FULL_PLAN)
    with Database.open(data_dir) as db, db.session() as session:
        loaded = repo.load_plan(session)
        assert not repo.is_empty(session)
    assert strip_ids(loaded) == FULL_PLAN
    assert all(e.id > 0 for e in loaded.entries)
    assert isinstance(loaded.entries[0].activity, Activity)
    assert loaded.entries[0].paid is False and loaded.entries[1].paid is True
    assert [lic.renewal_assumed for lic in loaded.licenses] == [True, False]
    assert all(p.id > 0 for p in loaded.work_periods)
    assert isinstance(loaded.work_periods[0].setting, Setting)


def test_crud_single_records(db: Database) -> None:
    with db.session() as session:
        stored = repo.add(session, repo.DEGREES, FULL_PLAN.degrees[0])
        assert stored.id > 0
        assert repo.get(session, repo.DEGREES, stored.id) == stored
        changed = Degree(
            DegreeLevel.MASTER, DegreeField.NURSING, DegreeStatus.IN_PROGRESS, id=stored.id
        )
        assert repo.update_one(session, repo.DEGREES, changed)
        assert repo.list_all(session, repo.DEGREES) == (changed,)
        repo.delete_ids(session, repo.DEGREES, [stored.id])
        assert repo.get(session, repo.DEGREES, stored.id) is None
        assert not repo.update_one(session, repo.DEGREES, changed)


def test_profile_upsert(db: Database) -> None:
    with db.session() as session:
        assert repo.get_profile(session) is None
        repo.save_profile(session, Profile(name="A"))
        repo.save_profile(session, FULL_PLAN.profile)
    with db.session() as session:
        assert repo.get_profile(session) == FULL_PLAN.profile


def test_failed_transaction_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        repo.add(session, repo.EXAMS, FULL_PLAN.exams[0])
        raise RuntimeError("boom")
    with db.session() as session:
        assert repo.list_all(session, repo.EXAMS) == ()


def test_check_constraints_refuse_bad_rows(db: Database) -> None:
    with pytest.raises(Exception, match="CHECK"), db.session() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO work_entry (start, hours, activity, setting, supervision, paid, employer,"
            " notes, verified_by, verified_credential) VALUES"
            " ('2026-01-01', 0, 'case-management', 'spa', 'none', 1, '', '', '', '')"
        )


def test_private_permissions(data_dir: Path) -> None:
    with Database.open(data_dir) as db:
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE(db.path.stat().st_mode) == 0o600
        backup = db.backup_to(data_dir / "copy" / "b.sqlite3")
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
        assert db.integrity_problems() == []
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []


def test_backup_copy_is_a_working_database(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        repo.insert_plan(session, FULL_PLAN)
    target = db.backup_to(tmp_path / "elsewhere" / DATABASE_NAME)
    with Database.open(target.parent) as copy, copy.session() as session:
        assert strip_ids(repo.load_plan(session)) == FULL_PLAN


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("hello")
    with pytest.raises(DatabaseError, match=r"is a file, not a folder$"):
        Database.open(plain)
    with Database.open(tmp_path / "data") as db:
        path = db.path
    with pytest.raises(DatabaseError, match="pass the folder containing it"):
        Database.open(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"just some notes\n" * 50, b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["empty", "text", "other-sqlite-header"],
)
def test_foreign_files_are_refused_untouched(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(DatabaseError, match="is not a CareerPlanner database"):
        Database.open(data_dir)
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_NAME]


def test_another_apps_sqlite_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    before = digest(path)
    with pytest.raises(DatabaseError, match="is not a CareerPlanner database"):
        Database.open(data_dir)
    assert digest(path) == before


def test_damaged_file_is_refused_untouched(data_dir: Path) -> None:
    with Database.open(data_dir) as db, db.session() as session:
        repo.add_many(session, repo.ENTRIES, [WorkEntry(date(2025, 1, 1), 1.0)] * 2000)
    path = data_dir / DATABASE_NAME
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 3000] = os.urandom(3000)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseError, match=r"(?s)is damaged: .*Restore a backup"):
        Database.open(data_dir)
    assert digest(path) == before


def set_revision(path: Path, revision: str | None) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM alembic_version")
        if revision:
            connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()


def test_newer_revision_is_refused_untouched(data_dir: Path) -> None:
    Database.open(data_dir).close()
    path = data_dir / DATABASE_NAME
    set_revision(path, "9999")
    before = digest(path)
    with pytest.raises(DatabaseError, match="written by a newer version of CareerPlanner"):
        Database.open(data_dir)
    assert digest(path) == before


def test_a_file_with_an_empty_revision_table_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:  # our id, an empty alembic_version, no tables
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    connection.close()
    before = digest(path)
    for _ in range(3):  # each attempt is refused the same way and leaves no copy behind
        with pytest.raises(UnusableFileError, match="records no schema revision"):
            Database.open(data_dir)
    assert digest(path) == before
    assert not (data_dir / BACKUP_DIR_NAME).exists()


def test_integrity_problems_names_a_wrong_revision(db: Database) -> None:
    set_revision(db.path, None)
    assert any("revision" in p for p in db.integrity_problems())
    set_revision(db.path, HEAD_REVISION)
    assert db.integrity_problems() == []


def test_spans_and_audit_log(db: Database) -> None:
    with db.session() as session:
        repo.add_many(
            session,
            repo.ENTRIES,
            [WorkEntry(date(2026, 3, 1), 8, date(2026, 3, 5)), WorkEntry(date(2026, 4, 1), 2)],
        )
        assert repo.spans_between(session, date(2026, 3, 5), date(2026, 3, 31)) == [
            (date(2026, 3, 1), date(2026, 3, 5), 8.0)
        ]
        event = repo.EntryEvent(1, __import__("datetime").datetime(2026, 1, 1), "verify", "ok")
        repo.record_events(session, [event])
        assert repo.entry_events(session, 1) == [event]


def test_reminder_dismissals(db: Database) -> None:
    with db.session() as session:
        repo.dismiss_reminder(session, "license:1", date(2026, 1, 1))
        repo.dismiss_reminder(session, "license:1", date(2026, 2, 1))
        assert repo.dismissed_reminders(session) == {"license:1": date(2026, 2, 1)}
        repo.undismiss_reminder(session, "license:1")
        assert repo.dismissed_reminders(session) == {}


def test_snapshot_of_100k_entries_is_fast(data_dir: Path) -> None:
    entries = [
        WorkEntry(date(2000, 1, 1) + timedelta(days=i % 9000), 1.5, setting=Setting.CLINIC)
        for i in range(100_000)
    ]
    with Database.open(data_dir) as db, db.session() as session:
        stored = repo.add_many(session, repo.ENTRIES, entries)
        assert [e.id for e in stored[:3]] == [1, 2, 3] and stored[-1].id == 100_000
    with Database.open(data_dir) as db:
        best = _best_of(3, lambda: _load(db))
        floor = _best_of(3, lambda: _raw_fetch(db.path))
    plan = _load(db)
    assert len(plan.entries) == 100_000 and plan.entries[0].setting is Setting.CLINIC
    # The budget is 0.5 s on an idle machine; SQLite's own fetch of the same rows is the floor,
    # so on a busy machine the snapshot may take at most 3x that floor.
    assert best < max(0.5, 3 * floor), f"snapshot {best:.2f} s, raw fetch {floor:.2f} s"


def _load(db: Database) -> Plan:
    with db.session() as session:
        return repo.load_plan(session)


def _raw_fetch(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("SELECT * FROM work_entry ORDER BY start, id").fetchall()
    connection.close()


def _best_of(times: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best
