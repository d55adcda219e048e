"""The one date input of the app: type an ISO or local date, or pick one from a calendar.

A `DateField` is a line edit, so typing, selecting and pasting behave as in any text field and
Tab moves on to the next field. It accepts ISO dates (2020-05-15, 20200515) and the user's locale
formats (5/15/2020); an empty field means "not set" (refused in required mode). `date()` returns
the date, None when empty, and raises `ValidationError` in the user's words for text that is no
date. The calendar (the button, F4 or Alt+Down) opens at the field's date, or today when empty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from careerplanner.domain.errors import ValidationError

NOT_SET = "Not set"
Day = date  # the class below has a method named `date`


def parse_local_date(text: str, today: date, locale: QLocale | None = None) -> date | None:
    """The date `text` names in ISO or the locale's short or long form; None if it names none.

    A two-digit year is taken in this century unless that puts it over 20 years after `today`.
    """
    cleaned = text.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    locale = locale or QLocale()
    for kind in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        found = _by_format(cleaned, locale, locale.dateFormat(kind), today)
        if found is not None:
            return found
    return None


def _by_format(text: str, locale: QLocale, pattern: str, today: date) -> date | None:
    """Parse with a locale pattern, accepting a four-digit year where it has two."""
    if "yyyy" not in pattern:
        four_digit = locale.toDate(text, pattern.replace("yy", "yyyy"))
        if four_digit.isValid():
            return _to_date(four_digit)
    found = locale.toDate(text, pattern)
    if not found.isValid():
        return None
    if "yyyy" not in pattern:
        year = found.year() % 100 + 2000  # Qt reads "yy" as 19yy
        if year > today.year + 20:
            year -= 100
        found = found.addYears(year - found.year())
    return _to_date(found)


def _to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def _calendar_icon(palette: QPalette) -> QIcon:
    """A small calendar sheet drawn in the text colour, so it suits light and dark themes."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QColor(palette.color(QPalette.ColorRole.Text))
    painter.setPen(colour)
    painter.drawRect(1, 3, 13, 11)
    painter.fillRect(1, 3, 14, 3, colour)
    for x in (4, 8, 12):
        for y in (8, 11):
            painter.fillRect(x - 1, y, 2, 2, colour)
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A date typed or picked; `date()` is the value, `set_date()` sets it (None: not set)."""

    dateChanged = Signal(object)  # date | None, whenever the text names another value

    def __init__(
        self,
        day: date | None = None,
        *,
        required: bool = False,
        field: str = "Date",
        key: str | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.required, self.field, self._today = required, field, today
        self.key = key or field  # the field an error names, for the form to place it
        self._last: date | None = day
        self.calendar: QCalendarWidget | None = None  # while the calendar is open
        self.setPlaceholderText("YYYY-MM-DD" if required else NOT_SET)
        self.setClearButtonEnabled(not required)
        self.setToolTip("Type a date such as 2020-05-15, or pick one from the calendar (F4).")
        self._pick = QAction(_calendar_icon(self.palette()), "Pick a date", self)
        self._pick.triggered.connect(self.open_calendar)
        self.addAction(self._pick, QLineEdit.ActionPosition.TrailingPosition)
        icons = 2 if not required else 1  # the calendar, and the clear button when optional
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 16 + 24 * icons)
        self.set_date(day)
        self.textChanged.connect(self._on_text)
        self.editingFinished.connect(self._normalise)

    def date(self) -> date | None:
        """The date shown; None when empty; `ValidationError` for text that names no date."""
        text = self.text().strip()
        if not text:
            if self.required:
                raise self._empty_error()
            return None
        found = parse_local_date(text, self._today())
        if found is None:
            raise ValidationError(
                f"{self.field}: '{text[:40]}' is not a date; type it as 2020-05-15", self.key
            )
        return found

    def required_date(self) -> Day:
        """The date, for a required field: `ValidationError` when empty or not a date."""
        value = self.date()
        if value is None:
            raise self._empty_error()
        return value

    def _empty_error(self) -> ValidationError:
        return ValidationError(f"{self.field} is empty: type a date such as 2020-05-15", self.key)

    def set_date(self, day: Day | None) -> None:
        self.setText("" if day is None else day.isoformat())
        self._last = day  # also right while signals are blocked

    def valid_date(self) -> Day | None:
        """The date, or None while the field is empty or its text names no date."""
        return self.date() if self.is_valid() else None

    def is_valid(self) -> bool:
        try:
            self.date()
        except ValidationError:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.is_valid():
            start = self.date() or self._today()
            self.set_date(start + timedelta(days=1 if key == Qt.Key.Key_Up else -1))
        elif key == Qt.Key.Key_Delete and self._delete_clears():
            self.clear()
        else:
            super().keyPressEvent(event)

    def _delete_clears(self) -> bool:
        """Delete empties the field when nothing lies ahead of the cursor or all is selected."""
        whole = self.selectedText() == self.text()
        return not self.required and (whole or self.cursorPosition() == len(self.text()))

    def open_calendar(self) -> None:
        """Show the calendar below the field, at the field's date or today when not set."""
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        start = self.valid_date() or self._today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.clicked.connect(lambda picked: self._picked(picked, menu))
        calendar.activated.connect(lambda picked: self._picked(picked, menu))
        self.calendar = calendar
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        calendar.setFocus()

    def _picked(self, picked: QDate, menu: QMenu) -> None:
        self.set_date(_to_date(picked))
        menu.close()
        self.setFocus()

    def _on_text(self, _text: str) -> None:
        if not self.is_valid():
            return
        value = self.date()
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    def _normalise(self) -> None:
        """Once the user moves on, a typed date is shown in ISO form."""
        value = self.valid_date()
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())
