"""The main window's menu bar: File, Edit, Go and Help, each action calling a window command.

Titles in the Go menu are escaped ("CE && Renewals"), so an "&" shows instead of underlining.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from careerplanner.ui.main_window import MainWindow


def menu_text(title: str) -> str:
    """A title as menu text: "&" doubled, so that it shows as itself."""
    return title.replace("&", "&&")


def add_action(
    window: MainWindow,
    menu: Any,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> QAction:
    """Fill the window's menu bar; the Edit → Filter action (enabled per page)."""
    bar = window.menuBar()
    _file_menu(window, bar.addMenu("&File"))
    edit_menu = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    find = QKeySequence.StandardKey.Find
    filter_action = add_action(window, edit_menu, "&Filter…", window.focus_filter, find)
    go_menu = bar.addMenu("&Go")
    from careerplanner.ui.main_window import PAGES

    for index, spec in enumerate(PAGES[:8]):
        go = window.go_to(spec.name)
        add_action(window, go_menu, menu_text(spec.title), go, f"Ctrl+{index + 1}")
    help_menu = bar.addMenu("&Help")
    add_action(window, help_menu, "&About CareerPlanner", window.about)
    return filter_action


def _file_menu(window: MainWindow, menu: Any) -> None:
    add_action(window, menu, "&New entry", window.new_entry, QKeySequence.StandardKey.New)
    add_action(window, menu, "Set up with the &wizard…", window.open_wizard)
    add_action(window, menu, "Open data &folder", window.open_data_folder)
    add_action(window, menu, "&Backups and restore…", window.open_backups)
    add_action(window, menu, "Start &over…", window.start_over)
    menu.addSeparator()
    add_action(window, menu, "Import &hours from CSV…", lambda: window.open_csv_import("hours"))
    add_action(window, menu, "Import &CE from CSV…", lambda: window.open_csv_import("ce"))
    add_action(window, menu, "&Export…", lambda: window.open_records_dialog("ExportDialog"))
    add_action(window, menu, "&Reports (PDF)…", lambda: window.open_records_dialog("ReportDialog"))
    add_action(window, menu, "&Move to another computer…", window.open_move)
    plan_import = lambda: window.open_records_dialog("PlanImportDialog")  # noqa: E731
    add_action(window, menu, "Import a &plan…", plan_import)
    menu.addSeparator()
    add_action(window, menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)
