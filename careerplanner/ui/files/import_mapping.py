"""The column mapping of the CSV import preview: one combo per field, folded away until it
is needed (or asked for). "(not imported)" is a choice like any column, and it sticks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from careerplanner.ui.common.widgets import Card, FieldError, muted
from careerplanner.ui.files.import_parts import ImportKind

NOT_USED = "(not imported)"


class MappingPanel(QWidget):
    """A toggle and a card of combos; `changed` when the user picks another column."""

    changed = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setText("Columns used for each field")
        self.toggle.toggled.connect(self._unfold)
        layout.addWidget(self.toggle)
        self.card = Card()
        self.problem = FieldError()
        self.card.body.addWidget(self.problem)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.combos: dict[str, QComboBox] = {}
        for number, (name, label) in enumerate(kind.fields.items()):
            combo = QComboBox()
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
            self.combos[name] = combo
            required = " *" if name in kind.required else ""
            grid.addWidget(QLabel(f"{label}{required}"), number // 2, (number % 2) * 2)
            grid.addWidget(combo, number // 2, (number % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.card.body.addLayout(grid)
        self.card.body.addWidget(muted("* needed for every row."))
        self.card.hide()
        layout.addWidget(self.card)

    def _unfold(self, shown: bool) -> None:
        self.card.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)

    def fill(self, columns: list[str], used: dict[str, int]) -> None:
        """Offer the file's columns; each combo shows the column its field reads (or none)."""
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([NOT_USED, *columns])
            index = used.get(name)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.blockSignals(False)

    def chosen(self) -> dict[str, int | None]:
        """Every field as shown: a column index, or None for "(not imported)"."""
        return {
            name: combo.currentIndex() - 1 if combo.currentIndex() > 0 else None
            for name, combo in self.combos.items()
        }

    def show_problem(self, message: str) -> None:
        self.problem.show_error(f"{message[:1].upper()}{message[1:]}.")
        self.toggle.setChecked(True)
