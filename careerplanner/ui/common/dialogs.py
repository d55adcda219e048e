"""Dialogs for problems that stop the app: a database it cannot open, or one already in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

LOCKED_TITLE = "CareerPlanner is already open"
DATABASE_TITLE = "CareerPlanner can't open your data"


def locked_message(data_dir: Path) -> tuple[str, str]:
    """What happened and what to do when another running CareerPlanner holds the data folder."""
    what = (
        "Another CareerPlanner window is already using your data folder. "
        "Only one copy may change your records at a time, so this one will not start."
    )
    advice = (
        "Switch to the CareerPlanner window that is already open. If you closed it a moment "
        "ago, wait a few seconds and start CareerPlanner again.\n\n"
        f"Data folder: {data_dir}"
    )
    return what, advice


def database_message(message: str, data_dir: Path) -> tuple[str, str]:
    """Split the storage layer's explanation into what happened and what to do."""
    advice = (
        "Your file was left exactly as it was; CareerPlanner has not started so that nothing "
        "can be lost. Follow the advice above, then start CareerPlanner again.\n\n"
        f"Data folder: {data_dir}"
    )
    return message, advice


class DatabaseErrorDialog(QMessageBox):
    """A critical message box: title, what happened (text), what to do (informative text)."""

    def __init__(self, title: str, what: str, advice: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(title)
        self.setText(what)
        self.setInformativeText(advice)
        self.setStandardButtons(QMessageBox.StandardButton.Close)

    @classmethod
    def for_lock(cls, data_dir: Path) -> DatabaseErrorDialog:
        return cls(LOCKED_TITLE, *locked_message(data_dir))

    @classmethod
    def for_database(cls, message: str, data_dir: Path) -> DatabaseErrorDialog:
        return cls(DATABASE_TITLE, *database_message(message, data_dir))
