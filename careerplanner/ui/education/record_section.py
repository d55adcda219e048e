"""A card with a table of records, Add/Edit/Remove buttons and a friendly empty state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from careerplanner.ui.common.deleting import delete_key
from careerplanner.ui.common.widgets import Card, muted

TONES = {  # background, text: readable on light and dark themes alike
    "warning": ("#fff3cd", "#664d03"),
    "expired": ("#f8d7da", "#842029"),
}


class RecordTableModel(QAbstractTableModel):
    """A few records as rows of display text, with an optional warning tone per row."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.records: list[Any] = []
        self.rows: list[tuple[str, ...]] = []
        self.tones: list[str] = []

    def set_rows(
        self, records: Sequence[Any], rows: Sequence[tuple[str, ...]], tones: Sequence[str]
    ) -> None:
        self.beginResetModel()
        self.records, self.rows, self.tones = list(records), list(rows), list(tones)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][column]
        tone = TONES.get(self.tones[row])
        if tone and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(tone[0]))
        if tone and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(tone[1]))
        return None


SHORT_COLUMNS = {"Status", "Started", "Completed", "State", "Number", "First issued", "Expires"}
SHORT_COLUMNS |= {"Passed", "Passed on", "Exam date", "Date"}


class RecordSection(Card):
    """A card with a table of records, Add/Edit/Delete buttons and a friendly empty state."""

    def __init__(self, title: str, headers: Sequence[str], empty: str, noun: str) -> None:
        super().__init__(title)
        self.noun = noun
        self.model = RecordTableModel(headers, self)
        self.table = QTableView()
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # names and notes share
        for column, name in enumerate(headers):
            if name in SHORT_COLUMNS:  # dates, codes and states: as wide as they are
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.empty = muted(empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.body.addWidget(self.stack)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(f"Add {noun}…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Delete…")
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        delete_key(self.table, self.remove_button.click)

    def set_rows(
        self, records: Sequence[Any], rows: Sequence[tuple[str, ...]], tones: Sequence[str] = ()
    ) -> None:
        self.model.set_rows(records, rows, list(tones) or [""] * len(rows))
        self.stack.setCurrentWidget(self.table if records else self.empty)
        header_height = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.stack.setFixedHeight(
            header_height + row_height * max(2, len(records)) + 6
            if records
            else self.empty.sizeHint().height() + 8
        )
        self._update_buttons()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
