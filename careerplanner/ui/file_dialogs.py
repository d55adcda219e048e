"""Shared parts of the export, report and plan-import dialogs: the save picker, the choice
list with explanations, the button row, and messages that grow the dialog when needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.ui.widgets import FieldError, muted


def save_path(parent: QWidget, title: str, name: str, suffix: str) -> Path | None:
    """Ask where to save (the system's file picker); the path ends in `suffix`, or None."""
    folder = Path.home() / "Documents"
    start = (folder if folder.is_dir() else Path.home()) / name
    kind = {".csv": "CSV files", ".json": "Plan files", ".pdf": "PDF files"}[suffix]
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), f"{kind} (*{suffix})")
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


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
