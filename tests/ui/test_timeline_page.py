"""Timeline page: chart items hold the timeline's data, lanes keep labels apart, scenarios work."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from datetime import timedelta

import numpy as np
import pytest

from careerplanner.domain.model import Setting, Supervision, WorkEntry
from careerplanner.domain.scenarios import Scenario
from careerplanner.ui.timeline import TimelinePage
from careerplanner.ui.timeline.series import epoch, hours_arrays, place_labels, step_arrays


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
    dots = chart.milestones.dots.data
    assert sorted(dots["x"].tolist()) == xs


def test_visible_labels_never_overlap(page) -> None:  # type: ignore[no-untyped-def]
    for preset in ("1y", "5y", "10y", "all"):
        page.chart.set_range(preset)
        shown = [p for p in page.chart.milestones.placed if p.shown]
        assert shown
        by_lane: dict[int, list[tuple[float, float]]] = {}
        for place in shown:
            by_lane.setdefault(place.lane, []).append((place.left, place.right))
        for spans in by_lane.values():
            spans.sort()
            for (_l1, r1), (l2, _r2) in itertools.pairwise(spans):
                assert l2 >= r1, preset
        kinds_by_lane = {}
        for place in shown:
            kinds_by_lane.setdefault(place.lane, set()).add(place.mark.kind)
        assert all(len(kinds) == 1 for kinds in kinds_by_lane.values())


def test_place_labels_gives_crowded_labels_distinct_lanes() -> None:
    from datetime import date

    from careerplanner.domain.timeline import Milestone

    marks = [Milestone(date(2027, 1, d), "eligibility", f"Eligible for X{d}") for d in (1, 2, 3)]
    placed = place_labels(marks, lambda d: d.day * 10.0, lambda _t: 100.0, 1000.0)
    assert [p.lane for p in placed] == [0, 1, 2] and all(p.shown for p in placed)


def test_salary_step_line_and_band(page) -> None:  # type: ignore[no-untyped-def]
    chart, data = page.chart, page.chart.data
    days = [p.day for p in data.salary]
    x, y = chart.salary_curve.getOriginalDataset()
    want_x, want_y = step_arrays(days, [p.salary for p in data.salary], data.end)
    assert np.array_equal(x, want_x) and np.array_equal(y, want_y)
    _x, low = chart.salary_low.getOriginalDataset()
    _x, high = chart.salary_high.getOriginalDataset()
    assert np.all(low <= y) and np.all(y <= high)
    assert chart.salary_band.curves == [chart.salary_low, chart.salary_high]
    assert chart.plot.getAxis("right").linkedView() is chart.salary_view


def test_refresh_after_a_new_entry_keeps_the_same_items(page, services) -> None:  # type: ignore[no-untyped-def]
    chart = page.chart
    items = (chart.past_curve, chart.projected_curve, chart.salary_curve, chart.today_line)
    lines = list(chart.thresholds.lines)
    before = chart.past_curve.getOriginalDataset()[1][-1]
    day = services.today() - timedelta(days=1)
    services.hours.add(
        WorkEntry(start=day, hours=8, setting=Setting.HOSPITAL, supervision=Supervision.CCM)
    )
    page.refresh()
    assert (chart.past_curve, chart.projected_curve, chart.salary_curve, chart.today_line) == items
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
    chart.salary_curve.setVisible(False)
    assert not chart.salary_band.isVisible()
    chart.salary_curve.setVisible(True)
    assert chart.salary_band.isVisible()


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
