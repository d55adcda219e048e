"""One rule for deleting, on every page: Delete (the button or the Delete key in a table) asks
first, naming what goes and whether Ctrl+Z can bring it back; locked rows cannot be deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

UNDOABLE = "Ctrl+Z brings it back."
FINAL = "This can't be undone."


def ask(parent: QWidget, question: str, consequence: str) -> bool:
    """Ask before deleting: Delete (the default) or Cancel (also Escape)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Delete", question, parent=parent)
    box.setInformativeText(consequence)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole


def delete_key(table: QAbstractItemView, slot: Callable[[], object]) -> QShortcut:
    """The Delete key deletes the table's selection (only while the table has the focus)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(lambda: slot())
    return shortcut
