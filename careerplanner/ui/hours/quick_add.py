"""The quick-add bar: log a day's hours in one line and press Enter."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision, WorkEntry
from careerplanner.domain.validation import fmt_number, parse_number
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import FieldError, clear_on_edit, least_width
from careerplanner.ui.hours.fields import (
    employer_edit,
    select_value,
    set_employers,
    valid_hours,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
STRETCH = {"activity": 2, "setting": 2, "supervision": 2, "employer": 3, "notes": 4}


class QuickAddBar(QWidget):
    """Date (today), hours and the rest prefilled from the last entry; Enter saves."""

    submitted = Signal(object)  # a WorkEntry to add

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAdd")
        self._today = today
        self.date = DateField(today(), required=True, field="Date", key="start", today=today)
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("e.g. 8")
        self.hours.setMaximumWidth(80)
        self.activity = enum_combo(Activity)
        self.setting = enum_combo(Setting)
        self.supervision = enum_combo(Supervision)
        self.paid = QCheckBox("Paid")
        self.paid.setChecked(True)
        self.employer = employer_edit()
        self.employer.setMinimumWidth(170)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("Notes (optional)")
        self.notes.setMinimumWidth(120)
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Save this entry (Enter)")
        self.add_button.clicked.connect(self.submit)
        self.errors: dict[str, FieldError] = {}
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.grids = [QGridLayout(), QGridLayout()]  # the second holds the rest when narrow
        for grid in self.grids:
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(2)
            outer.addLayout(grid)
        fields: list[tuple[str, str, QWidget]] = [
            ("start", "Date", self.date),
            ("hours", "Hours", self.hours),
            ("activity", "Activity", self.activity),
            ("setting", "Setting", self.setting),
            ("supervision", "Supervised by", self.supervision),
            ("paid", "", self.paid),
            ("employer", "Employer", self.employer),
            ("notes", "Notes", self.notes),
        ]
        self.cells: list[tuple[str, QLabel, QWidget, FieldError]] = []
        for key, caption, widget in fields:
            caption_label = QLabel(caption)
            caption_label.setObjectName("muted")
            caption_label.setBuddy(widget)
            error = FieldError(self)
            self.errors[key] = error
            clear_on_edit(error, widget, valid_hours(widget) if key == "hours" else None)
            self.cells.append((key, caption_label, widget, error))
        self.errors["other"] = self.errors["notes"]
        self.two_rows = False
        self._place(two_rows=False)

    def _place(self, two_rows: bool) -> None:
        """Lay the fields out on one line, or on two (date to supervision, then the rest),
        each line with its own columns."""
        for grid in self.grids:
            for _key, caption, widget, error in self.cells:
                for item in (caption, widget, error):
                    grid.removeWidget(item)
            grid.removeWidget(self.add_button)
            for column in range(grid.columnCount()):
                grid.setColumnStretch(column, 0)
        groups = [self.cells[:5], self.cells[5:]] if two_rows else [self.cells]
        for grid, group in zip(self.grids, groups, strict=False):
            width = len(group) + (1 if group is groups[-1] else 0)
            for column, (key, caption, widget, error) in enumerate(group):
                grid.addWidget(caption, 0, column)
                grid.addWidget(widget, 1, column)
                grid.addWidget(error, 2, column, 1, width - column)
                grid.setColumnStretch(column, STRETCH.get(key, 0))
        last = self.grids[len(groups) - 1]
        last.addWidget(self.add_button, 1, len(groups[-1]))
        self.two_rows = two_rows

    def one_row_width(self) -> int:
        """How wide the bar must be to show every field on one line."""
        spacing = self.grids[0].horizontalSpacing()
        widths = [max(c.sizeHint().width(), least_width(w)) for _k, c, w, _e in self.cells]
        return sum(widths) + self.add_button.sizeHint().width() + spacing * len(widths)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = event.size().width() < self.one_row_width()
        if wanted != self.two_rows:
            self._place(two_rows=wanted)

    # --- values ---------------------------------------------------------------------------

    def entry(self) -> WorkEntry:
        """The entry as typed; raises ValidationError for hours that are not a number."""
        return WorkEntry(
            start=self.date.required_date(),
            hours=parse_number(self.hours.text(), "hours"),
            activity=Activity(self.activity.currentData()),
            setting=Setting(self.setting.currentData()),
            supervision=Supervision(self.supervision.currentData()),
            paid=self.paid.isChecked(),
            employer=self.employer.text(),
            notes=self.notes.text(),
        )

    def set_defaults(self, last: WorkEntry | None) -> None:
        """Today's date and, for the rest, the values of the last entry logged."""
        self.date.set_date(self._today())
        if last is None:
            return
        self.hours.setText(fmt_number(last.hours / last.span_days))
        select_value(self.activity, last.activity.value)
        select_value(self.setting, last.setting.value)
        select_value(self.supervision, last.supervision.value)
        self.paid.setChecked(last.paid)
        self.employer.setText(last.employer)
        self.notes.clear()

    def set_employers(self, employers: Iterable[str]) -> None:
        set_employers(self.employer, employers)

    # --- actions ------------------------------------------------------------------------

    def submit(self) -> None:
        self.clear_errors()
        try:
            entry = self.entry()
        except ValidationError as error:
            self.show_error(error)
            return
        self.submitted.emit(entry)

    def saved(self) -> None:
        """After a successful save: keep the values for the next entry, clear the notes."""
        self.clear_errors()
        self.notes.clear()
        self.hours.setFocus()
        self.hours.selectAll()

    def show_error(self, error: ValidationError) -> None:
        key = error.field if error.field in self.errors else "other"
        if error.field in ("end", "date"):
            key = "start"
        self.errors[key].show_error(error.message)
        widget = {"start": self.date, "hours": self.hours, "employer": self.employer}.get(key)
        (widget or self.notes).setFocus()

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()

    def focus(self) -> None:
        self.hours.setFocus()
        self.hours.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self.submit()
            event.accept()
            return
        super().keyPressEvent(event)
