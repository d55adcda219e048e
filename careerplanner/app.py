"""Builds and runs the desktop app: data folder, single-instance lock, database, services, window.

Nothing heavy is imported before the first paint: the pages other than the first, charts and
migrations load when they are first needed.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from careerplanner.gui_options import UsageError, check_page, parse_options

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile, QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from careerplanner.services import Services
    from careerplanner.storage import Database
    from careerplanner.ui.common.dialogs import DatabaseErrorDialog
    from careerplanner.ui.main_window import MainWindow

LOCK_NAME = ".careerplanner.lock"
SETTINGS_NAME = "settings.ini"


@dataclass
class Running:
    """Everything one running window holds; `close()` releases the database and the lock."""

    window: MainWindow
    services: Services
    database: Database
    lock: QLockFile
    settings: QSettings

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        self.window.close()
        QThreadPool.globalInstance().waitForDone()  # the start-up check or backup may run
        self.services.plan.store_entry_columns()  # if entries changed: a fast next start
        self.database.close()
        self.lock.unlock()


def application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    app = (
        running
        if isinstance(running, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "careerplanner"])
    )
    app.setApplicationName("CareerPlanner")
    app.setOrganizationName("CareerPlanner")
    app.setApplicationDisplayName("CareerPlanner")
    from careerplanner.ui.common.theme import use_fusion

    use_fusion(app)
    if QApplication.windowIcon().isNull():  # once per process: the icon files load once
        from careerplanner.desktop_entry import APP_ID

        QApplication.setWindowIcon(app_icon())
        QApplication.setDesktopFileName(APP_ID)  # lets the desktop match the window to its entry
    if app.property("namesInputs") is None:
        from careerplanner.ui.common.accessibility import install

        install(app)
        app.setProperty("namesInputs", True)
    return app


def app_icon() -> QIcon:
    """The application's icon at every size it ships in."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from careerplanner.desktop_entry import ICON_SIZES, icon_png

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


