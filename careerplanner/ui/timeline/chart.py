"""`TimelineChart`: hours, thresholds, milestones, today and salary on one zoomable date axis.

Every item is made once in the constructor (or grown in a pool); `set_data` only moves and
refills them with `setData`, so a refresh never rebuilds the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from careerplanner.domain.dates import add_years
from careerplanner.domain.scenarios import ActualVsPlan
from careerplanner.domain.timeline import HoursPoint, Milestone, TimelineData
from careerplanner.ui.common.accessibility import describe_chart
from careerplanner.ui.common.theme import chart_colors
from careerplanner.ui.timeline.labels import MAX_LANES
from careerplanner.ui.timeline.layers import LANE_PIXELS, MilestoneLayer, ThresholdLayer
from careerplanner.ui.timeline.legend import fit_legend
from careerplanner.ui.timeline.salary_layer import SalaryLayer, make_curve, make_points
from careerplanner.ui.timeline.series import (
    day_of,
    epoch,
    hours_arrays,
    hours_tip,
    overlay_text,
    preset_range,
)
from careerplanner.ui.timeline.text_alternative import timeline_rows

PRESETS = ("1y", "5y", "10y", "all")
AXIS_WIDTH = 64
MIN_LANES = 4  # the milestone strip takes up to 30% of the chart's height, at least 4 lanes
Y_HEADROOM = 1.08  # the y-range ends this far above the highest curve or requirement


def _hours_text(x: float, y: float, data: str) -> str:
    return hours_tip(day_of(x), y, data)


class TimelineChart(QWidget):
    """Emits `milestone_clicked(cert_id)` when a milestone of a certification is clicked."""

    milestone_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: TimelineData | None = None
        self.preset = "10y"
        self.view = pg.GraphicsLayoutWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.legend = pg.LegendItem(colCount=3)
        self.view.addItem(self.legend, row=0, col=0)
        self._build_plots()
        self._build_items()
        self._build_legend()
        self.colors: dict[str, str] = {}
        self.apply_colors()
        self.plot.sigXRangeChanged.connect(lambda *_: self._on_x_range())
        self._layout_due = False
        self.strip.vb.sigResized.connect(lambda *_: self._lay_out_later())
        self.plot.vb.sigResized.connect(lambda *_: self.fit_hours_range())

    # --- construction --------------------------------------------------------------------
    def _build_plots(self) -> None:
        self.date_axis = pg.DateAxisItem(orientation="bottom", utcOffset=0)
        self.plot = self.view.addPlot(row=1, col=0, axisItems={"bottom": self.date_axis})
        self.plot.setLabel("left", "Countable hours")
        self.plot.setLabel("right", "Projected salary ($)")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setMouseEnabled(x=True, y=False)
        self.strip = self.view.addPlot(row=2, col=0)
        self.strip.setXLink(self.plot)
        self.strip.setMouseEnabled(x=True, y=False)
        self.strip.invertY(True)
        self.strip.hideButtons()
        self.plot.hideButtons()
        for item in (self.plot, self.strip):
            for side in ("left", "right"):
                item.showAxis(side)
                item.getAxis(side).setWidth(AXIS_WIDTH)
        self.strip.getAxis("left").setStyle(showValues=False)
        self.strip.getAxis("right").setStyle(showValues=False)
        self.strip.getAxis("bottom").setStyle(showValues=False)
        self.strip.getAxis("left").enableAutoSIPrefix(False)
        self.strip.getAxis("left").setLabel("Milestones")

    def _build_items(self) -> None:
        self.past_curve, self.projected_curve = make_curve(), make_curve()
        self.compare_curve, self.plan_curve = make_curve(), make_curve()
        self.past_points, self.projected_points = make_points(_hours_text), make_points(_hours_text)
        self.compare_points, self.plan_points = make_points(_hours_text), make_points(_hours_text)
        for item in (self.past_curve, self.projected_curve, self.compare_curve, self.plan_curve):
            self.plot.addItem(item)
        for curve, points in self._point_pairs():
            self.plot.addItem(points)
            curve.visibleChanged.connect(lambda c=curve, p=points: p.setVisible(c.isVisible()))
        self.thresholds = ThresholdLayer(self.plot, "#c0392b")
        self.milestones = MilestoneLayer(self.plot, self.strip, self._on_milestone)
        self.today_line = pg.InfiniteLine(
            angle=90,
            label="Today",
            labelOpts={"position": 0.92, "anchors": [(0, 0.5), (0, 0.5)]},
        )
        self.plot.addItem(self.today_line, ignoreBounds=True)
        self.status_text = pg.TextItem(anchor=(0, 0))
        self.status_text.setParentItem(self.plot.vb)
        self.status_text.setPos(8, 4)
        self.salary = SalaryLayer(self.plot)
        self.compare_curve.visibleChanged.connect(
            lambda: self.salary.compare.setVisible(self.compare_curve.isVisible())
        )

    def _build_legend(self) -> None:
        self.threshold_proxy = pg.PlotDataItem()
        self.milestone_proxy = pg.PlotDataItem()
        self.threshold_proxy.visibleChanged.connect(
            lambda: self.thresholds.set_visible(self.threshold_proxy.isVisible())
        )
        self.milestone_proxy.visibleChanged.connect(
            lambda: self.milestones.set_visible(self.milestone_proxy.isVisible())
        )
        self.legend_entries: list[tuple[Any, str]] = [
            (self.past_curve, "Countable hours"),
            (self.projected_curve, "Projected hours"),
            (self.threshold_proxy, "Requirements"),
            (self.milestone_proxy, "Milestones"),
            (self.salary.curve, "Projected salary (range shaded)"),
        ]
        self.legend_names: dict[int, str] = {}
        for item, name in self.legend_entries:
            self._add_to_legend(item, name)

    def _add_to_legend(self, item: Any, name: str) -> None:
        self.legend_names[id(item)] = name
        self.legend.addItem(item, name)

    def _fit_legend(self) -> None:
        if hasattr(self, "legend_names"):
            fit_legend(self.legend, self.legend_names, self.width() - 24, self.font())

    def apply_colors(self) -> None:
        """Colour every item from the palette's theme (called again on a theme switch)."""
        from careerplanner.ui.timeline.styling import paint

        self.colors = chart_colors(self.palette())
        paint(self, self.colors)
        self._lay_out_labels()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "colors"):
            self.apply_colors()

    def _point_pairs(self) -> list[tuple[Any, Any]]:
        return [
            (self.past_curve, self.past_points),
            (self.projected_curve, self.projected_points),
            (self.compare_curve, self.compare_points),
            (self.plan_curve, self.plan_points),
        ]

    def set_data(
        self,
        data: TimelineData,
        *,
        compare: TimelineData | None = None,
        compare_name: str = "",
        overlay: ActualVsPlan | None = None,
    ) -> None:
        """Show a timeline; optionally a second scenario's projection and actual vs plan."""
        self.data = data
        self._set_hours(data.hours)
        self._set_compare(compare, compare_name)
        self._set_overlay(overlay)
        self.milestones.set_data(data.milestones)
        self.strip.setVisible(bool(data.milestones))
        self.today_line.setPos(epoch(data.as_of))
        self.salary.set_data(data, compare)
        self.plot.setLimits(
            xMin=epoch(add_years(data.start, -1)), xMax=epoch(add_years(data.end, 1))
        )
        self.set_range(self.preset)
        rows = timeline_rows(data)  # the hover tips show the points; this is for screen readers
        describe_chart(self, "Timeline of countable hours and milestones", rows, tooltip=False)

    def _set_hours(self, hours: Sequence[HoursPoint]) -> None:
        for projected, curve, points, what in (
            (False, self.past_curve, self.past_points, "countable hours logged"),
            (True, self.projected_curve, self.projected_points, "projected countable hours"),
        ):
            x, y = hours_arrays(hours, projected)
            curve.setData(x, y)
            self._set_points(points, x, y, what)

    def _set_points(self, points: Any, x: Any, y: Any, what: str) -> None:
        points.setData(x=x, y=y, data=[what] * len(x))  # the tip is written on hover

    def _set_compare(self, compare: TimelineData | None, name: str) -> None:
        x, y = hours_arrays(compare.hours, True) if compare else (np.zeros(0), np.zeros(0))
        self.compare_curve.setData(x, y)
        self._set_points(self.compare_points, x, y, f"projected hours, {name}")
        self._legend_entry(self.compare_curve, f"Projected hours — {name}", compare is not None)

    def _set_overlay(self, overlay: ActualVsPlan | None) -> None:
        drawn = overlay is not None and self._same_requirement(overlay)
        points = overlay.planned if overlay is not None and drawn else ()
        x, y = hours_arrays(points, True)
        self.plan_curve.setData(x, y)
        self._set_points(self.plan_points, x, y, "hours the saved plan expected")
        self._legend_entry(self.plan_curve, "Saved plan", drawn)
        self.status_text.setText(overlay_text(overlay) if overlay else "")

    def _same_requirement(self, overlay: ActualVsPlan) -> bool:
        data = self.data
        return bool(
            data
            and data.requirement
            and data.cert_id == overlay.cert_id
            and data.requirement.id == overlay.requirement
        )

    def fit_hours_range(self) -> None:
        """The y-range from 0 to just above the highest requirement and the highest point
        any hours curve reaches in the visible dates (the curves only rise)."""
        if self.data is None:
            return
        right = self.plot.vb.viewRange()[0][1]
        tops = [max((t.hours for t in self.data.thresholds), default=0.0)]
        for curve in (self.past_curve, self.projected_curve, self.compare_curve, self.plan_curve):
            x, y = curve.getOriginalDataset()
            if curve.isVisible() and x is not None and len(x):
                tops.append(float(np.interp(right, x, y)))
        top = max(tops) * Y_HEADROOM or 100.0
        self.plot.setYRange(0, top, padding=0)
        self.thresholds.set_data(self.data.thresholds, top)

    def _legend_entry(self, item: Any, name: str, present: bool) -> None:
        self.legend.removeItem(item)
        if present:
            self._add_to_legend(item, name)
        item.setVisible(present)
        self._fit_legend()

    # --- range and labels ----------------------------------------------------------------
    def set_range(self, preset: str) -> None:
        """Show 1, 5 or 10 years ahead of today (with some past), or the whole timeline."""
        self.preset = preset
        if self.data is None:
            return
        low, high = preset_range(self.data, preset)
        self.plot.setXRange(epoch(low), epoch(high), padding=0.01)
        self._on_x_range()

    def _on_x_range(self) -> None:
        self.fit_hours_range()
        self._lay_out_labels()

    def _lay_out_labels(self) -> None:
        if self.data is None:
            return
        x_range = self.strip.vb.viewRange()[0]
        width = max(self.strip.vb.width(), 200.0)
        budget = min(MAX_LANES, max(MIN_LANES, int(self.height() * 0.3 / LANE_PIXELS)))
        lanes = self.milestones.lay_out((x_range[0], x_range[1]), width, budget)
        self.strip.setYRange(-0.6, lanes - 0.4, padding=0)
        height = lanes * LANE_PIXELS + 14 if self.data.milestones else 0
        self.strip.setFixedHeight(height)
        self.view.ci.layout.setRowFixedHeight(2, height)

    def _lay_out_later(self) -> None:
        """Lay the labels out again once the resize has settled (the strip's width and range
        are updated in turn while the layout runs, so a layout now could use a stale one)."""
        if not self._layout_due:
            self._layout_due = True
            QTimer.singleShot(0, self._deferred_layout)

    def _deferred_layout(self) -> None:
        self._layout_due = False
        self._lay_out_labels()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_legend()
        self._lay_out_labels()
        self._lay_out_later()

    def _on_milestone(self, mark: Milestone) -> None:
        if mark.cert:
            self.milestone_clicked.emit(mark.cert)
