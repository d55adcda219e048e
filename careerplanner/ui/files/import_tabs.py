"""The three tabs under a CSV preview: the new rows (the first few), every problem (said once,
with the lines it is on) and the rows skipped, each titled with its count."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from careerplanner.io.csv_import import ImportPreview
from careerplanner.io.import_checks import group_problems
from careerplanner.ui.files.import_parts import ImportKind, RowsModel, table_view

PREVIEW_ROWS = 50


class PreviewTabs(QTabWidget):
    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.rows_model = RowsModel(("Line", *kind.headers), self)
        self.problems_model = RowsModel(("Line", "Rows", "What is wrong"), self)
        self.skipped_model = RowsModel(("Line", "Why it is skipped"), self)
        views = [table_view(m) for m in (self.rows_model, self.problems_model, self.skipped_model)]
        for view in views:
            self.addTab(view, "")
        self.rows_view = views[0]
        self.show_preview(None)

    def show_preview(self, p: ImportPreview[Any] | None) -> None:
        """The preview's rows, problems and skipped rows; empty tabs without one."""
        if p is None:
            for model in (self.rows_model, self.problems_model, self.skipped_model):
                model.set_rows([])
            self._titles(0, 0, 0)
            return
        shown = p.rows[:PREVIEW_ROWS]
        self.rows_model.set_rows(
            [(line, *self.kind.cells(r)) for line, r in zip(p.lines, shown, strict=False)]
        )
        self.rows_view.resizeColumnsToContents()
        groups = group_problems((q.line, q.column, q.message) for q in p.problems)
        self.problems_model.set_rows(
            [(lines[0], count, _lines(text, count, lines)) for text, count, lines in groups]
        )
        skipped = self.kind.skipped(p)
        self.skipped_model.set_rows(skipped)
        self._titles(len(p.rows), len(p.problems), len(skipped))
        self.setCurrentIndex(1 if p.problems and not p.skip_invalid else 0)

    def _titles(self, rows: int, problems: int, skipped: int) -> None:
        first = f"New rows (first {PREVIEW_ROWS} of {rows:,})" if rows > PREVIEW_ROWS else None
        self.setTabText(0, first or f"New rows ({rows:,})")
        self.setTabText(1, f"Problems ({problems:,})")
        self.setTabText(2, f"Skipped ({skipped:,})")


def _lines(text: str, count: int, lines: list[int]) -> str:
    """A problem said once, with the first lines it is on."""
    if count == 1:
        return text
    more = " …" if count > len(lines) else ""
    return f"{text} (lines {', '.join(map(str, lines))}{more})"
