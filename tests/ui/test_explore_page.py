"""Explore page: bar lengths equal the bundled figures and every chart shows its source."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from careerplanner.catalog import load_careers
from careerplanner.ui.explore.explore_chart import value_text
from careerplanner.ui.explore.explore_page import ExplorePage


@pytest.fixture
def page(qtbot, services) -> ExplorePage:  # type: ignore[no-untyped-def]
    widget = ExplorePage(services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_series_is_charted_with_its_values(page) -> None:  # type: ignore[no-untyped-def]
    facts = load_careers()
    assert list(page.charts) == [s.id for s in facts.series]
    for series in facts.series:
        chart = page.charts[series.id]
        assert chart.heights() == [bar.value for bar in series.bars]
        texts = [label.toPlainText() for label in chart.value_labels]
        assert texts == [value_text(bar.value, series.unit) for bar in series.bars]


def test_required_charts_are_there(page) -> None:  # type: ignore[no-untyped-def]
    for series_id in (
        "employers",
        "arrangement",
        "salary-distribution",
        "related-paths",
        "outlook",
    ):
        assert series_id in page.charts


def test_sources_are_shown_under_each_chart(page) -> None:  # type: ignore[no-untyped-def]
    for series in load_careers().series:
        text = page.source_labels[series.id].text()
        assert text.startswith("Source")
        for source in series.sources:
            assert source in text


def test_types_and_core_tasks_are_described(page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    facts = load_careers()
    for item in (*facts.types, *facts.core_tasks):
        assert item in shown
    assert facts.core_tasks_source in shown


def _inside(label, vb) -> bool:  # type: ignore[no-untyped-def]
    """Whether a text label, drawn in pixels at its anchor, lies within the plot's area."""
    area = vb.sceneBoundingRect()
    width = label.boundingRect().width()
    left = vb.mapViewToScene(label.pos()).x() - label.anchor.x() * width
    return bool(area.left() - 1 <= left and left + width <= area.right() + 1)


@pytest.mark.parametrize("width", [1280, 1024, 900])
def test_every_bar_is_named_and_valued_within_the_chart(qtbot, page, width) -> None:  # type: ignore[no-untyped-def]
    page.resize(width, 700)
    facts = load_careers()
    assert len(page.charts["outlook"].series.bars) == 4
    assert len(page.charts["national-wages"].series.bars) == 7
    for series in facts.series:
        chart = page.charts[series.id]
        vb = chart.plot_widget.getPlotItem().vb
        qtbot.waitUntil(lambda vb=vb: vb.width() > 100)
        chart.fit()
        names = [label.toPlainText() for label in chart.name_labels]
        for name, label, bar in zip(names, chart.name_labels, series.bars, strict=True):
            assert name == bar.label or (name.endswith("…") and label.toolTip() == bar.label)
            assert name.rstrip("…") and bar.label.startswith(name.rstrip("…"))
        labels = (*chart.name_labels, *chart.value_labels)
        assert all(_inside(label, vb) for label in labels), series.id
    if width == 1280:
        assert [label.toPlainText() for label in page.charts["outlook"].name_labels] == [
            bar.label for bar in page.charts["outlook"].series.bars
        ]


def test_money_ticks_have_thousands_separators(page) -> None:  # type: ignore[no-untyped-def]
    axis = page.charts["related-paths"].bottom
    assert axis.tickStrings([50_000.0, 100_000.0, 150_000.0], 1.0, 50_000.0) == [
        "50,000",
        "100,000",
        "150,000",
    ]
    assert not axis.autoSIPrefix
    assert page.charts["outlook"].bottom.tickStrings([5.0, 10.0], 1.0, 5.0) == ["5", "10"]


def test_the_wheel_over_a_chart_scrolls_the_page(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QScrollArea

    page.resize(1024, 640)
    bar = page.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    view = page.charts["arrangement"].plot_widget
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bar.value() > 0)
    low, _high = page.charts["arrangement"].plot_widget.getPlotItem().vb.viewRange()[0]
    assert low == 0  # the chart itself did not zoom


def test_switching_theme_recolours_the_bars_live(qtbot, page, qapp) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.common.theme import _CHART_DARK, _CHART_LIGHT, _DARK, _LIGHT, apply_theme

    chart = page.charts["outlook"]

    def state() -> tuple[str, str, str]:
        return (
            chart.plot_widget.backgroundBrush().color().name(),
            chart.bars.opts["brush"].color().name(),
            chart.value_labels[0].color.name(),
        )

    apply_theme(qapp, "light")
    try:
        qtbot.waitUntil(lambda: state() == (_LIGHT["base"], _CHART_LIGHT["bar"], _LIGHT["text"]))
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: state() == (_DARK["base"], _CHART_DARK["bar"], _DARK["text"]))
    finally:
        apply_theme(qapp, "light")
    qtbot.waitUntil(lambda: state() == (_LIGHT["base"], _CHART_LIGHT["bar"], _LIGHT["text"]))
