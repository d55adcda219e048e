"""Taking records out of the app: CSV, JSON and archive export, and PDF reports.

Each dialog asks where to save with the system's file picker (which asks before replacing a
file), writes through the services or the report writer (never onto a file of the data
folder), and says what it wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.ui.common.background import BackgroundTask, Job, run_in_background
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import Card, FieldError, heading, muted, plural
from careerplanner.ui.files.file_dialogs import buttons_with, choices, save_path, say

if TYPE_CHECKING:
    from careerplanner.io.export_file import ExportTarget
    from careerplanner.services import Services

EXPORTS = (  # (key, choice, explanation)
    ("hours", "Hours as CSV", "Every column, dates as YYYY-MM-DD, safe to open in a spreadsheet."),
    ("ce", "CE activities as CSV", "Date, hours, topic, title, provider and certificate."),
    ("json", "The whole plan as JSON", "A complete copy that can be imported into an empty data "
     "folder, exactly as it is now, without the certificate files. The date range does not "
     "apply."),
    ("archive", "Everything, to move to another computer", "The whole plan and your CE "
     "certificate files in one .careerplanner file. On the other computer, open it with File "
     "\u25b8 Import a plan\u2026 in an empty data folder."),
)  # fmt: skip
SUFFIXES = {"hours": ".csv", "ce": ".csv", "json": ".json", "archive": ".careerplanner"}
NAMES = {"hours": "hours", "ce": "ce", "json": "plan", "archive": "plan"}


class ExportDialog(QDialog):
    """Hours or CE as CSV (optionally a date range), or the whole plan as JSON."""

    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Export your records", level=2))
        self.choice = choices(layout, EXPORTS)
        self.range_card = Card("Date range")
        form = QFormLayout()
        today = services.today
        self.start = DateField(field="From", key="start", today=today)
        self.end = DateField(field="To", key="end", today=today)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        self.range_card.body.addLayout(form)
        self.range_card.body.addWidget(
            muted("Leave a date empty to export from the first record or to the last.")
        )
        layout.addWidget(self.range_card)
        self.choice.idToggled.connect(lambda *_: self.range_card.setEnabled(self.ranged))
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

    @property
    def ranged(self) -> bool:
        return self.kind in ("hours", "ce")

    def choose(self, kind: str) -> None:
        """Check the export of `kind` (as the File menu's "Move to another computer" does)."""
        self.choice.button([key for key, *_ in EXPORTS].index(kind)).click()

    def export(self) -> None:
        self.error.clear_error()
        try:
            start, end = self.start.date(), self.end.date()
        except ValidationError as error:
            say(self, self.error, error.message)
            return
        if self.ranged and start and end and end < start:
            say(self, self.error, "The end of the range must be on or after its start.")
            return
        today = self.services.today().isoformat()
        suffix = SUFFIXES[self.kind]
        name = f"careerplanner-{NAMES[self.kind]}-{today}{suffix}"
        target = save_path(self, "Export", name, suffix)
        if target is None:
            return
        try:
            what = self._write(target, start, end)
        except (OSError, ValidationError) as error:
            say(self, self.error, f"Nothing was exported: {error}")
            return
        message = f"Exported {what} to {target.name}."
        say(self, self.outcome, f"{message}\nFolder: {target.parent}")
        self.status_message.emit(message)

    def _write(self, target: Path, start: date | None, end: date | None) -> str:
        """Export to `target` (the user agreed to replace it); what was written, in words."""
        records = self.services.records
        if self.kind == "hours":
            count = records.export_hours_csv(target, start, end, force=True)
            return f"{count:,} hours entr{'y' if count == 1 else 'ies'}"
        if self.kind == "ce":
            count = records.export_ce_csv(target, start, end, force=True)
            return f"{count:,} CE activit{'y' if count == 1 else 'ies'}"
        if self.kind == "json":
            records.export_json(target, force=True)
            return "your whole plan"
        plan = self.services.archive.export(target, force=True)
        files = sum(1 for c in plan.ce if c.certificate)
        return f"your whole plan and {files:,} certificate file{'' if files == 1 else 's'}"


def write_report(
    out: ExportTarget, job: Job, write: Callable[[Path], tuple[int, str]]
) -> tuple[int, str]:
    """Write into the target's temporary file; it takes the target's place only if the user
    did not cancel meanwhile (Cancelled leaves the block, and the temporary file goes)."""
    with out.writing() as temp:
        done = write(temp)
        job.check()
    return done


class ReportDialog(QDialog):
    """The hours-verification report or the CE transcript as a PDF, then offers to open it."""

    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
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
        self.first = DateField(first, required=True, field="From", today=services.today)
        self.last = DateField(self.today, required=True, field="To", today=services.today)
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
        self.create_button.clicked.connect(self.create_report)
        self.open_button.clicked.connect(self.open_pdf)
        layout.addWidget(buttons)

    @property
    def kind(self) -> str:
        return ("hours", "ce")[self.choice.checkedId()]

    def create_report(self) -> BackgroundTask[tuple[int, str]] | None:
        """Ask where, then write the PDF in the background; Cancel leaves no file."""
        self.error.clear_error()
        try:
            first, last = self.first.required_date(), self.last.required_date()
        except ValidationError as error:
            say(self, self.error, error.message)
            return None
        if self.kind == "hours" and last < first:
            say(self, self.error, "The last date must be on or after the first.")
            return None
        name = "hours-report" if self.kind == "hours" else "ce-transcript"
        target = save_path(self, "Save the report", f"{name}-{self.today.isoformat()}.pdf", ".pdf")
        if target is None:
            return None
        try:
            out = self.services.records.export_target(target, force=True)  # agreed in the picker
        except ValidationError as error:
            say(self, self.error, f"The report was not saved: {error}")
            return None
        writer = self._writer(first, last)
        self.create_button.setEnabled(False)
        return run_in_background(
            self, "Writing the report…", lambda job: write_report(out, job, writer),
            lambda done: self._saved(target, *done), on_error=self._failed,
            on_cancelled=self._cancelled,
        )  # fmt: skip

    def _writer(self, first: date, last: date) -> Callable[[Path], tuple[int, str]]:
        """What writes the chosen report to a path: (pages, what it holds); the records are
        read here, on the window's thread."""
        if self.kind == "ce":
            job = self.services.reports.ce()
            what = plural(job.count, "CE activity")
        else:
            chosen = [cert_id for cert_id, box in self.certs.items() if box.isChecked()]
            job = self.services.reports.hours(first, last, self.employer.currentData(), chosen)
            what = plural(job.count, "entry")
        return lambda path: (job.write(path), what)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        if not isinstance(error, (OSError, ValidationError)):
            raise error
        say(self, self.error, f"The report was not saved: {error}")

    def _cancelled(self) -> None:
        self.create_button.setEnabled(True)
        say(self, self.outcome, "Cancelled: no report was saved.")

    def _saved(self, target: Path, pages: int, what: str) -> None:
        self.create_button.setEnabled(True)
        self.written = target
        self.open_button.setEnabled(True)
        message = f"Saved {target.name}: {pages} page{'s' if pages != 1 else ''}, {what}."
        say(self, self.outcome, f"{message}\nFolder: {target.parent}")
        self.status_message.emit(message)

    def open_pdf(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
