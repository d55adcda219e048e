"""`BarChart`: one series of bundled figures as horizontal bars, every bar named and valued.

Each bar's name sits above it and its value at its end, so long names never compete with an
axis for room: a name too long for the chart's width is elided and named in full in its
tooltip, and the value axis leaves room for the longest value. The chart passes the mouse
wheel on, so the page scrolls over it. This module imports pyqtgraph; the Explore page
imports it when it is first built.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.catalog import FactSeries
from careerplanner.ui.common.accessibility import describe_chart
from careerplanner.ui.common.theme import chart_colors

ROW_PIXELS = 46  # a name above, a bar below
BAR_HEIGHT = 0.42  # of a row
AXIS_PIXELS = 58  # the value axis and its caption
VALUE_GAP = 6.0  # pixels between a bar's end and its value
TEXT_MARGIN = 8.0  # a TextItem's document margins, both sides


def value_text(value: float, unit: str) -> str:
    if unit == "usd":
        return f"${value:,.0f}"
    return f"{value:g}%"


class ThousandsAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """A value axis whose ticks read 50,000 rather than 50000 (or 5e+04)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [f"{v * scale:,.0f}" if spacing * scale >= 1 else f"{v * scale:,g}" for v in values]


class WheelPassingPlot(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph has no types
    """A plot that hands the mouse wheel to the scroll area around it (it has nothing to
    zoom), so the page scrolls while the pointer is over a chart."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()
            return
        QApplication.sendEvent(area.viewport(), event)


class BarChart(QWidget):
    """A horizontal bar chart of one series."""

    def __init__(self, series: FactSeries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.bottom = ThousandsAxis("bottom")
        self.bottom.enableAutoSIPrefix(False)
        self.plot_widget = WheelPassingPlot(axisItems={"bottom": self.bottom})
        plot = self.plot_widget.getPlotItem()
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.invertY(True)
        plot.hideAxis("left")
        self.bottom.setLabel("US dollars a year" if series.unit == "usd" else "percent")
        count = len(series.bars)
        self.bars = pg.BarGraphItem(
            x0=[0] * count,
            y=[i + BAR_HEIGHT / 2 for i in range(count)],
            height=BAR_HEIGHT,
            width=[bar.value for bar in series.bars],
        )
        plot.addItem(self.bars)
        self.name_labels = [self._text(plot, (0, 1), 0.0, i - 0.02) for i in range(count)]
        self.value_labels = [
            self._text(plot, (0, 0.5), bar.value, i + BAR_HEIGHT / 2)
            for i, bar in enumerate(series.bars)
        ]
        for label, bar in zip(self.value_labels, series.bars, strict=True):
            label.setText(value_text(bar.value, series.unit))
        plot.setYRange(-0.62, count - 0.45, padding=0)
        self.plot_widget.setFixedHeight(count * ROW_PIXELS + AXIS_PIXELS)
        plot.vb.sigResized.connect(lambda *_: self.fit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        rows = [(bar.label, value_text(bar.value, series.unit)) for bar in series.bars]
        describe_chart(self, series.title, rows)  # the numbers, for screen readers
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.colors: dict[str, str] = {}
        self.apply_colors()
        self.fit()

    @staticmethod
    def _text(plot: Any, anchor: tuple[float, float], x: float, y: float) -> Any:
        label = pg.TextItem(anchor=anchor)
        label.setPos(x, y)
        plot.addItem(label, ignoreBounds=True)
        return label

    def fit(self) -> None:
        """Room at the right for the longest value; names elided to the chart's width."""
        metrics = QFontMetricsF(self.font())
        width = max(self.plot_widget.getPlotItem().vb.width(), 120.0)
        values = [bar.value for bar in self.series.bars]
        texts = [value_text(v, self.series.unit) for v in values]
        longest = max((metrics.horizontalAdvance(t) for t in texts), default=0.0)
        room = longest + TEXT_MARGIN + VALUE_GAP
        top = max(values, default=1.0)
        top = max(top * width / max(width - room, 40.0), top * 1.02)
        self.plot_widget.getPlotItem().setXRange(0, top, padding=0)
        for label, bar in zip(self.name_labels, self.series.bars, strict=True):
            name = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, width - TEXT_MARGIN)
            label.setText(name, color=self.colors.get("text"))
            label.setToolTip(bar.label if name != bar.label else "")

    def apply_colors(self) -> None:
        """Colours from the palette's theme (again on a live theme switch)."""
        self.colors = c = chart_colors(self.palette())
        self.plot_widget.setBackground(c["base"])
        self.bars.setOpts(brush=pg.mkBrush(c["bar"]), pen=pg.mkPen(c["bar"]))
        self.bottom.setTextPen(c["text"])
        self.bottom.setPen(c["text"])
        for label in (*self.name_labels, *self.value_labels):
            label.setColor(c["text"])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "colors"):
            self.apply_colors()

    def heights(self) -> list[float]:
        """The drawn length of each bar (the bars are horizontal)."""
        return [float(w) for w in self.bars.opts["width"]]
