"""Shared parts of the export, report and plan-import dialogs: the save picker (which asks
before replacing a file), the choice list with explanations, the button row, and messages
that grow the dialog when needed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.ui.common.widgets import FieldError, muted

KINDS = {
    ".csv": "CSV files",
    ".json": "Plan files",
    ".pdf": "PDF files",
    ".careerplanner": "CareerPlanner archives",
}


def save_path(parent: QWidget, title: str, name: str, suffix: str) -> Path | None:
    """Ask where to save (the system's file picker); the path ends in `suffix`, or None.

    An existing file is returned only once the user agreed here to replace it (the picker's
    own question is turned off: it cannot know about the suffix added after it)."""
    folder = Path.home() / "Documents"
    start = (folder if folder.is_dir() else Path.home()) / name
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(start),
        f"{KINDS[suffix]} (*{suffix})",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    path = path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
    if os.path.lexists(path) and not _replace_agreed(parent, path):
        return None
    return path


def _replace_agreed(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        "Replace the file?",
        f"{path.name} already exists in {path.parent}.\n\nReplace it? Its contents will be lost.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def say(dialog: QDialog, label: QLabel, text: str) -> None:
    """Show `text` in `label`, growing the dialog when the text needs more room."""
    if isinstance(label, FieldError):
        label.show_error(text)
    else:
        label.setText(text)
    dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))


def buttons_with(dialog: QDialog, label: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    action = QPushButton(label)
    action.setDefault(True)
    box.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    box.rejected.connect(dialog.reject)
    return box, action


def choices(layout: QVBoxLayout, options: tuple[tuple[str, str, str], ...]) -> QButtonGroup:
    group = QButtonGroup(layout.parentWidget())
    for number, (_key, text, hint) in enumerate(options):
        button = QRadioButton(text)
        group.addButton(button, number)
        layout.addWidget(button)
        hint_label = muted(hint)
        hint_label.setContentsMargins(24, 0, 0, 4)
        layout.addWidget(hint_label)
    group.button(0).setChecked(True)
    return group
