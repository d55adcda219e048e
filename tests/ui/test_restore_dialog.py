"""The restore screen, and the start-up offer to restore a damaged data file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from catalog_stub import stub_catalog

from careerplanner.domain.model import WorkEntry
from careerplanner.services import Services
from careerplanner.services.recovery import open_database
from careerplanner.storage import Database
from careerplanner.ui.files import recovery_dialog
from careerplanner.ui.files.recovery_dialog import (
    RecoveryDeclined,
    RecoveryDialog,
    open_with_recovery,
)
from careerplanner.ui.files.restore_dialog import RestoreDialog

TODAY = date(2026, 11, 26)


@pytest.fixture
def restore_services(tmp_path: Path) -> Iterator[Services]:
    database = Database.open(tmp_path / "data")
    yield Services(database, stub_catalog(), today=lambda: TODAY)
    database.close()


def add_hours(services: Services, count: int) -> None:
    for day in range(count):
        services.hours.add(WorkEntry(date(2026, 1, 5 + day), 2.0))


def test_lists_backups_and_restores_the_selected_one(
    qtbot: Any, restore_services: Services
) -> None:
    add_hours(restore_services, 2)
    dialog = RestoreDialog(restore_services)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert [dialog.table.item(0, c).text() for c in (1, 2, 3, 5)] == [
        "Manual",
        "2",
        "4.0",
        "Yes",
    ]
    add_hours(restore_services, 3)
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    dialog.confirm = lambda info: True  # type: ignore[method-assign]
    dialog.restore_button.click()
    assert len(restore_services.hours.list()) == 2
    assert dialog.table.rowCount() == 2  # plus the copy made before restoring
    assert "Your data as it was before is in" in dialog.status.text()
    kinds = {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text() for r in range(2)}
    assert kinds == {"Manual": "2", "Before restore": "5"}


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def damaged_folder(tmp_path: Path) -> Path:
    data_dir = tmp_path / "damaged"
    with Database.open(data_dir) as database:
        services = Services(database, stub_catalog(), today=lambda: TODAY)
        add_hours(services, 20)
        services.backups.backup()
    corrupt(data_dir / "careerplanner.sqlite3")
    return data_dir


def test_damaged_file_restored_from_the_newest_backup_when_accepted(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = damaged_folder(tmp_path)
    seen: list[str] = []

    def accept(self: RecoveryDialog) -> int:
        seen.append(self.informativeText())
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", accept)
    monkeypatch.setattr(RecoveryDialog, "accepted_recovery", lambda self: True)
    with open_with_recovery(data_dir, open_database) as database:
        services = Services(database, stub_catalog(), today=lambda: TODAY)
        assert len(services.hours.list()) == 20
    assert "The newest sound backup is from" in seen[0]
    moved = [p.name for p in data_dir.glob("careerplanner.sqlite3.damaged-*")]
    assert len([name for name in moved if not name.endswith(("-wal", "-shm"))]) == 1


def test_damaged_file_left_as_it_is_when_declined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = damaged_folder(tmp_path)
    before = (data_dir / "careerplanner.sqlite3").read_bytes()
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: 0)
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(data_dir, open_database)
    assert (data_dir / "careerplanner.sqlite3").read_bytes() == before
    assert not list(data_dir.glob("*.damaged-*"))
    assert recovery_dialog.DATABASE_TITLE  # the same title as the other start-up refusals
