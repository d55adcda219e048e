"""The panel beside the timeline: the salary assumptions, actual vs plan, and a comparison table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.scenarios import ActualVsPlan, ComparisonRow
from careerplanner.ui.common.widgets import Card, format_date, muted


def cell_text(value: date | float | None) -> str:
    if value is None:
        return "not reached"
    if isinstance(value, date):
        return format_date(value)
    return f"${value:,.0f}"


def difference_text(row: ComparisonRow) -> str:
    if row.difference is None:
        return "—"
    if row.key.startswith("eligibility"):
        days = round(row.difference)
        if days == 0:
            return "same day"
        return f"{abs(days):,} days {'later' if days > 0 else 'sooner'}"
    return f"{'+' if row.difference >= 0 else '−'}${abs(row.difference):,.0f}"


class TimelineSidePanel(QScrollArea):
    """Read-only facts that go with the chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(270)
        self.setMaximumWidth(340)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows: list[list[str]] = []
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)
        self.overlay_card = Card("Actual vs plan")
        self.overlay_label = QLabel()
        self.overlay_label.setWordWrap(True)
        self.overlay_card.body.addWidget(self.overlay_label)
        self.compare_card = Card("Comparison")
        self.compare_caption = muted()
        self.table = QTableWidget(0, 3)  # a row naming each figure, then a row of A, B, B − A
        self.table.setHorizontalHeaderLabels(["A", "B", "B − A"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().sectionResized.connect(  # once the widths are final
            lambda *_: QTimer.singleShot(0, self._fit_rows)
        )
        self.compare_card.body.addWidget(self.compare_caption)
        self.compare_card.body.addWidget(self.table)
        self.assumptions_card = Card("Salary assumptions")
        self.assumptions = muted()
        self.assumptions_card.body.addWidget(self.assumptions)
        for card in (self.overlay_card, self.compare_card, self.assumptions_card):
            layout.addWidget(card)
        layout.addStretch(1)
        self.setWidget(body)

    def set_assumptions(self, lines: Sequence[str]) -> None:
        self.assumptions.setText("\n".join(f"• {line}" for line in lines))

    def set_overlay(self, name: str | None, overlay: ActualVsPlan | None) -> None:
        """Ahead or behind the selected scenario's saved plan (hidden for the plan as is)."""
        self.overlay_card.setVisible(name is not None)
        if name is None:
            return
        if overlay is None:
            text = (
                f"Log hours after “{name}” was saved to see whether you are ahead of its plan "
                "or behind it."
            )
        else:
            text = (
                f"<b>{overlay.describe()}</b> against “{name}”, saved "
                f"{format_date(overlay.since)}: {overlay.actual_hours:,.0f} h logged toward "
                f"{overlay.cert_id} since then, {overlay.planned_hours:,.0f} h planned."
            )
        self.overlay_label.setText(text)

    def set_comparison(self, a: str, b: str, rows: Sequence[ComparisonRow] | None) -> None:
        self.compare_card.setVisible(rows is not None)
        if rows is None:
            return
        self.compare_caption.setText(f"A: {a}\nB: {b}")
        self.table.clearSpans()
        self.table.setRowCount(2 * len(rows))
        self.rows = []
        for index, row in enumerate(rows):
            label = f"Eligible for {row.label}" if row.key.startswith("eligibility") else row.label
            values = [cell_text(row.a), cell_text(row.b), difference_text(row)]
            self.rows.append([label, *values])
            title = QTableWidgetItem(label)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.table.setItem(2 * index, 0, title)
            self.table.setSpan(2 * index, 0, 1, 3)
            for column, text in enumerate(values):
                self.table.setItem(2 * index + 1, column, QTableWidgetItem(text))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text, the table as tall as its rows (no scrolling)."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def comparison_rows(self) -> list[list[str]]:
        """Each compared figure as [label, A, B, B − A]."""
        return [list(row) for row in self.rows]
