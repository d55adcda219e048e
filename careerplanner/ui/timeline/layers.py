"""Chart layers whose item count varies: threshold lines and milestone markers with lane labels.

Each layer keeps a pool of pyqtgraph items: a refresh moves, relabels and shows the items it
needs and hides the rest, so no item is rebuilt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from careerplanner.domain.timeline import Milestone, Threshold
from careerplanner.ui.common.widgets import format_hours
from careerplanner.ui.timeline.labels import PlacedLabel, place_labels
from careerplanner.ui.timeline.series import epoch, milestone_tip

LANE_PIXELS = 18
TEXT_MARGIN = 8.0  # a TextItem's document margins, both sides
LABEL_PIXELS = 20.0  # the height a threshold label needs
DOT_GAP = 6.0  # pixels between a dot's centre and its label
LABEL_POSITION = 0.01  # where along a threshold line its label sits
DEFAULT_COLOR = "#888888"


def grow(pool: list[Any], count: int, make: Callable[[], Any]) -> list[Any]:
    """The first `count` items of the pool, made when missing; the rest are hidden."""
    while len(pool) < count:
        pool.append(make())
    for item in pool[count:]:
        item.setVisible(False)
    return pool[:count]


class ThresholdLayer:
    """Horizontal, labelled lines, one per hours requirement (equal hours share one line)."""

    def __init__(self, plot: pg.PlotItem, color: str) -> None:
        self.plot = plot
        self.color = color
        self.lines: list[pg.InfiniteLine] = []
        self.count = 0
        self.visible = True
        self.fill = "#ffffff"

    def set_colors(self, color: str, fill: str) -> None:
        """Re-colour every line and label (a theme switch)."""
        self.color, self.fill = color, fill
        for line in self.lines:
            self._paint(line)

    def _paint(self, line: pg.InfiniteLine) -> None:
        line.setPen(pg.mkPen(self.color, width=1, style=Qt.PenStyle.DashDotLine))
        line.label.setColor(self.color)
        line.label.fill = pg.mkBrush(translucent(self.fill))
        line.label.update()

    def _make(self) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=0, label="", labelOpts={"position": 0.01, "anchors": [(0, 1), (0, 1)]}
        )
        self._paint(line)
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def set_data(self, thresholds: Sequence[Threshold], y_span: float) -> None:
        """One line per distinct number of hours, labelled at its left end. Labels stack: a
        label that would overlap the one below (for a y-range of `y_span` hours) is lifted by
        whole label heights until it clears it."""
        pixels_per_hour = max(self.plot.vb.height(), 100.0) / max(y_span, 1.0)
        by_hours: dict[float, list[Threshold]] = {}
        for threshold in thresholds:
            by_hours.setdefault(threshold.hours, []).append(threshold)
        self.count = len(by_hours)
        lines = grow(self.lines, self.count, self._make)
        below = -float("inf")  # the top of the label below, in pixels from the axis
        for line, (hours, group) in zip(lines, sorted(by_hours.items()), strict=True):
            y = hours * pixels_per_hour
            lift = math.ceil((below - y) / LABEL_PIXELS - 1e-9) if below > y else 0
            below = y + (lift + 1) * LABEL_PIXELS
            certs = ", ".join(dict.fromkeys(t.cert for t in group))
            line.setPos(hours)
            line.label.setFormat(f"{certs}: {format_hours(hours)} h")
            line.label.anchors = [(0, 1 + lift), (0, 1 + lift)]  # `lift` heights higher
            line.label.setPosition(LABEL_POSITION)
            line.setToolTip("\n".join(t.label for t in group))
            line.setVisible(self.visible)

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for line in self.lines[: self.count]:
            line.setVisible(visible)

    def shown(self) -> list[pg.InfiniteLine]:
        return [line for line in self.lines if line.isVisible()]


class MilestoneLayer:
    """Vertical markers on the hours plot and, in the lane strip below, a dot per milestone
    and labels laid out so that none overlap (`labels.place_labels`); a label without the room
    for its whole text is elided and names it in full in its tooltip. Clicking a dot reports
    its milestone."""

    def __init__(
        self, plot: pg.PlotItem, strip: pg.PlotItem, on_click: Callable[[Milestone], None]
    ) -> None:
        self.plot, self.strip = plot, strip
        self.on_click = on_click
        self.marks: tuple[Milestone, ...] = ()
        self.placed: tuple[PlacedLabel, ...] = ()
        self.lines: list[pg.InfiniteLine] = []
        self.labels: list[pg.TextItem] = []
        self.colors: dict[str, str] = {}
        self.visible = True
        self.font = QFont()
        self.metrics = QFontMetricsF(self.font)
        self.dots = pg.ScatterPlotItem(
            size=9, hoverable=True, tip=self._tip, hoverSize=12, pen=pg.mkPen(None)
        )
        self.dots.sigClicked.connect(self._clicked)
        strip.addItem(self.dots)

    def color(self, kind: str) -> str:
        return self.colors.get(kind, DEFAULT_COLOR)

    def set_colors(self, colors: dict[str, str]) -> None:
        """Theme colours per kind (and "base" for label backgrounds); repaints what is drawn."""
        self.colors = colors
        self._paint_lines()

    def _tip(self, x: float, y: float, data: int) -> str:
        return milestone_tip(self.marks[data]) + (
            "\nClick to select this goal" * bool(self.marks[data].cert)
        )

    def _clicked(self, _item: object, points: Sequence[Any], _event: object = None) -> None:
        if len(points):
            self.on_click(self.marks[int(points[0].data())])

    def _make_line(self) -> pg.InfiniteLine:
        line = pg.InfiniteLine(angle=90)
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def _make_label(self) -> pg.TextItem:
        label = pg.TextItem(anchor=(0, 0.5))
        label.setFont(self.font)
        label.setZValue(5)  # above the dots of a series that runs under its label
        self.strip.addItem(label, ignoreBounds=True)
        return label

    def set_data(self, marks: Sequence[Milestone]) -> None:
        self.marks = tuple(marks)
        for line, mark in zip(grow(self.lines, len(marks), self._make_line), marks, strict=True):
            line.setPos(epoch(mark.day))
            line.setVisible(self.visible)
        self._paint_lines()

    def _paint_lines(self) -> None:
        for line, mark in zip(self.lines, self.marks, strict=False):
            color = translucent(self.color(mark.kind), 110)
            line.setPen(pg.mkPen(color, width=1, style=Qt.PenStyle.DotLine))

    def lay_out(self, x_range: tuple[float, float], width: float, max_lanes: int) -> int:
        """Place the labels for the visible x range and `width` pixels in at most `max_lanes`
        lanes; the number of lanes used."""
        low, high = x_range
        scale = width / max(high - low, 1.0)
        self.placed = place_labels(
            self.marks,
            lambda day: (epoch(day) - low) * scale,
            lambda text: self.metrics.horizontalAdvance(text) + TEXT_MARGIN + DOT_GAP,
            width,
            max_lanes=max_lanes,
        )
        index = {id(mark): i for i, mark in enumerate(self.marks)}
        dots = [p for p in self.placed if p.dot]
        self.dots.setData(
            x=[epoch(p.mark.day) for p in dots],
            y=[p.lane for p in dots],
            data=[index[id(p.mark)] for p in dots],
            brush=[pg.mkBrush(self.color(p.mark.kind)) for p in dots],
        )
        shown = [p for p in self.placed if p.shown]
        for label, place in zip(
            grow(self.labels, len(shown), self._make_label), shown, strict=True
        ):
            self._label(label, place, DOT_GAP / scale)
        return 1 + max((p.lane for p in self.placed), default=0)

    def _label(self, label: pg.TextItem, place: PlacedLabel, gap: float) -> None:
        """Draw a placed label beside its dot (`gap` is the dot gap in seconds)."""
        room = place.right - place.left - TEXT_MARGIN - DOT_GAP + 2  # rounding
        text = self.metrics.elidedText(place.text, Qt.TextElideMode.ElideRight, room)
        label.setText(text, color=self.color(place.mark.kind))
        label.fill = pg.mkBrush(translucent(self.colors.get("base", "#ffffff"), 230))
        label.setToolTip(place.text if text != place.text else "")
        to_left = place.to_left
        label.setAnchor((1, 0.5) if to_left else (0, 0.5))
        label.setPos(epoch(place.mark.day) + (-gap if to_left else gap), place.lane)
        label.setVisible(self.visible)

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        self.dots.setVisible(visible)
        for item in [*self.lines[: len(self.marks)], *self.shown_labels(all_labels=True)]:
            item.setVisible(visible)

    def shown_labels(self, all_labels: bool = False) -> list[pg.TextItem]:
        count = sum(1 for p in self.placed if p.shown)
        labels = self.labels[:count]
        return labels if all_labels else [label for label in labels if label.isVisible()]

    def label_day(self, label: pg.TextItem) -> date:
        shown = [p for p in self.placed if p.shown]
        return shown[self.labels.index(label)].mark.day


def translucent(color: str, alpha: int = 200) -> Any:
    """`color` with an alpha channel (0 clear, 255 opaque)."""
    result = pg.mkColor(color)
    result.setAlpha(alpha)
    return result
