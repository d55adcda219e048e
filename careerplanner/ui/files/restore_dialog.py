"""The restore screen: the backups with their dates and entry counts, Back up now, Restore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.services.backup_files import BackupInfo
from careerplanner.services.errors import DatabaseError
from careerplanner.ui.common.background import BackgroundTask, run_in_background
from careerplanner.ui.common.widgets import FieldError, muted

if TYPE_CHECKING:
    from careerplanner.services import Services

COLUMNS = ("Made", "Why", "Entries", "Hours", "CE", "Can be restored")


def backup_cells(info: BackupInfo) -> tuple[str, ...]:
    def count(value: float | None, pattern: str = "{:,}") -> str:
        return "" if value is None else pattern.format(value)

    return (
        f"{info.made_at:%Y-%m-%d %H:%M}",
        info.kind.capitalize(),
        count(info.entries),
        count(info.hours, "{:,.1f}"),
        count(info.ce),
        "Yes" if info.sound else f"No — {info.problem}",
    )


class RestoreDialog(QDialog):
    """Every backup, newest first; Restore replaces the data after backing up the current one."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.backups: list[BackupInfo] = []
        self.setWindowTitle("Backups and restore")
        self.setMinimumSize(720, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "CareerPlanner backs up your data once a day when it changed, and keeps the last "
                "7 daily, 4 weekly and 12 monthly automatic copies; a backup you make here is "
                "kept until you delete it. Restoring checks the backup first, then backs up your "
                "data as it is now, so a restore can be undone."
            )
        )
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.message = FieldError(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore…")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.status = muted()
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        self.backups = self.services.backups.list()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            for column, text in enumerate(backup_cells(info)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not self.backups:
            self.status.setText("No backups yet. The first one is made once you have data.")
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        current = self.selected()
        self.restore_button.setEnabled(current is not None and current.sound)

    def back_up_now(self) -> BackgroundTask[BackupInfo]:
        """Back up in the background (a large plan takes a while); Cancel keeps no copy."""
        self.message.clear_error()
        self.backup_button.setEnabled(False)
        backups = self.services.backups
        return run_in_background(
            self, "Backing up your data…", lambda job: backups.backup(progress=job.report),
            self._backed_up, on_error=self._backup_failed, on_cancelled=self._backup_cancelled,
        )  # fmt: skip

    def _backed_up(self, info: BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self.status.setText(f"Backed up to {info.path.name}.")

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.message.show_error(f"The backup was not made: {error}")

    def _backup_cancelled(self) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText("Backup cancelled: no copy was kept.")

    def confirm(self, info: BackupInfo) -> bool:
        """Ask before restoring (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Replace your data with the backup of {info.describe()}?\n\n"
            "Your data as it is now is backed up first, so you can go back to it.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(info):
            return
        self.message.clear_error()
        try:
            safety = self.services.backups.restore(info.path)
        except (ValidationError, DatabaseError, OSError) as error:
            self.message.show_error(f"The backup was not restored: {error}")
            return
        self.refresh()
        self.status.setText(
            f"Restored the backup of {info.made_at:%Y-%m-%d %H:%M}. Your data as it was before is "
            f"in {safety.path.name}."
        )
