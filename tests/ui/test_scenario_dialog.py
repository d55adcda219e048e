"""The scenario dialog: distinct rows per planned degree, and a scenario's own planned work."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel

from careerplanner.domain.model import (
    Activity,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Setting,
    Supervision,
    WorkPeriod,
)
from careerplanner.ui.timeline.scenario_dialog import ScenarioDialog

INSURER = WorkPeriod(
    0,
    date(2025, 3, 1),
    date(2027, 6, 30),
    36,
    Activity.CASE_MANAGEMENT,
    Setting.INSURANCE,
    Supervision.RN,
)


def _dialog(qtbot: Any, services: Any, name: str | None = None) -> ScenarioDialog:
    scenario = services.scenarios.get(name) if name else None
    dialog = ScenarioDialog(services, scenario)
    qtbot.addWidget(dialog)
    return dialog


def _captions(dialog: ScenarioDialog) -> list[str]:
    form = dialog.findChild(QFormLayout)
    labels = [form.labelForField(edit) for edit in dialog.degree_dates.values()]
    return [label.text() for label in labels if isinstance(label, QLabel)]


def test_two_planned_masters_get_two_distinct_rows(qtbot: Any, services: Any) -> None:
    for field in (DegreeField.SOCIAL_WORK, DegreeField.SOCIAL_WORK, DegreeField.NURSING):
        services.education.add_degree(
            Degree(DegreeLevel.MASTER, field, DegreeStatus.PLANNED, end=date(2028, 5, 15))
        )
    assert _captions(_dialog(qtbot, services)) == [
        "Master's in social work, #1 finished on",
        "Master's in social work, #2 finished on",
        "Master's in nursing finished on",
    ]


def test_a_scenario_keeps_its_own_planned_work(qtbot: Any, services: Any) -> None:
    services.work.add(INSURER)
    dialog = _dialog(qtbot, services)
    dialog.name.setText("Hospital from July")
    assert not dialog.work.isEnabled()  # the plan's work, shown but not the scenario's own
    assert dialog.work.model.rowCount() == 1
    dialog.own_work.setChecked(True)
    dialog.work.add_button.click()
    fields = dialog.work.dialog.fields
    fields.start.setText("2027-06-01")  # overlaps the insurer job, which ends Jun 30
    dialog.work.dialog.try_accept()
    assert "overlaps the period from 2025-03-01 until 2027-06-30" in (
        dialog.work.dialog.general_error.text()
    )
    fields.start.setText("2027-07-01")
    fields.setting.setCurrentIndex(fields.setting.findData(Setting.HOSPITAL))
    dialog.work.dialog.try_accept()
    dialog.save()
    saved = services.scenarios.get("Hospital from July")
    assert [(p.start, p.setting) for p in saved.work_periods] == [
        (date(2025, 3, 1), Setting.INSURANCE),
        (date(2027, 7, 1), Setting.HOSPITAL),
    ]
    assert [p.setting for p in services.work.list()] == [Setting.INSURANCE]  # plan unchanged
    again = _dialog(qtbot, services, "Hospital from July")
    assert again.own_work.isChecked() and again.work.model.rowCount() == 2


def test_a_scenario_without_its_own_work_stores_none(qtbot: Any, services: Any) -> None:
    services.work.add(INSURER)
    dialog = _dialog(qtbot, services)
    dialog.name.setText("Part time")
    dialog.weekly.setText("20")
    dialog.save()
    assert services.scenarios.get("Part time").work_periods is None
