"""What is due within 90 days, each with Dismiss (and the dismissed ones, each with Restore);
and, after start-up, a notice of what is due, at most once a day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

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
from careerplanner.ui.common.widgets import Card, muted

if TYPE_CHECKING:
    from careerplanner.services import Services

TONES = {"overdue": "#842029", "soon": "#664d03"}
EMPTY_TEXT = "Nothing is due in the next 90 days."
NOTICE_KEY = "reminders/notice-shown-on"
TIPS = {
    "Dismiss": "Hide this reminder; a new date for the same thing reminds again.",
    "Restore": "Show this reminder again",
}


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
    """The undismissed reminders, soonest first; Dismiss stores the dismissal. "Show dismissed"
    lists the dismissed ones that are still due, each with Restore."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Due in the next 90 days", parent)
        self.services = services
        self.rows: dict[str, QPushButton] = {}
        self.restore_rows: dict[str, QPushButton] = {}
        self.list_layout = QVBoxLayout()
        self.body.addLayout(self.list_layout)
        self.dismissed_layout = QVBoxLayout()
        self.body.addLayout(self.dismissed_layout)
        self.show_dismissed = QPushButton()
        self.show_dismissed.setCheckable(True)
        self.show_dismissed.setFlat(True)
        self.show_dismissed.toggled.connect(lambda _on: self.refresh())
        self.body.addWidget(self.show_dismissed, 0, Qt.AlignmentFlag.AlignLeft)
        self._shown: tuple[object, ...] | None = None  # what the rows show
        self.refresh()

    def reminders(self) -> tuple[Reminder, ...]:
        result: tuple[Reminder, ...] = self.services.reminders.list()
        return result

    def dismissed(self) -> tuple[Reminder, ...]:
        """Reminders still due that the user dismissed, soonest first."""
        shown = {r.key for r in self.reminders()}
        return tuple(r for r in self.services.reminders.all() if r.key not in shown)

    def refresh(self) -> None:
        """Show the reminders due now; the rows stay as they are when nothing differs."""
        today = self.services.today()
        due = self.reminders()
        hidden = self.dismissed()
        showing = self.show_dismissed.isChecked() and bool(hidden)
        shown = (today, due, hidden, showing)
        if shown == self._shown:
            return
        self._shown = shown
        self.rows = self._fill(self.list_layout, due, "Dismiss", self.dismiss, today)
        if not due:
            self.list_layout.addWidget(muted(EMPTY_TEXT))
        self.show_dismissed.setVisible(bool(hidden))
        count = len(hidden)
        self.show_dismissed.setText("Hide dismissed" if showing else f"Show dismissed ({count})")
        self.restore_rows = self._fill(
            self.dismissed_layout, hidden if showing else (), "Restore", self.restore, today
        )

    def _fill(
        self, layout: QVBoxLayout, items: tuple[Reminder, ...], action: str, slot: Any, today: date
    ) -> dict[str, QPushButton]:
        """One row per reminder: its text and a button (Dismiss or Restore)."""
        clear_layout(layout)
        buttons: dict[str, QPushButton] = {}
        for reminder in items:
            row = QHBoxLayout()
            label = reminder_label(reminder, today)
            if action == "Restore":
                label.setObjectName("muted")
            row.addWidget(label, 1)
            button = QPushButton(action)
            button.setToolTip(TIPS[action])
            button.clicked.connect(lambda _=False, key=reminder.key: slot(key))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            buttons[reminder.key] = button
            layout.addLayout(row)
        return buttons

    def dismiss(self, key: str) -> None:
        self.services.reminders.dismiss(key)
        self.refresh()

    def restore(self, key: str) -> None:
        self.services.reminders.undismiss(key)
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

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
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


def startup_tasks(window: Any, services: Services) -> RemindersNotice | None:
    """After the first paint: a notice if anything is due (the backup runs in the background,
    see `ui.files.startup_check`)."""
    if not services.reminders.list() or not _notice_due(window, services.today()):
        return None
    notice = RemindersNotice(services, window)
    notice.show_page.clicked.connect(lambda: (window.show_page("ce"), notice.close()))
    notice.show()
    window.reminders_notice = notice
    return notice


def _notice_due(window: Any, today: date) -> bool:
    """True at most once a day: the notice records the day it was last shown."""
    settings = getattr(window, "settings", None)
    if settings is None:
        return True
    if settings.value(NOTICE_KEY) == today.isoformat():
        return False
    settings.setValue(NOTICE_KEY, today.isoformat())
    return True
