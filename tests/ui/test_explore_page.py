"""Explore page: bar lengths equal the bundled figures and every chart shows its source."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from careerplanner.catalog import load_careers
from careerplanner.ui.explore_page import ExplorePage, value_text


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
