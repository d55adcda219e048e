"""Education & Licenses page: add, edit and remove records; expiry warnings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, timedelta

from hours_fixtures import TODAY, hours_services  # noqa: F401

from careerplanner.domain.model import License, LicenseType
from careerplanner.ui.education_page import EducationPage, license_status


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
