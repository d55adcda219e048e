"""Export (CSV, JSON), PDF reports, and bringing a plan file into an empty data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from careerplanner.app import Running
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.model import CeActivity, CeTopic, Goal, Setting, Supervision, WorkEntry
from careerplanner.io.csv_export import CE_HEADERS, HOURS_HEADERS
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.ui.files.export_dialogs import (
    ExportDialog,
    ReportDialog,
)
from careerplanner.ui.files.import_dialog import CsvImportDialog
from careerplanner.ui.files.plan_import_dialog import NOT_EMPTY, PlanImportDialog

TODAY = date(2026, 11, 26)


def fill(services: Services) -> None:
    for day, employer in ((2, "Mercy General"), (3, "Mercy General"), (20, "Lakeside Clinic")):
        services.hours.add(
            WorkEntry(
                date(2026, 3, day), 7.5, setting=Setting.HOSPITAL, supervision=Supervision.CCM,
                employer=employer, notes="=SUM(A1)",
            )
        )  # fmt: skip
    services.hours.add(WorkEntry(date(2025, 6, 2), 6.0, employer="Lakeside Clinic"))
    services.ce.add(CeActivity(date(2026, 2, 10), 1.5, CeTopic.ETHICS, "Ethics", "CMSA"))
    services.goals.add(Goal("CCM"))


@pytest.fixture
def saved_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The save picker answers with tmp_path/<suggested name> and records what it offered."""
    offered: list[Path] = []

    def pick(parent: Any, title: str, start: str, pattern: str, **_: Any) -> tuple[str, str]:
        offered.append(tmp_path / Path(start).name)
        return str(offered[-1]), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    return offered


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_hours_export_writes_every_column_for_the_chosen_range(
    qtbot: Any, services: Services, saved_to: list[Path]
) -> None:
    fill(services)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.start.set_date(date(2026, 1, 1))
    dialog.end.set_date(date(2026, 3, 10))
    with qtbot.waitSignal(dialog.status_message) as said:
        dialog.export_button.click()
    path = saved_to[-1]
    assert path.name == "careerplanner-hours-2026-11-26.csv"
    assert said.args == [f"Exported 2 hours entries to {path.name}."]
    rows = read_rows(path)
    assert list(rows[0]) == list(HOURS_HEADERS)
    assert [r["Date"] for r in rows] == ["2026-03-02", "2026-03-03"]
    assert rows[0]["Employer"] == "Mercy General" and rows[0]["Notes"] == "'=SUM(A1)"


def test_a_backwards_range_is_refused(qtbot: Any, services: Services, saved_to: list[Path]) -> None:
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.start.set_date(date(2026, 3, 10))
    dialog.end.set_date(date(2026, 1, 1))
    dialog.export_button.click()
    assert "on or after its start" in dialog.error.text() and saved_to == []


def test_ce_csv_and_the_plan_as_json_round_trip(
    qtbot: Any, services: Services, catalog: Catalog, saved_to: list[Path], tmp_path: Path
) -> None:
    fill(services)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.choice.button(1).click()
    dialog.export_button.click()
    rows = read_rows(saved_to[-1])
    assert list(rows[0]) == list(CE_HEADERS) and rows[0]["Topic"] == "Ethics"
    dialog.choice.button(2).click()
    assert not dialog.range_card.isEnabled()
    dialog.export_button.click()
    plan_file = saved_to[-1]
    assert plan_file.suffix == ".json"
    with Database.open(tmp_path / "empty") as database:
        fresh = Services(database, catalog, today=lambda: TODAY)
        importer = PlanImportDialog(fresh)
        qtbot.addWidget(importer)
        assert importer.choose_button.isEnabled()
        importer.import_file(plan_file)
        assert "4 hours entries, 1 CE activities, 1 goals" in importer.outcome.text()
        assert fresh.plan.snapshot().entries == services.plan.snapshot().entries
        assert fresh.ce.list() == services.ce.list()


