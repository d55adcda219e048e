"""Backups: thinning over a simulated year, automatic backups, restore round trip, recovery."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from careerplanner.domain.backup_policy import backups_to_delete, backups_to_keep
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import CeActivity, CeTopic, WorkEntry
from careerplanner.services.backup_files import BEFORE_RESTORE, list_backups
from careerplanner.services.backups import BackupService
from careerplanner.services.bus import Change, ChangeBus
from careerplanner.services.recovery import damage, recover
from careerplanner.storage import Database, DatabaseError
from careerplanner.storage.repositories import CE, ENTRIES, add, add_many, list_all

START = datetime(2026, 1, 1, 9, 30)


# --- thinning policy: 7 daily, 4 weekly, 12 monthly, applied every day of a simulated year ---


def simulate(days: int, per_day: int = 1) -> list[datetime]:
    kept: list[datetime] = []
    for day in range(days):
        for n in range(per_day):
            kept.append(START + timedelta(days=day, hours=n))
            doomed = set(backups_to_delete(kept))
            kept = [s for s in kept if s not in doomed]
    return sorted(kept)


def test_a_year_of_daily_backups() -> None:
    kept = simulate(400)
    newest = kept[-1]
    assert len(kept) <= 7 + 4 + 12
    assert kept[-7:] == [newest - timedelta(days=d) for d in range(6, -1, -1)]
    months = [(s.year, s.month) for s in kept[:-11]]  # before the daily and weekly ones
    assert len(months) == len(set(months)) == 12  # one a month
    assert (newest - kept[0]).days >= 360
    weeks = {s.isocalendar()[:2] for s in kept[:-7] if (newest - s).days < 40}
    assert len(weeks) >= 4


def test_several_backups_a_day_keep_the_newest_of_each_day() -> None:
    kept = simulate(10, per_day=3)
    assert len(kept) == 7  # the week before is already covered by a daily one
    assert all(s.hour == 11 for s in kept[-7:])


def test_few_backups_are_all_kept() -> None:
    stamps = [START + timedelta(days=30 * i) for i in range(5)]
    assert backups_to_keep(stamps) == set(stamps)
    assert backups_to_delete(stamps) == []


def test_sparse_history_spans_more_than_a_year() -> None:
    stamps = [START + timedelta(days=3 * i) for i in range(200)]
    keep = backups_to_keep(stamps)
    assert max(keep) == max(stamps) and len(keep) == 23


# --- the backup service ---------------------------------------------------------------------


class Clock:
    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, **kw: float) -> None:
        self.value += timedelta(**kw)


@pytest.fixture
def db(tmp_path: Path):
    database = Database.open(tmp_path / "data")
    yield database
    database.close()


def add_entries(db: Database, count: int, start: date = date(2026, 1, 5)) -> None:
    entries = [WorkEntry(start + timedelta(days=i % 300), 2.0) for i in range(count)]
    with db.session() as session:
        add_many(session, ENTRIES, entries)


def entry_count(db: Database) -> int:
    with db.session() as session:
        return len(list_all(session, ENTRIES))


def test_auto_backup_only_when_changed_and_at_most_daily(db: Database) -> None:
    clock = Clock(datetime(2026, 11, 26, 9, 0))
    service = BackupService(db, clock)
    assert service.auto_backup() is None  # nothing to keep yet
    add_entries(db, 3)
    made = service.auto_backup()
    assert made is not None and made.entries == 3 and made.hours == 6.0
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    add_entries(db, 1)
    clock.advance(hours=5)
    assert service.auto_backup() is None  # already one today
    clock.advance(days=1)
    again = service.auto_backup()
    assert again is not None and again.entries == 4
    clock.advance(days=1)
    assert service.auto_backup() is None  # nothing changed since
    assert [b.entries for b in service.list()] == [4, 3]


def test_thinning_over_two_months_of_daily_changes(db: Database) -> None:
    clock = Clock(datetime(2026, 1, 1, 8, 0))
    service = BackupService(db, clock)
    for day in range(60):
        add_entries(db, 1, date(2025, 1, 1) + timedelta(days=day))
        assert service.auto_backup() is not None
        clock.advance(days=1)
    backups = service.list()
    days = [b.made_at.date() for b in backups]
    assert days[:7] == [date(2026, 3, 1) - timedelta(days=d) for d in range(7)]
    assert 7 + 2 <= len(backups) <= 7 + 4 + 12
    assert backups[0].entries == 60


def test_manual_backup_to_a_file_refuses_to_overwrite(db: Database, tmp_path: Path) -> None:
    add_entries(db, 2)
    service = BackupService(db)
    out = tmp_path / "copy.sqlite3"
    assert service.backup(out).entries == 2
    with pytest.raises(ValidationError, match="already exists"):
        service.backup(out)


def test_restore_round_trip_backs_up_first(db: Database, tmp_path: Path) -> None:
    add_entries(db, 5)
    with db.session() as session:
        add(session, CE, CeActivity(date(2026, 2, 1), 2.5, CeTopic.ETHICS, "Ethics"))
    clock = Clock(datetime(2026, 11, 26, 9, 0))
    published: list[Change] = []
    bus = ChangeBus()
    bus.subscribe(published.append)
    service = BackupService(db, clock, bus)
    saved = service.backup()
    add_entries(db, 10)
    clock.advance(minutes=1)
    safety = service.restore(saved.path)
    assert entry_count(db) == 5
    with db.session() as session:
        assert [c.title for c in list_all(session, CE)] == ["Ethics"]
    assert safety.kind == BEFORE_RESTORE and safety.entries == 15
    assert published and "entries" in published[0].kinds
    assert db.integrity_problems() == []
    clock.advance(minutes=1)
    service.restore(safety.path)  # and back again
    assert entry_count(db) == 15


def test_restore_refuses_a_file_that_is_not_a_backup(db: Database, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("hello")
    add_entries(db, 1)
    with pytest.raises(ValidationError, match="cannot be restored"):
        BackupService(db).restore(bogus)
    with pytest.raises(ValidationError, match="in use"):
        BackupService(db).restore(db.path)
    assert entry_count(db) == 1


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : len(data)] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


def test_damaged_database_is_moved_aside_and_newest_sound_backup_restored(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = Database.open(data_dir)
    clock = Clock(datetime(2026, 11, 20, 9, 0))
    add_entries(db, 50)
    BackupService(db, clock).backup()
    add_entries(db, 50)
    clock.advance(days=1)
    newest = BackupService(db, clock).backup()
    db.close()
    corrupt(newest.path)  # the newest backup is damaged too: the older sound one is used
    path = data_dir / "careerplanner.sqlite3"
    corrupt(path)
    damaged_bytes = path.read_bytes()
    assert damage(data_dir) is not None
    with pytest.raises(DatabaseError):
        Database.open(data_dir)
    recovery = recover(data_dir, datetime(2026, 11, 26, 10, 15))
    assert recovery.moved_to.name == "careerplanner.sqlite3.damaged-20261126T101500"
    assert recovery.moved_to.read_bytes() == damaged_bytes
    assert recovery.restored is not None and recovery.restored.entries == 50
    assert "damaged-20261126T101500" in recovery.describe()
    assert damage(data_dir) is None
    with Database.open(data_dir) as reopened:
        assert entry_count(reopened) == 50
    assert [b.sound for b in list_backups(data_dir)] == [False, True]


def test_second_recovery_never_overwrites_the_first(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    Database.open(data_dir).close()
    path = data_dir / "careerplanner.sqlite3"
    moved = []
    for _ in range(2):
        path.write_bytes(b"x")
        moved.append(recover(data_dir, datetime(2026, 11, 26, 10, 15)).moved_to)
    assert moved[0] != moved[1] and all(m.exists() for m in moved)
    assert moved[0].read_bytes() == b"x" and moved[1].read_bytes() == b"x"


def test_sound_database_is_not_damaged(db: Database) -> None:
    add_entries(db, 2)
    assert damage(db.data_dir) is None
    assert damage(db.data_dir / "nowhere") is None
