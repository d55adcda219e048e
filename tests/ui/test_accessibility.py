"""Every page and dialog: each input Tab reaches has an accessible name that is not its value;
charts are no Tab stops and carry their numbers as text; on Hours, quick-add comes first."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QWidget,
)

from careerplanner.app import Running
from careerplanner.domain.model import WorkEntry
from careerplanner.ui.ce.ce_dialog import CeDialog, new_activity
from careerplanner.ui.common.accessibility import focusable_inputs, install
from careerplanner.ui.education.education_dialogs import (
    DegreeDialog,
    ExamDialog,
    LicenseDialog,
    new_degree,
    new_exam,
    new_license,
)
from careerplanner.ui.explore.explore_page import ExplorePage
from careerplanner.ui.files.export_dialogs import ExportDialog, ReportDialog
from careerplanner.ui.files.import_dialog import CsvImportDialog
from careerplanner.ui.files.plan_import_dialog import PlanImportDialog
from careerplanner.ui.files.restore_dialog import RestoreDialog
from careerplanner.ui.hours import HoursPage
from careerplanner.ui.hours.entry_dialog import EntryDialog
from careerplanner.ui.hours.lock_dialogs import UnlockDialog, VerifyDialog
from careerplanner.ui.main_window import PAGE_NAMES
from careerplanner.ui.timeline.scenario_dialog import ScenarioDialog

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def names_inputs() -> Iterator[None]:
    """As in the app: every window names its inputs when shown."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    names = install(app)
    yield
    app.removeEventFilter(names)


def current_value(widget: QWidget) -> str:
    for attribute in ("currentText", "text", "toPlainText"):
        method = getattr(widget, attribute, None)
        if callable(method):
            value = method()
            if isinstance(value, str):
                return value
    return ""


def unnamed(root: QWidget) -> list[str]:
    """Inputs Tab reaches whose name is missing or just repeats what they show."""
    found = []
    for widget in focusable_inputs(root):
        if isinstance(widget, (QAbstractButton, QLabel)):
            continue  # a button or link is announced by its own words
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the text part of a spin or combo box, which is named itself
        name, value = widget.accessibleName(), current_value(widget)
        if not name or (value and name == value):
            found.append(f"{type(widget).__name__} {name!r} showing {value!r}")
    return found


def test_every_page_names_its_inputs(qtbot: Any, running: Running) -> None:
    window = running.window
    for page_name in PAGE_NAMES:
        page = window.show_page(page_name)
        qtbot.waitUntil(page.isVisible)
        assert unnamed(page) == [], page_name
        charts = page.findChildren(QGraphicsView)
        assert [c for c in charts if c.focusPolicy() != Qt.FocusPolicy.NoFocus] == [], page_name


def dialogs(running: Running, tmp_path: Path) -> list[tuple[str, Callable[[], QWidget]]]:
    services = running.services
    entry = services.hours.list()[0]
    hours_csv = tmp_path / "hours.csv"
    with hours_csv.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([["date", "hours"], ["2026-03-02", "8"]])
    keep = lambda *_args: None  # noqa: E731 - the dialogs' save callbacks are not used here
    verified = WorkEntry(entry.start, 8.0, verified_by="Dana Ortiz", verified_on=TODAY)
    return [
        ("entry", lambda: EntryDialog(entry, keep, ["Mercy General"])),
        ("verify", lambda: VerifyDialog([entry], TODAY, keep)),
        ("unlock", lambda: UnlockDialog(verified, keep)),
        ("degree", lambda: DegreeDialog(new_degree(), keep)),
        ("license", lambda: LicenseDialog(new_license(TODAY), keep)),
        ("exam", lambda: ExamDialog(new_exam(TODAY), keep)),
        ("ce", lambda: CeDialog(new_activity(TODAY), keep)),
        ("export", lambda: ExportDialog(services)),
        ("report", lambda: ReportDialog(services)),
        ("plan import", lambda: PlanImportDialog(services)),
        ("backups", lambda: RestoreDialog(services)),
        ("scenario", lambda: ScenarioDialog(services)),
        ("csv import", lambda: CsvImportDialog(services, "hours", path=hours_csv)),
    ]


def test_every_dialog_names_its_inputs(qtbot: Any, running: Running, tmp_path: Path) -> None:
    for label, make in dialogs(running, tmp_path):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        assert unnamed(dialog) == [], (label, unnamed(dialog))
        dialog.close()


def test_charts_carry_their_numbers_as_text(qtbot: Any, running: Running) -> None:
    page = ExplorePage(running.services)
    qtbot.addWidget(page)
    for chart in page.charts.values():
        assert chart.accessibleName() == chart.series.title
        first = chart.series.bars[0]
        assert chart.accessibleDescription().startswith(f"{first.label}: ")
        assert chart.accessibleDescription().count(";") == len(chart.series.bars) - 1


def test_on_hours_tab_starts_in_quick_add(qtbot: Any, running: Running) -> None:
    page = running.window.show_page("hours")
    assert isinstance(page, HoursPage)
    qtbot.waitUntil(page.isVisible)
    order: list[QWidget] = []
    widget = page.quick_add.date
    for _ in range(400):
        order.append(widget)
        widget = widget.nextInFocusChain()
    stops = [w for w in order if w in focusable_inputs(page)]
    bar = page.quick_add
    expected = [bar.date, bar.hours, bar.activity, bar.setting, bar.supervision, bar.paid,
                bar.employer, bar.notes, bar.add_button]  # fmt: skip
    assert stops[: len(expected)] == expected
    toolbar = [page.buttons["new"]]
    assert all(stops.index(b) < stops.index(page.filter_bar.text) for b in toolbar)
    assert stops.index(page.filter_bar.text) < stops.index(page.table)
