"""`ScenarioDialog`: create or edit a what-if (weekly hours, CE, state, raise %, degree dates,
and its own planned work, such as a move to a hospital job in July)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import degree_name
from careerplanner.domain.model import Degree, DegreeStatus
from careerplanner.domain.scenarios import Scenario
from careerplanner.domain.validation import parse_number
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import FieldError, format_hours, muted
from careerplanner.ui.education.planned_work import MemoryPeriods, PlannedWorkSection

if TYPE_CHECKING:
    from careerplanner.services import Services


def degree_captions(degrees: list[Degree]) -> list[str]:
    """ "Master's in social work (State University) finished on", distinct for each degree."""
    names = []
    for degree in degrees:
        name = degree_name(degree)
        if degree.institution:
            name += f" ({degree.institution})"
        names.append(name)
    captions = []
    for index, name in enumerate(names):
        if names.count(name) > 1:
            name = f"{name}, #{names[:index].count(name) + 1}"
        captions.append(f"{name} finished on")
    return captions


class ScenarioDialog(QDialog):
    """Fields left empty keep the plan's own value. Saves through the scenario service."""

    def __init__(self, services: Services, scenario: Scenario | None = None, parent: Any = None):
        super().__init__(parent)
        self.services = services
        self.original = scenario
        self.saved: Scenario | None = None
        self.setWindowTitle("Edit scenario" if scenario else "New scenario")
        self.setMinimumWidth(760)  # the planned-work table shows whole rows
        profile = services.profile.get()
        self.name = QLineEdit(scenario.name if scenario else "")
        self.name.setPlaceholderText("e.g. Full time from spring")
        self.weekly = self._number(
            scenario.weekly_hours if scenario else None, profile.weekly_hours
        )
        self.weekly.setToolTip(
            "Filled in, it replaces the weekly hours of every planned work period"
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
        planned = [
            d for d in services.education.degrees() if d.status is not DegreeStatus.COMPLETED
        ]
        for degree, caption in zip(planned, degree_captions(planned), strict=True):
            chosen = scenario.degree_dates.get(degree.id) if scenario else None
            edit = DateField(chosen, field=caption.removesuffix(" on"), today=services.today)
            edit.setPlaceholderText(f"as planned: {degree.end}" if degree.end else "as planned")
            self.degree_dates[degree.id] = edit
            form.addRow(caption, edit)
        own = scenario.work_periods if scenario else None
        self.own_work = QCheckBox("This scenario has its own planned work")
        self.own_work.setChecked(own is not None)
        self.periods = MemoryPeriods(own if own is not None else services.work.list())
        self.work = PlannedWorkSection(self.periods, services.today, lambda: None)
        self.work.setEnabled(own is not None)
        self.own_work.toggled.connect(self.work.setEnabled)
        self.error = FieldError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Empty fields keep your plan's own values (shown in grey)."))
        layout.addLayout(form)
        layout.addWidget(self.own_work)
        layout.addWidget(
            muted("Unticked, the scenario uses your plan's planned work (shown below).")
        )
        layout.addWidget(self.work)
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
        picked = {i: e.date() for i, e in self.degree_dates.items()}
        dates = {i: day for i, day in picked.items() if day is not None}
        return replace(
            base,
            name=self.name.text(),
            weekly_hours=number(self.weekly, "weekly hours"),
            ce_hours_per_year=number(self.ce, "CE hours per year"),
            raise_percent=number(self.raise_percent, "raise percent"),
            state=self.state.text().strip() or None,
            degree_dates=dates,
            work_periods=self.periods.list() if self.own_work.isChecked() else None,
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
