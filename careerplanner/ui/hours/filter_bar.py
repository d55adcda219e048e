"""The filter bar above the hours table: text, date range, setting and employer."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from careerplanner.domain.labels import label
from careerplanner.domain.model import Setting
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import least_width
from careerplanner.ui.hours.filtering import HoursFilter

_ANY = "\x00any"
NO_EMPLOYER = "(no employer)"


SEARCH_TIP = (
    "Shows the entries whose employer, notes, supervisor's name, verifier, activity, setting "
    "or supervision contain every word typed"
)


class FilterBar(QWidget):
    """Emits `changed` with the new HoursFilter whenever one of its fields changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Search employer, notes, setting… (Ctrl+F)")
        self.text.setToolTip(SEARCH_TIP)
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Search entries")
        self.since = DateField(field="From")
        self.since.setToolTip("Only entries on or after this day")
        self.until = DateField(field="To")
        self.until.setToolTip("Only entries on or before this day")
        self.setting = QComboBox()
        self.setting.setAccessibleName("Show entries of setting")
        self.setting.addItem("All settings", _ANY)
        for member in Setting:
            self.setting.addItem(label(member.value), member.value)
        self.employer = QComboBox()
        self.employer.setMinimumContentsLength(14)
        self.employer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.employer.setAccessibleName("Show entries of employer")
        self.employer.addItem("All employers", _ANY)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setToolTip("Show every entry again")
        self._build()
        self.text.textChanged.connect(self._emit)
        self.since.dateChanged.connect(self._emit)
        self.until.dateChanged.connect(self._emit)
        self.setting.currentIndexChanged.connect(self._emit)
        self.employer.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _build(self) -> None:
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(6)
        self.text.setMinimumWidth(180)
        self.rest: list[QWidget] = []
        for caption, widget in (("From", self.since), ("to", self.until)):
            caption_label = QLabel(caption)
            caption_label.setBuddy(widget)
            self.rest += [caption_label, widget]
        self.rest += [self.setting, self.employer, self.clear_button]
        self.two_rows = False
        self._place(two_rows=False)

    def _place(self, two_rows: bool) -> None:
        """The search and the rest on one line, or, when narrow, the search and Clear above
        the dates and choices."""
        for widget in (self.text, *self.rest):
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        offset = 0 if two_rows else 1
        below = self.rest[:-1] if two_rows else self.rest
        self.grid.addWidget(self.text, 0, 0, 1, len(below) - 1 if two_rows else 1)
        if two_rows:  # above the employer choice, so that the line below keeps its room
            self.grid.addWidget(self.clear_button, 0, len(below) - 1, Qt.AlignmentFlag.AlignRight)
        for column, widget in enumerate(below, start=offset):
            self.grid.addWidget(widget, 1 if two_rows else 0, column)
        self.grid.setColumnStretch(0, 3 if not two_rows else 0)
        for widget in (self.setting, self.employer):
            self.grid.setColumnStretch(self.rest.index(widget) + offset, 1)
        self.two_rows = two_rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        spacing = self.grid.horizontalSpacing() or 6
        needed = sum(least_width(w) + spacing for w in (self.text, *self.rest))
        wanted = event.size().width() < needed
        if wanted != self.two_rows:
            self._place(two_rows=wanted)

    def value(self) -> HoursFilter:
        setting = self.setting.currentData()
        employer = self.employer.currentData()
        return HoursFilter(
            text=self.text.text(),
            since=self.since.valid_date(),
            until=self.until.valid_date(),
            setting="" if setting == _ANY else str(setting),
            employer=None if employer == _ANY else str(employer),
        )

    def set_employers(self, employers: Iterable[str]) -> None:
        """Offer these employers, keeping the current choice when it is still there."""
        current = self.employer.currentData()
        names = sorted(set(employers), key=str.casefold)
        self.employer.blockSignals(True)
        self.employer.clear()
        self.employer.addItem("All employers", _ANY)
        for name in names:
            self.employer.addItem(name or NO_EMPLOYER, name)
        index = self.employer.findData(current)
        self.employer.setCurrentIndex(max(0, index))
        self.employer.blockSignals(False)
        if index < 0 and current != _ANY:
            self._emit()

    def clear(self) -> None:
        for widget in (self.text, self.since, self.until, self.setting, self.employer):
            widget.blockSignals(True)
        self.text.clear()
        self.since.set_date(None)
        self.until.set_date(None)
        self.setting.setCurrentIndex(0)
        self.employer.setCurrentIndex(0)
        for widget in (self.text, self.since, self.until, self.setting, self.employer):
            widget.blockSignals(False)
        self._emit()

    def focus(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.value())
