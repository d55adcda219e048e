"""Unexpected errors: logged with their traceback in the data folder, shown in a dialog, and
what the user typed stays where it was."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from careerplanner import __version__
from careerplanner.app import launch
from careerplanner.ui.common.error_report import (
    LOG_NAME,
    ErrorDialog,
    install_excepthook,
    log,
    start_logging,
)


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the test installs is undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.fixture
def log_path(tmp_path: Path) -> Any:
    path = start_logging(tmp_path)
    yield path
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_and_input_kept(
    qtbot: Any, hooks: None, log_path: Path
) -> None:
    shown: list[tuple[str, str, Path, int]] = []
    relay = install_excepthook(
        log_path, lambda summary, details, path: shown.append(
            (summary, details, path, threading.get_ident())
        ),
    )  # fmt: skip
    form = QDialog()
    qtbot.addWidget(form)
    typed = QLineEdit()
    button = QPushButton("Save")
    layout = QVBoxLayout(form)
    layout.addWidget(typed)
    layout.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    form.show()
    qtbot.keyClicks(typed, "1,500 hours at Mercy General")
    button.click()
    assert len(shown) == 1
    summary, details, path, thread = shown[0]
    assert summary == "ZeroDivisionError: division by zero"
    assert "Traceback (most recent call last)" in details and "1 / 0" in details
    assert path == log_path and thread == threading.get_ident()
    assert form.isVisible() and typed.text() == "1,500 hours at Mercy General"
    written = log_path.read_text(encoding="utf-8")
    assert "ERROR careerplanner: unexpected error" in written
    assert "ZeroDivisionError: division by zero" in written
    assert relay.showing is False


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_reaches_the_gui_thread(
    qtbot: Any, hooks: None, log_path: Path
) -> None:
    shown: list[tuple[str, int]] = []
    install_excepthook(log_path, lambda summary, _d, _p: shown.append(
        (summary, threading.get_ident())
    ))  # fmt: skip

    def fail() -> None:
        raise KeyError("entry 155")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("KeyError: 'entry 155'", threading.get_ident())]
    assert "KeyError: 'entry 155'" in log_path.read_text(encoding="utf-8")


def test_the_dialog_says_what_happened_and_where_the_log_is(qtbot: Any, tmp_path: Path) -> None:
    dialog = ErrorDialog("KeyError: 'x'", "Traceback ...", tmp_path / LOG_NAME, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Something went wrong"
    assert "KeyError: 'x'" in dialog.text()
    assert str(tmp_path / LOG_NAME) in dialog.informativeText()
    assert "still there" in dialog.informativeText()
    assert dialog.detailedText() == "Traceback ..."


def test_start_up_writes_one_line_with_the_version_and_folder(qtbot: Any, data_dir: Path) -> None:
    running = launch(data_dir)
    assert running is not None
    qtbot.addWidget(running.window)
    try:
        for handler in log.handlers:
            handler.flush()
        lines = (data_dir / LOG_NAME).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1
        assert lines[0].endswith(
            f"INFO careerplanner: CareerPlanner {__version__} started; data folder {data_dir}"
        )
    finally:
        running.close()
        for handler in list(log.handlers):
            log.removeHandler(handler)
            handler.close()
