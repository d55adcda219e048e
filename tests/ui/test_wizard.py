"""The first-run wizard end to end, the sample-data path, skipping, and its field errors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QWizard

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
from careerplanner.ui.overview.overview_page import OverviewPage
from careerplanner.ui.wizard.wizard import SetupWizard


@pytest.fixture(autouse=True)
def _delete_wizards() -> Iterator[None]:
    """Delete every wizard a test leaves: a hidden QWizard crashes a later theme switch."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, SetupWizard) and shiboken6.isValid(widget):
            shiboken6.delete(widget)


def _select(combo: Any, value: Any) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _open(qtbot: Any, app_services: Any) -> SetupWizard:
    wizard = SetupWizard(app_services)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_wizard_end_to_end_saves_the_whole_plan(qtbot: Any, app_services: Any) -> None:
    today = app_services.today()
    wizard = _open(qtbot, app_services)
    wizard.next()
    wizard.about.name.setText("Maya Lopez")
    wizard.about.tracks.button(1).setChecked(True)
    _select(wizard.about.state, "OH")
    wizard.next()
    degrees = wizard.degrees
    _select(degrees.level, DegreeLevel.BACHELOR)
    _select(degrees.degree_field, DegreeField.SOCIAL_WORK)
    _select(degrees.status, DegreeStatus.COMPLETED)
    degrees.end.set_date(today - timedelta(days=400))
    degrees.accredited.setChecked(True)
    degrees.field_experience.setChecked(True)
    degrees.add_button.click()
    assert degrees.list.count() == 1
    wizard.next()
    licenses = wizard.licenses
    _select(licenses.type, LicenseType.LBSW)
    _select(licenses.state, "OH")
    licenses.issued.set_date(today - timedelta(days=300))
    licenses.expires.set_date(today + timedelta(days=400))
    licenses.add_button.click()
    assert licenses.list.count() == 1
    wizard.next()
    backlog = wizard.backlog
    _select(backlog.setting, Setting.HOSPITAL)
    _select(backlog.supervision, Supervision.LICENSED_SW)
    backlog.start.set_date(today - timedelta(days=364))
    backlog.end.set_date(today - timedelta(days=1))
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
    wizard.goals.targets["C-SWCM"].set_date(today + timedelta(days=900))
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
    today = app_services.today()
    backlog = _open(qtbot, app_services).backlog
    backlog.hours.setText("lots")
    backlog.add_button.click()
    assert backlog.error.isVisibleTo(backlog) and "not a number" in backlog.error.text()
    backlog.start.set_date(today - timedelta(days=1))
    backlog.end.set_date(today)
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


# --- rules v2 and issue 10 on a fixed today (2026-11-26, tests/conftest.py) -----------------


def _to(wizard: SetupWizard, page: Any) -> None:
    while wizard.currentPage() is not page:
        before = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not before, "the wizard refused to go on"


def _issue_nurse(qtbot: Any, services: Any) -> SetupWizard:
    """A nurse with a BSN, an RN license expiring next July and no hours logged, who works
    36 h a week as a hospital case manager supervised by an RN since 2025-03-01."""
    wizard = _open(qtbot, services)
    _to(wizard, wizard.about)
    wizard.about.name.setText("Jordan Lee")
    wizard.about.tracks.button(0).setChecked(True)
    _select(wizard.about.state, "TX")
    _to(wizard, wizard.degrees)
    degrees = wizard.degrees
    _select(degrees.degree_field, DegreeField.NURSING)
    degrees.end.set_date(date(2019, 5, 15))
    degrees.accredited.setChecked(True)
    degrees.field_experience.setChecked(True)
    degrees.add_button.click()
    _to(wizard, wizard.licenses)
    wizard.licenses.issued.set_date(date(2019, 8, 1))
    wizard.licenses.expires.set_date(date(2027, 7, 31))
    _select(wizard.licenses.state, "TX")
    wizard.licenses.add_button.click()
    _to(wizard, wizard.work)
    form = wizard.work.form
    _select(form.setting, Setting.HOSPITAL)
    _select(form.supervision, Supervision.RN)
    form.employer.setText("Mercy Hospital")
    form.weekly.setText("36")
    form.start.setText("2025-03-01")
    _to(wizard, wizard.goals)
    for cert_id in ("CCM", "ACM-RN", "CMGT-BC"):
        wizard.goals.checks[cert_id].setChecked(True)
    return wizard


