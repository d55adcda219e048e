"""Measuring and painting a PDF's blocks on Letter pages: pagination, the header and footer,
tables with wrapped cells and repeated header rows, signature lines.

`pdf_layout.PdfDocument` collects the blocks; `Painter` lays them out and paints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from careerplanner.io.pdf_tables import Table, cell_room

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QFontMetricsF, QPainter

DPI = 72  # one unit is one point
MARGIN = 30.0
HEADER_SPACE = 30.0
FOOTER_SPACE = 24.0
SIGNATURE_ROW = 36.0
ROW_PADDING = 2.5
BODY_PT, SMALL_PT, HEADING_PT, TITLE_PT = 8.5, 7.5, 11.5, 16.0
TABLE_PT = 7.5  # table cells: long logs keep one line a row


@dataclass
class Block:
    """One thing on a page: a title, a heading, a paragraph, a table row, a rule, a space
    or a signature line."""

    kind: str  # "title", "heading", "text", "row", "rule", "space", "signature"
    cells: tuple[str, ...] = ()
    table: Table | None = None
    bold: bool = False
    header: bool = False  # a table's header row, repeated on each page the table runs over
    height: float = 0.0
    group: int = 0  # blocks of one `together()` group (0: none) share a page


@lru_cache(maxsize=32)
def font(points: float, *, bold: bool = False) -> QFont:
    """A font of this size, made once (each Qt setter call has a cost, see `_Painter`)."""
    from PySide6.QtGui import QFont

    result = QFont()
    result.setPointSizeF(points)
    result.setBold(bold)
    return result


class Painter:
    """Measures and paints blocks on one page of `width` x `height` points.

    The font and pen are set only when they change: few Qt setter calls keep long reports fast.
    """

    def __init__(self, painter: QPainter, width: float, height: float) -> None:
        self.painter = painter
        self._font: QFont | None = None
        self._pen = ""
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self.width = width
        self.height = height
        self.left = MARGIN
        self.inner = width - 2 * MARGIN
        self.top = MARGIN + HEADER_SPACE
        self.bottom = height - MARGIN - FOOTER_SPACE

    def use(self, points: float, *, bold: bool = False, pen: str = "#000000") -> None:
        from PySide6.QtGui import QColor

        wanted = font(points, bold=bold)
        if wanted is not self._font:
            self.painter.setFont(wanted)
            self._font = wanted
        if pen != self._pen:
            self.painter.setPen(QColor(pen))
            self._pen = pen

    def metrics(self, points: float, bold: bool) -> QFontMetricsF:
        from PySide6.QtGui import QFontMetricsF

        key = (points, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font(points, bold=bold), self.painter.device())
        return self._metrics[key]

    def measure(self, block: Block) -> float:
        from PySide6.QtCore import QRectF, Qt

        if block.kind in ("space", "rule"):
            return block.height or 6.0
        if block.kind == "row":
            return self._row_height(block)
        if block.kind == "signature":
            return SIGNATURE_ROW * ((len(block.cells) + 1) // 2) + 6
        points = {"title": TITLE_PT, "heading": HEADING_PT}.get(block.kind, BODY_PT)
        metrics = self.metrics(points, block.kind != "text" or block.bold)
        box = QRectF(0, 0, self.inner, 10_000)
        rect = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), block.cells[0])
        gap = {"title": 10.0, "heading": 8.0}.get(block.kind, 3.0)
        return rect.height() + gap

    def _widths(self, block: Block) -> list[float]:
        table = block.table
        assert table is not None
        if table.widths is None:
            table.size(self.metrics(TABLE_PT, False), self.metrics(TABLE_PT, True), self.inner)
        return table.widths or []

    def _row_height(self, block: Block) -> float:
        """One line, or more where a cell is too long for its column and wraps."""
        from PySide6.QtCore import QRectF, Qt

        metrics = self.metrics(TABLE_PT, block.bold)
        height = metrics.height()
        assert block.table is not None
        for width, column, cell in zip(
            self._widths(block), block.table.columns, block.cells, strict=False
        ):
            room = cell_room(width, column)
            if metrics.horizontalAdvance(cell) > room:
                box = QRectF(0, 0, room, 10_000)
                flags = int(Qt.TextFlag.TextWordWrap)
                wrapped = metrics.boundingRect(box, flags, cell)
                height = max(height, wrapped.height())
        return height + ROW_PADDING

    def paginate(self, blocks: list[Block]) -> list[list[tuple[Block, float]]]:
        """Blocks placed on pages; a table header repeats where its table crosses a page."""
        pages: list[list[tuple[Block, float]]] = [[]]
        y = self.top
        header: Block | None = None
        group = 0
        for block in blocks:
            block.height = self.measure(block)
        for block in blocks:
            is_header = block.header
            header = block if is_header else (header if block.kind == "row" else None)
            need = block.height * (2 if is_header else 1)
            if block.kind == "heading":  # keep a heading with what follows it
                need += 3 * self.metrics(BODY_PT, False).height()
            if block.group and block.group != group:  # a group starts: keep it on one page
                size = sum(b.height for b in blocks if b.group == block.group)
                need = max(need, size if size <= self.bottom - self.top else 0)
            group = block.group
            if y + need > self.bottom and pages[-1]:
                pages.append([])
                y = self.top
                if block.kind == "space":
                    continue
                if block.kind == "row" and not is_header and header is not None:
                    pages[-1].append((header, y))
                    y += header.height
            pages[-1].append((block, y))
            y += block.height
        return pages

    def frame(self, title: str, person: str, generated: date, number: int, count: int) -> None:
        from PySide6.QtCore import QLineF, QRectF, Qt

        p, right = self.painter, self.width - MARGIN
        left_bottom = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        right_bottom = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.use(SMALL_PT, bold=True, pen="#333333")
        head = QRectF(self.left, MARGIN, self.inner, HEADER_SPACE - 12)
        p.drawText(head, left_bottom, title)
        self.use(SMALL_PT, pen="#333333")
        p.drawText(head, right_bottom, person)  # the name, and the period where there is one
        line_y = MARGIN + HEADER_SPACE - 8
        foot_y = self.height - MARGIN - FOOTER_SPACE + 10
        p.drawLines(
            [QLineF(self.left, line_y, right, line_y), QLineF(self.left, foot_y, right, foot_y)]
        )
        foot = QRectF(self.left, foot_y + 4, self.inner, FOOTER_SPACE - 10)
        stamp = f"Generated by CareerPlanner on {generated:%B} {generated.day}, {generated.year}"
        if person:
            stamp = f"{person} · {stamp}"
        p.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), stamp)
        page = f"Page {number} of {count}"
        p.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page)

    def block(self, block: Block, y: float) -> None:
        from PySide6.QtCore import QRectF, Qt

        if block.kind == "row":
            self._row(block, y)
        elif block.kind == "signature":
            self._signature(block, y)
        elif block.kind in ("title", "heading", "text"):
            points = {"title": TITLE_PT, "heading": HEADING_PT}.get(block.kind, BODY_PT)
            self.use(points, bold=block.kind != "text" or block.bold)
            box = QRectF(self.left, y, self.inner, block.height)
            flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop)
            self.painter.drawText(box, flags, block.cells[0])

    def _row(self, block: Block, y: float) -> None:
        from PySide6.QtCore import QLineF, QRectF, Qt

        p = self.painter
        self.use(TABLE_PT, bold=block.bold)
        metrics = self.metrics(TABLE_PT, block.bold)
        wrap = int(Qt.TextFlag.TextWordWrap)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        x = self.left
        assert block.table is not None
        for width, column, cell in zip(
            self._widths(block), block.table.columns, block.cells, strict=False
        ):
            flags = right if column.right else left
            room = cell_room(width, column)
            if metrics.horizontalAdvance(cell) > room:
                flags |= wrap
            p.drawText(QRectF(x + 2, y + 2, room, block.height), flags, cell)
            x += width
        if block.header:
            self.use(TABLE_PT, bold=True, pen="#777777")
            bottom = y + block.height
            p.drawLines([QLineF(self.left, bottom, x, bottom)])  # as wide as the table

    def _signature(self, block: Block, y: float) -> None:
        """Lines to sign on, two to a row, each with its label underneath."""
        from PySide6.QtCore import QLineF, QPointF

        self.use(SMALL_PT, pen="#333333")
        half = (self.inner - 30) / 2
        lines = []
        for index, label in enumerate(block.cells):
            x = self.left + (index % 2) * (half + 30)
            line_y = y + SIGNATURE_ROW * (index // 2 + 1) - 12
            lines.append(QLineF(x, line_y, x + half, line_y))
            self.painter.drawText(QPointF(x, line_y + 10), label)
        self.painter.drawLines(lines)
