"""`ScenarioDialog`: create or edit a what-if (weekly hours, CE, state, raise %, degree dates)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import DegreeStatus
from careerplanner.domain.scenarios import Scenario
from careerplanner.domain.timeline_marks import LEVEL_NAMES
from careerplanner.domain.validation import parse_number
from careerplanner.ui.date_field import DateField
from careerplanner.ui.widgets import FieldError, format_hours, muted

if TYPE_CHECKING:
    from careerplanner.services import Services


class ScenarioDialog(QDialog):
    """Fields left empty keep the plan's own value. Saves through the scenario service."""

    def __init__(self, services: Services, scenario: Scenario | None = None, parent: Any = None):
        super().__init__(parent)
        self.services = services
        self.original = scenario
        self.saved: Scenario | None = None
        self.setWindowTitle("Edit scenario" if scenario else "New scenario")
        profile = services.profile.get()
        self.name = QLineEdit(scenario.name if scenario else "")
        self.name.setPlaceholderText("e.g. Full time from spring")
        self.weekly = self._number(
            scenario.weekly_hours if scenario else None, profile.weekly_hours
        )
        self.ce = self._number(
            scenario.ce_hours_per_year if scenario else None, profile.ce_hours_per_year
        )
        self.raise_percent = self._number(
            scenario.raise_percent if scenario else None, profile.raise_percent
        )
        self.state = QLineEdit(scenario.state or "" if scenario else "")
        self.state.setPlaceholderText(profile.state or "two-letter state code")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Case-management hours a week", self.weekly)
        form.addRow("CE hours a year", self.ce)
        form.addRow("State", self.state)
        form.addRow("Yearly raise (%)", self.raise_percent)
        self.degree_dates: dict[int, DateField] = {}
        for degree in services.education.degrees():
            if degree.status is DegreeStatus.COMPLETED:
                continue
            chosen = scenario.degree_dates.get(degree.id) if scenario else None
            edit = DateField(chosen, field=f"{LEVEL_NAMES[degree.level]} finished on")
            self.degree_dates[degree.id] = edit
            form.addRow(f"{LEVEL_NAMES[degree.level]} finished on", edit)
        self.error = FieldError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Empty fields keep your plan's own values (shown in grey)."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _number(value: float | None, default: float) -> QLineEdit:
        edit = QLineEdit("" if value is None else format_hours(value).replace(",", ""))
        edit.setPlaceholderText(format_hours(default).replace(",", ""))
        return edit

    def scenario(self) -> Scenario:
        """The scenario the fields describe; ValidationError when a number is not one."""

        def number(edit: QLineEdit, field: str) -> float | None:
            text = edit.text().strip()
            return None if not text else parse_number(text, field)

        base = self.original or Scenario(name="")
        dates = {i: d for i, e in self.degree_dates.items() if (d := e.date()) is not None}
        return replace(
            base,
            name=self.name.text(),
            weekly_hours=number(self.weekly, "weekly hours"),
            ce_hours_per_year=number(self.ce, "CE hours per year"),
            raise_percent=number(self.raise_percent, "raise percent"),
            state=self.state.text().strip() or None,
            degree_dates=dates,
        )

    def save(self) -> None:
        try:
            scenario = self.scenario()
            if self.original is None:
                self.saved = self.services.scenarios.create(scenario)
            else:
                self.saved = self.services.scenarios.update(scenario)
        except ValidationError as error:
            self.error.show_error(str(error))
            return
        self.accept()
