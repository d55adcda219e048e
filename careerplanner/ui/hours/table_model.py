"""The hours log as a table model: one row per work entry, kept in plain Python lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from careerplanner.domain.encoding import EncodedEntries
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.logbook import Supervisor
from careerplanner.domain.model import Activity, Setting, WorkEntry
from careerplanner.domain.validation import parse_choice, parse_date, parse_number
from careerplanner.ui.hours.cells import (
    COL_ACTIVITY,
    COL_DATE,
    COL_EMPLOYER,
    COL_END,
    COL_HOURS,
    COL_NOTES,
    COL_PAID,
    COL_SETTING,
    COL_SUPERVISION,
    COL_SUPERVISOR,
    COL_TIME,
    COL_VERIFIED,
    EDITABLE,
    ENUM_COLUMNS,
    HEADER_TIPS,
    HEADERS,
    LAST_COLUMN,
    display,
    edit_value,
    tooltip,
)
from careerplanner.ui.hours.columns import HoursColumns
from careerplanner.ui.hours.row_changes import inserted_block

__all__ = [  # the columns are defined in cells; the model's users take them from here too
    "COL_ACTIVITY",
    "COL_DATE",
    "COL_EMPLOYER",
    "COL_END",
    "COL_HOURS",
    "COL_NOTES",
    "COL_PAID",
    "COL_SETTING",
    "COL_SUPERVISION",
    "COL_SUPERVISOR",
    "COL_TIME",
    "COL_VERIFIED",
    "EDITABLE",
    "ENTRY_ROLE",
    "ENUM_COLUMNS",
    "HEADERS",
    "HEADER_TIPS",
    "LAST_COLUMN",
    "HoursTableModel",
    "with_value",
]

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Editor = Callable[[WorkEntry, WorkEntry], bool]
"""Stores an edited entry (old, new); returns whether it was saved."""
ErrorReporter = Callable[[ValidationError], None]


class HoursTableModel(QAbstractTableModel):
    """Work entries in storage order; sorting and filtering happen in the proxy."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._entries: Sequence[WorkEntry] = ()
        self._encoded: EncodedEntries | None = None
        self._columns: HoursColumns | None = None
        self._supervisors: dict[int, Supervisor] = {}
        self._editor: Editor | None = None
        self._on_error: ErrorReporter | None = None

    # --- data in and out ------------------------------------------------------------

    def set_entries(
        self, entries: Sequence[WorkEntry], encoded: EncodedEntries | None = None
    ) -> None:
        """Show `entries` (kept as given: the snapshot's tuple is not copied); `encoded`, the
        same entries as number columns, spares building them again. New entries added in one
        block to the shown ones come as inserted rows; any other change resets the model."""
        encoded = encoded if encoded is not None and encoded.source is entries else None
        if entries is self._entries and encoded is self._encoded:
            return
        at = self._inserted_at(entries, encoded)
        if at is None or encoded is None:
            self.beginResetModel()
            self._entries, self._encoded, self._columns = entries, encoded, None
            self.endResetModel()
            return
        self.beginInsertRows(QModelIndex(), at, at + len(entries) - len(self._entries) - 1)
        before = self._columns
        self._entries, self._encoded = entries, encoded
        self._columns = None if before is None else before.inserted(at, entries, encoded)
        self.endInsertRows()

    def set_supervisors(self, supervisors: Iterable[Supervisor]) -> None:
        """The supervisor records the entries name (their names show, sort and are searched);
        a change (a rename, a new credential) shows on every row."""
        by_id = {s.id: s for s in supervisors}
        if by_id == self._supervisors:
            return
        self.beginResetModel()
        self._supervisors, self._columns = by_id, None
        self.endResetModel()

    def supervisors(self) -> Mapping[int, Supervisor]:
        return self._supervisors

    def _inserted_at(
        self, entries: Sequence[WorkEntry], encoded: EncodedEntries | None
    ) -> int | None:
        if encoded is None or self._encoded is None:
            return None
        return inserted_block(self._entries, self._encoded.ids, entries, encoded.ids)

    def set_editor(self, editor: Editor | None, on_error: ErrorReporter | None = None) -> None:
        """Where inline edits go (the page pushes them on the undo stack) and typing errors."""
        self._editor = editor
        self._on_error = on_error

    def entries(self) -> Sequence[WorkEntry]:
        return self._entries

    def entry(self, row: int) -> WorkEntry:
        return self._entries[row]

    def block_columns(self, first: int, end: int) -> HoursColumns:
        """The columns of the rows first..end-1 alone (to filter rows just inserted)."""
        return HoursColumns(self._entries[first:end], None, self._supervisors)

    def columns(self) -> HoursColumns:
        if self._columns is None:
            self._columns = HoursColumns(self._entries, self._encoded, self._supervisors)
        return self._columns

    # --- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_HOURS:
            return _RIGHT
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> object:
        """The data of one cell; the proxy calls this directly."""
        if not 0 <= row < len(self._entries) or not 0 <= column < len(HEADERS):
            return None
        e = self._entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(e, column, self._supervisors)
        if role == Qt.ItemDataRole.EditRole:
            return edit_value(e, column, self._supervisors)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_HOURS:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(e, column, self._supervisors)
        if role == ENTRY_ROLE:
            return e
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.row_flags(index.row(), index.column())

    def row_flags(self, row: int, column: int) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column in EDITABLE and self._editor is not None and not self._entries[row].verified:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._editor is None:
            return False
        old = self._entries[index.row()]
        try:
            new = with_value(old, index.column(), value)
        except ValidationError as error:
            if self._on_error is not None:
                self._on_error(error)
            return False
        if new == old:
            return False
        return self._editor(old, new)


def with_value(entry: WorkEntry, column: int, value: object) -> WorkEntry:
    """The entry with one column changed from what the user typed; raises ValidationError."""
    text = value if isinstance(value, str) else "" if value is None else str(value)
    if column == COL_DATE:
        return replace(entry, start=value if isinstance(value, date) else parse_date(text, "date"))
    if column == COL_END:
        if isinstance(value, date) or text.strip():
            end = value if isinstance(value, date) else parse_date(text, "end")
            return replace(entry, end=end)
        return replace(entry, end=None)
    if column == COL_HOURS:
        hours = value if isinstance(value, float | int) else parse_number(text, "hours")
        return replace(entry, hours=float(hours))
    if column in ENUM_COLUMNS:
        name = HEADERS[column].lower()
        choice = parse_choice(text, ENUM_COLUMNS[column], name)
        if isinstance(choice, Activity):
            return replace(entry, activity=choice)
        if isinstance(choice, Setting):
            return replace(entry, setting=choice)
        return replace(entry, supervision=choice)
    if column == COL_PAID:
        if isinstance(value, bool):
            return replace(entry, paid=value)
        paid = text.strip().lower()
        if paid not in ("paid", "unpaid", "yes", "no"):
            raise ValidationError("paid must be 'paid' or 'unpaid'", "paid")
        return replace(entry, paid=paid in ("paid", "yes"))
    if column == COL_EMPLOYER:
        return replace(entry, employer=text)
    if column == COL_NOTES:
        return replace(entry, notes=text)
    raise ValidationError(f"{HEADERS[column]} can't be edited here", None)