def test_the_issues_nurse_gets_one_work_period_and_projected_dates(
    qtbot: Any, services: Any
) -> None:
    page = OverviewPage(services)  # the app shows the overview under the first-run wizard
    qtbot.addWidget(page)
    wizard = _issue_nurse(qtbot, services)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)
    (period,) = services.work.list()
    assert (period.start, period.end, period.weekly_hours) == (date(2025, 3, 1), None, 36)
    assert (period.setting, period.supervision, period.employer) == (
        Setting.HOSPITAL,
        Supervision.RN,
        "Mercy Hospital",
    )
    assert services.profile.get().weekly_hours == 36
    page.refresh()
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert texts[0] == "Welcome, Jordan"
    projected = [t for t in texts if t.startswith("Projected eligibility: ")]
    assert len(projected) == 3, texts
    assert not any("Not reachable" in t for t in texts)


def test_a_refused_finish_stores_nothing_and_the_next_stores_once(
    qtbot: Any, services: Any
) -> None:
    wizard = _issue_nurse(qtbot, services)
    wizard.about.name.setText("J" * 2001)  # over the 2,000 characters a text may hold
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()
    assert wizard.currentPage() is wizard.goals
    assert wizard.goals.error.text().startswith("Not saved: ")
    assert services.plan.is_empty()
    wizard.about.name.setText("Jordan Lee")
    finish.click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)
    assert wizard.commit()  # a second Finish after the first went through
    plan = services.plan.snapshot()
    assert (len(plan.degrees), len(plan.licenses), len(plan.work_periods)) == (1, 1, 1)
    assert sorted(g.cert_id for g in plan.goals) == ["ACM-RN", "CCM", "CMGT-BC"]


