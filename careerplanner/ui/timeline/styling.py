"""The timeline chart's pens, brushes and text colours for the active theme.

Kept apart from the chart's data handling: `paint(chart, colors)` runs when the chart is
built and again whenever its palette changes (a live theme switch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import Qt

from careerplanner.ui.timeline.layers import translucent

if TYPE_CHECKING:
    from careerplanner.ui.timeline.chart import TimelineChart

DASH, DOT, SOLID = Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.SolidLine


def _pen(color: str, style: Qt.PenStyle = SOLID, width: float = 2) -> Any:
    return pg.mkPen(color, width=width, style=style)


def paint(chart: TimelineChart, c: dict[str, str]) -> None:
    """Colour every item of `chart` from `c` (see `theme.chart_colors`)."""
    chart.view.setBackground(c["base"])
    for curve, points, color, style, width in (
        (chart.past_curve, chart.past_points, c["hours"], SOLID, 2.0),
        (chart.projected_curve, chart.projected_points, c["hours"], DASH, 2.0),
        (chart.compare_curve, chart.compare_points, c["other"], DASH, 2.0),
        (chart.plan_curve, chart.plan_points, c["plan"], DOT, 2.5),
    ):
        curve.setPen(_pen(color, style, width))
        points.setBrush(pg.mkBrush(color))
    chart.salary.paint(c["salary"], c["other"], _pen)
    chart.threshold_proxy.setPen(_pen(c["threshold"], DASH, 1))
    chart.milestone_proxy.setPen(_pen(c["stage"], DOT, 1))
    chart.today_line.setPen(_pen(c["today"]))
    chart.today_line.label.setColor(c["today"])
    chart.today_line.label.fill = pg.mkBrush(translucent(c["base"], 200))
    chart.status_text.setColor(c["plan"])
    chart.thresholds.set_colors(c["threshold"], c["base"])
    chart.milestones.set_colors(c)
    _paint_axes_and_legend(chart, c["text"])


def _paint_axes_and_legend(chart: TimelineChart, text: str) -> None:
    for plot in (chart.plot, chart.strip):
        for side in ("left", "right", "bottom"):
            axis = plot.getAxis(side)
            axis.setTextPen(text)
            axis.setPen(translucent(text, 150))
    chart.legend.setLabelTextColor(text)
    for _sample, label in chart.legend.items:
        label.setText(label.text, color=text)
