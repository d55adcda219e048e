"""Unexpected errors reach the user and a log: a rotating log file and an excepthook dialog.

`start_logging(data_dir)` writes `careerplanner.log` in the data folder (rotated at 1 MB, three
old files kept). `install_excepthook(...)` makes every uncaught exception, in a slot or a
thread, go to that log with its traceback and to a dialog that says what happened and where the
log is. The dialog is all it does: windows and dialogs stay open with what the user typed, and
the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOG_NAME = "careerplanner.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("careerplanner")

ShowError = Callable[[str, str, Path], None]
"""Shows (summary, traceback text, log path) to the user."""


def start_logging(data_dir: Path) -> Path:
    """Log to a rotating file in the data folder (once per folder); the log file's path."""
    path = data_dir / LOG_NAME
    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    for handler in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        log.removeHandler(handler)
        handler.close()
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def error_summary(error: BaseException) -> str:
    """One line about what went wrong, in plain words."""
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {detail}" if detail else name


class ErrorDialog(QMessageBox):
    """What happened, that nothing typed is lost, and where the log is; details on demand."""

    def __init__(self, summary: str, details: str, log_path: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle("Something went wrong")
        self.setText(f"CareerPlanner ran into a problem it did not expect:\n{summary}")
        self.setInformativeText(
            "What you were typing is still there, and your saved data is safe. If the problem "
            "comes back, the details are in the log file:\n"
            f"{log_path}"
        )
        self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.StandardButton.Close)


def show_dialog(summary: str, details: str, log_path: Path) -> None:
    """The real `ShowError`: a dialog over the active window."""
    ErrorDialog(summary, details, log_path, QApplication.activeWindow()).exec()


class _Relay(QObject):
    """Moves reports from other threads to the GUI thread."""

    report = Signal(str, str)

    def __init__(self, show: ShowError, log_path: Path) -> None:
        super().__init__()
        self.show, self.log_path, self.showing = show, log_path, False
        self.report.connect(self._show)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.showing:  # an error while the dialog is open is logged, not stacked
            return
        self.showing = True
        try:
            self.show(summary, details, self.log_path)
        finally:
            self.showing = False


def install_excepthook(log_path: Path, show: ShowError = show_dialog) -> _Relay:
    """Send uncaught exceptions (GUI thread and worker threads) to the log and to `show`."""
    relay = _Relay(show, log_path)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details.rstrip())
        relay.report.emit(error_summary(error), details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return relay
