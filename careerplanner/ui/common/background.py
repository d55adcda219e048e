"""Long work off the GUI thread: a QThreadPool worker, a progress dialog that can cancel.

`run_in_background(parent, label, work, on_done)` runs `work(job)` in a worker thread while a
window-modal progress dialog (shown after a short moment) offers Cancel. The result, or the
error, is handed to `on_done` / `on_error` on the GUI thread. Work reports progress with
`job.report(done, total)` and checks `job.check()` before anything becomes permanent (before a
commit, before a file replaces another): both raise `Cancelled` once the user cancelled, so the
transaction rolls back or the temporary file is removed, and `on_cancelled` runs instead.
Work that finished before it saw the flag is done, and `on_done` says so.

`run_quietly(parent, work, on_done)` is the same without a dialog, for chores the user did not
ask for (the start-up check and backup): their outcome goes to the status line, and is dropped
if `parent` is gone by then.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

SHOW_AFTER_MS = 400  # quick work finishes without a dialog flashing up
_RUNNING: set[QObject] = set()


class Cancelled(Exception):
    """The user cancelled the work; nothing it did was kept."""


class _Signals(QObject):
    """Lives on the GUI thread, so what the worker emits arrives there (queued)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Job:
    """What the work sees: the cancel flag and a way to report progress (any thread)."""

    def __init__(self, signals: _Signals | None = None) -> None:
        """`signals` carries progress to a dialog; without it, progress goes nowhere."""
        self._cancel = threading.Event()
        self._signals = signals

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise `Cancelled` if the user cancelled: call it before making anything permanent."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int) -> None:
        """Move the progress bar to `done` of `total`, then stop here if cancelled."""
        if self._signals is not None:
            self._signals.progress.emit(done, total)
        self.check()


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Job], object], job: Job, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task keeps the Python object alive
        self.work, self.job, self.signals = work, job, signals

    def run(self) -> None:
        try:
            result = self.work(self.job)
        except BaseException as error:  # delivered to the GUI thread, not lost in the pool
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class BackgroundTask(QObject, Generic[T]):
    """One running piece of work and its progress dialog; see `run_in_background`."""

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Job], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()  # not the parent's child: the worker may outlive a closed window
        self._parent = parent
        self._signals = _Signals(self)
        self.job = Job(self._signals)
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self._runner = _Runner(work, self.job, self._signals)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(label.rstrip("…. "))
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._signals.progress.connect(self._progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        _RUNNING.add(self)  # kept alive until the worker reports back
        self.dialog.setValue(0)  # starts the dialog's "show after a moment" timer
        (pool or QThreadPool.globalInstance()).start(self._runner)

    @Slot()
    def cancel(self) -> None:
        self.job.cancel()
        if self.running and shiboken6.isValid(self.dialog):  # else nothing is left to show
            self.dialog.setLabelText("Cancelling…")

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if self.running and not self.job.cancelled and shiboken6.isValid(self.dialog):
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))

    @Slot(object)
    def _done(self, result: T) -> None:
        if self._finish():
            self._on_done(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        alive = self._finish()  # else the window that asked is gone: no one to tell
        if isinstance(error, Cancelled):
            if alive and self._on_cancelled is not None:
                self._on_cancelled()
        elif self._on_error is not None and isinstance(error, Exception):
            if alive:
                self._on_error(error)
        else:  # a programming error: the excepthook logs it and tells the user
            sys.excepthook(type(error), error, error.__traceback__)

    def _finish(self) -> bool:
        """Close the progress dialog; whether the window that asked for the work is still there."""
        self.running = False
        _RUNNING.discard(self)
        self.deleteLater()
        if not shiboken6.isValid(self.dialog):
            return False
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        return shiboken6.isValid(self._parent)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Job], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask[T]:
    """Run `work(job)` in a worker with a cancellable progress dialog; see the module docstring."""
    task = BackgroundTask(parent, label, work, on_done, on_error, on_cancelled)
    task.start(pool)
    return task


class QuietTask(QObject):
    """Work in a worker thread with no dialog and no cancel; see `run_quietly`."""

    def __init__(
        self, parent: QWidget, work: Callable[[Job], object], on_done: Callable[[Any], None]
    ) -> None:
        super().__init__()  # not the parent's child: the worker may outlive a closed window
        self._parent = parent
        self._signals = _Signals(self)
        self._runner = _Runner(work, Job(), self._signals)
        self._on_done = on_done
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        _RUNNING.add(self)  # kept alive until the worker reports back
        (pool or QThreadPool.globalInstance()).start(self._runner)

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish()
        if shiboken6.isValid(self._parent):  # else the window that asked is gone
            self._on_done(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._finish()  # a programming error: the excepthook logs it and tells the user
        sys.excepthook(type(error), error, error.__traceback__)

    def _finish(self) -> None:
        self.running = False
        _RUNNING.discard(self)
        self.deleteLater()


def run_quietly(
    parent: QWidget,
    work: Callable[[Job], T],
    on_done: Callable[[T], None],
    pool: QThreadPool | None = None,
) -> QuietTask:
    """Run `work(job)` in a worker; `on_done(result)` on the GUI thread. Work catches the
    errors it expects and returns them as its result: anything else is a programming error."""
    task = QuietTask(parent, work, on_done)
    task.start(pool)
    return task
