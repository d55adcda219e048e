"""A small paginated PDF writer on Qt's QPdfWriter: headings, text, tables, signature lines.

Blocks are laid out onto Letter pages first, then painted, so every page can carry a header
(title, name and period) and a footer (the same, the generation date and "Page X of Y").
`pdf_paint` measures and paints. Table columns are sized to their content (`pdf_tables`); a
cell too long for its column wraps, nothing is cut. A table's header row repeats on every page
it runs over, and blocks written inside `together()` start a new page rather than be split.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from careerplanner.io.pdf_paint import DPI, Block, Painter, font
from careerplanner.io.pdf_tables import Column, Table

_KEEP: list[object] = []  # the application made by ensure_gui() lives as long as the process


__all__ = ["Column", "PdfDocument", "ensure_gui", "font"]


@dataclass
class PdfDocument:
    """Collects blocks, then `write(path)` lays them out and paints them."""

    title: str
    person: str
    generated: date
    landscape: bool = False
    blocks: list[Block] = field(default_factory=list)
    _group: int = 0
    _groups: int = 0

    def _add(self, block: Block) -> None:
        block.group = self._group
        self.blocks.append(block)

    @contextmanager
    def together(self) -> Iterator[None]:
        """Blocks added inside go on one page: a new page starts rather than split them
        (unless they need more than a page)."""
        self._groups += 1
        self._group = self._groups
        try:
            yield
        finally:
            self._group = 0

    def heading(self, text: str, *, title: bool = False) -> None:
        self._add(Block("title" if title else "heading", (text,)))

    def text(self, text: str, *, bold: bool = False) -> None:
        self._add(Block("text", (text,), bold=bold))

    def space(self, points: float = 8.0) -> None:
        self._add(Block("space", height=points))

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, total: bool = False
    ) -> None:
        """A table; with `total` the last row is printed in bold."""
        table = Table(tuple(columns), [tuple(row) for row in rows], total)
        self._add(Block("row", tuple(c.label for c in table.columns), table, True, True))
        for index, row in enumerate(table.rows):
            bold = total and index == len(rows) - 1
            self._add(Block("row", row, table, bold=bold))
        self.space(6)

    def signature(self, labels: Sequence[str]) -> None:
        """Lines to sign on, one per label ("Supervisor's signature", "Date")."""
        self._add(Block("signature", tuple(labels)))

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
            draw = Painter(painter, size.width(), size.height())
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
