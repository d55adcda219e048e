"""The Explore page: the field at a glance from the bundled data, each figure with its source.

The charts (and with them pyqtgraph) are imported when the page is first built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from careerplanner.domain.catalog import CareerFacts, FactSeries
from careerplanner.services.bus import ChangeKind
from careerplanner.ui.common.widgets import Card, heading, muted
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services
    from careerplanner.ui.explore.explore_chart import BarChart


def source_html(sources: Sequence[str]) -> str:
    """ "Source: …" with web addresses as links."""
    parts = [
        f"<a href='{s}'>{s}</a>" if s.startswith(("http://", "https://")) else s for s in sources
    ]
    return f"Source{'s' if len(parts) > 1 else ''}: " + "; ".join(parts)


def load_facts(services: Services) -> CareerFacts:
    facts = getattr(services, "careers", None)
    if facts is not None:
        return facts  # type: ignore[no-any-return]
    from careerplanner.catalog import load_careers

    return load_careers()


class ExplorePage(Page):
    kinds = frozenset[ChangeKind]()  # bundled data only; nothing the user changes

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from careerplanner.ui.explore.explore_chart import BarChart

        self._chart_class = BarChart
        self.services = services
        self.facts = load_facts(services)
        self.charts: dict[str, BarChart] = {}
        self.source_labels: dict[str, QLabel] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading("Explore the field"))
        layout.addWidget(
            muted("Care case management at a glance: who does it, where, and for what pay.")
        )
        grid = QGridLayout()
        for index, series in enumerate(self.facts.series):
            grid.addWidget(self._series_card(series), index // 2, index % 2)
        layout.addLayout(grid)
        layout.addWidget(self._about_card())  # the charts first, the reading after
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _about_card(self) -> Card:
        facts = self.facts
        card = Card("The work")
        columns = QGridLayout()
        texts = (
            ("Types of case managers", ", ".join(facts.types) + ".", facts.types_source),
            (
                "The six core tasks",
                "".join(f"{i}. {task}<br>" for i, task in enumerate(facts.core_tasks, 1)),
                facts.core_tasks_source,
            ),
            (
                "Career path",
                "".join(f"<b>{s.name}</b>: {s.text}<br>" for s in facts.stages),
                facts.stages_source,
            ),
            (
                "Facts",
                "".join(f"• {f.text} <i>({f.source})</i><br>" for f in facts.facts),
                "",
            ),
        )
        for index, (title, text, source) in enumerate(texts):
            label = QLabel(f"<b>{title}</b><br>{text}")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            label.setTextFormat(Qt.TextFormat.RichText)
            box = QVBoxLayout()
            box.addWidget(label)
            if source:
                box.addWidget(self._source_label(source_html([source])))
            box.addStretch(1)
            columns.addLayout(box, index // 2, index % 2)
        card.body.addLayout(columns)
        return card

    def _series_card(self, series: FactSeries) -> Card:
        card = Card(series.title)
        chart = self._chart_class(series)
        self.charts[series.id] = chart
        card.body.addWidget(chart)
        notes = [f"{bar.label}: {bar.note}" for bar in series.bars if bar.note]
        if series.note:
            notes.insert(0, series.note)
        if notes:
            card.body.addWidget(muted(" ".join(notes)))
        source = self._source_label(source_html(series.sources))
        self.source_labels[series.id] = source
        card.body.addWidget(source)
        card.body.addStretch(1)  # cards of a row share a height: the chart stays at the top
        return card

    @staticmethod
    def _source_label(html: str) -> QLabel:
        label = muted(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        return label

    def refresh(self) -> None:
        """Nothing to do: the page shows bundled data, which does not change while running."""
