"""What is due within 90 days, each with Dismiss; and the start-up notice and automatic backup."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.reminders import Reminder
from careerplanner.storage.errors import DatabaseError
from careerplanner.ui.widgets import Card, muted

TONES = {"overdue": "#842029", "soon": "#664d03"}
EMPTY_TEXT = "Nothing is due in the next 90 days."


def reminder_label(reminder: Reminder, today: date) -> QLabel:
    label = QLabel(reminder.text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if reminder.overdue(today):
        label.setStyleSheet(f"color: {TONES['overdue']}; font-weight: bold;")
    elif reminder.days_left(today) <= 14:
        label.setStyleSheet(f"color: {TONES['soon']};")
    return label


class RemindersCard(Card):
    """The undismissed reminders, soonest first; Dismiss stores the dismissal."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__("Due in the next 90 days", parent)
        self.services = services
        self.rows: dict[str, QPushButton] = {}
        self.list_layout = QVBoxLayout()
        self.body.addLayout(self.list_layout)
        self.refresh()

    def reminders(self) -> tuple[Reminder, ...]:
        result: tuple[Reminder, ...] = self.services.reminders.list()
        return result

    def refresh(self) -> None:
        clear_layout(self.list_layout)
        self.rows = {}
        today = self.services.today()
        due = self.reminders()
        if not due:
            self.list_layout.addWidget(muted(EMPTY_TEXT))
            return
        for reminder in due:
            row = QHBoxLayout()
            row.addWidget(reminder_label(reminder, today), 1)
            button = QPushButton("Dismiss")
            button.setToolTip("Hide this reminder; a new date for the same thing reminds again.")
            button.clicked.connect(lambda _=False, key=reminder.key: self.dismiss(key))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.rows[reminder.key] = button
            self.list_layout.addLayout(row)

    def dismiss(self, key: str) -> None:
        self.services.reminders.dismiss(key)
        self.refresh()


def clear_layout(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class RemindersNotice(QDialog):
    """A non-modal notice at start-up listing what is due."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Coming up")
        self.setModal(False)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.card = RemindersCard(services, self)
        layout.addWidget(self.card)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_page = buttons.addButton(
            "Open CE && Renewals", QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)


def startup_tasks(window: Any, services: Any) -> RemindersNotice | None:
    """After the first paint: the automatic backup, then a notice if anything is due."""
    try:
        made = services.backups.auto_backup()
    except (OSError, DatabaseError) as error:  # busy, read-only or a full disk
        window.show_status(f"The automatic backup could not be made: {error}")
    else:
        if made is not None:
            window.show_status(f"Backed up your data to {made.path.name}")
    if not services.reminders.list():
        return None
    notice = RemindersNotice(services, window)
    notice.show_page.clicked.connect(lambda: (window.show_page("ce"), notice.close()))
    notice.show()
    window.reminders_notice = notice
    return notice
