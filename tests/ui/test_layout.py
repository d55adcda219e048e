"""Layout at 1024x640 and at the 900x600 minimum: no page scrolls sideways, quick-add and the
filter bar reflow into two rows, and the hours table's columns fit their content and are
remembered."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from careerplanner.app import Running
from careerplanner.ui.hours import HoursPage
from careerplanner.ui.hours.table_model import HEADERS
from careerplanner.ui.hours.table_view import HEADER_KEY
from careerplanner.ui.main_window import PAGE_NAMES


def settle(qtbot: Any, window: QWidget) -> None:
    """Let pending layout requests run (shown widgets lay out on posted events)."""
    for _ in range(3):
        QApplication.processEvents()
    qtbot.waitUntil(lambda: not window.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent))


def sideways(page: QWidget) -> list[str]:
    """The scroll areas of `page` whose content is wider than their view."""
    areas = page.findChildren(QScrollArea)
    if isinstance(page, QScrollArea):
        areas.append(page)
    return [
        f"{type(a.parent()).__name__}: {a.horizontalScrollBar().maximum()} px"
        for a in areas
        if a.isVisible() and a.horizontalScrollBar().maximum() > 0
    ]


@pytest.mark.parametrize("size", [(1024, 640), (900, 600)])
def test_no_page_scrolls_sideways(qtbot: Any, running: Running, size: tuple[int, int]) -> None:
    window = running.window
    window.resize(*size)
    for name in PAGE_NAMES:
        page = window.show_page(name)
        settle(qtbot, window)
        assert sideways(page) == [], name


def overlapping(widgets: list[QWidget]) -> list[tuple[str, str]]:
    shown = [w for w in widgets if w.isVisible()]
    return [
        (a.objectName() or type(a).__name__, b.objectName() or type(b).__name__)
        for a, b in combinations(shown, 2)
        if a.geometry().intersects(b.geometry())
    ]


def test_quick_add_and_filter_reflow_when_narrow(qtbot: Any, running: Running) -> None:
    window = running.window
    page = window.show_page("hours")
    assert isinstance(page, HoursPage)
    bar, filters = page.quick_add, page.filter_bar
    window.resize(1920, 900)
    settle(qtbot, window)
    assert not bar.two_rows and not filters.two_rows
    window.resize(900, 600)
    settle(qtbot, window)
    assert bar.two_rows and filters.two_rows
    cells = [w for _k, _c, w, _e in bar.cells] + [bar.add_button]
    assert overlapping(cells) == []
    assert overlapping([filters.text, *filters.rest]) == []
    window.resize(1920, 900)
    settle(qtbot, window)
    assert not bar.two_rows and overlapping(cells) == []


def test_hours_columns_fit_content_and_are_remembered(
    qtbot: Any, running: Running, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = HoursPage(running.services, settings=settings)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    table, header = page.table, page.table.horizontalHeader()
    activity = HEADERS.index("Activity")
    assert header.sectionSize(activity) >= table.sizeHintForColumn(activity)
    header.resizeSection(activity, 201)
    settings.sync()
    again = HoursPage(running.services, settings=settings)
    qtbot.addWidget(again)
    assert settings.value(HEADER_KEY) is not None
    assert again.table.horizontalHeader().sectionSize(activity) == 201
