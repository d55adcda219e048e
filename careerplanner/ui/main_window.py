"""The main window: wires the pages into a navigation list, menus, shortcuts and a status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from careerplanner.ui.common.accessibility import name_inputs
from careerplanner.ui.menus import build_menus
from careerplanner.ui.pages import PAGE_NAMES, PAGES, CreatesEntries, Page, PageContext, PageSpec

if TYPE_CHECKING:
    from careerplanner.services import Change, Services
    from careerplanner.ui.wizard.wizard import SetupWizard

__all__ = ["GEOMETRY_KEY", "PAGES", "PAGE_NAMES", "MainWindow"]
RecordsDialog = Literal["ExportDialog", "ReportDialog", "PlanImportDialog"]

GEOMETRY_KEY = "window/geometry"


class MainWindow(QMainWindow):
    """Builds pages lazily on first show and refreshes stale ones when they are shown again."""

    page_changed = Signal(str)
    page_names = PAGE_NAMES

    def __init__(self, services: Services | None, settings: QSettings, data_dir: Path) -> None:
        """`services` may be None: the window paints first and gets them with `attach`."""
        super().__init__()
        self.services: Services | None = None
        self.settings = settings
        self.data_dir = data_dir
        self.undo_stack = QUndoStack(self)
        self.pages: dict[str, Page] = {}
        self.stale: set[str] = set()
        self.wizard: SetupWizard | None = None
        self.setWindowTitle("CareerPlanner")
        self.setMinimumSize(900, 600)
        self._build_body()
        self.filter_action = build_menus(self)
        self._build_status_bar()
        self._restore_geometry()
        self._unsubscribe: Callable[[], None] | None = None
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Connect the window to its data; the current page is built and shown now."""
        self.services = services
        self._unsubscribe = services.bus.subscribe(self._on_change)
        self.stack.removeWidget(self.opening)
        self._on_row_changed(max(0, self.navigation.currentRow()))

    # --- layout -----------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.addItems([spec.title for spec in PAGES])
        self.stack = QStackedWidget()
        self.opening = QLabel("Opening your plan…")
        self.opening.setObjectName("muted")
        self.stack.addWidget(self.opening)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.navigation.currentRowChanged.connect(self._on_row_changed)

    def go_to(self, name: str) -> Callable[[], object]:
        return lambda: self.show_page(name)

    def _build_status_bar(self) -> None:
        location = QLabel(f"Data: {self.data_dir}")
        location.setObjectName("muted")
        self.statusBar().addPermanentWidget(location)

    # --- pages ------------------------------------------------------------------------------
    def show_page(self, name: str) -> Page:
        """Switch to a page by name (building it on first use) and return it."""
        row = PAGE_NAMES.index(name)
        self.navigation.setCurrentRow(row)
        self._on_row_changed(row)
        return self.pages[name]

    def current_page(self) -> Page | None:
        """The page shown, or None while the plan is still opening."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def current_name(self) -> str:
        return PAGES[max(0, self.navigation.currentRow())].name

    def _on_row_changed(self, row: int) -> None:
        if row < 0 or self.services is None:
            return  # before `attach`: the page is built once the data is there
        spec = PAGES[row]
        page = self.pages.get(spec.name) or self._build_page(spec)
        if spec.name in self.stale:
            self.stale.discard(spec.name)
            page.refresh()
        self._update_filter_action(page)
        name_inputs(page)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
            self.page_changed.emit(spec.name)

    def _build_page(self, spec: PageSpec) -> Page:
        assert self.services is not None  # pages are built only after `attach`
        page = spec.build(PageContext(self.services, self.undo_stack, self.settings, self.data_dir))
        for signal_name, slot in (
            ("navigate_requested", self.show_page),
            ("setup_requested", self.open_wizard),
            ("status_message", self.show_status),
            ("refreshed", lambda: self._page_refreshed(page)),
        ):
            signal = getattr(page, signal_name, None)
            if signal is not None:
                signal.connect(slot)
        page.setAccessibleName(spec.title)
        self.pages[spec.name] = page
        self.stack.addWidget(page)
        return page

    def _on_change(self, change: Change) -> None:
        current = self.current_page()
        for name, page in self.pages.items():
            if not change.kinds & page.kinds or change.origin is page:
                continue  # a page that caused the change refreshes itself
            if page is current:
                page.refresh()
                self._page_refreshed(page)
            else:
                self.stale.add(name)

    def _page_refreshed(self, page: Page) -> None:
        if page is self.current_page():
            self._update_filter_action(page)
            name_inputs(page)

    # --- commands ---------------------------------------------------------------------------
    def _attached(self) -> Services:
        """The services, for commands the menus offer once the plan is open."""
        if self.services is None:
            raise RuntimeError("the plan is still opening")
        return self.services

    def new_entry(self) -> None:
        """Ctrl+N: the current page's new item, or a new hours entry."""
        page = self.current_page()
        if not isinstance(page, CreatesEntries):
            page = self.show_page("hours")
        assert isinstance(page, CreatesEntries)
        page.new_entry()

    def _update_filter_action(self, page: Page) -> None:
        """Edit → Filter only where there is something to filter."""
        self.filter_action.setEnabled(page.can_filter())

    def focus_filter(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_filter()

    def open_wizard(self) -> SetupWizard:
        from careerplanner.ui.wizard.wizard import SetupWizard

        self.wizard = SetupWizard(self._attached(), parent=self)
        self.wizard.open()
        return self.wizard

    def start_over(self) -> object:
        """File → Start over: back up, empty the plan, open the wizard."""
        from careerplanner.ui.files.start_over import start_over

        return start_over(self)

    def open_backups(self) -> QWidget:
        from careerplanner.ui.files.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self._attached(), parent=self)
        dialog.open()
        return dialog

    def open_csv_import(self, kind: str) -> QWidget:
        """The CSV import dialog for "hours" or "ce", asking for the file straight away."""
        from careerplanner.ui.files.import_dialog import CsvImportDialog

        dialog = CsvImportDialog(self._attached(), kind, parent=self)
        dialog.status_message.connect(self.show_status)
        dialog.open()
        dialog.choose_file()
        return dialog

    def open_records_dialog(self, name: RecordsDialog) -> QDialog:
        """A dialog of ui/files: ExportDialog, ReportDialog or PlanImportDialog."""
        from careerplanner.ui.files.export_dialogs import ExportDialog, ReportDialog
        from careerplanner.ui.files.plan_import_dialog import PlanImportDialog

        services = self._attached()
        dialog: ExportDialog | ReportDialog | PlanImportDialog
        if name == "ExportDialog":
            dialog = ExportDialog(services, parent=self)
        elif name == "ReportDialog":
            dialog = ReportDialog(services, parent=self)
        else:
            dialog = PlanImportDialog(services, parent=self)
        dialog.status_message.connect(self.show_status)
        dialog.open()
        return dialog

    def open_move(self) -> None:
        """The export dialog with "Everything, to move to another computer" chosen."""
        from careerplanner.ui.files.export_dialogs import ExportDialog

        dialog = self.open_records_dialog("ExportDialog")
        if isinstance(dialog, ExportDialog):
            dialog.choose("archive")

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def about(self) -> None:
        from careerplanner import __version__

        QMessageBox.about(
            self,
            "About CareerPlanner",
            f"<b>CareerPlanner {__version__}</b><p>Plan your path in care case management: "
            "hours, education, licenses and certifications, kept on this computer only.</p>",
        )

    # --- geometry ---------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.sync()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        super().closeEvent(event)
