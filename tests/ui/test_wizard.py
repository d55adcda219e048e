"""The first-run wizard end to end, the sample-data path, skipping, and its field errors."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWizard

from careerplanner.app import Running
from careerplanner.domain.model import (
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    LicenseType,
    Setting,
    Supervision,
    Track,
)
from careerplanner.ui.wizard import SetupWizard


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _select(combo: Any, value: Any) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _open(qtbot: Any, app_services: Any) -> SetupWizard:
    wizard = SetupWizard(app_services)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_wizard_end_to_end_saves_the_whole_plan(qtbot: Any, app_services: Any) -> None:
    today = date.today()
    wizard = _open(qtbot, app_services)
    wizard.next()
    wizard.about.name.setText("Maya Lopez")
    wizard.about.tracks.button(1).setChecked(True)
    _select(wizard.about.state, "OH")
    wizard.next()
    degrees = wizard.degrees
    _select(degrees.level, DegreeLevel.BACHELOR)
    _select(degrees.field, DegreeField.SOCIAL_WORK)
    _select(degrees.status, DegreeStatus.COMPLETED)
    degrees.end.set_value(today - timedelta(days=400))
    degrees.accredited.setChecked(True)
    degrees.field_experience.setChecked(True)
    degrees.add_button.click()
    assert degrees.list.count() == 1
    wizard.next()
    licenses = wizard.licenses
    _select(licenses.type, LicenseType.LBSW)
    _select(licenses.state, "OH")
    licenses.issued.setDate(_qdate(today - timedelta(days=300)))
    licenses.expires.set_value(today + timedelta(days=400))
    licenses.add_button.click()
    assert licenses.list.count() == 1
    wizard.next()
    backlog = wizard.backlog
    _select(backlog.setting, Setting.HOSPITAL)
    _select(backlog.supervision, Supervision.LICENSED_SW)
    backlog.start.setDate(_qdate(today - timedelta(days=364)))
    backlog.end.setDate(_qdate(today - timedelta(days=1)))
    backlog.hours.setText("1,500")
    backlog.employer.setText("Mercy Hospital")
    backlog.add_button.click()
    _select(backlog.setting, Setting.SOCIAL_SERVICES)
    _select(backlog.supervision, Supervision.NONE)
    backlog.hours.setText("200")
    backlog.add_button.click()
    assert backlog.list.count() == 2
    wizard.next()
    assert wizard.currentPage() is wizard.work
    wizard.work.form.weekly.setText("32")
    wizard.next()
    wizard.pace.ce.setText("10")
    wizard.next()
    wizard.goals.checks["C-SWCM"].setChecked(True)
    wizard.goals.targets["C-SWCM"].set_value(today + timedelta(days=900))
    wizard.goals.checks["ACM-SW"].setChecked(True)
    assert wizard.currentPage() is wizard.goals
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)

    profile = app_services.profile.get()
    assert (profile.name, profile.track, profile.state) == ("Maya Lopez", Track.SOCIAL_WORK, "OH")
    assert (profile.weekly_hours, profile.ce_hours_per_year) == (32, 10)
    assert [(d.level, d.field, d.accredited) for d in app_services.education.degrees()] == [
        (DegreeLevel.BACHELOR, DegreeField.SOCIAL_WORK, True)
    ]
    assert [lic.type for lic in app_services.education.licenses()] == [LicenseType.LBSW]
    entries = sorted(app_services.hours.list(), key=lambda e: e.hours)
    assert [(e.hours, e.setting, e.span_days) for e in entries] == [
        (200, Setting.SOCIAL_SERVICES, 364),
        (1500, Setting.HOSPITAL, 364),
    ]
    (period,) = app_services.work.list()
    assert (period.start, period.end, period.weekly_hours) == (today, None, 32)
    goals = {g.cert_id: g.target for g in app_services.goals.list()}
    assert goals == {"C-SWCM": today + timedelta(days=900), "ACM-SW": None}


def test_backlog_errors_show_beside_the_form_and_add_nothing(qtbot: Any, app_services: Any) -> None:
    today = date.today()
    backlog = _open(qtbot, app_services).backlog
    backlog.hours.setText("lots")
    backlog.add_button.click()
    assert backlog.error.isVisibleTo(backlog) and "not a number" in backlog.error.text()
    backlog.start.setDate(_qdate(today - timedelta(days=1)))
    backlog.end.setDate(_qdate(today))
    backlog.hours.setText("30")
    backlog.add_button.click()
    assert backlog.list.count() == 1
    backlog.hours.setText("20")
    backlog.add_button.click()  # 15 + 10 h on each of the same two days: more than 24 h
    assert backlog.list.count() == 1
    assert "24" in backlog.error.text()


def test_pace_must_be_a_number_before_going_on(qtbot: Any, app_services: Any) -> None:
    wizard = _open(qtbot, app_services)
    for _ in range(6):
        wizard.next()
    assert wizard.currentPage() is wizard.pace
    wizard.pace.ce.setText("-3")
    wizard.next()
    assert wizard.currentPage() is wizard.pace
    assert wizard.pace.ce_error.text() == "CE hours per year must be between 0 and 2,000"


def test_sample_data_loads_the_demo_plan(qtbot: Any, app_services: Any) -> None:
    wizard = _open(qtbot, app_services)
    assert wizard.welcome.sample.isEnabled()
    wizard.welcome.sample.click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)
    assert not app_services.plan.is_empty()
    assert app_services.goals.list()


def test_skipping_saves_nothing_and_keeps_the_defaults(qtbot: Any, app_services: Any) -> None:
    wizard = _open(qtbot, app_services)
    wizard.next()
    wizard.about.name.setText("Someone")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert app_services.plan.is_empty()
    profile = app_services.profile.get()
    assert (profile.name, profile.weekly_hours, profile.ce_hours_per_year) == ("", 30, 12)
    assert app_services.plan.snapshot().profile.weekly_hours == 30


def test_reopened_from_the_menu_without_sample_data(running: Running) -> None:
    wizard = running.window.open_wizard()
    assert isinstance(wizard, SetupWizard)
    assert not wizard.welcome.sample.isEnabled()
    existing = {g.cert_id for g in running.services.goals.list()}
    assert all(not wizard.goals.checks[c].isEnabled() for c in existing)
    wizard.reject()
