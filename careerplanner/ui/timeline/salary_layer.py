"""The projected salary on the timeline's right axis: a step line with its low-high band, the
compared scenario's line, and points whose tooltip gives the year's figures and stage."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from careerplanner.domain.salary import STAGE_LABELS
from careerplanner.domain.timeline import TimelineData
from careerplanner.ui.timeline.layers import translucent
from careerplanner.ui.timeline.series import epoch, salary_tip, step_arrays


def make_curve() -> Any:
    item = pg.PlotDataItem()
    item.setClipToView(True)
    item.setDownsampling(auto=True, method="peak")
    return item


def make_points(tip: Any) -> Any:
    """Hoverable points; pyqtgraph calls `tip(x=..., y=..., data=...)` for the tooltip."""
    return pg.ScatterPlotItem(size=5, pen=pg.mkPen(None), hoverable=True, tip=tip, hoverSize=9)


def stored_tip(x: float, y: float, data: str) -> str:
    """A tooltip written when the data was set (pyqtgraph passes x, y and data by name)."""
    return data


class SalaryLayer:
    """Its own ViewBox, x-linked to the hours plot and drawn against the right axis."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.view = pg.ViewBox(enableMouse=False)
        plot.scene().addItem(self.view)
        plot.getAxis("right").linkToView(self.view)
        self.view.setXLink(plot.vb)
        plot.vb.sigResized.connect(self._sync_view)
        self.curve, self.low, self.high = make_curve(), make_curve(), make_curve()
        self.band = pg.FillBetweenItem(self.low, self.high)
        self.compare = make_curve()
        self.points = make_points(stored_tip)
        for item in (self.band, self.low, self.high, self.curve, self.compare, self.points):
            self.view.addItem(item)
        self.curve.visibleChanged.connect(self._sync_visibility)

    def _sync_view(self) -> None:
        self.view.setGeometry(self.plot.vb.sceneBoundingRect())
        self.view.linkedViewChanged(self.plot.vb, self.view.XAxis)

    def _sync_visibility(self) -> None:
        """The band and points follow the line (its legend entry hides all of them)."""
        for item in (self.band, self.low, self.high, self.points):
            item.setVisible(self.curve.isVisible())

    def set_data(self, data: TimelineData, compare: TimelineData | None) -> None:
        salary = data.salary
        days = [p.day for p in salary]
        for curve, values in (
            (self.curve, [p.salary for p in salary]),
            (self.low, [p.low for p in salary]),
            (self.high, [p.high for p in salary]),
        ):
            curve.setData(*step_arrays(days, values, data.end))
        other = compare.salary if compare else ()
        self.compare.setData(
            *step_arrays([p.day for p in other], [p.salary for p in other], data.end)
        )
        self.points.setData(
            x=[epoch(d) for d in days],
            y=[p.salary for p in salary],
            data=[
                salary_tip(p.day, p.salary, p.low, p.high, STAGE_LABELS[p.stage]) for p in salary
            ],
        )
        pay = [p.low for p in salary] + [p.high for p in salary]
        if pay:
            self.view.setYRange(min(pay) * 0.85, max(pay) * 1.05, padding=0)

    def paint(self, salary: str, other: str, pen: Any) -> None:
        """Colours: `salary` for this scenario, `other` for the compared one; `pen(color,
        style, width)` makes the pens."""
        from PySide6.QtCore import Qt

        self.curve.setPen(pen(salary, Qt.PenStyle.SolidLine, 2))
        for line in (self.low, self.high):
            line.setPen(pen(salary, Qt.PenStyle.DotLine, 1))
        self.band.setBrush(pg.mkBrush(translucent(salary, 40)))
        self.points.setBrush(pg.mkBrush(salary))
        self.compare.setPen(pen(other, Qt.PenStyle.DashLine, 1.5))
