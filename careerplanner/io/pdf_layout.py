"""A small paginated PDF writer on Qt's QPdfWriter: headings, text, tables, signature lines.

Blocks are laid out onto Letter pages first, then painted, so every page can carry a header
(title and the user's name) and a footer (generation date and "Page X of Y"). Table rows are
one line each (long cells are cut with an ellipsis) and a table's header row repeats on every
page it runs over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QFontMetricsF, QPainter

DPI = 72  # one unit is one point
MARGIN = 40.0
HEADER_SPACE = 34.0
FOOTER_SPACE = 28.0
SIGNATURE_ROW = 36.0
_KEEP: list[object] = []  # the application made by ensure_gui() lives as long as the process
BODY_PT, SMALL_PT, HEADING_PT, TITLE_PT = 8.5, 7.5, 11.5, 16.0


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    width: float  # relative width
    right: bool = False  # right-aligned (numbers)


@dataclass
class _Block:
    kind: str  # "title", "heading", "text", "row", "rule", "space", "signature"
    cells: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    bold: bool = False
    header: bool = False  # a table's header row, repeated on each page the table runs over
    height: float = 0.0


@dataclass
class PdfDocument:
    """Collects blocks, then `write(path)` lays them out and paints them."""

    title: str
    person: str
    generated: date
    landscape: bool = False
    blocks: list[_Block] = field(default_factory=list)

    def heading(self, text: str, *, title: bool = False) -> None:
        self.blocks.append(_Block("title" if title else "heading", (text,)))

    def text(self, text: str, *, bold: bool = False) -> None:
        self.blocks.append(_Block("text", (text,), bold=bold))

    def space(self, points: float = 8.0) -> None:
        self.blocks.append(_Block("space", height=points))

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, total: bool = False
    ) -> None:
        """A table; with `total` the last row is printed in bold."""
        cols = tuple(columns)
        self.blocks.append(_Block("row", tuple(c.label for c in cols), cols, True, True))
        for index, row in enumerate(rows):
            bold = total and index == len(rows) - 1
            self.blocks.append(_Block("row", tuple(row), cols, bold=bold))
        self.space(6)

    def signature(self, labels: Sequence[str]) -> None:
        """Lines to sign on, one per label ("Supervisor's signature", "Date")."""
        self.blocks.append(_Block("signature", tuple(labels)))

    def write(self, path: Path) -> int:
        """Write the PDF to `path`; the number of pages."""
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

        ensure_gui()
        writer = QPdfWriter(str(path))
        writer.setResolution(DPI)
        writer.setTitle(self.title)
        writer.setCreator("CareerPlanner")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.Letter),
                QPageLayout.Orientation.Landscape
                if self.landscape
                else QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        painter = QPainter(writer)
        try:
            size = writer.pageLayout().fullRectPoints()
            draw = _Painter(painter, size.width(), size.height())
            pages = draw.paginate(self.blocks)
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    writer.newPage()
                draw.frame(self.title, self.person, self.generated, number, len(pages))
                for block, y in page:
                    draw.block(block, y)
        finally:
            painter.end()
        return len(pages)


def ensure_gui() -> None:
    """Fonts need an application object; make an offscreen one when none is running.

    It is a QApplication (not just a QGuiApplication) so that widgets can still be made later
    in the same process.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _KEEP.append(QApplication(["careerplanner", "-platform", "offscreen"]))


@lru_cache(maxsize=32)
def font(points: float, *, bold: bool = False) -> QFont:
    """A font of this size, made once (each Qt setter call has a cost, see `_Painter`)."""
    from PySide6.QtGui import QFont

    result = QFont()
    result.setPointSizeF(points)
    result.setBold(bold)
    return result


def _room(width: float, column: Column) -> float:
    """The width a cell's text may use: numbers keep clear of the next column's text."""
    return width - (12 if column.right else 6)


class _Painter:
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

    def measure(self, block: _Block) -> float:
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

    def _widths(self, block: _Block) -> list[float]:
        total = sum(c.width for c in block.columns)
        return [self.inner * c.width / total for c in block.columns]

    def _row_height(self, block: _Block) -> float:
        """One line, or more where a cell is too long for its column and wraps."""
        from PySide6.QtCore import QRectF, Qt

        metrics = self.metrics(BODY_PT, block.bold)
        height = metrics.height()
        for width, column, cell in zip(
            self._widths(block), block.columns, block.cells, strict=False
        ):
            room = _room(width, column)
            if metrics.horizontalAdvance(cell) > room:
                box = QRectF(0, 0, room, 10_000)
                wrapped = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), cell)
                height = max(height, wrapped.height())
        return height + 4

    def paginate(self, blocks: list[_Block]) -> list[list[tuple[_Block, float]]]:
        """Blocks placed on pages; a table header repeats where its table crosses a page."""
        pages: list[list[tuple[_Block, float]]] = [[]]
        y = self.top
        header: _Block | None = None
        for block in blocks:
            block.height = self.measure(block)
            is_header = block.header
            header = block if is_header else (header if block.kind == "row" else None)
            need = block.height * (2 if is_header else 1)
            if block.kind == "heading":  # keep a heading with what follows it
                need += 3 * self.metrics(BODY_PT, False).height()
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
        p.drawText(head, right_bottom, person)
        line_y = MARGIN + HEADER_SPACE - 8
        foot_y = self.height - MARGIN - FOOTER_SPACE + 10
        p.drawLines(
            [QLineF(self.left, line_y, right, line_y), QLineF(self.left, foot_y, right, foot_y)]
        )
        foot = QRectF(self.left, foot_y + 4, self.inner, FOOTER_SPACE - 10)
        stamp = f"Generated by CareerPlanner on {generated:%B} {generated.day}, {generated.year}"
        p.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), stamp)
        page = f"Page {number} of {count}"
        p.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page)

    def block(self, block: _Block, y: float) -> None:
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

    def _row(self, block: _Block, y: float) -> None:
        from PySide6.QtCore import QLineF, QRectF, Qt

        p = self.painter
        self.use(BODY_PT, bold=block.bold)
        metrics = self.metrics(BODY_PT, block.bold)
        wrap = int(Qt.TextFlag.TextWordWrap)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        x = self.left
        for width, column, cell in zip(
            self._widths(block), block.columns, block.cells, strict=False
        ):
            flags = right if column.right else left
            room = _room(width, column)
            if metrics.horizontalAdvance(cell) > room:
                flags |= wrap
            p.drawText(QRectF(x + 2, y + 2, room, block.height), flags, cell)
            x += width
        if block.header:
            self.use(BODY_PT, bold=True, pen="#777777")
            bottom = y + block.height
            p.drawLines([QLineF(self.left, bottom, self.left + self.inner, bottom)])

    def _signature(self, block: _Block, y: float) -> None:
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
