"""The CSV import dialog: preview with line numbers, column mapping, duplicates, all or nothing,
the person and date-format choices, the valid-rows-only box, and work in the background."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careerplanner.domain.model import CeTopic, Setting
from careerplanner.services import Services
from careerplanner.ui.common.background import Job
from careerplanner.ui.files.import_dialog import CsvImportDialog
from careerplanner.ui.files.import_mapping import NOT_USED

GOOD_HOURS = (
    "Date,Hours,Activity,Setting,Employer,Notes\n"
    "2026-03-02,7.5,case-management,hospital,Mercy General,discharge planning\n"
    "2026-03-03,8,case-management,hospital,Mercy General,\n"
    "2026-03-04,6,case-management,clinic,Mercy General,care conference\n"
)


def write(tmp_path: Path, text: str, name: str = "hours.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def settle(qtbot: Any, dialog: CsvImportDialog) -> None:
    """Wait for the background preview or import to be handed back."""
    qtbot.waitUntil(lambda: not dialog.busy)


def dialog_for(qtbot: Any, services: Services, path: Path, kind: str = "hours") -> Any:
    dialog = CsvImportDialog(services, kind, path=path)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    return dialog


def choose(qtbot: Any, dialog: CsvImportDialog, field: str, column: str) -> None:
    combo = dialog.combos[field]
    combo.setCurrentIndex(combo.findText(column))
    settle(qtbot, dialog)


def click_import(qtbot: Any, dialog: CsvImportDialog) -> None:
    dialog.import_button.click()
    settle(qtbot, dialog)


def test_a_bad_row_is_shown_with_its_line_and_reason_and_blocks_the_import(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    text = GOOD_HOURS + "2026-03-05,lots,case-management,hospital,Mercy General,\n"
    dialog = dialog_for(qtbot, services, write(tmp_path, text))
    assert dialog.problems_model.texts(0) == ["5"]
    assert dialog.problems_model.texts(2) == ["Hours: 'lots' is not a number"]
    assert dialog.tabs.currentIndex() == 1 and dialog.tabs.tabText(1) == "Problems (1)"
    assert "1 row has a problem" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.run_import()  # even when called directly, nothing is stored
    settle(qtbot, dialog)
    assert services.hours.list() == ()
    dialog.choices.skip_invalid.setChecked(True)  # the explicit choice: the valid rows only
    settle(qtbot, dialog)
    assert dialog.import_button.text() == "Import 3 entries"
    click_import(qtbot, dialog)
    assert len(services.hours.list()) == 3
    assert "1 row with problems left out" in dialog.summary.text()


def test_the_preview_names_what_was_detected_and_the_ignored_columns(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    text = "Date;Hours;Mileage\n2026-03-02;7,5;12\n".replace("7,5", "7.5")
    path = tmp_path / "semicolons.csv"
    path.write_bytes(text.encode("cp1252"))
    dialog = dialog_for(qtbot, services, path)
    assert "semicolons" in dialog.detected.text() and "1 row." in dialog.detected.text()
    assert "Mileage" in dialog.ignored.text()
    assert dialog.rows_model.texts(1) == ["2026-03-02"]
    assert dialog.rows_model.texts(7) == ["Paid"]  # in words, as the Hours page
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 1 entry"


def test_custom_headers_are_mapped_with_the_combos_and_every_row_is_imported(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    text = (
        "Day worked;Time spent;Place;Agency\n"
        "2026-04-06;7.5;hospital;Mercy General\n"
        "2026-04-07;8;clinic;Mercy General\n"
        "2026-04-08;4.25;hospital;Lakeside Clinic\n"
    )
    dialog = dialog_for(qtbot, services, write(tmp_path, text))
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert dialog.mapping_card.isVisibleTo(dialog) and dialog.mapping_toggle.isChecked()
    assert "no column for" in dialog.mapping_problem.text()
    assert dialog.combos["employer"].currentText() == "Agency"  # found by its header name
    assert dialog.combos["hours"].currentText() == NOT_USED
    choose(qtbot, dialog, "start", "Day worked")
    choose(qtbot, dialog, "hours", "Time spent")
    choose(qtbot, dialog, "setting", "Place")
    assert dialog.preview is not None and dialog.preview.ok
    assert dialog.mapping_problem.isHidden()
    assert dialog.import_button.text() == "Import 3 entries"
    with qtbot.waitSignal(dialog.status_message) as said:
        dialog.import_button.click()
    settle(qtbot, dialog)
    assert said.args == ["Imported 3 entries."]
    stored = sorted(services.hours.list(), key=lambda e: e.start)
    assert [(e.start, e.hours, e.setting, e.employer) for e in stored] == [
        (date(2026, 4, 6), 7.5, Setting.HOSPITAL, "Mercy General"),
        (date(2026, 4, 7), 8.0, Setting.CLINIC, "Mercy General"),
        (date(2026, 4, 8), 4.25, Setting.HOSPITAL, "Lakeside Clinic"),
    ]
    assert not dialog.import_button.isEnabled()  # no second import of the same preview


def test_ce_with_custom_headers(qtbot: Any, services: Services, tmp_path: Path) -> None:
    text = (
        "Completed,Credits,Category,Course\n"
        "2026-02-10,1.5,ethics,Ethics in discharge planning\n"
        "2026-02-11,3,general,Motivational interviewing\n"
    )
    dialog = dialog_for(qtbot, services, write(tmp_path, text, "ce.csv"), "ce")
    choose(qtbot, dialog, "topic", "Category")
    assert dialog.rows_model.texts(3) == ["Ethics", "General"]  # in words, as the CE page
    assert dialog.import_button.text() == "Import 2 CE activities"
    click_import(qtbot, dialog)
    stored = sorted(services.ce.list(), key=lambda c: c.date)
    assert [(c.hours, c.topic, c.title) for c in stored] == [
        (1.5, CeTopic.ETHICS, "Ethics in discharge planning"),
        (3.0, CeTopic.GENERAL, "Motivational interviewing"),
    ]


def test_re_importing_reports_duplicates_and_adds_nothing(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    path = write(tmp_path, GOOD_HOURS)
    first = dialog_for(qtbot, services, path)
    click_import(qtbot, first)
    before = services.hours.list()
    assert len(before) == 3
    again = dialog_for(qtbot, services, path)
    assert again.tabs.tabText(2) == "Skipped (3)"
    assert again.skipped_model.texts(0) == ["2", "3", "4"]
    assert set(again.skipped_model.texts(1)) == {"Already in your hours"}
    assert "nothing new to import" in again.summary.text()
    assert not again.import_button.isEnabled()
    assert services.hours.list() == before
    grown = write(tmp_path, GOOD_HOURS + "2026-03-09,5,case-management,hospital,Mercy,\n", "2.csv")
    third = dialog_for(qtbot, services, grown)
    click_import(qtbot, third)
    assert third.summary.text() == "Imported 1 entry; 3 duplicates skipped."
    assert len(services.hours.list()) == 4


def test_cancel_during_the_import_stores_nothing(
    qtbot: Any, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = dialog_for(qtbot, services, write(tmp_path, GOOD_HOURS))
    real_report = Job.report

    def cancel_first(job: Job, done: int, total: int) -> None:
        job.cancel()  # as if the user pressed Cancel while the rows were being stored
        real_report(job, done, total)

    monkeypatch.setattr(Job, "report", cancel_first)
    dialog.run_preview()
    settle(qtbot, dialog)
    assert dialog.error.text() == "Reading the file was cancelled."
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    monkeypatch.setattr(Job, "report", real_report)
    dialog.run_preview()
    settle(qtbot, dialog)
    monkeypatch.setattr(Job, "report", cancel_first)
    click_import(qtbot, dialog)
    assert "Cancelled; nothing was added" in dialog.error.text()
    assert services.hours.list() == ()
    monkeypatch.setattr(Job, "report", real_report)
    assert dialog.import_button.isEnabled()
    click_import(qtbot, dialog)
    assert len(services.hours.list()) == 3


TEAM = (
    "Employee?,First Name,Last Name,Date,Hours\n"
    "Yes,Ann,Lee,2024-03-04,4\nYes,Ann,Lee,2024-03-04,4\nYes,Bo,Park,2024-03-05,1\n"
)


def test_a_team_export_shows_the_tool_and_asks_whose_rows(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, services, write(tmp_path, TEAM))
    assert dialog.detected.text().startswith("Harvest export, read as UTF-8")
    assert dialog.choices.person.isVisibleTo(dialog)
    assert "holds the hours of 2 people" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.choices.person.setCurrentIndex(dialog.choices.person.findText("Ann Lee"))
    settle(qtbot, dialog)
    assert "the rows of Ann Lee" in dialog.detected.text()
    assert dialog.import_button.text() == "Import 2 entries"  # two equal sessions, both kept
    assert "1 row of other people are left out" in dialog.notes.text()


def test_ambiguous_dates_ask_for_the_order(qtbot: Any, services: Services, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, services, write(tmp_path, "Date,Hours\n03/04/2024,2\n"))
    assert dialog.choices.order.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.choices.order.setCurrentIndex(2)  # day first
    settle(qtbot, dialog)
    assert dialog.rows_model.texts(1) == ["2024-04-03"]
    assert "dates as DD/MM/YYYY" in dialog.detected.text()


def test_not_imported_sticks_and_skipped_rows_are_listed(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    text = "Datum;Ist_h;Notiz\n02.01.2025;8,5;Büro\n06.01.2025;0,00;Feiertag\n;168,50;\n"
    dialog = dialog_for(qtbot, services, write(tmp_path, text))
    assert dialog.skipped_model.texts(1) == ["0 hours (a day off)", "A total or summary row"]
    assert dialog.combos["notes"].currentText() == "Notiz"
    choose(qtbot, dialog, "notes", NOT_USED)
    assert dialog.combos["notes"].currentText() == NOT_USED  # it does not snap back
    assert dialog.preview is not None and dialog.preview.rows[0].notes == ""
    assert "Notiz" in dialog.ignored.text()


def test_an_unreadable_file_is_explained(qtbot: Any, services: Services, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, services, write(tmp_path, ""))
    assert "can't be imported" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_choose_file_uses_the_picker(
    qtbot: Any, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    path = write(tmp_path, GOOD_HOURS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = CsvImportDialog(services, "hours")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.choose_button.click()
    settle(qtbot, dialog)
    assert dialog.file_label.text() == str(path)
    assert dialog.import_button.isEnabled()


def test_a_choice_made_while_the_file_is_read_is_not_lost(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, services, write(tmp_path, TEAM))
    dialog.run_preview()  # reading again…
    assert dialog.busy
    dialog.choices.person.setCurrentIndex(
        dialog.choices.person.findText("Bo Park")
    )  # …and choosing
    settle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.person == "Bo Park"
    assert dialog.import_button.text() == "Import 1 entry"
