"""Input widgets shared by the quick-add bar, the entry dialog and inline editing."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.validation import parse_number
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.hours.table_model import COL_PAID, ENUM_COLUMNS


def valid_hours(widget: QWidget) -> Callable[[], bool]:
    """Whether an hours field holds a number (the check `clear_on_edit` waits for)."""

    def check() -> bool:
        assert isinstance(widget, QLineEdit)
        try:
            parse_number(widget.text(), "hours")
        except ValidationError:
            return False
        return True

    return check


def select_value(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def employer_edit(placeholder: str = "Employer or placement") -> QLineEdit:
    """A line edit that completes employers already used."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    completer = QCompleter(QStringListModel(edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit


def set_employers(edit: QLineEdit, employers: Iterable[str]) -> None:
    completer = edit.completer()
    model = completer.model() if completer is not None else None
    if isinstance(model, QStringListModel):
        model.setStringList(sorted(set(employers), key=str.casefold))


class HoursDelegate(QStyledItemDelegate):
    """Inline editors: a list of choices for activity, setting, supervision and paid."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        column = index.column()
        if column in ENUM_COLUMNS:
            combo = enum_combo(ENUM_COLUMNS[column])
        elif column == COL_PAID:
            combo = QComboBox()
            combo.addItem("Paid", "paid")
            combo.addItem("Unpaid", "unpaid")
        else:
            return super().createEditor(parent, option, index)
        combo.setParent(parent)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            select_value(editor, str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
