"""An entry's history: every change, oldest first (added, edited field by field, verified,
unlocked, imported from which file, filled from a schedule)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.model import WorkEntry
from careerplanner.ui.common.widgets import format_hours, heading, muted

if TYPE_CHECKING:
    from careerplanner.services import Services

ACTIONS = {
    "add": "Added",
    "edit": "Changed",
    "import": "Imported",
    "fill": "Filled from schedule",
    "verify": "Verified",
    "unlock": "Unlocked",
    "remove": "Deleted",
    "restore": "Restored",
}


def describe(fields: dict[str, list[Any]], detail: str, source: str) -> str:
    parts = [
        f"{name.replace('_', ' ')}: {_shown(old)} → {_shown(new)}"
        for name, (old, new) in fields.items()
    ]
    parts += [detail] if detail else []
    parts += [f"from {source}"] if source else []
    return "; ".join(parts)


def _shown(value: Any) -> str:
    if value in ("", None):
        return "(none)"
    return format_hours(value) if isinstance(value, float) else str(value)


class HistoryDialog(QDialog):
    def __init__(self, services: Services, entry: WorkEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entry history")
        self.resize(720, 360)
        events = services.hours.events(entry.id)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(f"History of the entry of {entry.start:%b} {entry.start.day}, "
                                 f"{entry.start.year}", level=2))  # fmt: skip
        self.table = QTableWidget(len(events), 3)
        self.table.setHorizontalHeaderLabels(["When", "Change", "What"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, event in enumerate(events):
            cells = (
                f"{event.at:%Y-%m-%d %H:%M}",
                ACTIONS.get(event.action, event.action),
                describe(event.fields, event.detail, event.source),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if events:
            layout.addWidget(self.table, 1)
        else:
            layout.addWidget(muted("No changes are recorded for this entry."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
