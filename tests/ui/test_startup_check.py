"""After start-up, in the background: the data file's quick check, then the daily backup.

A file whose damage the plan's read does not touch opens and shows; the check then finds it,
stops every write and offers the recovery dialog, as at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from file_damage import damage_an_unread_index

from careerplanner.app import Running, launch
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.model import WorkEntry
from careerplanner.paths import DATABASE_NAME
from careerplanner.services import Services
from careerplanner.services.errors import UnusableFileError
from careerplanner.storage import Database
from careerplanner.ui.files import startup_check
from careerplanner.ui.files.recovery_dialog import RecoveryDialog
from careerplanner.ui.files.startup_check import QUIT_CODE, start_checks


@pytest.fixture
def damaged_dir(data_dir: Path, catalog: Catalog) -> Path:
    """The sample plan with one manual backup of it, then damage only the quick check finds."""
    with Database.open(data_dir) as database:
        services = Services(database, catalog, today=lambda: TODAY)
        services.plan.load_demo()
        services.backups.backup()
    damage_an_unread_index(data_dir / DATABASE_NAME)
    return data_dir


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The recovery dialog records what it says and answers `answers["accept"]`; quitting the
    app records the exit code."""
    seen: dict[str, Any] = {"accept": False, "texts": [], "exit": []}

    def exec_(self: RecoveryDialog) -> int:
        seen["texts"].append(self.text())
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    monkeypatch.setattr(RecoveryDialog, "accepted_recovery", lambda self: seen["accept"])
    monkeypatch.setattr(startup_check.QApplication, "exit", lambda code: seen["exit"].append(code))
    return seen


def opened(qtbot: Any, data_dir: Path) -> Running:
    running = launch(data_dir, today=lambda: TODAY)
    assert running is not None
    qtbot.addWidget(running.window)
    running.window.show()
    return running


def test_damage_found_after_the_plan_shows_stops_writes_and_quit_leaves_the_file(
    qtbot: Any, damaged_dir: Path, answers: dict[str, Any]
) -> None:
    path = damaged_dir / DATABASE_NAME
    before = path.read_bytes()
    running = opened(qtbot, damaged_dir)
    assert "overview" in running.window.pages  # the plan showed: its read missed the damage
    start_checks(running.window, running.services)
    qtbot.waitUntil(lambda: answers["exit"] == [QUIT_CODE])
    assert answers["texts"] == [
        "Your CareerPlanner data file is damaged (database disk image is malformed)."
    ]
    assert not running.window.isVisible()
    with pytest.raises(UnusableFileError, match="is damaged"):
        running.services.hours.add(WorkEntry(TODAY, 1.0))
    running.close()
    assert path.read_bytes() == before
    assert not list(damaged_dir.glob("*.damaged-*"))
    assert len(list((damaged_dir / "backups").iterdir())) == 1  # no backup of the damaged file


def test_accepting_restores_the_newest_backup_and_the_plan_is_read_again(
    qtbot: Any, damaged_dir: Path, answers: dict[str, Any]
) -> None:
    answers["accept"] = True
    running = opened(qtbot, damaged_dir)
    entries = len(running.services.hours.list())
    start_checks(running.window, running.services)
    qtbot.waitUntil(lambda: bool(running.window.statusBar().currentMessage()))
    assert (
        running.window.statusBar()
        .currentMessage()
        .endswith(
            "Your data was restored from the backup of "
            f"{running.services.backups.list()[0].describe()}."
        )
    )
    assert answers["exit"] == []
    assert len(list(damaged_dir.glob(f"{DATABASE_NAME}.damaged-*"))) == 1
    running.services.hours.add(WorkEntry(TODAY, 1.0))  # the restored file takes writes
    assert len(running.services.hours.list()) == entries + 1
    running.close()


def test_a_sound_file_is_backed_up_in_the_background(qtbot: Any, demo_dir: Path) -> None:
    running = opened(qtbot, demo_dir)
    start_checks(running.window, running.services)
    qtbot.waitUntil(lambda: bool(running.window.statusBar().currentMessage()))
    (made,) = (demo_dir / "backups").glob("careerplanner-*.sqlite3")
    assert running.window.statusBar().currentMessage() == f"Backed up your data to {made.name}"
    running.close()


def test_a_backup_that_cannot_be_made_is_told_on_the_status_line(
    qtbot: Any, demo_dir: Path
) -> None:
    (demo_dir / "backups").write_text("a file where the backups folder goes")
    running = opened(qtbot, demo_dir)
    start_checks(running.window, running.services)
    qtbot.waitUntil(lambda: bool(running.window.statusBar().currentMessage()))
    message = running.window.statusBar().currentMessage()
    assert message.startswith("The automatic backup could not be made: ")
    running.services.hours.add(WorkEntry(TODAY, 1.0))  # the file is sound: writes go on
    running.close()
