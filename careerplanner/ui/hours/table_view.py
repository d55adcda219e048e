"""The hours table view: its look and behaviour, and column widths that fit the content and
are kept per user in the settings, by column name (so a column added later neither takes
another's width nor gives its own away)."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from careerplanner.ui.hours.table_model import HEADERS

COLUMN_WIDTHS = {  # until sized to the content
    "Date": 86,
    "Until": 86,
    "Hours": 56,
    "Time": 100,
    "Activity": 118,
    "Setting": 100,
    "Supervision": 104,
    "Supervisor": 120,
    "Paid": 54,
    "Employer": 160,
    "Notes": 48,  # last: stretched over the room left
    "Verified": 116,
}
MAX_COLUMN_WIDTH = 280
# (least, most); a long supervisor or verifier is read whole in the cell's tooltip
FITTED_LIMITS = {"Supervisor": (0, 180), "Verified": (0, 96), "Notes": (120, MAX_COLUMN_WIDTH)}
CONTENT_SAMPLE_ROWS = 500  # rows looked at to size a column
HEADER_KEY = "hours/column_widths"  # {header: width}, as JSON
OLD_HEADER_KEY = "hours/columns"  # the header's state by position, from before the Time column


def make_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """Rows selected whole, edited by double click or F2, sorted newest first; the last column
    (Notes) takes the room left."""
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
    for column, name in enumerate(HEADERS):
        table.setColumnWidth(column, COLUMN_WIDTHS[name])
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(48)  # Notes, last, shrinks to the room left before it scrolls
    return table


def saved_by_column(settings: QSettings | None, key: str) -> dict[str, object]:
    """A {column name: value} setting kept as JSON; empty when unset or unreadable."""
    text = settings.value(key) if settings is not None else None
    try:
        found = json.loads(text) if isinstance(text, str) else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class ColumnWidths:
    """The user's own widths when saved, else widths that fit the content; kept on change."""

    def __init__(self, table: QTableView, settings: QSettings | None) -> None:
        self.table, self.settings = table, settings

    def apply(self) -> None:
        """Fit every column, then give the columns the user sized their saved widths."""
        self.fit()
        for name, width in self.saved().items():
            if name in HEADERS[:-1]:  # the last column takes the room left
                self.table.setColumnWidth(HEADERS.index(name), width)
        if self.settings is not None:
            self.settings.remove(OLD_HEADER_KEY)  # widths by position: wrong once columns move
        self.table.horizontalHeader().sectionResized.connect(self.remember)

    def saved(self) -> dict[str, int]:
        """The saved widths by column name; nothing when none are saved or they are unreadable."""
        widths = saved_by_column(self.settings, HEADER_KEY)
        return {k: v for k, v in widths.items() if isinstance(v, int) and 0 < v <= 4000}

    def fit(self) -> None:
        """Each column as wide as its widest value among the first rows (within a limit)."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
        for column, name in enumerate(HEADERS[:-1]):
            least, most = FITTED_LIMITS.get(name, (0, MAX_COLUMN_WIDTH))
            fitted = self.table.sizeHintForColumn(column) + 12
            wanted = max(header.sectionSizeHint(column), fitted, least)
            self.table.setColumnWidth(column, min(wanted, most))

    def remember(self, *_args: object) -> None:
        """Keep the shown columns' widths (a hidden column keeps the width it had)."""
        if self.settings is not None:
            header = self.table.horizontalHeader()
            saved = self.saved()
            widths = {
                name: saved.get(name, COLUMN_WIDTHS[name])
                if header.isSectionHidden(i)
                else header.sectionSize(i)
                for i, name in enumerate(HEADERS)
            }
            self.settings.setValue(HEADER_KEY, json.dumps(widths))
