"""The timeline legend fitted to the chart's width: columns that fit, names elided if need be."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

SAMPLE = 48.0  # a legend entry's line sample and gaps, in pixels
MAX_COLUMNS = 4


def fit_legend(legend: Any, names: dict[int, str], width: float, font: QFont) -> None:
    """As many columns as the longest name allows in `width` pixels; a name still too long
    is elided, and its tooltip names it in full. `names` maps id(item) to its full name."""
    metrics = QFontMetricsF(font)
    entries = [(label, names.get(id(s.item), label.text)) for s, label in legend.items]
    widths = [metrics.horizontalAdvance(n) + SAMPLE for _l, n in entries]
    room = max(width, 120.0)
    columns = next(
        (n for n in range(min(MAX_COLUMNS, len(widths)), 1, -1) if _needs(widths, n) <= room), 1
    )
    if columns != legend.columnCount:
        legend.setColumnCount(columns)
    for label, name in entries:
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room - SAMPLE)
        if text != label.text:
            label.setText(text)
        label.setToolTip(name if text != name else "")


def _needs(widths: list[float], columns: int) -> float:
    """The width of a legend of `columns` columns, entries filled row by row."""
    return sum(max(widths[c::columns]) for c in range(columns))
