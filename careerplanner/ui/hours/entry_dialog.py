"""The add/edit dialog for one work entry, with messages next to the fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.logbook import Supervisor
from careerplanner.domain.model import Activity, Setting, Supervision, WorkEntry
from careerplanner.domain.validation import fmt_number, parse_number
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import FieldError, clear_on_edit, muted
from careerplanner.ui.hours.clock_fields import ClockFields
from careerplanner.ui.hours.fields import (
    employer_edit,
    select_value,
    set_employers,
    valid_hours,
)

Saver = Callable[[WorkEntry], None]
"""Stores the entry; raises ValidationError (with the field) when it is refused."""


class EntryDialog(QDialog):
    """New entry (entry.id == 0) or an edit of an existing one; nothing is saved until valid."""

    def __init__(
        self,
        entry: WorkEntry,
        save: Saver,
        employers: Iterable[str] = (),
        parent: QWidget | None = None,
        supervisors: Sequence[Supervisor] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New entry" if entry.id == 0 else "Edit entry")
        self.setMinimumWidth(460)
        self._entry = entry
        self._save = save
        self.start = DateField(entry.start, required=True, field="Date", key="start")
        self.end = DateField(entry.end, field="Until", key="end")
        self.end.setToolTip(
            "For a span of days (a week, a pay period): its last day. Leave empty for one day."
        )
        self.hours = QLineEdit(fmt_number(entry.hours) if entry.hours else "")
        self.hours.setPlaceholderText("Hours worked on the day, or in the whole span")
        self.activity = enum_combo(Activity)
        self.setting = enum_combo(Setting)
        self.supervision = enum_combo(Supervision)
        self.paid = QCheckBox("Paid work")
        self.employer = employer_edit()
        set_employers(self.employer, employers)
        self.notes = QPlainTextEdit(entry.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.clock = ClockFields(supervisors, self)
        self.clock.fill(entry)
        self.errors: dict[str, FieldError] = {}
        self._fill(entry)
        self._build()

    def _fill(self, entry: WorkEntry) -> None:
        select_value(self.activity, entry.activity.value)
        select_value(self.setting, entry.setting.value)
        select_value(self.supervision, entry.supervision.value)
        self.paid.setChecked(entry.paid)
        self.employer.setText(entry.employer)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Log one day, or a span such as a week or a pay period: the hours are spread "
                "evenly over its days. No day may add up to more than 24 hours."
            )
        )
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("start", "Date (first day)", self.start),
            ("end", "Until (optional)", self.end),
            ("hours", "Hours", self.hours),
            *self.clock.rows(),
            ("activity", "Activity", self.activity),
            ("setting", "Setting", self.setting),
            ("supervision", "Supervised by", self.supervision),
            ("paid", "", self.paid),
            ("employer", "Employer", self.employer),
            ("notes", "Notes", self.notes),
        ]
        for key, caption, widget in rows:
            form.addRow(caption, widget)
            error = FieldError(self)
            self.errors[key] = error
            form.addRow("", error)
            clear_on_edit(error, widget, valid_hours(widget) if key == "hours" else None)
        layout.addLayout(form)
        self.general_error = FieldError(self)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        if self._entry.verified:
            note = QLabel(f"Verified by {self._entry.verified_by}: this entry is locked.")
            note.setObjectName("fieldError")
            layout.insertWidget(0, note)

    def entry(self) -> WorkEntry:
        """The entry as typed; raises ValidationError for hours that are not a number."""
        timed = self.clock.timed()  # then the hours follow the clock times
        return replace(
            self.clock.apply(self._entry),
            start=self.start.required_date(),
            end=self.end.date(),
            hours=0.0 if timed else parse_number(self.hours.text(), "hours"),
            activity=Activity(self.activity.currentData()),
            setting=Setting(self.setting.currentData()),
            supervision=Supervision(self.supervision.currentData()),
            paid=self.paid.isChecked(),
            employer=self.employer.text(),
            notes=self.notes.toPlainText(),
        )

    def try_save(self) -> None:
        """Save and close, or show why not next to the field and stay open."""
        for error in (*self.errors.values(), self.general_error):
            error.clear_error()
        try:
            self._save(self.entry())
        except ValidationError as error:
            self.show_error(error)
            return
        self.accept()

    def show_error(self, error: ValidationError) -> None:
        target = self.errors.get(error.field or "", self.general_error)
        if error.field == "date":
            target = self.errors["start"]
        target.show_error(error.message)


def blank_entry(today: date, last: WorkEntry | None) -> WorkEntry:
    """A new entry for today, with the other values of the last entry logged."""
    if last is None:
        return WorkEntry(start=today, hours=0.0)
    return replace(
        last,
        id=0,
        start=today,
        end=None,
        hours=last.hours / last.span_days,
        notes="",
        verified_by="",
        verified_credential="",
        verified_on=None,
    )
