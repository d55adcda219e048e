"""Manual and automatic backups, their certificates, and what they leave in the backups folder."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from careerplanner.cli import run
from careerplanner.domain.model import CeActivity, CeTopic, WorkEntry
from careerplanner.domain.scenarios import Scenario
from careerplanner.services import Services
from careerplanner.services.backup_files import AUTOMATIC, MANUAL, backup_files
from careerplanner.services.backups import BackupService
from careerplanner.storage import Database

NINE = datetime(2026, 11, 26, 9, 0)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at


def _add_entry(services: Services, day: date) -> None:
    services.hours.add(WorkEntry(start=day, hours=2.0))


def _kinds(service: BackupService) -> list[tuple[str, int | None]]:
    return [(b.kind, b.entries) for b in service.list()]


def test_a_manual_backup_deletes_nothing_and_is_labelled_manual(services: Services) -> None:
    clock = Clock(NINE)
    service = BackupService(services.db, clock)
    _add_entry(services, date(2026, 11, 2))
    assert service.auto_backup() is not None
    _add_entry(services, date(2026, 11, 3))
    clock.at = NINE + timedelta(hours=1)
    manual = service.backup()
    assert manual.kind == MANUAL and manual.path.name.endswith("-manual.sqlite3")
    assert _kinds(service) == [(MANUAL, 2), (AUTOMATIC, 1)]
    for day in range(1, 60):  # two months of daily automatic backups, each after a change
        _add_entry(services, date(2026, 1, 1) + timedelta(days=day))
        clock.at = NINE + timedelta(days=day)
        assert service.auto_backup() is not None
    kinds = _kinds(service)
    assert kinds.count((MANUAL, 2)) == 1  # thinning never touched it
    assert (AUTOMATIC, 1) not in kinds  # the old automatic one was thinned


def test_a_future_dated_backup_does_not_stop_automatic_ones(services: Services) -> None:
    clock = Clock(NINE)
    service = BackupService(services.db, clock)
    _add_entry(services, date(2026, 11, 2))
    clock.at = datetime(2031, 1, 1, 12, 0)  # a clock error, later corrected
    assert service.auto_backup() is not None
    clock.at = NINE
    _add_entry(services, date(2026, 11, 3))
    made = service.auto_backup()
    assert made is not None and made.entries == 2 and made.made_at == NINE


def test_a_database_holding_only_a_scenario_is_backed_up(services: Services) -> None:
    services.scenarios.create(Scenario("Part time", weekly_hours=20))
    made = BackupService(services.db, Clock(NINE)).auto_backup()
    assert made is not None
    with sqlite3.connect(f"{made.path.as_uri()}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT name FROM scenario").fetchall() == [("Part time",)]
    connection.close()


def test_reading_backups_leaves_nothing_beside_them(services: Services) -> None:
    service = BackupService(services.db, Clock(NINE))
    _add_entry(services, date(2026, 11, 2))
    service.backup()
    _add_entry(services, date(2026, 11, 3))
    assert service.auto_backup() is not None
    for _ in range(2):
        assert [b.sound for b in service.list()] == [True, True]
    names = sorted(p.name for p in service.folder.iterdir())
    assert len(names) == 2 and all(n.endswith(".sqlite3") for n in names), names


def test_stale_temporary_copies_are_removed_at_the_next_backup(services: Services) -> None:
    service = BackupService(services.db, Clock(NINE))
    _add_entry(services, date(2026, 11, 2))
    service.folder.mkdir(mode=0o700)
    stale, fresh = service.folder / ".backup-killed.tmp", service.folder / ".backup-busy.tmp"
    stale.write_bytes(b"\0" * 4096)
    fresh.write_bytes(b"\0" * 4096)
    old = time.time() - 7 * 3600
    os.utime(stale, (old, old))
    service.backup()
    assert not stale.exists() and fresh.exists()


def test_backups_keep_certificates_and_restore_brings_them_back(
    services: Services, tmp_path: Path
) -> None:
    scan = tmp_path / "ethics certificate.pdf"
    scan.write_bytes(b"%PDF-1.4 certificate of completion")
    activity = CeActivity(date(2026, 2, 1), 2.5, CeTopic.ETHICS, "Ethics")
    added = services.ce_files.add(activity, scan)
    service = BackupService(services.db, Clock(NINE))
    saved = service.backup()
    services.ce_files.remove(added.id)  # the record and its file are gone
    assert services.ce_files.store.path(added.certificate) is None
    service.restore(saved.path)
    (restored,) = services.ce.list()
    kept = services.ce_files.path(restored)
    assert restored.certificate == added.certificate
    assert kept is not None and kept.read_bytes() == scan.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_thinning_deletes_the_certificates_of_a_thinned_backup(services: Services) -> None:
    clock = Clock(NINE)
    service = BackupService(services.db, clock)
    activity = CeActivity(date(2026, 2, 1), 2.5, CeTopic.ETHICS, "Ethics")
    scan = services.db.data_dir / "scan.pdf"
    scan.write_bytes(b"scan")
    services.ce_files.add(activity, scan)
    first = service.auto_backup()
    assert first is not None
    folders = [p for p in service.folder.iterdir() if p.is_dir()]
    assert len(folders) == 1 and len(list(folders[0].iterdir())) == 1
    for day in range(1, 60):
        _add_entry(services, date(2026, 1, 1) + timedelta(days=day))
        clock.at = NINE + timedelta(days=day)
        service.auto_backup()
    stems = {p.name.removesuffix(".sqlite3") for p in backup_files(services.db.data_dir)}
    kept = {p.name.removesuffix(".certificates") for p in service.folder.iterdir() if p.is_dir()}
    assert kept == stems  # every backup has its certificates; no orphans are left


def _names_in(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.execute("SELECT name FROM profile"))
    finally:
        connection.close()


def test_the_command_line_takes_the_daily_backup_before_its_first_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    folder = data_dir / "backups"
    assert run(["--data-dir", str(data_dir), "demo"]) == 0
    assert not folder.exists()  # nothing to keep before the demo was written
    assert run(["--data-dir", str(data_dir), "profile", "set", "--name", "Day one"]) == 0
    (first,) = backup_files(data_dir)
    assert _names_in(first) == [("Jordan Rivera (sample)",)]  # the data before the write
    assert run(["--data-dir", str(data_dir), "profile", "set", "--name", "Later"]) == 0
    assert backup_files(data_dir) == [first]  # one a day
    yesterday = datetime.now() - timedelta(days=1)
    first.rename(folder / f"careerplanner-{yesterday:%Y%m%dT%H%M%S}.sqlite3")
    assert run(["--data-dir", str(data_dir), "profile", "set", "--name", "Day two"]) == 0
    newest = max(backup_files(data_dir), key=lambda p: p.name)
    assert len(backup_files(data_dir)) == 2 and _names_in(newest) == [("Later",)]
    assert capsys.readouterr().err == ""


def test_opening_tightens_the_data_folder_to_the_user(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o777)
    data_dir.chmod(0o777)
    Database.open(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_files_the_app_writes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shot = data_dir / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for args in (["demo"], ["backup"], ["--screenshot", str(shot), "--page", "settings"]):
        subprocess.run(
            [sys.executable, "-m", "careerplanner", "--data-dir", str(data_dir), *args],
            check=True,
            capture_output=True,
            env=env,
            preexec_fn=lambda: os.umask(0),
        )
    written = [p for p in data_dir.rglob("*")]
    names = {p.name for p in written}
    assert {"settings.ini", "shot.png", "careerplanner.sqlite3"} <= names
    for path in written:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_a_backup_into_a_chosen_folder_leaves_that_folder_as_it_was(
    services: Services, tmp_path: Path
) -> None:
    chosen = tmp_path / "shared"
    chosen.mkdir()
    chosen.chmod(0o755)
    _add_entry(services, date(2026, 11, 2))
    made = services.backups.backup(chosen / "copy.sqlite3")
    assert made.entries == 1 and stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