def acquire_lock(data_dir: Path) -> QLockFile | None:
    """The single-writer lock on the data folder, or None when another instance holds it."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a live holder is never stale; a dead one is detected by its id
    return lock if lock.tryLock(200) else None


def launch(
    data_dir: Path,
    window: MainWindow | None = None,
    *,
    ask: bool = True,
    today: Callable[[], date] = date.today,
) -> Running | None:
    """Open everything for `data_dir`; on a refused folder or database, explain and give None.

    `window`, when given, is a window already on screen that gets the services; `today` is
    their clock (tests pin it). The file's quick check is left for `_loaded` to run in the
    background (nothing is written before it passed). With `ask=False` (a screenshot, where
    no one can answer a dialog) the file is checked now, a problem is printed as one `error:`
    line and a damaged database is not offered for recovery."""
    from careerplanner.ui.common.dialogs import DatabaseErrorDialog

    lock = None
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        pass  # the database layer explains what is wrong with the folder
    else:
        _log_start(data_dir)
        lock = acquire_lock(data_dir)
        if lock is None:
            _explain(DatabaseErrorDialog.for_lock(data_dir), ask)
            return None
    from careerplanner.storage import DatabaseError
    from careerplanner.ui.files.recovery_dialog import RecoveryDeclined, open_with_recovery

    def open_with(folder: Path) -> Services:
        return open_services(folder, today, check_later=ask)

    try:  # a damaged file: offers the newest backup
        services = open_with_recovery(data_dir, open_with) if ask else open_with(data_dir)
    except (DatabaseError, RecoveryDeclined) as error:
        if lock is not None:
            lock.unlock()
        if isinstance(error, DatabaseError):
            _explain(DatabaseErrorDialog.for_database(str(error), data_dir), ask)
        return None
    assert lock is not None
    if window is None:
        window = empty_window(data_dir)
    window.attach(services)
    return Running(window, services, services.db, lock, window.settings)


def open_services(data_dir: Path, today: Callable[[], date], *, check_later: bool) -> Services:
    """The services over the folder's database, with the plan read once: a file too damaged
    to be read is refused here. `check_later`: see `Database.open`."""
    from careerplanner.catalog import load_catalog
    from careerplanner.services import Services
    from careerplanner.storage import Database

    database = Database.open(data_dir, check_later=check_later)
    try:
        services = Services(database, load_catalog(), today)
        services.plan.snapshot()
    except BaseException:
        database.close()
        raise
    return services


def _explain(dialog: DatabaseErrorDialog, ask: bool) -> None:
    """Show a refusal, or print it as one line when no one can answer a dialog."""
    if ask:
        dialog.exec()
    else:
        print(f"error: {' '.join(dialog.text().split())}", file=sys.stderr)


def _log_start(data_dir: Path) -> None:
    """Start the log in the data folder with one line: the version and the folder."""
    from careerplanner import __version__
    from careerplanner.ui.common.error_report import log, start_logging

    start_logging(data_dir)
    log.info("CareerPlanner %s started; data folder %s", __version__, data_dir)


def empty_window(data_dir: Path) -> MainWindow:
    """The themed main window with its navigation, before any data is loaded."""
    from PySide6.QtCore import QSettings

    from careerplanner.ui.common.theme import install_theme
    from careerplanner.ui.main_window import MainWindow

    settings = QSettings(str(data_dir / SETTINGS_NAME), QSettings.Format.IniFormat)
    app = application()
    install_theme(app, settings)
    window = MainWindow(None, settings, data_dir)
    window.setWindowIcon(app.windowIcon())
    return window


def opens_cleanly(data_dir: Path) -> bool:
    """True when the database is missing or looks like ours (its header; nothing written and
    no integrity check, which runs once the plan shows): then the window can paint before the
    database layer loads. A problem is explained by `launch`."""
    from careerplanner.paths import DATABASE_NAME
    from careerplanner.storage.fileguard import is_careerplanner_file

    if data_dir.exists() and not data_dir.is_dir():
        return False
    path = data_dir / DATABASE_NAME
    return not path.exists() or is_careerplanner_file(path)


def take_screenshot(window: MainWindow, path: Path, page: str, size: tuple[int, int]) -> int:
    """Render `page` at `size` and save it as a PNG; 0 on success, 1 if it cannot be written."""
    app = application()
    window.resize(*size)
    window.show_page(page)
    window.show()
    for _ in range(3):
        app.processEvents()
    if not window.grab().save(str(path), "PNG"):
        print(f"error: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0


def main_gui(argv: list[str] | None = None) -> int:
    """Run the desktop app (or take a screenshot of it); the process exit code.

    Start-up makes mostly long-lived objects (modules, classes, widgets, the plan): the garbage
    collector, which would walk them over a hundred times, waits until the first page shows."""
    gc.disable()
    try:
        return _run_gui(argv)
    finally:
        _collect_again()


def _collect_again() -> None:
    """Hide what start-up made from the collector for good, and let it run again."""
    gc.freeze()
    gc.enable()


def _run_gui(argv: list[str] | None) -> int:
    try:
        options = parse_options(sys.argv[1:] if argv is None else argv)
        if options.screenshot is not None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        check_page(options.page)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from careerplanner.paths import resolve_data_dir
    from careerplanner.ui.common.error_report import LOG_NAME, install_excepthook

    app = application()
    data_dir = resolve_data_dir(options.data_dir)
    hook = install_excepthook(data_dir / LOG_NAME)  # noqa: F841 - kept while the app runs
    if options.screenshot is None and opens_cleanly(data_dir):
        return _run_painting_first(app, data_dir, options.page)
    running = launch(data_dir, ask=options.screenshot is None)
    if running is None:
        return 1
    try:
        if options.screenshot is not None:
            page = options.page or "overview"
            return take_screenshot(running.window, options.screenshot, page, options.size)
        running.window.show()
        _loaded(running, options.page)
        return app.exec()
    finally:
        running.close()


def _run_painting_first(app: QApplication, data_dir: Path, page: str | None) -> int:
    """Show the window at once, then open the database and build the first page."""
    from PySide6.QtCore import QTimer

    window = empty_window(data_dir)
    if page:
        window.navigation.setCurrentRow(window.page_names.index(page))
    window.show()
    _paint_now(app, window)  # the window paints now; the data follows
    opened: list[Running] = []

    def load() -> None:
        running = launch(data_dir, window)
        if running is None:
            window.close()
            app.exit(1)
            return
        opened.append(running)
        _loaded(running, page)

    QTimer.singleShot(0, load)
    try:
        return app.exec()
    finally:
        for running in opened:
            running.close()


def _paint_now(app: QApplication, window: MainWindow) -> None:
    """Wait (at most half a second) for the window system to map the window, then paint it
    at once: otherwise an unpainted, black window shows while the data loads."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    handle = window.windowHandle()
    deadline = QDeadlineTimer(500)
    while handle is not None and not handle.isExposed() and not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    window.repaint()
    app.processEvents()


def _loaded(running: Running, page: str | None) -> None:
    """With the data in place: the requested page, the file's check and the daily backup in
    the background, then the wizard or the start-up chores."""
    from PySide6.QtCore import QTimer

    from careerplanner.ui.common.idle import PREFETCH_DELAY_MS, run_when_idle
    from careerplanner.ui.overview.reminders_card import startup_tasks

    window = running.window
    window.show_page(page or window.current_name())
    _collect_again()
    QTimer.singleShot(0, lambda: _start_checks(window, running.services))
    if running.services.plan.is_empty():
        QTimer.singleShot(0, window.open_wizard)
    else:
        QTimer.singleShot(0, lambda: startup_tasks(window, running.services))
        QTimer.singleShot(0, lambda: _offer_fill(window, running.services))
    QTimer.singleShot(0, running.services.plan.store_entry_columns)  # idle: a fast next start
    run_when_idle(window, running.services.plan.prefetch_entries, PREFETCH_DELAY_MS)  # Hours


def _start_checks(window: MainWindow, services: Services) -> None:
    from careerplanner.ui.files.startup_check import start_checks

    start_checks(window, services)


def _offer_fill(window: MainWindow, services: Services) -> None:
    from careerplanner.ui.logbook.fill_prompt import offer_fill

    offer_fill(window, services, services.today())
