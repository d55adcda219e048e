"""Table columns for the PDF reports, sized to what they hold.

Every column gets the width of its widest cell (header included). When that leaves room
over, the growing columns (such as Notes) share it, and a table without one stays narrow;
when it is too wide for the page, the growing columns give way first (the widest first),
wrapping their text, and only then does every column shrink in proportion to its width
(its cells wrap: nothing is cut).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QFontMetricsF

CELL_GAP = 6.0  # points between one column's text and the next
MIN_GROW = 48.0  # a growing column is not squeezed below this while others can give


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    right: bool = False  # right-aligned (numbers)
    grow: int = 0  # > 0: takes the width left over; when there is too little, the lowest
    # wraps first (a sparse "Verified by" before Notes before Employer)


def cell_room(width: float, column: Column) -> float:
    """The width a cell's text may use within its column's `width`."""
    return max(width - CELL_GAP, 1.0)


@dataclass
class Table:
    """A table's columns and rows, and (once sized) the width of each column in points."""

    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]]
    total: bool = False  # the last row is bold
    widths: list[float] | None = field(default=None)

    def natural(self, body: QFontMetricsF, bold: QFontMetricsF) -> tuple[list[float], list[float]]:
        """Per column, the widest cell and the widest word (what wrapping cannot split), the
        bold total row included; a header may wrap between its words ("Verified / by")."""
        cells = [
            max((bold.horizontalAdvance(word) for word in c.label.split()), default=0.0)
            for c in self.columns
        ]
        words = list(cells)
        last = len(self.rows) - 1
        for index, row in enumerate(self.rows):
            metrics = bold if self.total and index == last else body
            for i, cell in enumerate(row[: len(cells)]):
                cells[i] = max(cells[i], metrics.horizontalAdvance(cell))
                for word in cell.split() if self.columns[i].grow else ():
                    words[i] = max(words[i], metrics.horizontalAdvance(word))
        pad = CELL_GAP + 1
        return [w + pad for w in cells], [w + pad for w in words]

    def size(self, body: QFontMetricsF, bold: QFontMetricsF, inner: float) -> None:
        """Fix `widths` for a page `inner` points wide."""
        natural, least = self.natural(body, bold)
        self.widths = fit_widths(natural, [c.grow for c in self.columns], inner, least)


def fit_widths(
    natural: list[float], grow: list[int], inner: float, least: list[float] | None = None
) -> list[float]:
    """Column widths adding up to `inner` (see the module's docstring). A growing column
    keeps at least `least` (its longest word) and `MIN_GROW` while the others can give."""
    total = sum(natural)
    growing = [i for i, g in enumerate(grow) if g]
    if total <= inner:
        extra = (inner - total) / max(len(growing), 1)
        return [w + (extra if i in growing else 0.0) for i, w in enumerate(natural)]
    if not growing:
        return [w * inner / total for w in natural]
    floor = [max(MIN_GROW, least[i] if least else 0.0) for i in range(len(natural))]
    fixed = sum(w for i, w in enumerate(natural) if i not in growing)
    room = min(max(inner - fixed, sum(floor[i] for i in growing)), inner)
    squeeze = min((inner - room) / fixed if fixed else 1.0, 1.0)  # 1.0 while the others fit
    widths = [w * squeeze for w in natural]
    order = sorted(growing, key=lambda i: -grow[i])  # who keeps its width longest first
    for place, i in enumerate(order):
        later = sum(floor[j] for j in order[place + 1 :])
        widths[i] = room if place == len(order) - 1 else min(natural[i], room - later)
        room -= widths[i]
    return widths
