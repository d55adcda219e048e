"""The Hours page: quick-add bar, toolbar, filter bar, the log table and its totals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.common.accessibility import tab_chain
from careerplanner.ui.common.deleting import delete_key
from careerplanner.ui.common.widgets import FieldError, format_hours, heading, muted
from careerplanner.ui.hours.actions import HoursActions
from careerplanner.ui.hours.fields import HoursDelegate
from careerplanner.ui.hours.filter_bar import FilterBar
from careerplanner.ui.hours.filtering import HoursFilter
from careerplanner.ui.hours.logbook_actions import employer_names, title_row
from careerplanner.ui.hours.proxy import HoursFilterProxy
from careerplanner.ui.hours.quick_add import QuickAddBar
from careerplanner.ui.hours.shown_columns import ShownColumns
from careerplanner.ui.hours.table_model import HoursTableModel
from careerplanner.ui.hours.table_view import ColumnWidths, make_table
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services

EMPTY_TEXT = (
    "<h3>No hours logged yet</h3>"
    "<p>Type the hours you worked today in the bar above and press <b>Enter</b>.</p>"
    "<p>Worked here a while already? Choose <b>New entry…</b> and log a whole span at once "
    "(a week, a pay period, or your backlog since you started) — the hours are spread evenly "
    "over its days.</p>"
)
NO_MATCH_TEXT = "No entries match the filter. Choose <b>Clear</b> to see every entry."


def today_of(services: Services) -> Callable[[], date]:
    """The services' notion of today (tests pin it), as a function."""
    today = getattr(services, "today", None)
    if callable(today):
        return today  # type: ignore[no-any-return]
    if isinstance(today, date):
        return lambda: today
    return date.today


