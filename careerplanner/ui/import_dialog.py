"""Importing hours or CE activities from a CSV file: preview, column mapping, all or nothing.

The preview names what was detected (encoding, delimiter), maps the file's columns to the
fields (chosen by hand when the headers differ), lists the first rows, every row with a
problem (its line and reason), and the rows already stored. Import stores every new row in
one transaction, or none; a progress dialog follows a large file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.io.csv_import import ImportPreview, map_columns
from careerplanner.io.csv_read import read_csv
from careerplanner.ui.import_parts import (
    KINDS,
    Cancelled,
    ImportKind,
    ProgressSteps,
    RowsModel,
    summary_text,
    table_view,
)
from careerplanner.ui.widgets import Card, FieldError, heading, muted

NOT_USED = "(not imported)"
PREVIEW_ROWS = 50
DELIMITER_NAMES = {",": "commas (,)", ";": "semicolons (;)"}


class CsvImportDialog(QDialog):
    """Choose a CSV file, check the preview, then import it (kind: "hours" or "ce")."""

    status_message = Signal(str)
    large = 5_000  # rows from which a progress dialog is shown

    def __init__(
        self,
        services: Any,
        kind: str = "hours",
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.kind: ImportKind = KINDS[kind]
        self.path: Path | None = None
        self.columns: list[str] = []
        self.mapping: dict[str, int] | None = None  # None: found by the header names
        self.preview: ImportPreview[Any] | None = None
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
        self.mapping_toggle = QToolButton()
        self.mapping_toggle.setCheckable(True)
        self.mapping_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.mapping_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.mapping_toggle.setText("Columns used for each field")
        self.mapping_toggle.toggled.connect(self._show_mapping)
        layout.addWidget(self.mapping_toggle)
        self.mapping_card = Card()
        self.mapping_problem = FieldError()
        self.mapping_card.body.addWidget(self.mapping_problem)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.combos: dict[str, QComboBox] = {}
        for number, (name, label) in enumerate(self.kind.fields.items()):
            combo = QComboBox()
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[name] = combo
            required = " *" if name in self.kind.required else ""
            grid.addWidget(QLabel(f"{label}{required}"), number // 2, (number % 2) * 2)
            grid.addWidget(combo, number // 2, (number % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.mapping_card.body.addLayout(grid)
        self.mapping_card.body.addWidget(muted("* needed for every row."))
        self.mapping_card.hide()
        layout.addWidget(self.mapping_card)
        self.ignored = muted()
        layout.addWidget(self.ignored)
        self.tabs = QTabWidget()
        self.rows_model = RowsModel(("Line", *self.kind.headers), self)
        self.problems_model = RowsModel(("Line", "What is wrong"), self)
        self.skipped_model = RowsModel(("Line", "Why it is skipped"), self)
        for model in (self.rows_model, self.problems_model, self.skipped_model):
            self.tabs.addTab(table_view(model), "")
        self.rows_view = self.tabs.widget(0)
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

    def _show_mapping(self, shown: bool) -> None:
        self.mapping_card.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.mapping_toggle.setArrowType(arrow)

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
        self.run_preview()

    def run_preview(self) -> None:
        if self.path is None:
            return
        self.error.clear_error()
        self.summary.clear()
        self.preview = None
        steps = ProgressSteps(self, f"Reading {self.path.name}…", self.large)
        try:
            self.preview = self.kind.preview(self.services)(self.path, self.mapping, steps)
        except Cancelled:
            self.error.show_error("Reading the file was cancelled.")
        except ValidationError as error:
            if error.field == "mapping":
                self._mapping_failed(error.message)
            else:
                self.error.show_error(f"This file can't be imported: {error.message}.")
        finally:
            steps.close()
        if self.preview is not None:
            self.columns = list(self.preview.columns)
            self.mapping_problem.clear_error()
            self._fill_combos(self.preview.mapping)
        self._show_preview()

    def _mapping_failed(self, message: str) -> None:
        """The headers don't name a needed field: show the mapping with the file's columns."""
        assert self.path is not None
        try:
            self.columns = list(read_csv(self.path).columns)
        except ValidationError as error:
            self.error.show_error(f"This file can't be imported: {error.message}.")
            return
        try:
            found = map_columns(self.columns, self.kind.aliases, (), self.mapping)
        except ValidationError:
            found = {}
        self._fill_combos({name: self.columns[i] for name, i in found.items()}, found)
        self.mapping_problem.show_error(f"{message[:1].upper()}{message[1:]}.")
        self.mapping_toggle.setChecked(True)

    def _fill_combos(self, by_name: dict[str, str], by_index: dict[str, int] | None = None) -> None:
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([NOT_USED, *self.columns])
            index = (by_index or {}).get(name)
            if index is None and name in by_name:
                index = self.columns.index(by_name[name]) if by_name[name] in self.columns else -1
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.blockSignals(False)

    def _mapping_changed(self) -> None:
        self.mapping = {
            name: combo.currentIndex() - 1
            for name, combo in self.combos.items()
            if combo.currentIndex() > 0
        }
        self.run_preview()

    # --- showing the preview ------------------------------------------------------------------
    def _show_preview(self) -> None:
        p = self.preview
        self.reload_button.setEnabled(self.path is not None)
        if p is None:
            self.detected.setText("")
            self.ignored.setText("")
            for model in (self.rows_model, self.problems_model, self.skipped_model):
                model.set_rows([])
            self._tab_titles(0, 0, 0)
            self.import_button.setEnabled(False)
            self.import_button.setText("Import")
            return
        delimiter = DELIMITER_NAMES.get(p.delimiter, repr(p.delimiter))
        self.detected.setText(
            f"Read as {p.encoding}, separated by {delimiter}: {p.read:,} row"
            f"{'s' if p.read != 1 else ''}."
        )
        ignored = p.ignored_columns
        self.ignored.setText(
            f"Not imported (no field uses them): {', '.join(ignored)}." if ignored else ""
        )
        shown = p.rows[:PREVIEW_ROWS]
        self.rows_model.set_rows(
            [(line, *self.kind.cells(r)) for line, r in zip(p.lines, shown, strict=False)]
        )
        self.rows_view.resizeColumnsToContents()
        self.problems_model.set_rows(p.errors)
        self.skipped_model.set_rows(self.kind.skipped(p))
        self._tab_titles(len(p.rows), len(p.errors), len(p.duplicates) + len(p.repeats))
        self.tabs.setCurrentIndex(1 if p.errors else 0)
        self.summary.setText(self.kind.preview_text(p))
        self._tone("bad" if p.errors else "")
        ready = not p.errors and bool(p.rows)
        self.import_button.setEnabled(ready)
        self.import_button.setText(f"Import {self.kind.count(len(p.rows))}" if ready else "Import")

    def _tone(self, name: str) -> None:
        """Colour the summary as the theme colours labels named "good" or "bad"."""
        self.summary.setObjectName(name)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def _tab_titles(self, rows: int, problems: int, skipped: int) -> None:
        first = f"New rows (first {PREVIEW_ROWS} of {rows:,})" if rows > PREVIEW_ROWS else None
        self.tabs.setTabText(0, first or f"New rows ({rows:,})")
        self.tabs.setTabText(1, f"Problems ({problems:,})")
        self.tabs.setTabText(2, f"Already there ({skipped:,})")

    # --- importing ----------------------------------------------------------------------------
    def run_import(self) -> None:
        preview = self.preview
        if preview is None or preview.errors or not preview.rows:
            return
        self.error.clear_error()
        steps = ProgressSteps(self, f"Importing {self.kind.count(len(preview.rows))}…", self.large)
        store: Callable[..., Any] = self.kind.store(self.services)
        try:
            result = store(preview, steps)
        except Cancelled:
            self.error.show_error("The import was cancelled; nothing was added.")
            return
        except ValidationError as error:
            self.error.show_error(f"Nothing was imported: {error.message}.")
            return
        finally:
            steps.close()
        self.preview = None
        self._show_preview()
        message = summary_text(self.kind, result)
        self.summary.setText(message)
        self._tone("good")
        self.status_message.emit(message)
