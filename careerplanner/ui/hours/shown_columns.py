"""Which columns of the hours table show: the user's choice, made by right-clicking a column
heading, kept in the settings by column name. Until the user chooses, Time and Supervisor
show once an entry has clock times or a supervisor, so a log without them has no empty
columns (and fits the window)."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMenu, QTableView

from careerplanner.ui.hours.columns import HoursColumns
from careerplanner.ui.hours.table_model import HEADERS
from careerplanner.ui.hours.table_view import saved_by_column

KEY = "hours/shown_columns"  # {header: shown}, as JSON: only the columns the user chose
ALWAYS = frozenset({"Date", "Hours"})  # a row needs them to be read
WHEN_USED = {"Time": "start_time", "Supervisor": "supervisor_id"}  # shown once an entry has one


class ShownColumns:
    def __init__(self, table: QTableView, settings: QSettings | None) -> None:
        self.table, self.settings = table, settings
        self._columns: HoursColumns | None = None
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)

    def chosen(self) -> dict[str, bool]:
        """The user's choices by column name; nothing when none are saved or unreadable."""
        found = saved_by_column(self.settings, KEY)
        return {k: v for k, v in found.items() if k in HEADERS and isinstance(v, bool)}

    def shown(self) -> set[str]:
        """The columns that show: the user's choice, else whether the rows use them."""
        chosen = self.chosen()  # read once: apply() asks for every column
        return {name for name in HEADERS if self._shows(name, chosen.get(name))}

    def _shows(self, name: str, choice: bool | None) -> bool:
        if name in ALWAYS:
            return True
        if choice is not None:
            return choice
        used = WHEN_USED.get(name)
        return used is None or (self._columns is not None and self._columns.uses(used))

    def apply(self, columns: HoursColumns | None = None) -> None:
        """Show and hide the columns for these rows (the last rows given, when None)."""
        if columns is not None:
            self._columns = columns
        shown = self.shown()
        for index, name in enumerate(HEADERS):
            self.table.setColumnHidden(index, name not in shown)

    def choose(self, name: str, shown: bool) -> None:
        """The user's choice for one column, kept and applied."""
        if self.settings is not None:
            self.settings.setValue(KEY, json.dumps({**self.chosen(), name: shown}))
        self.apply()

    def menu(self) -> QMenu:
        """One checkable item per column that can be hidden."""
        menu = QMenu(self.table)
        menu.setTitle("Columns")
        shown = self.shown()
        for name in HEADERS:
            if name in ALWAYS:
                continue
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in shown)
            action.toggled.connect(lambda on, column=name: self.choose(column, on))
        return menu

    def _show_menu(self, where: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.menu().popup(header.mapToGlobal(where))
