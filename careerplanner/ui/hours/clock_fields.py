"""The entry dialog's clock times, break and supervisor: typed as HH:MM (both or neither), a
break in minutes, and a supervisor record chosen by name (their credential then decides the
entry's supervision, in the hours service)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from careerplanner.domain.clock import hhmm, parse_hhmm
from careerplanner.domain.logbook import Supervisor
from careerplanner.domain.model import WorkEntry
from careerplanner.ui.hours.cells import supervisor_choice


class ClockFields:
    def __init__(self, supervisors: Sequence[Supervisor], parent: QWidget | None = None) -> None:
        self.start_time = QLineEdit(parent)
        self.start_time.setPlaceholderText("HH:MM (optional)")
        self.end_time = QLineEdit(parent)
        self.end_time.setPlaceholderText("HH:MM")
        self.break_minutes = QSpinBox(parent)
        self.break_minutes.setRange(0, 24 * 60)
        self.break_minutes.setSuffix(" min")
        self.supervisor = QComboBox(parent)
        self.supervisor.addItem("(none named)", None)
        for s in supervisors:
            self.supervisor.addItem(supervisor_choice(s), s.id)

    def rows(self) -> list[tuple[str, str, QWidget]]:
        return [
            ("start time", "Start time", self.start_time),
            ("end time", "End time", self.end_time),
            ("break minutes", "Break", self.break_minutes),
            ("supervisor", "Supervisor", self.supervisor),
        ]

    def fill(self, entry: WorkEntry) -> None:
        self.start_time.setText(hhmm(entry.start_time) if entry.start_time else "")
        self.end_time.setText(hhmm(entry.end_time) if entry.end_time else "")
        self.break_minutes.setValue(entry.break_minutes)
        index = self.supervisor.findData(entry.supervisor_id)
        self.supervisor.setCurrentIndex(max(index, 0))

    def timed(self) -> bool:
        return bool(self.start_time.text().strip() or self.end_time.text().strip())

    def apply(self, entry: WorkEntry) -> WorkEntry:
        """The entry with the times, break and supervisor as typed (hours follow the clock)."""
        began, ended = self.start_time.text().strip(), self.end_time.text().strip()
        return replace(
            entry,
            start_time=parse_hhmm(began, "start time") if began else None,
            end_time=parse_hhmm(ended, "end time") if ended else None,
            break_minutes=self.break_minutes.value() if self.timed() else 0,
            supervisor_id=self.supervisor.currentData(),
        )
