"""Small round status icons for lists: earned, eligible now, projected, not yet reachable.

Drawn in code (a filled disc with a white mark), so they need no files and stay legible on
light and dark backgrounds.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

EARNED, ELIGIBLE, PROJECTED, BLOCKED = "earned", "eligible", "projected", "blocked"
COLOURS = {EARNED: "#6a3fb5", ELIGIBLE: "#2e7d32", PROJECTED: "#b26a00", BLOCKED: "#7a7a7a"}
DESCRIPTIONS = {
    EARNED: "Earned",
    ELIGIBLE: "Eligible now",
    PROJECTED: "Reachable later",
    BLOCKED: "Not yet reachable",
}


@cache
def status_icon(kind: str, size: int = 16) -> QIcon:
    """The icon for a status (one of EARNED, ELIGIBLE, PROJECTED, BLOCKED)."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size for sharp high-DPI output
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS[kind]))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    pen = QPen(QColor("white"), size / 8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _mark(painter, kind, size)
    painter.end()
    return QIcon(pixmap)


def _mark(painter: QPainter, kind: str, size: int) -> None:
    s = size / 16
    if kind in (EARNED, ELIGIBLE):  # a tick
        path = QPainterPath(QPointF(4.5 * s, 8.5 * s))
        path.lineTo(7 * s, 11 * s)
        path.lineTo(11.5 * s, 5.5 * s)
        painter.drawPath(path)
    elif kind == PROJECTED:  # clock hands
        painter.drawLine(QPointF(8 * s, 8 * s), QPointF(8 * s, 4.5 * s))
        painter.drawLine(QPointF(8 * s, 8 * s), QPointF(10.5 * s, 9.5 * s))
    else:  # a dash
        painter.drawLine(QPointF(5 * s, 8 * s), QPointF(11 * s, 8 * s))
