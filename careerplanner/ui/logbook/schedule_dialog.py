"""The dialog to add a regular schedule: weekdays, clock times, a break, from a first day
(to a last one), with a supervisor and employer record; the start-up prompt then offers to
log its days."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from careerplanner.domain.clock import parse_hhmm
from careerplanner.domain.logbook import WEEKDAYS, Schedule, Supervisor
from careerplanner.domain.model import Activity
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.hours.cells import supervisor_choice
from careerplanner.ui.hours.lock_dialogs import FormDialog

if TYPE_CHECKING:
    from careerplanner.services import Services


class ScheduleDialog(FormDialog):
    def __init__(self, services: Services, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add schedule",
            "A regular week, such as Mon–Thu 08:00–16:30 with a 30 min break. On start-up the "
            "app offers to log last week's scheduled days; you can skip a day.",
            parent,
        )
        self.services = services
        self.result_text = ""
        self.days: dict[str, QCheckBox] = {}
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for day in WEEKDAYS:
            self.days[day] = box = QCheckBox(day.capitalize())
            box.setChecked(day in ("mon", "tue", "wed", "thu", "fri"))
            line.addWidget(box)
        self.start_time = QLineEdit("08:00")
        self.end_time = QLineEdit("16:30")
        self.break_minutes = QSpinBox()
        self.break_minutes.setRange(0, 600)
        self.break_minutes.setValue(30)
        self.break_minutes.setSuffix(" min")
        self.first = DateField(today, required=True, field="From")
        self.last = DateField(field="Until")
        self.activity = enum_combo(Activity)
        self.supervisor = _records(services.supervisors.list(), "(none named)")
        self.employer = _records(services.employers.list(), "(none named)")
        for key, caption, widget in (
            ("weekdays", "Days", row),
            ("start time", "Start time", self.start_time),
            ("end time", "End time", self.end_time),
            ("break minutes", "Break", self.break_minutes),
            ("from", "From", self.first),
            ("until", "Until (optional)", self.last),
            ("activity", "Activity", self.activity),
            ("supervisor", "Supervisor", self.supervisor),
            ("employer", "Employer", self.employer),
        ):
            self.add_field(key, caption, widget)
        self.finish("Add")

    def value(self) -> Schedule:
        return Schedule(
            weekdays=",".join(d for d, box in self.days.items() if box.isChecked()),
            start_time=parse_hhmm(self.start_time.text(), "start time"),
            end_time=parse_hhmm(self.end_time.text(), "end time"),
            start=self.first.required_date(),
            end=self.last.date(),
            break_minutes=self.break_minutes.value(),
            supervisor_id=self.supervisor.currentData(),
            employer_id=self.employer.currentData(),
            activity=Activity(self.activity.currentData()),
        )

    def act(self) -> None:
        made = self.services.schedules.add(self.value())
        self.result_text = f"Added a schedule ({made.weekdays})"


def _records(records: Any, none: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none, None)
    for record in records:
        text = supervisor_choice(record) if isinstance(record, Supervisor) else record.name
        combo.addItem(text, record.id)
    return combo
