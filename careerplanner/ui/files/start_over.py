"""File → Start over: back up everything, empty the plan, and open the setup wizard.

The question names what happens; the answer names the backup, so the way back is clear.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from careerplanner.domain.errors import ValidationError
from careerplanner.services.backup_files import BackupInfo

QUESTION = (
    "Start over with an empty plan?\n\n"
    "CareerPlanner first backs up everything you have entered. Then it removes every record "
    "(hours, education, licenses, CE, goals and scenarios) and opens the setup wizard.\n\n"
    "You can bring the old plan back at any time with File → Backups and restore…."
)


def confirm(parent: QWidget) -> bool:
    """Ask before starting over (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        "Start over?",
        QUESTION,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def done_message(info: BackupInfo) -> str:
    return (
        f"Your plan was backed up to {info.path.name} (in {info.path.parent}) and the plan is "
        "now empty. To go back, restore that backup with File → Backups and restore…."
    )


def tell(parent: QWidget, title: str, text: str) -> None:
    """Say how it went (tests replace this)."""
    QMessageBox.information(parent, title, text)


def start_over(window: Any) -> BackupInfo | None:
    """The whole command: ask, back up and empty, say where the backup is, open the wizard."""
    if not confirm(window):
        return None
    try:
        info: BackupInfo = window.services.backups.start_over()
    except (ValidationError, OSError) as error:
        message = str(error)
        tell(window, "Nothing to start over", message[:1].upper() + message[1:] + ".")
        return None
    window.undo_stack.clear()  # undo would bring back rows of the emptied plan
    window.show_status(f"Backed up to {info.path.name}; the plan is empty.")
    tell(window, "Started over", done_message(info))
    window.open_wizard()
    return info
