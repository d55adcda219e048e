"""Background work: results and errors reach the GUI thread; Cancel stops the work and keeps
nothing it would have written."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.services import Services
from careerplanner.ui.common.background import Job, run_in_background, run_quietly


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_result_arrives_on_the_gui_thread(qtbot: Any, window: QWidget) -> None:
    delivered: list[tuple[int, int]] = []
    gui_thread = threading.get_ident()

    def work(job: Job) -> int:
        job.report(1, 2)
        return threading.get_ident()

    run_in_background(window, "Working…", work, lambda worker: delivered.append(
        (worker, threading.get_ident())
    ))  # fmt: skip
    qtbot.waitUntil(lambda: bool(delivered))
    worker_thread, callback_thread = delivered[0]
    assert worker_thread != gui_thread
    assert callback_thread == gui_thread


def test_an_error_in_the_work_reaches_on_error(qtbot: Any, window: QWidget) -> None:
    errors: list[tuple[str, int]] = []
    done: list[object] = []

    def work(_job: Job) -> None:
        raise ValidationError("the folder /nowhere does not exist", "--out")

    run_in_background(
        window, "Saving…", work, done.append,
        on_error=lambda error: errors.append((str(error), threading.get_ident())),
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == [("the folder /nowhere does not exist", threading.get_ident())]
    assert done == []


def test_an_unexpected_error_goes_to_the_excepthook(
    qtbot: Any, window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[str] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: hooked.append(repr(error)))

    def work(_job: Job) -> None:
        raise KeyError("missing")

    run_in_background(window, "Saving…", work, lambda _result: None)
    qtbot.waitUntil(lambda: bool(hooked))
    assert hooked == ["KeyError('missing')"]


def test_cancel_rolls_the_transaction_back(qtbot: Any, window: QWidget, tmp_path: Path) -> None:
    """The work writes inside one transaction and checks the flag before committing."""
    database = tmp_path / "plan.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE entries (hours REAL)")
    started, release = threading.Event(), threading.Event()
    outcome: list[str] = []

    def work(job: Job) -> int:
        connection = sqlite3.connect(database)
        try:
            for number in range(100):
                connection.execute("INSERT INTO entries VALUES (?)", (number,))
            started.set()
            release.wait(timeout=30)
            job.report(100, 100)
            connection.commit()
        finally:
            connection.rollback()
            connection.close()
        return 100

    task = run_in_background(
        window, "Importing…", work, lambda n: outcome.append(f"done {n}"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )  # fmt: skip
    qtbot.waitUntil(started.is_set)
    cancel_button = task.dialog.findChild(QPushButton)
    assert cancel_button is not None
    assert cancel_button.text() == "Cancel"
    cancel_button.click()
    assert task.job.cancelled
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT COUNT(*) FROM entries").fetchone() == (0,)


def test_progress_moves_the_bar(qtbot: Any, window: QWidget) -> None:
    step, reported = threading.Event(), threading.Event()
    results: list[str] = []

    def work(job: Job) -> str:
        job.report(3, 12)
        reported.set()
        step.wait(timeout=30)
        return "ok"

    task = run_in_background(window, "Writing the report…", work, results.append)
    qtbot.waitUntil(reported.is_set)
    qtbot.waitUntil(lambda: task.dialog.value() == 3)
    assert task.dialog.maximum() == 12
    step.set()
    qtbot.waitUntil(lambda: results == ["ok"])
    assert not task.running


def test_work_that_finished_before_cancel_is_reported_done(qtbot: Any, window: QWidget) -> None:
    """Cancel cannot undo what was already made permanent: the user hears it was done."""
    finished = threading.Event()
    outcome: list[str] = []

    def work(_job: Job) -> str:
        finished.set()
        return "saved"

    task = run_in_background(
        window, "Working…", work, outcome.append, on_cancelled=lambda: outcome.append("cancelled")
    )
    qtbot.waitUntil(finished.is_set)
    task.cancel()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["saved"]


def test_a_cancelled_backup_keeps_no_copy(
    qtbot: Any, window: QWidget, services: Services, tmp_path: Path
) -> None:
    """A real backup of a plan, cancelled while SQLite copies its pages."""
    services.hours.add_many(
        [WorkEntry(date(2025, 1, 1) + timedelta(days=d), 8.0) for d in range(400)]
    )
    out = tmp_path / "copy.sqlite3"
    copying, release = threading.Event(), threading.Event()
    outcome: list[str] = []

    def work(job: Job) -> object:
        def progress(done: int, total: int) -> None:
            copying.set()
            release.wait(timeout=30)
            job.report(done, total)

        return services.backups.backup(out, progress=progress)

    task = run_in_background(
        window, "Backing up…", work, lambda _info: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )  # fmt: skip
    qtbot.waitUntil(copying.is_set)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    assert (
        sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name or ".backup-" in p.name) == []
    )
    done: list[object] = []
    run_in_background(
        window, "Backing up…", lambda job: services.backups.backup(out, progress=job.report),
        done.append,
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(done))
    with sqlite3.connect(out) as copy:
        assert copy.execute("SELECT COUNT(*) FROM work_entry").fetchone() == (400,)


def test_closing_the_window_while_work_runs_loses_nothing_and_crashes_nothing(
    qtbot: Any, tmp_path: Path
) -> None:
    """The work finishes (its file is written); the closed window is not called back."""
    window = QWidget()
    window.show()
    release, finished = threading.Event(), threading.Event()
    called: list[object] = []
    target = tmp_path / "done.txt"

    def work(_job: Job) -> str:
        release.wait(timeout=30)
        target.write_text("written", encoding="utf-8")
        finished.set()
        return "done"

    task = run_in_background(window, "Working…", work, called.append)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    release.set()
    qtbot.waitUntil(finished.is_set)
    qtbot.waitUntil(lambda: not task.running)
    assert called == [] and target.read_text(encoding="utf-8") == "written"


def test_quiet_work_shows_no_dialog_and_hands_its_result_to_the_gui_thread(
    qtbot: Any, window: QWidget
) -> None:
    delivered: list[tuple[int, int]] = []
    gui_thread = threading.get_ident()
    run_quietly(window, lambda _job: threading.get_ident(), lambda worker: delivered.append(
        (worker, threading.get_ident())
    ))  # fmt: skip
    qtbot.waitUntil(lambda: bool(delivered))
    assert delivered[0][0] != gui_thread and delivered[0][1] == gui_thread
    assert window.findChildren(QProgressDialog) == []


def test_quiet_work_finished_after_its_window_is_gone_is_dropped(qtbot: Any) -> None:
    widget = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    task = run_quietly(widget, lambda _job: release.wait(5), delivered.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
    release.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: not shiboken6.isValid(task))
    assert delivered == []
