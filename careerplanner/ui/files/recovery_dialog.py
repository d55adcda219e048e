"""At start-up, a damaged data file: offer the newest sound backup (or empty data) in its place.

Kept apart from the restore screen, so opening the plan loads no backup machinery: the
services that find and restore backups are imported only once a file proves damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from careerplanner.services.errors import DatabaseError
from careerplanner.ui.common.dialogs import DATABASE_TITLE, DatabaseErrorDialog

if TYPE_CHECKING:
    from careerplanner.services.backup_files import BackupInfo

T = TypeVar("T")


class RecoveryDialog(DatabaseErrorDialog):
    """At start-up, a damaged data file: offer the newest sound backup (or empty data)."""

    def __init__(
        self,
        problem: str,
        newest: BackupInfo | None,
        data_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        what = f"Your CareerPlanner data file is damaged ({problem})."
        if newest is None:
            advice = (
                "No sound backup was found. CareerPlanner can keep the damaged file aside (it is "
                "not deleted) and start with empty data, or quit and leave everything as it is."
            )
        else:
            advice = (
                f"The newest sound backup is from {newest.describe()}. CareerPlanner can keep "
                "the damaged file aside (it is not deleted) and restore that backup, or quit and "
                "leave everything as it is."
            )
        super().__init__(DATABASE_TITLE, what, f"{advice}\n\nData folder: {data_dir}", parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setStandardButtons(QMessageBox.StandardButton.NoButton)
        label = "Restore the backup" if newest else "Start with empty data"
        self.accept_button = self.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.accept_button)

    def accepted_recovery(self) -> bool:
        return self.clickedButton() is self.accept_button


def open_with_recovery(data_dir: Path, open_with: Callable[[Path], T]) -> T:
    """`open_with(data_dir)` (which opens the database); if the file is damaged, offer
    recovery and open the restored one.

    Raises DatabaseError when the database is refused for another reason, and
    `RecoveryDeclined` when it is damaged and the user chose to quit (already told why).
    """
    try:
        return open_with(data_dir)
    except DatabaseError:
        from careerplanner.services.recovery import damage

        problem = damage(data_dir)
        if problem is None:
            raise
    if not offer_recovery(problem, data_dir):
        raise RecoveryDeclined(problem)
    from careerplanner.services.recovery import recover

    recover(data_dir)
    return open_with(data_dir)


def offer_recovery(problem: str, data_dir: Path, parent: QWidget | None = None) -> bool:
    """Ask whether to put the newest sound backup (or empty data) in place of the damaged file."""
    from careerplanner.services.recovery import newest_sound_backup

    dialog = RecoveryDialog(problem, newest_sound_backup(data_dir), data_dir, parent)
    dialog.exec()
    return dialog.accepted_recovery()


class RecoveryDeclined(Exception):
    """The data file is damaged and the user chose to quit; nothing was changed."""
