"""Parts of the CSV import dialog: what it knows about hours and about CE (fields, words,
cells), and a table model over the preview's rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from careerplanner.domain.labels import choice_label, member_label, paid_label
from careerplanner.domain.model import CeActivity, WorkEntry
from careerplanner.io.csv_headers import (
    CE_ALIASES,
    CE_REQUIRED,
    FIELD_LABELS,
    HOURS_ALIASES,
    HOURS_REQUIRED,
)
from careerplanner.io.csv_import import ImportPreview
from careerplanner.ui.common.widgets import format_hours

ModelIndex = QModelIndex | QPersistentModelIndex
DELIMITER_NAMES = {",": "commas (,)", ";": "semicolons (;)", "\t": "tabs"}

HOURS_HEADERS = (
    *("Date", "Last day", "Hours", "Activity", "Setting", "Supervision", "Paid", "Employer"),
    *("Verified by", "Notes"),
)


def _labels(aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every field the importer reads, in its order, with the name people know it by."""
    return {name: FIELD_LABELS[name] for name in aliases}


def _entry_cells(e: WorkEntry) -> tuple[str, ...]:
    return (
        e.start.isoformat(),
        e.end.isoformat() if e.end else "",
        format_hours(e.hours),
        choice_label(e.activity),
        choice_label(e.setting),
        choice_label(e.supervision),
        paid_label(e.paid),
        e.employer,
        e.verified_by,
        e.notes,
    )


def _ce_cells(c: CeActivity) -> tuple[str, ...]:
    return (c.date.isoformat(), format_hours(c.hours), member_label(c.topic), c.title, c.provider)


@dataclass(frozen=True)
class ImportKind:
    name: str
    title: str
    intro: str
    one: str  # "entry"
    many: str  # "entries"
    where: str  # "in your hours"
    aliases: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    headers: tuple[str, ...]
    cells: Callable[[Any], tuple[str, ...]]
    preview: Callable[[Any], Callable[..., ImportPreview[Any]]]
    store: Callable[[Any], Callable[..., Any]]

    @property
    def fields(self) -> dict[str, str]:
        return _labels(self.aliases)

    def count(self, number: int) -> str:
        return f"{number:,} {self.one if number == 1 else self.many}"

    def skipped(self, p: ImportPreview[Any]) -> list[tuple[int, str]]:
        """(line, why) for every row left out: already stored, a total row, 0 hours."""
        rows = [(line, f"Already {self.where}") for line, _ in p.duplicates]
        rows += [(line, why[:1].upper() + why[1:]) for line, why in p.skipped]
        return sorted(rows)

    def preview_text(self, p: ImportPreview[Any]) -> str:
        if p.needs == "person":
            return f"This file holds the hours of {len(p.people)} people: choose whose to import."
        if p.needs == "date format":
            return "Every date fits both day and month orders: choose how the dates are written."
        if p.problems and not p.skip_invalid:
            n = len(p.problems)
            rows = "1 row has a problem" if n == 1 else f"{n:,} rows have problems"
            return (
                f"{rows} (see Problems). Nothing is imported until every row is valid: fix the "
                "file in your spreadsheet and press Check again, or import the valid rows only."
            )
        skipped = len(p.duplicates)
        if not p.rows:
            if skipped:
                return f"Every row is already {self.where}; there is nothing new to import."
            return "The file has no rows to import."
        text = f"{self.count(len(p.rows))} ({format_hours(p.hours)} h) ready to import"
        text += (
            f", leaving out {len(p.problems):,} with problems."
            if p.problems
            else ", all together or not at all."
        )
        if skipped:
            were = "is" if skipped == 1 else "are"
            text += f" {skipped:,} {were} already there and will be skipped (see Already there)."
        return text


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows (cells are turned into text when painted)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: Sequence[Sequence[object]] = []

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            value = self.rows[index.row()][index.column()]
            return f"{value:,}" if isinstance(value, int) and index.column() else str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def texts(self, column: int) -> list[str]:
        return [str(self.data(self.index(r, column))) for r in range(self.rowCount())]


def table_view(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(110)
    view.horizontalHeader().resizeSection(0, 64)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def summary_text(kind: ImportKind, result: Any) -> str:
    """'Imported 1,204 entries; 12 duplicates skipped.'"""
    parts = [f"Imported {kind.count(result.added)}"]
    if result.duplicates:
        n = len(result.duplicates)
        parts.append(f"{n:,} duplicate{'s' if n != 1 else ''} skipped")
    if result.left_out:
        n = result.left_out
        parts.append(f"{n:,} row{'s' if n != 1 else ''} with problems left out")
    return "; ".join(parts) + "."


KINDS = {
    "hours": ImportKind(
        "hours",
        "Import hours from CSV",
        "Each row becomes one hours entry. Exports of Toggl, Clockify, Harvest, Kimai, Watson, "
        "Timewarrior, gtimelog and spreadsheets are recognised by their headers; choose the "
        "columns yourself when yours differ. Rows already in your hours are skipped, so "
        "importing the same file twice adds nothing.",
        "entry",
        "entries",
        "in your hours",
        HOURS_ALIASES,
        HOURS_REQUIRED,
        HOURS_HEADERS,
        _entry_cells,
        lambda s: s.records.preview_hours_csv,
        lambda s: s.records.import_hours,
    ),
    "ce": ImportKind(
        "ce",
        "Import CE from CSV",
        "Each row becomes one CE activity. Columns are found by their header names (Date, "
        "Hours, Topic, Title, Provider); choose them yourself when your headers differ. "
        "Activities already recorded are skipped, so importing the same file twice adds nothing.",
        "CE activity",
        "CE activities",
        "in your CE records",
        CE_ALIASES,
        CE_REQUIRED,
        ("Date", "Hours", "Topic", "Title", "Provider"),
        _ce_cells,
        lambda s: s.records.preview_ce_csv,
        lambda s: s.records.import_ce,
    ),
}


def detected_text(p: ImportPreview[Any]) -> str:
    """What was detected about the file: the tool, encoding, delimiter, choices, rows."""
    delimiter = DELIMITER_NAMES.get(p.delimiter, repr(p.delimiter))
    tool = f"{p.tool} export, read" if p.tool else "Read"
    dates = f"; dates as {p.date_format}" if p.date_format else ""
    person = f"; the rows of {p.person}" if p.person else ""
    rows = f"{p.read:,} row{'s' if p.read != 1 else ''}"
    return f"{tool} as {p.encoding}, separated by {delimiter}{dates}{person}: {rows}."
