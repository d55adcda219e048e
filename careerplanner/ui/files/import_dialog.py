"""Importing hours or CE activities from a CSV file: preview, choices, column mapping.

The preview names what was detected (the tool that wrote the file, encoding, delimiter),
maps the file's columns to the fields (chosen by hand when the headers differ; "(not
imported)" sticks), asks whose rows of a team export and how slash dates are written when
the file cannot tell, and lists the first rows, every problem (line, column, reason; a
repeated one once), and the rows skipped (already stored, totals, 0 hours). Import stores
every new row in one transaction, or none unless the valid rows only are chosen. Reading and
storing run in the background behind a progress dialog; Cancel leaves nothing written.
The dialog reads files only through the records service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.io.csv_detect import map_columns
from careerplanner.io.csv_import import ImportOptions, ImportPreview
from careerplanner.ui.common.background import Job, run_in_background
from careerplanner.ui.common.widgets import FieldError, heading, muted
from careerplanner.ui.files.import_choices import ImportChoices
from careerplanner.ui.files.import_mapping import MappingPanel
from careerplanner.ui.files.import_parts import (
    KINDS,
    ImportKind,
    detected_text,
    summary_text,
)
from careerplanner.ui.files.import_tabs import PreviewTabs

if TYPE_CHECKING:
    from careerplanner.services import Services


class CsvImportDialog(QDialog):
    """Choose a CSV file, check the preview, then import it (kind: "hours" or "ce")."""

    status_message = Signal(str)
    finished_work = Signal()  # a preview or an import is done (for tests and the status bar)

    def __init__(
        self,
        services: Services,
        kind: str = "hours",
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.kind: ImportKind = KINDS[kind]
        self.path: Path | None = None
        self.columns: list[str] = []
        self.mapping: dict[str, int | None] | None = None  # None: found by the header names
        self.preview: ImportPreview[Any] | None = None
        self.pool: QThreadPool | None = None  # None: the shared pool
        self.busy = False
        self.task: Any = None  # the background work running, if any
        self._stored: Any = None  # what the running import stored, once it has
        self._again = False  # the options changed while a preview was being read
        self.setWindowTitle(self.kind.title)
        self.setMinimumSize(860, 600)
        self._build()
        if path is not None:
            self.load(Path(path))

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.kind.title, level=2))
        layout.addWidget(muted(self.kind.intro))
        row = QHBoxLayout()
        self.file_label = QLabel("No file chosen yet.")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton("Choose a CSV file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.reload_button = QPushButton("Check again")
        self.reload_button.setToolTip("Read the file again after fixing it in your spreadsheet")
        self.reload_button.clicked.connect(self.run_preview)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.reload_button)
        layout.addLayout(row)
        self.detected = muted()
        layout.addWidget(self.detected)
        self.choices = ImportChoices()
        self.choices.changed.connect(self.run_preview)
        layout.addWidget(self.choices)
        self.notes = muted()
        layout.addWidget(self.notes)
        self.mapper = MappingPanel(self.kind)
        self.mapper.changed.connect(self._mapping_changed)
        self.mapping_toggle, self.mapping_card = self.mapper.toggle, self.mapper.card
        self.mapping_problem, self.combos = self.mapper.problem, self.mapper.combos
        layout.addWidget(self.mapper)
        self.ignored = muted()
        layout.addWidget(self.ignored)
        self.tabs = PreviewTabs(self.kind)
        self.rows_model, self.rows_view = self.tabs.rows_model, self.tabs.rows_view
        self.problems_model, self.skipped_model = self.tabs.problems_model, self.tabs.skipped_model
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.error = FieldError()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_preview()

    # --- reading the file ---------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.kind.title, str(self.path.parent if self.path else Path.home()),
            "CSV files (*.csv *.txt);;All files (*)",
        )  # fmt: skip
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Preview a newly chosen file, its columns found by their header names."""
        self.path, self.mapping, self.columns = path, None, []
        self.file_label.setText(str(path))
        self.mapping_problem.clear_error()
        self.choices.reset()
        self.run_preview()

    def options(self) -> ImportOptions:
        return ImportOptions(
            mapping=self.mapping,
            person=self.choices.chosen_person(),
            date_format=self.choices.chosen_order(),
            skip_invalid=self.choices.skip_invalid.isChecked(),
        )

    def run_preview(self) -> None:
        if self.path is None:
            return
        if self.busy:  # a choice made while reading: read again once this read is done
            self._again = self.preview is None
            return
        self.error.clear_error()
        self.summary.clear()
        self.preview = None
        self._show_preview()
        path, options = self.path, self.options()
        preview = self.kind.preview(self.services)

        def work(job: Job) -> ImportPreview[Any]:
            return preview(path, options, job.report)

        self._start(f"Reading {path.name}…", work, self._previewed, self._preview_failed)

    def _start(self, label: str, work: Callable[[Job], Any], done: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> None:  # fmt: skip
        self.busy = True
        self.import_button.setEnabled(False)

        def finish(handler: Callable[..., None]) -> Callable[..., None]:
            def run(*args: Any) -> None:
                self.busy = False
                handler(*args)
                again, self._again = self._again, False
                if again:
                    self.run_preview()
                else:
                    self.finished_work.emit()

            return run

        self.task = run_in_background(
            self, label, work, finish(done), finish(failed), finish(self._cancelled), self.pool
        )

    def _previewed(self, preview: ImportPreview[Any]) -> None:
        self.preview = preview
        self.columns = list(preview.columns)
        self.mapping_problem.clear_error()
        self.mapper.fill(
            self.columns, {f: self.columns.index(c) for f, c in preview.mapping.items()}
        )
        self._show_preview()

    def _preview_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, ValidationError) else str(error)
        if isinstance(error, ValidationError) and error.field == "mapping":
            self._mapping_failed(message)
        else:
            self.error.show_error(f"This file can't be imported: {message}.")
        self._show_preview()

    def _cancelled(self) -> None:
        stored, self._stored = self._stored, None
        if stored is not None:  # cancelled only once the import had been committed
            self._imported(stored)
            return
        reading = self.preview is None  # a preview is cleared while the file is read
        self.error.show_error(
            "Reading the file was cancelled." if reading else "Cancelled; nothing was added."
        )
        self._show_preview()

    def _mapping_failed(self, message: str) -> None:
        """The headers don't name a needed field: show the mapping with the file's columns."""
        assert self.path is not None
        try:
            self.columns = self.services.records.csv_columns(self.path)
        except ValidationError as error:
            self.error.show_error(f"This file can't be imported: {error.message}.")
            return
        try:
            found = map_columns(self.columns, self.kind.aliases, (), self.mapping)
        except ValidationError:
            found = {}
        self.mapper.fill(self.columns, found)
        self.mapper.show_problem(message)

    def _mapping_changed(self) -> None:
        """Every field as shown: a column, or None for "(not imported)", which then sticks."""
        self.mapping = self.mapper.chosen()
        self.run_preview()

    # --- showing the preview ------------------------------------------------------------------
    def _show_preview(self) -> None:
        p = self.preview
        self.reload_button.setEnabled(self.path is not None)
        self.choices.show_for(p)
        if p is None:
            for label in (self.detected, self.ignored, self.notes):
                label.setText("")
            self.notes.hide()
            self.tabs.show_preview(None)
            self.import_button.setEnabled(False)
            self.import_button.setText("Import")
            return
        self.detected.setText(detected_text(p))
        ignored = p.ignored_columns
        self.ignored.setText(
            f"Not imported (no field uses them): {', '.join(ignored)}." if ignored else ""
        )
        self.notes.setText("\n".join(f"• {n[:1].upper()}{n[1:]}." for n in p.notes))
        self.notes.setVisible(bool(p.notes))
        self.tabs.show_preview(p)
        self.summary.setText(self.kind.preview_text(p))
        self._tone("bad" if not p.ok else "")
        ready = p.ok and bool(p.rows)
        self.import_button.setEnabled(ready and not self.busy)
        self.import_button.setText(f"Import {self.kind.count(len(p.rows))}" if ready else "Import")

    def _tone(self, name: str) -> None:
        """Colour the summary as the theme colours labels named "good" or "bad"."""
        self.summary.setObjectName(name)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    # --- importing ----------------------------------------------------------------------------
    def run_import(self) -> None:
        preview = self.preview
        if preview is None or not preview.ok or not preview.rows or self.busy:
            return
        self.error.clear_error()
        store: Callable[..., Any] = self.kind.store(self.services)

        def work(job: Job) -> Any:
            self._stored = store(preview, job.report)
            return self._stored

        label = f"Importing {self.kind.count(len(preview.rows))}…"
        self._start(label, work, self._imported, self._import_failed)

    def _imported(self, result: Any) -> None:
        self.preview = None
        self._show_preview()
        message = summary_text(self.kind, result)
        self.summary.setText(message)
        self._tone("good")
        self.status_message.emit(message)

    def _import_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, ValidationError) else str(error)
        self.error.show_error(f"Nothing was imported: {message}.")
        self._show_preview()
