"""Sorting and filtering of the hours table, computed on whole columns so 100,000 rows stay fast.

Qt's QSortFilterProxyModel asks Python once per row and per comparison, which costs seconds at
this size; this proxy computes the visible rows with numpy and list comprehensions over the
source model's precomputed columns, then resets; rows a write adds are put in place instead.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from careerplanner.domain.labels import member_label
from careerplanner.ui.hours.columns import HoursColumns
from careerplanner.ui.hours.filtering import HoursFilter, passing
from careerplanner.ui.hours.row_changes import merged_order, visible_after
from careerplanner.ui.hours.table_model import (
    COL_DATE,
    COL_EMPLOYER,
    COL_END,
    COL_HOURS,
    COL_NOTES,
    COL_PAID,
    COL_SUPERVISOR,
    COL_TIME,
    ENTRY_ROLE,
    ENUM_COLUMNS,
    HEADERS,
    LAST_COLUMN,
    HoursTableModel,
)

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        ENTRY_ROLE,
    }
)

_Index = QModelIndex | QPersistentModelIndex


class HoursFilterProxy(QAbstractProxyModel):
    """The visible rows of an HoursTableModel, in the chosen order."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._filter = HoursFilter()
        self._sort_column = COL_DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._rows = np.zeros(0, np.int64)  # proxy row -> source row
        self._inverse: np.ndarray | None = None  # source row -> proxy row (-1: hidden)
        self._order: np.ndarray | None = None  # every source row, sorted
        self._model: HoursTableModel | None = None

    # --- set-up -------------------------------------------------------------------------

    def setSourceModel(self, model: HoursTableModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if old is not None:
            old.modelAboutToBeReset.disconnect(self.beginResetModel)
            old.modelReset.disconnect(self._source_reset)
            old.dataChanged.disconnect(self._source_data_changed)
            old.rowsInserted.disconnect(self._source_rows_inserted)
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        model.rowsInserted.connect(self._source_rows_inserted)
        self._order = None
        self._recompute()
        self.endResetModel()

    def source(self) -> HoursTableModel:
        model = self.sourceModel()
        assert isinstance(model, HoursTableModel)
        return model

    def _source_reset(self) -> None:
        self._order = None
        self._recompute()
        self.endResetModel()

    def _source_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """New source rows: put them in place in the date order, else sort again."""
        added = last - first + 1
        if self._order is None or self._sort_column != COL_DATE or len(self._order) == 0:
            self.beginResetModel()
            self._source_reset()
            return
        c = self.source().columns()
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        order = merged_order(self._order, _date_key(c), first, added, descending)
        new_rows = np.arange(first, last + 1)
        mask = passing(self.source().block_columns(first, last + 1), self._filter)
        shown = new_rows if mask is None else new_rows[mask]
        rows = order if mask is None else visible_after(order, self._rows, shown, first, added)
        places = np.flatnonzero((rows >= first) & (rows <= last))
        together = len(places) and places[-1] - places[0] + 1 == len(places)
        if together:
            self.beginInsertRows(QModelIndex(), int(places[0]), int(places[-1]))
        elif len(places):
            self.beginResetModel()
        self._order, self._rows, self._inverse = order, rows, None
        if together:
            self.endInsertRows()
        elif len(places):
            self.endResetModel()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: object) -> None:
        first, last = self.mapFromSource(top), self.mapFromSource(bottom)
        if first.isValid() and last.isValid():
            self.dataChanged.emit(first, last)
        else:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, LAST_COLUMN))

    # --- filtering and sorting ------------------------------------------------------------

    def filter(self) -> HoursFilter:
        return self._filter

    def set_filter(self, value: HoursFilter) -> None:
        value = replace(value, text=value.text.strip().lower())
        if value == self._filter:
            return
        self.beginResetModel()
        self._filter = value
        self._recompute()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            column, order = COL_DATE, Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self.mapToSource(i) for i in persistent]
        self._sort_column, self._sort_order = column, order
        self._order = None
        self._recompute()
        self.changePersistentIndexList(persistent, [self.mapFromSource(s) for s in sources])
        self.layoutChanged.emit()

    def sort_key(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def _recompute(self) -> None:
        model = self.sourceModel()
        self._inverse = None
        if not isinstance(model, HoursTableModel) or model.rowCount() == 0:
            self._rows = np.zeros(0, np.int64)
            return
        columns = model.columns()
        if self._order is None:
            self._order = self._sorted(model, columns)
        mask = passing(columns, self._filter)
        self._rows = self._order if mask is None else self._order[mask[self._order]]

    def _sorted(self, model: HoursTableModel, c: HoursColumns) -> np.ndarray:
        if self._sort_column == COL_DATE:  # the usual order: one combined key sorts fastest
            order = np.argsort(_date_key(c), kind="stable")
        else:
            order = np.lexsort((c.ids, c.first, _sort_key(model, c, self._sort_column)))
        return order[::-1].copy() if self._sort_order == Qt.SortOrder.DescendingOrder else order

    # --- what the page reads ----------------------------------------------------------------

    def source_rows(self) -> np.ndarray:
        return self._rows

    def total_hours(self) -> float:
        model = self.sourceModel()
        if not isinstance(model, HoursTableModel) or not len(self._rows):
            return 0.0
        return float(model.columns().hours[self._rows].sum())

    # --- Qt proxy interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column <= LAST_COLUMN):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LAST_COLUMN + 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) > 0

    def mapToSource(self, proxy: _Index) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self.source().index(int(self._rows[proxy.row()]), proxy.column())

    def mapFromSource(self, source: _Index) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        if self._inverse is None:
            inverse = np.full(self.source().rowCount(), -1, np.int64)
            inverse[self._rows] = np.arange(len(self._rows))
            self._inverse = inverse
        row = int(self._inverse[source.row()]) if source.row() < len(self._inverse) else -1
        return QModelIndex() if row < 0 else self.createIndex(row, source.column())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES:
            return None
        row = index.row()
        if not index.isValid() or row >= len(self._rows) or self._model is None:
            return None
        return self._model.cell(int(self._rows[row]), index.column(), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or index.row() >= len(self._rows) or self._model is None:
            return Qt.ItemFlag.NoItemFlags
        return self._model.row_flags(int(self._rows[index.row()]), index.column())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        model = self.sourceModel()
        return None if model is None else model.headerData(section, orientation, role)

    def sibling(self, row: int, column: int, idx: _Index) -> QModelIndex:
        return self.index(row, column)


def _date_key(c: HoursColumns) -> np.ndarray:
    """The date order's key, one per row: the first day, then the id (unique)."""
    key: np.ndarray = (c.first << 32) | c.ids
    return key


def _sort_key(model: HoursTableModel, c: HoursColumns, column: int) -> np.ndarray:
    """One sortable number per source row for the column."""
    if column == COL_DATE:
        return c.first
    if column == COL_END:
        return c.last
    if column == COL_HOURS:
        return c.hours
    if column == COL_TIME:
        return c.start_minutes()
    if column == COL_SUPERVISOR:
        return c.supervisor_ranks()
    if column in ENUM_COLUMNS:
        members = c.members(HEADERS[column].lower())
        ranked = sorted(ENUM_COLUMNS[column], key=lambda m: member_label(m).casefold())
        ranks: dict[object, int] = {m: i for i, m in enumerate(ranked)}
        return np.fromiter(map(ranks.__getitem__, members), np.int64, len(members))
    if column == COL_PAID:
        return np.fromiter(c.members("paid"), np.bool_, len(c.ids))
    attribute = {COL_EMPLOYER: "employer", COL_NOTES: "notes"}.get(column, "verified_by")
    texts = np.array([str(t).casefold() for t in c.members(attribute)])
    return np.unique(texts, return_inverse=True)[1].reshape(-1)
