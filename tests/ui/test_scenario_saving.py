"""The scenario dialog: a new what-if saved through the scenario service, an edit keeping its
id, the plan's values as placeholders, and a bad number shown beside the form, saving nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog

from careerplanner.domain.model import Degree, DegreeField, DegreeLevel, DegreeStatus, Profile
from careerplanner.services import Services
from careerplanner.ui.timeline.scenario_dialog import ScenarioDialog


def _plan(services: Services) -> Degree:
    services.profile.update(
        Profile("Maya", weekly_hours=30.0, ce_hours_per_year=12.5, state="OH", raise_percent=3.0)
    )
    services.education.add_degree(
        Degree(
            DegreeLevel.BACHELOR, DegreeField.NURSING, DegreeStatus.COMPLETED, end=date(2020, 5, 1)
        )
    )
    return services.education.add_degree(
        Degree(DegreeLevel.MASTER, DegreeField.NURSING, DegreeStatus.PLANNED)
    )


def test_a_new_scenario_is_saved_with_the_fields_given(qtbot: Any, app_services: Services) -> None:
    master = _plan(app_services)
    dialog = ScenarioDialog(app_services)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New scenario"
    placeholders = [e.placeholderText() for e in (dialog.weekly, dialog.ce, dialog.raise_percent)]
    assert placeholders == ["30", "12.5", "3"]
    assert dialog.state.placeholderText() == "OH"
    assert list(dialog.degree_dates) == [master.id]  # only the degree not yet finished
    dialog.name.setText("Full time")
    dialog.weekly.setText("40")
    dialog.state.setText(" tx ")
    dialog.degree_dates[master.id].set_date(date(2028, 5, 15))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (stored,) = app_services.scenarios.list()
    assert stored == dialog.saved
    assert (stored.name, stored.weekly_hours, stored.ce_hours_per_year) == ("Full time", 40.0, None)
    assert (stored.state, stored.raise_percent) == ("TX", None)
    assert stored.degree_dates == {master.id: date(2028, 5, 15)}


def test_an_edit_keeps_the_scenario_and_its_id(qtbot: Any, app_services: Services) -> None:
    _plan(app_services)
    dialog = ScenarioDialog(app_services)
    qtbot.addWidget(dialog)
    dialog.name.setText("Part time")
    dialog.weekly.setText("20")
    dialog.save()
    first = dialog.saved
    assert first is not None
    edit = ScenarioDialog(app_services, first)
    qtbot.addWidget(edit)
    assert edit.windowTitle() == "Edit scenario"
    assert (edit.name.text(), edit.weekly.text(), edit.ce.text()) == ("Part time", "20", "")
    edit.weekly.setText("24.5")
    edit.ce.setText("1,000")
    edit.save()
    (stored,) = app_services.scenarios.list()
    assert (stored.id, stored.weekly_hours, stored.ce_hours_per_year) == (first.id, 24.5, 1000.0)


def test_a_bad_number_is_shown_and_nothing_is_saved(qtbot: Any, app_services: Services) -> None:
    _plan(app_services)
    dialog = ScenarioDialog(app_services)
    qtbot.addWidget(dialog)
    dialog.name.setText("Overtime")
    dialog.weekly.setText("lots")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.saved is None
    assert "not a number" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    dialog.weekly.setText("200")  # more hours than a week has
    dialog.save()
    assert dialog.saved is None and "168" in dialog.error.text()
    assert app_services.scenarios.list() == ()
