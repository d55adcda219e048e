"""The one form for a planned work period, shared by the wizard, Planned work and scenarios."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from careerplanner.domain.defaults import DEFAULT_WEEKLY_HOURS
from careerplanner.domain.model import Activity, Setting, Supervision, WorkPeriod
from careerplanner.domain.validation import fmt_number, parse_number, validate_work_period
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField

SUPERVISION_NAMES = {
    Supervision.NONE: "No one (unsupervised)",
    Supervision.CCM: "A certified case manager (CCM)",
    Supervision.LICENSED_SW: "A licensed social worker",
    Supervision.RN: "A registered nurse (RN)",
    Supervision.OTHER_LICENSED: "Another licensed professional",
}


SUPERVISION_SHORT = {
    Supervision.NONE: "No one",
    Supervision.CCM: "A CCM",
    Supervision.LICENSED_SW: "A licensed social worker",
    Supervision.RN: "An RN",
    Supervision.OTHER_LICENSED: "Another licensed professional",
}


def supervision_combo(current: Supervision) -> QComboBox:
    combo = QComboBox()
    for member, text in SUPERVISION_NAMES.items():
        combo.addItem(text, member)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def blank_period(today: date) -> WorkPeriod:
    return WorkPeriod(
        0,
        today,
        None,
        DEFAULT_WEEKLY_HOURS,
        Activity.CASE_MANAGEMENT,
        Setting.HOSPITAL,
        Supervision.RN,
    )


class WorkPeriodForm(QWidget):
    """Fields of one period; `period()` reads them back, validated, or raises ValidationError."""

    def __init__(
        self,
        period: WorkPeriod,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        with_until: bool = True,
    ) -> None:
        super().__init__(parent)
        self._period = period
        self.start = DateField(period.start, required=True, field="from", today=today)
        self.end = DateField(period.end, field="until", today=today)
        self.end.setPlaceholderText("Not set (open-ended)")
        self.weekly = QLineEdit(fmt_number(period.weekly_hours))
        self.weekly.setMaximumWidth(120)
        self.activity = enum_combo(Activity, period.activity)
        self.setting = enum_combo(Setting, period.setting)
        self.employer = QLineEdit(period.employer)
        self.employer.setPlaceholderText("optional, e.g. Mercy Hospital")
        self.supervision = supervision_combo(period.supervision)
        self.paid = QCheckBox("Paid work")
        self.paid.setChecked(period.paid)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow("Se&tting", self.setting)
        self.form.addRow("E&mployer", self.employer)
        self.form.addRow("Case management &supervised by", self.supervision)
        self.form.addRow("&Hours a week", self.weekly)
        self.form.addRow("&Work you do", self.activity)
        self.form.addRow("&From", self.start)
        if with_until:
            self.form.addRow("&Until", self.end)
        else:
            self.end.hide()
        self.form.addRow("", self.paid)

    def period(self) -> WorkPeriod:
        return validate_work_period(
            replace(
                self._period,
                start=self.start.date() or self._period.start,
                end=self.end.date(),
                weekly_hours=parse_number(self.weekly.text(), "weekly hours"),
                activity=self.activity.currentData(),
                setting=self.setting.currentData(),
                supervision=self.supervision.currentData(),
                paid=self.paid.isChecked(),
                employer=self.employer.text(),
            )
        )
