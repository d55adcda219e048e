"""Taking records out of the app: CSV and JSON export, PDF reports, and a plan file brought in.

Each dialog asks where to save with the system's file picker, writes through the services
or the report writer, and says what it wrote. A plan (JSON) is imported only into an empty
data folder; the dialog explains why when the folder already holds a plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.ui.file_dialogs import buttons_with, choices, save_path, say
from careerplanner.ui.widgets import (
    Card,
    FieldError,
    OptionalDateEdit,
    date_edit,
    heading,
    muted,
    to_date,
)

EXPORTS = (  # (key, choice, explanation)
    ("hours", "Hours as CSV", "Every column, dates as YYYY-MM-DD, safe to open in a spreadsheet."),
    ("ce", "CE activities as CSV", "Date, hours, topic, title, provider and certificate."),
    ("json", "The whole plan as JSON", "A complete copy that can be imported into an empty data "
     "folder, exactly as it is now. The date range does not apply."),
)  # fmt: skip


class ExportDialog(QDialog):
    """Hours or CE as CSV (optionally a date range), or the whole plan as JSON."""

    status_message = Signal(str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Export your records", level=2))
        self.choice = choices(layout, EXPORTS)
        self.range_card = Card("Date range")
        form = QFormLayout()
        self.start, self.end = OptionalDateEdit(), OptionalDateEdit()
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        self.range_card.body.addLayout(form)
        self.range_card.body.addWidget(
            muted("Leave a date as \u201cNot set\u201d to export from the first or to the last.")
        )
        layout.addWidget(self.range_card)
        self.choice.idToggled.connect(lambda *_: self.range_card.setEnabled(self.kind != "json"))
        self.error = FieldError()
        self.outcome = muted()
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        buttons, self.export_button = buttons_with(self, "Export…")
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)

    @property
    def kind(self) -> str:
        return EXPORTS[self.choice.checkedId()][0]

    def export(self) -> None:
        self.error.clear_error()
        start, end = self.start.value(), self.end.value()
        if self.kind != "json" and start and end and end < start:
            say(self, self.error, "The end of the range must be on or after its start.")
            return
        today = self.services.today().isoformat()
        suffix = ".json" if self.kind == "json" else ".csv"
        name = f"careerplanner-{'plan' if self.kind == 'json' else self.kind}-{today}{suffix}"
        target = save_path(self, "Export", name, suffix)
        if target is None:
            return
        records = self.services.records
        try:
            if self.kind == "hours":
                count = records.export_hours_csv(target, start, end)
                what = f"{count:,} hours entr{'y' if count == 1 else 'ies'}"
            elif self.kind == "ce":
                count = records.export_ce_csv(target, start, end)
                what = f"{count:,} CE activit{'y' if count == 1 else 'ies'}"
            else:
                records.export_json(target)
                what = "your whole plan"
        except (OSError, ValidationError) as error:
            say(self, self.error, f"Nothing was exported: {error}")
            return
        message = f"Exported {what} to {target.name}."
        say(self, self.outcome, f"{message}\nFolder: {target.parent}")
        self.status_message.emit(message)


class ReportDialog(QDialog):
    """The hours-verification report or the CE transcript as a PDF, then offers to open it."""

    status_message = Signal(str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.written: Path | None = None
        self.setWindowTitle("Reports (PDF)")
        self.setMinimumWidth(600)
        plan = services.plan.snapshot()
        self.today: date = services.today()
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Reports to print or send", level=2))
        self.choice = choices(
            layout,
            (
                ("hours", "Hours verification report",
                 "Your entries in a date range, totals by setting and supervision, countable "
                 "hours, and signature lines for your supervisor."),
                ("ce", "CE transcript",
                 "Your CE activities, and for each credential you hold its renewal cycle with "
                 "the hours completed and still needed."),
            ),
        )  # fmt: skip
        self.hours_card = Card("Hours verification report")
        form = QFormLayout()
        first = min((e.start for e in plan.entries), default=date(self.today.year, 1, 1))
        self.first, self.last = date_edit(first), date_edit(self.today)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.last)
        dates.addStretch(1)
        form.addRow("Entries starting", dates)
        self.employer = QComboBox()
        self.employer.addItem("All employers", None)
        names = {e.employer.strip(): None for e in plan.entries if e.employer.strip()}
        for name in sorted(names, key=str.casefold):
            self.employer.addItem(name, name)
        form.addRow("Employer", self.employer)
        self.hours_card.body.addLayout(form)
        self.hours_card.body.addWidget(QLabel("Show the countable hours for:"))
        goals = {g.cert_id for g in plan.goals}
        self.certs: dict[str, QCheckBox] = {}
        for cert in services.catalog.certifications:
            box = QCheckBox(f"{cert.name} ({cert.id})")
            box.setChecked(cert.id in goals)
            self.certs[cert.id] = box
            self.hours_card.body.addWidget(box)
        layout.addWidget(self.hours_card)
        self.choice.idToggled.connect(lambda *_: self.hours_card.setEnabled(self.kind == "hours"))
        self.error = FieldError()
        self.outcome = muted()
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        buttons, self.create_button = buttons_with(self, "Create PDF…")
        self.open_button = QPushButton("Open the PDF")
        self.open_button.setEnabled(False)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.clicked.connect(self.create)
        self.open_button.clicked.connect(self.open_pdf)
        layout.addWidget(buttons)

    @property
    def kind(self) -> str:
        return ("hours", "ce")[self.choice.checkedId()]

    def create(self) -> None:
        from careerplanner.io import reports
        from careerplanner.io.report_logbook import ReportLogbook

        self.error.clear_error()
        first, last = to_date(self.first.date()), to_date(self.last.date())
        if self.kind == "hours" and last < first:
            say(self, self.error, "The last date must be on or after the first.")
            return
        name = "hours-report" if self.kind == "hours" else "ce-transcript"
        target = save_path(self, "Save the report", f"{name}-{self.today.isoformat()}.pdf", ".pdf")
        if target is None:
            return
        plan, catalog = self.services.plan.snapshot(), self.services.catalog
        try:
            if self.kind == "hours":
                employer = self.employer.currentData()
                chosen = [cert_id for cert_id, box in self.certs.items() if box.isChecked()]
                logbook = ReportLogbook(
                    self.services.supervisors.list(),
                    self.services.hours.changed_after_verification(),
                )
                pages = reports.hours_report(
                    target, plan, catalog, first=first, last=last, employer=employer,
                    cert_ids=chosen, today=self.today, logbook=logbook,
                )  # fmt: skip
                count = len(reports.select_entries(plan.entries, first, last, employer))
                what = f"{count:,} entr{'y' if count == 1 else 'ies'}"
            else:
                pages = reports.ce_transcript(target, plan, catalog, today=self.today)
                what = f"{len(plan.ce):,} CE activit{'y' if len(plan.ce) == 1 else 'ies'}"
        except (OSError, ValidationError) as error:
            say(self, self.error, f"The report was not saved: {error}")
            return
        self.written = target
        self.open_button.setEnabled(True)
        message = f"Saved {target.name}: {pages} page{'s' if pages != 1 else ''}, {what}."
        say(self, self.outcome, f"{message}\nFolder: {target.parent}")
        self.status_message.emit(message)

    def open_pdf(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))


NOT_EMPTY = (
    "This data folder already holds a plan, so a plan file can't be imported into it: two "
    "plans would be mixed together. To use the file, start CareerPlanner with a new, empty "
    "data folder (careerplanner --data-dir NEW-FOLDER) and import it there. To go back to an "
    "earlier copy of this plan, use File \u25b8 Backups and restore\u2026 instead."
)


class PlanImportDialog(QDialog):
    """Brings a plan exported as JSON into an empty data folder, ids and all."""

    status_message = Signal(str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Import a plan (JSON)")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Import a plan (JSON)", level=2))
        self.explanation = muted()
        layout.addWidget(self.explanation)
        self.error = FieldError()
        self.outcome = muted()
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        buttons, self.choose_button = buttons_with(self, "Choose a plan file…")
        self.choose_button.clicked.connect(self.choose_file)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        empty = self.services.plan.is_empty()
        self.choose_button.setEnabled(empty)
        self.explanation.setText(
            "Bring in a plan saved with File \u25b8 Export\u2026 \u25b8 The whole plan as JSON. "
            "Your data folder is empty, so the plan is reproduced exactly as it was exported."
            if empty
            else NOT_EMPTY
        )

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a plan", str(Path.home()), "Plan files (*.json);;All files (*)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.error.clear_error()
        try:
            plan = self.services.records.import_json(path)
        except ValidationError as error:
            refused = not self.services.plan.is_empty()
            say(
                self,
                self.error,
                NOT_EMPTY if refused else f"The plan was not imported: {error.message}.",
            )
            return
        self.refresh()
        message = (
            f"Imported the plan from {path.name}: {len(plan.entries):,} hours entries, "
            f"{len(plan.ce):,} CE activities, {len(plan.goals):,} goals."
        )
        self.choose_button.setEnabled(False)
        self.explanation.setText("")
        say(self, self.outcome, message)
        self.status_message.emit(message)