def test_a_plan_is_not_imported_into_a_folder_that_holds_one(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    fill(services)
    dialog = PlanImportDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.choose_button.isEnabled()
    assert dialog.explanation.text() == NOT_EMPTY and "--data-dir" in NOT_EMPTY
    plan_file = tmp_path / "plan.json"
    services.records.export_json(plan_file)
    dialog.import_file(plan_file)  # the service refuses; the dialog says why
    assert dialog.error.text() == NOT_EMPTY
    assert len(services.hours.list()) == 4


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_hours_report_is_written_for_the_chosen_range_and_can_be_opened(
    qtbot: Any, services: Services, saved_to: list[Path], opened: list[QUrl]
) -> None:
    fill(services)
    dialog = ReportDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.certs["CCM"].isChecked()  # a goal: pre-checked
    assert [dialog.employer.itemText(i) for i in range(dialog.employer.count())] == [
        "All employers",
        "Lakeside Clinic",
        "Mercy General",
    ]
    assert dialog.first.date() == date(2025, 6, 2)  # from the first entry
    dialog.first.set_date(date(2026, 1, 1))
    dialog.last.set_date(date(2026, 3, 31))
    dialog.employer.setCurrentIndex(2)
    assert not dialog.open_button.isEnabled()
    dialog.create_button.click()
    qtbot.waitUntil(dialog.open_button.isEnabled)
    path = saved_to[-1]
    assert path.name == "hours-report-2026-11-26.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert "2 entries" in dialog.outcome.text()  # Mercy General, Jan to March 2026
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_ce_transcript_pdf(qtbot: Any, services: Services, saved_to: list[Path]) -> None:
    fill(services)
    dialog = ReportDialog(services)
    qtbot.addWidget(dialog)
    dialog.choice.button(1).click()
    assert not dialog.hours_card.isEnabled()
    dialog.create_button.click()
    qtbot.waitUntil(dialog.open_button.isEnabled)
    assert saved_to[-1].read_bytes().startswith(b"%PDF")
    assert "1 CE activity" in dialog.outcome.text()


def test_a_cancelled_picker_writes_nothing(
    qtbot: Any, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    dialog = ReportDialog(services)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert dialog.outcome.text() == "" and not dialog.open_button.isEnabled()
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_file_menu_opens_them(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    window = running.window
    actions = {a.text().replace("&", ""): a for a in window.findChildren(QAction)}
    expected = {
        "Import hours from CSV…": CsvImportDialog,
        "Import CE from CSV…": CsvImportDialog,
        "Export…": ExportDialog,
        "Reports (PDF)…": ReportDialog,
        "Import a plan…": PlanImportDialog,
        "Move to another computer…": ExportDialog,
    }
    for text, cls in expected.items():
        actions[text].trigger()
        shown = [d for d in window.findChildren(cls) if d.isVisible()]
        assert len(shown) == 1, text
        shown[0].reject()
    move = actions["Move to another computer…"]
    move.trigger()
    [dialog] = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert dialog.kind == "archive" and not dialog.range_card.isEnabled()


def test_the_archive_moves_the_plan_and_its_certificates(
    qtbot: Any, services: Services, catalog: Catalog, saved_to: list[Path], tmp_path: Path
) -> None:
    fill(services)
    scan = tmp_path / "ethics certificate.pdf"
    scan.write_bytes(b"%PDF-1.4 a scanned certificate")
    services.ce_files.add(CeActivity(date(2026, 4, 1), 2, CeTopic.ETHICS, "Ethics II"), scan)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.choose("archive")
    with qtbot.waitSignal(dialog.status_message) as said:
        dialog.export_button.click()
    archive = saved_to[-1]
    assert archive.name == "careerplanner-plan-2026-11-26.careerplanner"
    assert said.args == [f"Exported your whole plan and 1 certificate file to {archive.name}."]
    with Database.open(tmp_path / "new computer") as database:
        fresh = Services(database, catalog, today=lambda: TODAY)
        importer = PlanImportDialog(fresh)
        qtbot.addWidget(importer)
        importer.import_file(archive)
        assert "2 CE activities, 1 goals, 1 certificate files" in importer.outcome.text()
        assert fresh.ce.list() == services.ce.list()
        [with_file] = [c for c in fresh.ce.list() if c.certificate]
        stored = fresh.ce_files.path(with_file)
        assert stored is not None and stored.read_bytes() == scan.read_bytes()


@pytest.mark.parametrize("agree", [False, True])
def test_an_existing_file_is_replaced_only_when_the_user_agrees(
    qtbot: Any,
    services: Services,
    saved_to: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    agree: bool,
) -> None:
    fill(services)
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if agree else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    existing = tmp_path / "careerplanner-hours-2026-11-26.csv"
    existing.write_text("the user's own spreadsheet")
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    assert asked == [
        f"{existing.name} already exists in {tmp_path}.\n\nReplace it? Its contents will be lost."
    ]
    if agree:
        assert list(read_rows(existing)[0]) == list(HOURS_HEADERS)
        assert "Exported 4 hours entries" in dialog.outcome.text()
    else:
        assert existing.read_text() == "the user's own spreadsheet"
        assert dialog.outcome.text() == ""


def test_a_file_of_the_data_folder_is_refused_even_when_agreed(
    qtbot: Any, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(services)
    database = services.db.path
    before = database.read_bytes()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(database) + ".pdf", "")
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog = ReportDialog(services)
    qtbot.addWidget(dialog)
    dialog.create_button.click()  # the .pdf name is new: a file of the data folder all the same
    assert "data folder" in dialog.error.text() and not dialog.open_button.isEnabled()
    assert not Path(str(database) + ".pdf").exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(database), ""))
    exporter = ExportDialog(services)
    qtbot.addWidget(exporter)
    exporter.choose("json")
    exporter.export_button.click()  # "careerplanner.sqlite3.json": still in the data folder
    assert "data folder" in exporter.error.text()
    assert database.read_bytes() == before and len(services.hours.list()) == 4


def test_a_hostile_archive_is_refused_with_its_reason(
    qtbot: Any, catalog: Catalog, tmp_path: Path
) -> None:
    import zipfile

    hostile = tmp_path / "plan.careerplanner"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("plan.json", '{"format": "CareerPlanner plan", "version": 1}')
        archive.writestr("../../outside.txt", "x")
    with Database.open(tmp_path / "empty") as database:
        fresh = Services(database, catalog, today=lambda: TODAY)
        dialog = PlanImportDialog(fresh)
        qtbot.addWidget(dialog)
        dialog.import_file(hostile)
        assert dialog.error.text() == (
            "The plan was not imported: the archive holds '../../outside.txt', which is not a "
            "certificate of a plan."
        )
        assert fresh.plan.is_empty() and dialog.choose_button.isEnabled()
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_report_cancelled_while_written_leaves_no_file(
    services: Services, tmp_path: Path
) -> None:
    from careerplanner.ui.common.background import Cancelled, Job
    from careerplanner.ui.files.export_dialogs import write_report

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = services.records.export_target(out_dir / "hours-report.pdf")

    def write(path: Path) -> tuple[int, str]:
        path.write_bytes(b"%PDF-1.4 ...")
        return 3, "12 entries"

    job = Job()
    job.cancel()
    with pytest.raises(Cancelled):
        write_report(target, job, write)
    assert list(out_dir.iterdir()) == []
    assert write_report(target, Job(), write) == (3, "12 entries")
    assert [p.name for p in out_dir.iterdir()] == ["hours-report.pdf"]
