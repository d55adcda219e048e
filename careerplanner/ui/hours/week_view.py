"""The week view: one week of the hours log as a timesheet grid, days across and entries
down, with each day's total; a cell edited to "7.5" or "08:00-16:00" corrects that entry
(through the hours service, so the 24 h and overlap checks apply).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.clock import hhmm, parse_hhmm
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.domain.validation import parse_number
from careerplanner.ui.common.widgets import FieldError, format_hours, heading, muted

if TYPE_CHECKING:
    from careerplanner.services import Services

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def week_of(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def cell_text(entry: WorkEntry) -> str:
    if entry.start_time and entry.end_time:
        return f"{hhmm(entry.start_time)}-{hhmm(entry.end_time)} ({format_hours(entry.hours)} h)"
    return f"{format_hours(entry.hours)} h" + (" (span)" if entry.end else "")


def corrected(entry: WorkEntry, text: str) -> WorkEntry:
    """The entry as a typed cell says: "7.5" (hours) or "08:00-16:00" (clock times)."""
    typed = text.split("(")[0].strip().replace("–", "-")
    if "-" in typed and ":" in typed:
        began, _, ended = typed.partition("-")
        return replace(
            entry,
            start_time=parse_hhmm(began, "start time"),
            end_time=parse_hhmm(ended, "end time"),
        )
    hours = parse_number(typed.removesuffix("h").strip(), "hours")
    return replace(entry, hours=hours, start_time=None, end_time=None, break_minutes=0)


class WeekView(QWidget):
    """Days × entries for the week starting `monday`."""

    def __init__(self, services: Services, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.monday = week_of(today)
        self.grid = QTableWidget(0, 7)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.error = FieldError(self)
        self.total = muted()
        buttons = QHBoxLayout()
        for text, step in (("◀ Previous week", -7), ("This week", 0), ("Next week ▶", 7)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=step: self.move_week(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.total)
        self.grid.itemChanged.connect(self._edited)
        self.refresh()

    def move_week(self, days: int) -> None:
        self.monday = week_of(self.today) if days == 0 else self.monday + timedelta(days=days)
        self.refresh()

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def refresh(self) -> None:
        days = self.days()
        by_day: dict[date, list[WorkEntry]] = {d: [] for d in days}
        for entry in self.services.hours.list():
            if entry.start in by_day:
                by_day[entry.start].append(entry)
        for entries in by_day.values():
            entries.sort(key=lambda e: (e.start_time is None, e.start_time or 0, e.id))
        self._fill(days, by_day)

    def _fill(self, days: Sequence[date], by_day: dict[date, list[WorkEntry]]) -> None:
        self.grid.blockSignals(True)
        rows = max((len(v) for v in by_day.values()), default=0)
        self.grid.clear()
        self.grid.setRowCount(rows + 1)
        labels = [f"{d:%a} {d:%b} {d.day} · {format_hours(sum(e.hours for e in by_day[d]))} h"
                  for d in days]  # fmt: skip
        self.grid.setHorizontalHeaderLabels(labels)
        for column, day in enumerate(days):
            for row, entry in enumerate(by_day[day]):
                item = QTableWidgetItem(cell_text(entry))
                item.setData(ENTRY_ROLE, entry)
                item.setToolTip(entry.employer or "")
                if entry.verified:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setToolTip("Verified: unlock it on the Hours page to change it")
                self.grid.setItem(row, column, item)
            for row in range(len(by_day[day]), rows + 1):
                blank = QTableWidgetItem("")
                blank.setFlags(blank.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grid.setItem(row, column, blank)
        self.grid.blockSignals(False)
        total = sum(e.hours for v in by_day.values() for e in v)
        first, last = days[0], days[-1]
        self.title.setText(f"Week of {first:%b} {first.day} – {last:%b} {last.day}, {last.year}")
        self.total.setText(
            f"{format_hours(total)} h this week. Double-click an entry and type 7.5 or "
            "08:00-16:00 to correct it."
        )

    def _edited(self, item: QTableWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if not isinstance(entry, WorkEntry):
            return
        try:
            self.services.hours.update(corrected(entry, item.text()))
        except ValidationError as error:
            self.error.show_error(error.message)
        else:
            self.error.clear_error()
        self.refresh()


class WeekDialog(QDialog):
    def __init__(self, services: Services, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Week view")
        self.resize(1040, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Week view", level=2))
        self.view = WeekView(services, today, self)
        layout.addWidget(self.view, 1)
