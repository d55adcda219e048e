"""Education & Licenses page: add, edit and remove records; expiry warnings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, timedelta

from hours_fixtures import TODAY, hours_services  # noqa: F401

from careerplanner.domain.model import License, LicenseType, Setting
from careerplanner.ui.education.education_page import EducationPage, license_status


def _select(combo, value) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def _page(qtbot, services) -> EducationPage:  # type: ignore[no-untyped-def]
    page = EducationPage(services)
    qtbot.addWidget(page)
    page.confirm = lambda _question: True
    page.refresh()
    page.show()
    return page


def test_empty_sections_explain_themselves(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    assert page.degrees.stack.currentWidget() is page.degrees.empty
    assert "planned degree" in page.degrees.empty.text()


def test_add_edit_and_remove_a_degree(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    page.degrees.add_button.click()
    dialog = page.dialog
    dialog.try_accept()  # completed without a completion date is refused, next to the field
    assert "completion date" in dialog.errors["end"].text()
    assert hours_services.education.degrees() == ()
    dialog.end.set_date(date(2020, 5, 15))
    dialog.institution.setText("State University")
    dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    (degree,) = hours_services.education.degrees()
    assert degree.institution == "State University"
    assert page.degrees.model.rowCount() == 1
    page.degrees.select_row(0)
    page.degrees.edit_button.click()
    page.dialog.institution.setText("City College")
    page.dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert hours_services.education.degrees()[0].institution == "City College"
    page.degrees.select_row(0)
    page.degrees.remove_button.click()
    assert hours_services.education.degrees() == ()


def test_license_expiring_soon_or_expired_is_flagged(qtbot, hours_services) -> None:  # noqa: F811
    soon = License(LicenseType.RN, date(2020, 1, 1), expires=TODAY + timedelta(days=30), state="TX")
    assert license_status(soon, TODAY)[1] == "warning"
    gone = License(LicenseType.LMSW, date(2020, 1, 1), expires=TODAY - timedelta(days=3))
    assert license_status(gone, TODAY)[1] == "expired"
    fine = License(LicenseType.RN, date(2020, 1, 1), expires=TODAY + timedelta(days=400))
    assert license_status(fine, TODAY)[1] == ""
    lapsing = License(
        LicenseType.RN, date(2020, 1, 1), TODAY + timedelta(days=30), "TX", renewal_assumed=False
    )
    assert license_status(lapsing, TODAY) == ("Expires in 4 weeks — not being renewed", "warning")
    hours_services.education.add_license(soon)
    page = _page(qtbot, hours_services)
    assert page.banner.isVisible() and "renew soon" in page.banner.text()
    assert page.licenses.model.tones == ["warning"]


def test_exam_and_license_dialogs_save(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    page.licenses.add_button.click()
    state = page.dialog.state
    assert state.currentText() == "Not set"
    labels = [state.itemText(i) for i in range(state.count())]
    assert "TX — Texas" in labels and "NY — New York" in labels and len(labels) == 57
    state.setCurrentIndex(state.findData("TX"))
    page.dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert hours_services.education.licenses()[0].state == "TX"
    page.exams.add_button.click()
    page.dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert len(hours_services.education.exams()) == 1


def test_planned_work_added_edited_and_an_overlap_refused(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    work = page.work
    work.confirm = lambda _question: True
    assert work.stack.currentWidget() is work.empty
    work.add_button.click()
    dialog = work.dialog
    dialog.fields.start.setText("2025-03-01")
    dialog.fields.end.setText("2027-06-30")
    dialog.fields.employer.setText("Mercy Hospital")
    dialog.fields.weekly.setText("36")
    dialog.try_accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (first,) = hours_services.work.list()
    assert (first.start, first.end, first.employer) == (
        date(2025, 3, 1),
        date(2027, 6, 30),
        "Mercy Hospital",
    )
    assert work.model.rows[0][:3] == ("Mar 1, 2025", "Jun 30, 2027", "36")
    work.add_button.click()
    dialog = work.dialog
    dialog.fields.start.setText("2027-06-01")  # a month inside the first period
    _select(dialog.fields.setting, Setting.INSURANCE)
    dialog.try_accept()
    assert dialog.isVisible()
    assert dialog.general_error.text() == (
        "The period from 2027-06-01 on overlaps the period from 2025-03-01 until 2027-06-30 "
        "(work periods cannot overlap)"
    )
    assert len(hours_services.work.list()) == 1
    dialog.fields.start.setText("2027-07-01")  # the day after: a job change
    dialog.try_accept()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [p.setting for p in hours_services.work.list()] == [Setting.HOSPITAL, Setting.INSURANCE]
    work.select_row(1)
    work.edit_button.click()
    work.dialog.fields.weekly.setText("20")
    work.dialog.try_accept()
    assert [p.weekly_hours for p in hours_services.work.list()] == [36, 20]
    work.select_row(0)
    work.remove_button.click()
    assert [p.start for p in hours_services.work.list()] == [date(2027, 7, 1)]


def test_a_period_with_no_hours_is_refused_beside_the_form(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    page.work.add_button.click()
    page.work.dialog.fields.weekly.setText("0")
    page.work.dialog.try_accept()
    assert page.work.dialog.general_error.text() == "Weekly hours must be more than 0"
    assert hours_services.work.list() == ()


def test_the_license_flag_is_saved_and_shown(qtbot, hours_services) -> None:  # noqa: F811
    page = _page(qtbot, hours_services)
    page.licenses.add_button.click()
    dialog = page.dialog
    assert dialog.renewal.isChecked() and dialog.renewal.text() == "Assumed renewed on time"
    dialog.state.setCurrentIndex(dialog.state.findData("TX"))
    dialog.expires.set_date(date(2027, 7, 31))
    dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    (lic,) = hours_services.education.licenses()
    assert lic.renewal_assumed
    assert page.licenses.model.rows[0][5] == "Assumed on time"
    page.licenses.select_row(0)
    page.licenses.edit_button.click()
    page.dialog.renewal.setChecked(False)
    page.dialog.try_accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert not hours_services.education.licenses()[0].renewal_assumed
    assert page.licenses.model.rows[0][5] == "Not being renewed"
