"""After start-up, off the GUI thread: the quick check of the data file, then the daily backup.

The window opens its database checking only the header and the revision, so the plan shows
sooner. This runs the full quick check once the plan shows; until it has passed, nothing is
written (a write runs the check itself first). Damage found stops every write and offers the
same recovery as at start-up: Quit closes the window and leaves the file as it is; accepting
keeps the damaged file aside, puts the newest sound backup (or empty data) in its place and
reads the plan again. Only a sound file is backed up; the backup's outcome, or why it could
not be made, shows on the status line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from careerplanner.services.backup_files import BackupInfo
from careerplanner.services.errors import DatabaseError
from careerplanner.services.recovery import found_damage, recover_open
from careerplanner.ui.common.background import QuietTask, run_quietly
from careerplanner.ui.files.recovery_dialog import offer_recovery

if TYPE_CHECKING:
    from careerplanner.services import Services
    from careerplanner.ui.main_window import MainWindow

QUIT_CODE = 1  # as when a damaged file is declined before the window opens


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the chores found: damage (nothing else was done), a backup, or why none."""

    damage: str | None = None
    backup: BackupInfo | None = None
    failure: str | None = None


def check_and_back_up(services: Services) -> Outcome:
    """The work itself, in any thread: check the file, then back it up if it is sound."""
    try:
        problem = found_damage(services.db)
        if problem is not None:
            return Outcome(damage=problem)
        return Outcome(backup=services.backups.auto_backup())
    except (OSError, DatabaseError) as error:  # busy, read-only or a full disk
        return Outcome(failure=str(error))


def start_checks(window: MainWindow, services: Services) -> QuietTask:
    """Start the check and the backup in a worker; their outcome is handled on the GUI thread."""
    return run_quietly(
        window,
        lambda _job: check_and_back_up(services),
        lambda done: report(window, services, done),
    )


def report(window: MainWindow, services: Services, outcome: Outcome) -> None:
    if outcome.damage is not None:
        recover_or_quit(window, services, outcome.damage)
        return
    services.plan.store_entry_columns()  # the copy kept for a fast start waited for the check
    if outcome.failure is not None:
        window.show_status(f"The automatic backup could not be made: {outcome.failure}")
    elif outcome.backup is not None:
        window.show_status(f"Backed up your data to {outcome.backup.path.name}")


def recover_or_quit(window: MainWindow, services: Services, problem: str) -> None:
    """Offer the recovery dialog; Quit closes the window, leaving the damaged file as it is."""
    if not offer_recovery(problem, services.db.data_dir, window):
        window.close()
        QApplication.exit(QUIT_CODE)
        return
    done = recover_open(services.db, services.bus)
    window.show_status(done.describe())
    if services.plan.is_empty():
        window.open_wizard()
