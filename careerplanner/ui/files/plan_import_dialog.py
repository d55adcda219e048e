"""File ▸ Import a plan: a .careerplanner archive or a JSON export, into an empty data folder.

A plan is imported only into an empty data folder, ids and all; the dialog explains why
when the folder already holds a plan, and what to do instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from careerplanner.domain.errors import ValidationError
from careerplanner.ui.common.widgets import FieldError, heading, muted
from careerplanner.ui.files.file_dialogs import buttons_with, say

if TYPE_CHECKING:
    from careerplanner.services import Services

NOT_EMPTY = (
    "This data folder already holds a plan, so a plan file can't be imported into it: two "
    "plans would be mixed together. To use the file, start CareerPlanner with a new, empty "
    "data folder (careerplanner --data-dir NEW-FOLDER) and import it there. To go back to an "
    "earlier copy of this plan, use File \u25b8 Backups and restore\u2026 instead."
)


class PlanImportDialog(QDialog):
    """Brings a plan (a .careerplanner archive, or JSON) into an empty data folder, ids and all."""

    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Import a plan")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Import a plan", level=2))
        self.explanation = muted()
        layout.addWidget(self.explanation)
        self.error = FieldError()
        self.outcome = muted()
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        buttons, self.choose_button = buttons_with(self, "Choose a plan file\u2026")
        self.choose_button.clicked.connect(self.choose_file)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        empty = self.services.plan.is_empty()
        self.choose_button.setEnabled(empty)
        self.explanation.setText(
            "Bring in a plan saved with File \u25b8 Move to another computer\u2026 (a "
            ".careerplanner archive, with your certificate files) or exported as JSON. Your "
            "data folder is empty, so the plan is reproduced exactly as it was exported."
            if empty
            else NOT_EMPTY
        )

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Import a plan",
            str(Path.home()),
            "Plans (*.careerplanner *.json);;All files (*)",
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.error.clear_error()
        archived = path.suffix.lower() == ".careerplanner"
        try:
            if archived:
                plan = self.services.archive.import_(path)
            else:
                plan = self.services.records.import_json(path)
        except (OSError, ValidationError) as error:
            refused = not self.services.plan.is_empty()
            why = error.message if isinstance(error, ValidationError) else str(error)
            say(self, self.error, NOT_EMPTY if refused else f"The plan was not imported: {why}.")
            return
        self.refresh()
        files = sum(1 for c in plan.ce if c.certificate)
        certificates = f", {files:,} certificate files" if archived else ""
        message = (
            f"Imported the plan from {path.name}: {len(plan.entries):,} hours entries, "
            f"{len(plan.ce):,} CE activities, {len(plan.goals):,} goals{certificates}."
        )
        self.choose_button.setEnabled(False)
        self.explanation.setText("")
        say(self, self.outcome, message)
        self.status_message.emit(message)
