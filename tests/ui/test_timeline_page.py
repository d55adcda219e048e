"""Timeline page: chart items hold the timeline's data, lanes keep labels apart, scenarios work."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from careerplanner.domain.model import Setting, Supervision, WorkEntry
from careerplanner.domain.scenarios import Scenario
from careerplanner.ui.timeline import TimelinePage
from careerplanner.ui.timeline.labels import MAX_LANES, place_labels
from careerplanner.ui.timeline.series import epoch, hours_arrays, step_arrays


@pytest.fixture
def page(qtbot, services) -> TimelinePage:  # type: ignore[no-untyped-def]
    services.plan.load_demo()
    widget = TimelinePage(services)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_hours_curves_equal_the_timeline_series(page) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    data = chart.data
    assert data is not None and data.cert_id == page.goal.currentData()
    for curve, projected in ((chart.past_curve, False), (chart.projected_curve, True)):
        x, y = curve.getOriginalDataset()
        want_x, want_y = hours_arrays(data.hours, projected)
        assert np.array_equal(x, want_x) and np.array_equal(y, want_y)
        assert len(x) > 1
    assert chart.projected_curve.opts["pen"].style() != chart.past_curve.opts["pen"].style()


def test_thresholds_milestones_and_today(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    drawn = {line.value() for line in chart.thresholds.shown()}
    assert drawn == {t.hours for t in data.thresholds}
    for line in chart.thresholds.shown():
        assert f"{line.value():,.0f} h" in line.label.format
    assert chart.today_line.value() == epoch(data.as_of)
    xs = sorted(line.value() for line in chart.milestones.lines[: len(data.milestones)])
    assert xs == sorted(epoch(m.day) for m in data.milestones)
    placed = chart.milestones.placed
    assert sorted(epoch(p.mark.day) for p in placed) == xs
    dots = chart.milestones.dots.data
    assert sorted(dots["x"].tolist()) == sorted(epoch(p.mark.day) for p in placed if p.dot)
    low, high = chart.strip.vb.viewRange()[0]
    for hidden in (p for p in placed if not p.dot):  # off screen, or under its series' label
        if low <= epoch(hidden.mark.day) <= high:
            assert hidden.mark.kind == "exam-window"
            assert any(
                p.shown and p.lane == hidden.lane and p.mark.cert == hidden.mark.cert
                for p in placed
            )


def _on_screen(chart):  # type: ignore[no-untyped-def]
    low, high = chart.strip.vb.viewRange()[0]
    return [p for p in chart.milestones.placed if low <= epoch(p.mark.day) <= high]


def test_labels_never_overlap_and_every_dot_is_labelled(page) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    for preset in ("1y", "5y", "10y", "all"):
        chart.set_range(preset)
        placed = _on_screen(chart)
        shown = [p for p in placed if p.shown]
        assert shown and max(p.lane for p in placed) < MAX_LANES
        by_lane: dict[int, list[tuple[float, float]]] = {}
        for place in shown:
            by_lane.setdefault(place.lane, []).append((place.left, place.right))
        for spans in by_lane.values():
            spans.sort()
            for (_l1, r1), (l2, _r2) in itertools.pairwise(spans):
                assert l2 >= r1, preset
        series_lanes = {(p.lane, p.mark.kind, p.mark.cert) for p in shown}
        for place in placed:  # a dot without its own label is a repeat of a labelled series
            assert place.shown or (place.lane, place.mark.kind, place.mark.cert) in series_lanes
        texts = [label.toPlainText() for label in chart.milestones.shown_labels()]
        assert len(texts) == len(shown)
        for text, place in zip(texts, shown, strict=True):
            assert text.rstrip("…") and place.text.startswith(text.rstrip("…"))


def test_a_year_of_exam_windows_is_one_labelled_series(page) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    chart.set_range("10y")
    windows = [p for p in _on_screen(chart) if p.mark.kind == "exam-window"]
    assert len(windows) > 4
    labelled = [p for p in windows if p.shown]
    assert [p.text for p in labelled] == ["CCM exam windows (April, August, December)"]
    assert {p.lane for p in windows} == {labelled[0].lane}
    first = [(p.lane, p.text, p.left, p.right) for p in chart.milestones.placed]
    chart.set_range("5y")
    chart.set_range("10y")
    assert [(p.lane, p.text, p.left, p.right) for p in chart.milestones.placed] == first


def test_y_range_fits_both_curves_and_the_highest_requirement(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    for preset in ("1y", "5y", "10y", "all"):
        chart.set_range(preset)
        (_left, right), (bottom, top) = chart.plot.vb.viewRange()
        highest = max(t.hours for t in data.thresholds)
        x, y = chart.projected_curve.getOriginalDataset()
        reached = float(np.interp(right, x, y))
        assert bottom == 0
        assert top == pytest.approx(max(highest, reached) * 1.08)
    chart.set_range("10y")
    x, y = chart.projected_curve.getOriginalDataset()
    inside = y[(x >= chart.plot.vb.viewRange()[0][0]) & (x <= chart.plot.vb.viewRange()[0][1])]
    assert inside.max() <= chart.plot.vb.viewRange()[1][1]


def test_empty_milestone_lane_is_hidden_and_never_scaled(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.timeline.chart import TimelineChart

    services.plan.load_demo()
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    data = services.scenarios.timeline(None, cert_id="CCM")
    assert data.milestones
    chart.set_data(data)
    assert chart.strip.isVisible() and chart.strip.height() > 0
    chart.set_data(replace(data, milestones=()))
    assert not chart.strip.isVisible()
    assert chart.view.ci.layout.rowMaximumHeight(2) == 0
    axis = chart.strip.getAxis("left")
    assert not axis.autoSIPrefix and axis.labelString().find("x0.") == -1


def test_place_labels_gives_crowded_labels_distinct_lanes() -> None:
    from datetime import date

    from careerplanner.domain.timeline import Milestone

    marks = [Milestone(date(2027, 1, d), "eligibility", f"Eligible for X{d}") for d in (1, 2, 3)]
    placed = place_labels(marks, lambda d: d.day * 10.0, lambda _t: 100.0, 1000.0)
    assert [p.lane for p in placed] == [0, 1, 2] and all(p.shown for p in placed)
    assert [(p.left, p.right) for p in placed] == [(10, 110), (20, 120), (30, 130)]


def test_place_labels_shortens_a_label_when_the_lanes_are_full() -> None:
    from datetime import date

    from careerplanner.domain.timeline import Milestone

    marks = [Milestone(date(2027, 1, d), "target", f"T{d}") for d in range(1, 5)]
    placed = place_labels(marks, lambda d: d.day * 10.0, lambda _t: 100.0, 1000.0, max_lanes=3)
    assert all(p.shown for p in placed) and {p.lane for p in placed} == {0, 1, 2}
    by_day = sorted(placed, key=lambda p: p.mark.day)
    assert [(p.lane, p.left, p.right) for p in by_day] == [
        (0, 10, 30),  # cut to end 10 px before the label that joins its lane
        (1, 20, 120),
        (2, 30, 130),
        (0, 40, 140),
    ]


def test_salary_step_line_and_band(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    days = [p.day for p in data.salary]
    x, y = chart.salary.curve.getOriginalDataset()
    want_x, want_y = step_arrays(days, [p.salary for p in data.salary], data.end)
    assert np.array_equal(x, want_x) and np.array_equal(y, want_y)
    _x, low = chart.salary.low.getOriginalDataset()
    _x, high = chart.salary.high.getOriginalDataset()
    assert np.all(low <= y) and np.all(y <= high)
    assert chart.salary.band.curves == [chart.salary.low, chart.salary.high]
    assert chart.plot.getAxis("right").linkedView() is chart.salary.view


def test_refresh_after_a_new_entry_keeps_the_same_items(page, services) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    items = (chart.past_curve, chart.projected_curve, chart.salary.curve, chart.today_line)
    lines = list(chart.thresholds.lines)
    before = chart.past_curve.getOriginalDataset()[1][-1]
    day = services.today() - timedelta(days=1)
    services.hours.add(
        WorkEntry(start=day, hours=8, setting=Setting.HOSPITAL, supervision=Supervision.CCM)
    )
    page.refresh()
    assert (chart.past_curve, chart.projected_curve, chart.salary.curve, chart.today_line) == items
    assert chart.thresholds.lines[: len(lines)] == lines
    assert chart.past_curve.getOriginalDataset()[1][-1] >= before


def test_range_presets_and_legend_toggle(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    chart.set_range("1y")
    low, high = chart.plot.vb.viewRange()[0]
    assert high - low < 2 * 366 * 86400
    chart.set_range("all")
    low, high = chart.plot.vb.viewRange()[0]
    assert low <= epoch(data.start) and high >= epoch(data.end)
    chart.salary.curve.setVisible(False)
    assert not chart.salary.band.isVisible()
    chart.salary.curve.setVisible(True)
    assert chart.salary.band.isVisible()


def test_hover_tips_and_milestone_click_selects_goal(page) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    point = chart.past_points.data[-1]
    tip = chart.past_points.opts["tip"](x=point["x"], y=point["y"], data=point["data"])
    assert "countable hours logged" in tip and " h " in tip
    index = next(i for i, m in enumerate(chart.milestones.marks) if m.cert == "CMGT-BC")
    assert "CMGT-BC" in chart.milestones._tip(0, 0, index)
    chart.milestones.on_click(chart.milestones.marks[index])
    assert page.goal.currentData() == "CMGT-BC"
    assert page.chart.data.cert_id == "CMGT-BC"


def test_scenarios_compare_and_actual_vs_plan(page, services) -> None:  # type: ignore[no-untyped-def]
    services.scenarios.create(Scenario(name="Part time", weekly_hours=10))
    page.refresh()
    page.select_scenario("Part time", compare=None)
    chart = page.chart
    assert chart.compare_curve.isVisible()
    _x, y = chart.compare_curve.getOriginalDataset()
    other = services.scenarios.timeline(None, cert_id=page.goal.currentData())
    assert np.array_equal(y, hours_arrays(other.hours, True)[1])
    rows = page.side.comparison_rows()
    assert any(r[0].startswith("Eligible for") for r in rows)
    assert [r[0] for r in rows][-2:] == ["Salary in 5 years", "Salary in 10 years"]
    page.copy_scenario("Part time copy")
    assert page.scenario.currentData() == "Part time copy"
    page.rename_scenario("Half time")
    assert "Half time" in [s.name for s in services.scenarios.list()]
    page.delete_scenario(confirm=False)
    assert [s.name for s in services.scenarios.list()] == ["Part time"]
    assert page.side.overlay_card.isHidden()


def test_actual_vs_plan_overlay(qtbot, services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services.plan.load_demo()
    services.scenarios.create(Scenario(name="Saved"))
    later = services.today() + timedelta(days=30)
    monkeypatch.setattr(services.scenarios, "_today", lambda: later)
    widget = TimelinePage(services)
    qtbot.addWidget(widget)
    widget.select_scenario("Saved")
    text = widget.side.overlay_label.text()
    assert "Behind" in text or "Ahead" in text or "On plan" in text
    assert widget.chart.status_text.toPlainText()


def test_empty_plan_shows_a_helpful_empty_state(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    widget = TimelinePage(services)
    qtbot.addWidget(widget)
    assert widget.stack.currentIndex() == 0
    assert widget.chart.data is None


class _Hover:
    """What a scatter item's `hoverEvent` reads from the scene's hover event."""

    exit = False

    def __init__(self, x: float, y: float) -> None:
        from PySide6.QtCore import QPointF

        self.point = QPointF(x, y)

    def pos(self):  # type: ignore[no-untyped-def]
        return self.point


def test_salary_hover_shows_the_salary_tooltip(page) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.domain.salary import STAGE_LABELS
    from careerplanner.ui.timeline.series import salary_tip

    chart = page.chart
    chart.set_range("all")
    salary = chart.data.salary[len(chart.data.salary) // 2]
    chart.salary.points.hoverEvent(_Hover(epoch(salary.day), salary.salary))
    stage = STAGE_LABELS[salary.stage]
    want = salary_tip(salary.day, salary.salary, salary.low, salary.high, stage)
    assert chart.salary.view.toolTip() == want
    assert want.splitlines()[1].startswith("Salary $")


@pytest.fixture
def themed(qapp):  # type: ignore[no-untyped-def]
    from careerplanner.ui.common.theme import apply_theme

    apply_theme(qapp, "light")
    yield lambda choice: apply_theme(qapp, choice)
    apply_theme(qapp, "light")


def _chart_state(chart):  # type: ignore[no-untyped-def]
    return (
        chart.view.backgroundBrush().color().name(),
        chart.past_curve.opts["pen"].color().name(),
        chart.plot.getAxis("left").textPen().color().name(),
        chart.thresholds.shown()[0].pen.color().name(),
    )


def test_switching_theme_recolours_the_chart_live(qtbot, page, themed) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.common.theme import _CHART_DARK, _CHART_LIGHT, _DARK, _LIGHT

    chart = page.chart
    light = (_LIGHT["base"], _CHART_LIGHT["hours"], _LIGHT["text"], _CHART_LIGHT["threshold"])
    dark = (_DARK["base"], _CHART_DARK["hours"], _DARK["text"], _CHART_DARK["threshold"])
    qtbot.waitUntil(lambda: _chart_state(chart) == light)
    themed("dark")
    qtbot.waitUntil(lambda: _chart_state(chart) == dark)
    label = chart.milestones.shown_labels()[0]
    assert label.color.name() == _CHART_DARK[chart.milestones.placed[0].mark.kind]
    themed("light")
    qtbot.waitUntil(lambda: _chart_state(chart) == light)


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_milestone_colours_contrast_with_the_background(qtbot, page, themed, choice) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.common.theme import contrast_ratio

    themed(choice)
    chart = page.chart
    want = "#262b32" if choice == "dark" else "#ffffff"
    qtbot.waitUntil(lambda: chart.view.backgroundBrush().color().name() == want)
    background = want
    chart.set_range("all")
    brushes = {b.color().name() for b in chart.milestones.dots.data["brush"]}
    texts = {label.color.name() for label in chart.milestones.shown_labels()}
    assert len(brushes) >= 5 and texts <= brushes
    for color in brushes | {chart.past_curve.opts["pen"].color().name()}:
        assert contrast_ratio(color, background) >= 3.0, (choice, color)


def _compare_choices(page):  # type: ignore[no-untyped-def]
    return [page.compare_with.itemData(i) for i in range(page.compare_with.count())]


@pytest.mark.parametrize("width", [1280, 1024, 700])
def test_comparison_shows_every_column_and_never_offers_the_scenario_itself(
    qtbot, page, services, width
) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.timeline.page import NOTHING

    services.scenarios.create(Scenario(name="Part time", weekly_hours=10))
    services.scenarios.create(Scenario(name="Full time", weekly_hours=40))
    page.refresh()
    page.resize(width, 700)
    assert _compare_choices(page) == [NOTHING, "Full time", "Part time"]  # not the plan as is
    page.select_scenario("Part time", compare="Full time")  # the comparison appears
    table = page.side.table
    qtbot.waitUntil(  # rows as tall as their wrapped text: nothing elided
        lambda: (
            table.isVisible()
            and all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))
        )
    )
    assert _compare_choices(page) == [NOTHING, "", "Full time"]
    assert page.compare_with.currentData() == "Full time"
    page.select_scenario("Full time")  # the one compared with becomes the scenario shown
    assert _compare_choices(page) == [NOTHING, "", "Part time"]
    assert page.compare_with.currentData() == NOTHING
    page.select_scenario("Part time", compare=None)
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 0)
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert used <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert page.side.horizontalScrollBar().maximum() == 0
    rows = page.side.comparison_rows()
    assert [r[1:3] for r in rows] == [
        [table.item(2 * i + 1, 0).text(), table.item(2 * i + 1, 1).text()] for i in range(len(rows))
    ]
    assert all(r[2] and r[2] != "" for r in rows)


def test_the_settings_theme_switch_recolours_built_charts(qtbot, running) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.common.theme import _CHART_DARK, _DARK, THEMES, apply_theme

    window = running.window
    chart = window.show_page("timeline").chart
    bars = window.show_page("explore").charts["outlook"]
    settings = window.show_page("settings")
    before = (chart.view.backgroundBrush().color().name(), bars.bars.opts["brush"].color().name())
    try:
        settings.theme.setCurrentIndex(THEMES.index("dark"))
        qtbot.waitUntil(
            lambda: (
                chart.view.backgroundBrush().color().name() == _DARK["base"]
                and bars.bars.opts["brush"].color().name() == _CHART_DARK["bar"]
            )
        )
        assert before != (_DARK["base"], _CHART_DARK["bar"])
        assert chart.past_curve.opts["pen"].color().name() == _CHART_DARK["hours"]
    finally:
        from PySide6.QtWidgets import QApplication

        apply_theme(QApplication.instance(), "light")  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [1024 - 210, 900 - 210])  # the page in a 1024 / 900 window
def test_toolbar_rows_fit_without_clipping(qtbot, page, width) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QToolButton

    page.resize(width, 600)
    toolbar = [*page.buttons.values(), *page.presets.buttons(), page.goal, page.scenario]
    toolbar.append(page.compare_with)
    qtbot.waitUntil(lambda: page.goal.width() > 0)
    for widget in toolbar:
        assert isinstance(widget, QPushButton | QToolButton | QComboBox)
        assert widget.width() >= widget.minimumSizeHint().width(), widget
        right = widget.mapTo(page, widget.rect().topRight()).x()
        assert 0 < right < page.width() - page.layout().contentsMargins().right()
    labels = [w for w in page.findChildren(QLabel) if w.text() in ("Goal", "Scenario", "Show")]
    assert len(labels) == 3
    assert all(label.width() >= label.sizeHint().width() for label in labels)


def test_legend_fits_the_chart_and_elides_with_a_tooltip(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    chart.resize(900, 500)
    qtbot.waitUntil(lambda: chart.width() == 900)
    assert chart.legend.columnCount == 4
    names = [label.text for _sample, label in chart.legend.items]
    assert "Projected salary (range shaded)" in names
    chart.resize(200, 500)
    qtbot.waitUntil(lambda: chart.legend.columnCount == 1)
    salary = next(label for s, label in chart.legend.items if s.item is chart.salary.curve)
    assert salary.text.endswith("…") and salary.toolTip() == "Projected salary (range shaded)"
    chart.resize(900, 500)
    qtbot.waitUntil(lambda: chart.legend.columnCount == 4)
    assert salary.text == "Projected salary (range shaded)" and salary.toolTip() == ""


def test_labels_of_close_requirement_lines_stack_without_overlap(page) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.ui.timeline.layers import LABEL_PIXELS

    chart = page.chart
    lifted = 0
    for preset in ("1y", "10y", "all"):
        chart.set_range(preset)
        lines = sorted(chart.thresholds.shown(), key=lambda line: line.value())
        assert [line.value() for line in lines] == [2000, 2080, 4160]
        per_hour = chart.plot.vb.height() / chart.plot.vb.viewRange()[1][1]
        boxes = []  # each label's bottom and top, in pixels above the axis
        for line in lines:
            assert line.label.orthoPos == 0.01 and line.label.anchors[0][0] == 0
            bottom = line.value() * per_hour + (line.label.anchors[0][1] - 1) * LABEL_PIXELS
            boxes.append((bottom, bottom + LABEL_PIXELS))
            lifted += line.label.anchors[0][1] > 1
        for (_b1, top), (b2, _t2) in itertools.pairwise(boxes):
            assert b2 >= top - 1e-6, preset
    assert lifted >= 3  # 2,000 h and 2,080 h are a few pixels apart at every range


def test_comparison_rows_wrap_once_the_panel_is_laid_out(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    services.plan.load_demo()
    services.scenarios.create(Scenario(name="Part time after the master's", weekly_hours=20))
    widget = TimelinePage(services)
    qtbot.addWidget(widget)
    widget.select_scenario("Part time after the master's", compare=None)  # before it is shown
    widget.resize(760, 700)  # the side panel at its narrowest
    widget.show()
    table = widget.side.table
    qtbot.waitUntil(lambda: table.isVisible() and table.columnWidth(2) > 0)
    qtbot.waitUntil(  # every row as tall as its wrapped text: nothing elided
        lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))
    )
    assert max(table.rowHeight(r) for r in range(table.rowCount())) > min(
        table.rowHeight(r) for r in range(table.rowCount())
    )  # some figure needs a second line at this width


def test_a_label_left_of_its_dot_is_never_cut() -> None:
    from datetime import date

    from careerplanner.domain.timeline import Milestone

    marks = [
        Milestone(date(2027, 1, 25), "target", "A"),
        Milestone(date(2027, 1, 26), "stage", "B"),
    ]
    placed = place_labels(marks, lambda d: d.day * 10.0, lambda _t: 100.0, 300.0, max_lanes=1)
    first, second = sorted(placed, key=lambda p: p.mark.day)
    assert (first.left, first.right, first.to_left) == (150, 250, True)
    assert (second.left, second.right, second.to_left) == (260, 300, False)


def test_the_chart_says_its_numbers_to_screen_readers(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    text = chart.accessibleDescription()
    assert chart.accessibleName() == "Timeline of countable hours and milestones"
    logged = [p for p in data.hours if not p.projected][-1]
    day = f"{logged.day:%b} {logged.day.day}, {logged.day.year}"
    assert f"Countable hours on {day}: {logged.cumulative:,.0f} h" in text
    for threshold in data.thresholds:
        assert f"{threshold.label}: {threshold.hours:,.0f} h needed" in text
    assert all(m.label in text for m in data.milestones)
    assert chart.toolTip() == ""  # the points' own hover tips stay the only tooltips
