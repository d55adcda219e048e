"""The installed Qt binding keeps Python's reference counts straight.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt
method returning void, so a long session aborts ("deallocating None"); pyproject excludes it.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
    after = sys.getrefcount(None)
    assert label.text() == "x"
    assert after >= before - 50, f"{before - after} references to None lost in 500 calls"