class HoursPage(Page):
    """Log, correct, sign off and filter work hours; every change can be undone."""

    kinds = frozenset({ChangeKind.ENTRIES, ChangeKind.SUPERVISORS})  # names show in the log
    status_message = Signal(str)
    refreshed = Signal()  # after each refresh, for the window's Edit → Filter

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
        settings: QSettings | None = None,
        **_kw: object,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self._columns_sized = False
        self.today = today_of(services)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._primed = False
        self.model = HoursTableModel(self)
        self.proxy = HoursFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.quick_add = QuickAddBar(self.today, self)
        self.filter_bar = FilterBar(self)
        self.message = FieldError(self)
        self.footer = QLabel()
        self.footer.setObjectName("muted")
        self.table = self._make_table()
        self.actions_ = HoursActions(self)
        self.model.set_editor(self.actions_.inline_edit, self.show_error)
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.quick_add.submitted.connect(self.actions_.quick_add)
        self.filter_bar.changed.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.actions_.double_clicked)
        self.proxy.modelReset.connect(self._update_footer)
        self.proxy.layoutChanged.connect(self._update_footer)
        self.proxy.rowsInserted.connect(self._update_footer)
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = make_table(self.proxy, self)
        table.setItemDelegate(HoursDelegate(table))
        self.shown_columns = ShownColumns(table, self.settings)
        return table

    def _size_columns(self) -> None:
        self._columns_sized = True
        self.column_widths = ColumnWidths(self.table, self.settings)
        self.column_widths.apply()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(title_row(self, heading("Hours")))
        layout.addWidget(
            muted(
                "Every hour of case-management work you log counts toward certifications. "
                "Verified entries are locked; everything else can be edited, and Ctrl+Z undoes."
            )
        )
        layout.addWidget(self.quick_add)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.message)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        delete_key(self.table, self.actions_.delete_selected)
        self._tab_order()
        QShortcut(QKeySequence("Ctrl+D"), self, self.actions_.duplicate_selected)
        QShortcut(QKeySequence("Ctrl+E"), self, self.actions_.edit_selected)

    def _tab_order(self) -> None:
        """Quick-add first, then the toolbar, the filter and the table."""
        bar, filters = self.quick_add, self.filter_bar
        quick = [w for _key, _caption, w, _error in bar.cells] + [bar.add_button]
        dates = [w for w in filters.rest if not isinstance(w, QLabel)]
        tab_chain([*quick, *self.buttons.values(), filters.text, *dates, self.table])

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        specs = (
            ("new", "New entry…", "Add an entry or a span of days (Ctrl+N focuses quick add)"),
            ("edit", "Edit…", "Change the selected entry (Ctrl+E)"),
            ("duplicate", "Duplicate", "Copy the selected entries (Ctrl+D)"),
            ("delete", "Delete…", "Delete the selected entries (Delete; Ctrl+Z brings them back)"),
            ("verify", "Mark verified…", "Record a supervisor's sign-off; the entries lock"),
            ("unlock", "Unlock…", "Remove the sign-off of a verified entry (recorded)"),
        )
        for key, text, tip in specs:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(getattr(self.actions_, f"{key}_clicked"))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- the page contract ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every entry from services, keeping the selection and the filter."""
        selected = {e.id for e in self.selected_entries()}
        entries = self.services.hours.list()
        self.model.set_supervisors(self.services.supervisors.list())
        self.model.set_entries(entries, self.services.hours.columns())
        columns = self.model.columns()
        self.shown_columns.apply(columns)
        employers = columns.employer_set
        self.filter_bar.set_employers(employers)
        self.quick_add.set_employers(employer_names(self.services, employers))
        if not self._primed:
            self._primed = bool(entries)
            last = entries[int(columns.ids.argmax())] if entries else None
            self.quick_add.set_defaults(last)
        self.select_ids(selected)
        self._update_footer()
        self._update_buttons()
        if entries and not self._columns_sized:
            self._size_columns()
        self.refreshed.emit()

    def new_entry(self) -> None:
        """Ctrl+N: put the cursor in the quick-add bar."""
        self.quick_add.focus()

    def focus_filter(self) -> None:
        self.filter_bar.focus()

    def can_filter(self) -> bool:
        """Whether there are entries to filter."""
        return self.model.rowCount() > 0

    # --- selection and state -------------------------------------------------------------

    def selected_entries(self) -> list[WorkEntry]:
        model = self.table.selectionModel()
        rows = self.proxy.source_rows()
        chosen = sorted(index.row() for index in model.selectedRows())
        return [self.model.entry(int(rows[row])) for row in chosen if row < len(rows)]

    def current_entry(self) -> WorkEntry | None:
        index = self.table.currentIndex()
        selected = self.selected_entries()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.entry(int(self.proxy.source_rows()[index.row()]))
        return selected[0] if selected else None

    def select_ids(self, ids: set[int]) -> None:
        """Select the rows of these entries (those still shown)."""
        if not ids:
            return
        columns = self.model.columns()
        rows = np.flatnonzero(np.isin(columns.ids, np.fromiter(ids, np.int64, len(ids))))
        selection = QItemSelection()
        for row in rows[:10_000]:
            index = self.proxy.mapFromSource(self.model.index(int(row), 0))
            if index.isValid():
                selection.select(index, index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            first = selection.indexes()[0]
            self.table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(first)

    def apply_filter(self, value: HoursFilter) -> None:
        selected = {e.id for e in self.selected_entries()}
        self.proxy.set_filter(value)
        self.select_ids(selected)

    def show_error(self, error: ValidationError | str) -> None:
        self.message.show_error(error.message if isinstance(error, ValidationError) else error)

    def show_status(self, text: str) -> None:
        self.message.clear_error()
        self.status_message.emit(text)

    def _update_footer(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        hours = format_hours(self.proxy.total_hours())
        if total == 0:
            self.footer.setText("")
        elif self.proxy.filter().active:
            self.footer.setText(
                f"Showing {shown:,} of {total:,} entries · <b>{hours} h</b> recorded in these"
                if shown
                else NO_MATCH_TEXT
            )
        else:
            self.footer.setText(f"{total:,} entries · <b>{hours} h</b> recorded in all")
        self.stack.setCurrentWidget(self.empty if total == 0 else self.table)

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_entries()
        one = len(selected) == 1
        self.buttons["edit"].setEnabled(one)
        self.buttons["duplicate"].setEnabled(bool(selected))
        self.buttons["delete"].setEnabled(bool(selected) and not any(e.verified for e in selected))
        self.buttons["verify"].setEnabled(any(not e.verified for e in selected))
        self.buttons["unlock"].setEnabled(one and selected[0].verified)
        self.buttons["history"].setEnabled(one)