def test_rows_filled_in_but_never_added_are_added_on_next(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    _to(wizard, wizard.degrees)
    wizard.degrees.end.set_date(date(2019, 5, 15))  # filled in, "Add degree" never pressed
    _to(wizard, wizard.licenses)
    assert [d.end for d in wizard.degrees.items] == [date(2019, 5, 15)]
    wizard.licenses.expires.set_date(date(2027, 7, 31))
    _to(wizard, wizard.backlog)
    assert [lic.expires for lic in wizard.licenses.items] == [date(2027, 7, 31)]
    backlog = wizard.backlog
    backlog.start.set_date(date(2025, 11, 26))
    backlog.end.set_date(date(2026, 11, 25))
    backlog.hours.setText("1,500")
    wizard.next()
    assert wizard.currentPage() is wizard.work
    assert [(e.hours, e.span_days) for e in backlog.items] == [(1500, 365)]
    wizard.back()
    wizard.next()  # nothing changed since: not added a second time
    assert len(backlog.items) == 1


def test_a_pending_row_that_is_not_valid_stops_next_once(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    _to(wizard, wizard.licenses)
    wizard.licenses.issued.set_date(date(2026, 1, 1))
    wizard.licenses.expires.set_date(date(2025, 1, 1))  # before it was issued
    wizard.next()
    assert wizard.currentPage() is wizard.licenses
    assert wizard.licenses.error.text().startswith("Not added yet: ")
    assert wizard.licenses.error.text().endswith("or press Next again to go on without it.")
    wizard.next()
    assert wizard.currentPage() is wizard.backlog
    assert wizard.licenses.items == []


def test_skip_for_now_keeps_the_default_pace(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    assert (wizard.work.form.weekly.text(), wizard.pace.ce.text()) == ("30", "12")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    eligibility = services.plan.eligibility()
    assert (eligibility.weekly_hours, eligibility.ce_hours_per_year) == (30, 12)


def test_a_nurse_is_told_why_social_work_credentials_do_not_fit(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    _to(wizard, wizard.about)
    wizard.about.tracks.button(0).setChecked(True)
    _to(wizard, wizard.goals)
    shown = {c: label.text() for c, label in wizard.goals.fits.items() if label.isVisibleTo(wizard)}
    reason = "For social workers: it needs a social-work "
    assert shown == {c: reason + "degree or license." for c in ("ACM-SW", "C-SWCM", "C-ASWCM")}
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.about.tracks.button(1).setChecked(True)  # social work: the RN-only ones are named
    _to(wizard, wizard.goals)
    shown = {c for c, label in wizard.goals.fits.items() if label.isVisibleTo(wizard)}
    assert shown == {"ACM-RN", "CMGT-BC"}


def test_the_step_list_follows_the_pages(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    assert wizard.steps.accessibleName() == "Step 1 of 8: Welcome"
    _to(wizard, wizard.work)
    assert wizard.steps.accessibleName() == "Step 6 of 8: How you work"
    assert "<b>6. How you work</b>" in wizard.steps.text()


def test_between_jobs_stores_no_period(qtbot: Any, services: Any) -> None:
    wizard = _open(qtbot, services)
    _to(wizard, wizard.work)
    wizard.work.choices.button(2).setChecked(True)
    assert not wizard.work.form.isEnabled() and wizard.work.between_note.isVisibleTo(wizard)
    _to(wizard, wizard.goals)
    wizard.goals.checks["CCM"].setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted)
    assert services.work.list() == ()
    assert [g.cert_id for g in services.goals.list()] == ["CCM"]


def test_reopened_over_a_plan_refuses_an_overlap_and_then_adds_once(
    qtbot: Any, services: Any
) -> None:
    services.plan.load_demo()
    before = services.plan.snapshot()
    assert before.work_periods, "the sample plan has planned work"
    free = next(
        c for c in ("CMGT-BC", "ACM-SW", "C-SWCM") if c not in {g.cert_id for g in before.goals}
    )
    wizard = _open(qtbot, services)
    _to(wizard, wizard.work)
    assert wizard.work.choice() == 3  # "Keep my planned work as it is", offered over a plan
    wizard.work.choices.button(0).setChecked(True)  # "I work there now"
    wizard.work.form.start.setText(before.work_periods[0].start.isoformat())
    _to(wizard, wizard.goals)
    wizard.goals.checks[free].setChecked(True)
    assert not wizard.commit()
    assert "overlaps" in wizard.goals.error.text()
    assert services.plan.snapshot() == before  # nothing stored
    wizard.work.choices.button(3).setChecked(True)  # keep the planned work: no new period
    assert wizard.commit() and wizard.commit()
    after = services.plan.snapshot()
    assert [g.cert_id for g in after.goals] == [g.cert_id for g in before.goals] + [free]
    assert after.work_periods == before.work_periods


def test_a_finished_wizard_is_deleted_so_a_theme_switch_is_safe(
    qtbot: Any, services: Any, qapp: Any
) -> None:
    from careerplanner.ui.common.theme import apply_theme

    wizard = SetupWizard(services)
    wizard.show()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))
    for choice in ("dark", "light"):  # crashed in Qt while a hidden wizard was kept
        apply_theme(qapp, choice)
        qapp.processEvents()
    assert qapp.property("careerplannerTheme") == "light"


def test_wizard_dates_are_typed_into_not_set_fields(qtbot: Any, app_services: Any) -> None:
    """The degree date and license expiry start as "Not set" and take a typed date."""
    wizard = _open(qtbot, app_services)
    _to(wizard, wizard.licenses)
    assert wizard.degrees.end.date() is None and wizard.licenses.expires.date() is None
    qtbot.keyClicks(wizard.degrees.end, "2020-05-15")
    qtbot.keyClicks(wizard.licenses.expires, "20270731")
    assert wizard.degrees.read_form().end == date(2020, 5, 15)
    assert wizard.licenses.read_form().expires == date(2027, 7, 31)
