"""The hours table view: its look and behaviour, and column widths that fit the content and
are kept per user in the settings."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from careerplanner.ui.hours.table_model import HEADERS

COLUMN_WIDTHS = (86, 86, 56, 118, 100, 104, 54, 160, 140, 116)  # until sized to the content
MAX_COLUMN_WIDTH = 280
CONTENT_SAMPLE_ROWS = 500  # rows looked at to size a column
HEADER_KEY = "hours/columns"


def make_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """Rows selected whole, edited by double click or F2, sorted newest first; Notes stretches."""
    table = QTableView(parent)
    table.setAccessibleName("Hours log")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    for column, width in enumerate(COLUMN_WIDTHS):
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(HEADERS.index("Notes"), QHeaderView.ResizeMode.Stretch)
    return table


class ColumnWidths:
    """The user's own widths when saved, else widths that fit the content; kept on change."""

    def __init__(self, table: QTableView, settings: QSettings | None) -> None:
        self.table, self.settings = table, settings

    def apply(self) -> None:
        header = self.table.horizontalHeader()
        saved = self.settings.value(HEADER_KEY) if self.settings is not None else None
        if saved is None or not header.restoreState(saved):
            self.fit()
        header.sectionResized.connect(self.remember)

    def fit(self) -> None:
        """Each column as wide as its widest value among the first rows (within a limit)."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
        for column in range(len(HEADERS)):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                fitted = self.table.sizeHintForColumn(column) + 12
                wanted = max(header.sectionSizeHint(column), fitted)
                self.table.setColumnWidth(column, min(wanted, MAX_COLUMN_WIDTH))

    def remember(self, *_args: object) -> None:
        if self.settings is not None:
            self.settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
