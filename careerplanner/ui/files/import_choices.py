"""The choices of the CSV import preview: whose rows, how dates are written, and whether to
import the valid rows only. Each shows only when the file asks for it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from careerplanner.io.csv_import import ImportPreview
from careerplanner.io.csv_values import DateFormat

CHOOSE_PERSON = "Choose whose rows…"
CHOOSE_ORDER = "Choose how dates are written…"
SLASH_ORDERS = {
    DateFormat.US: "Month first (03/04/2024 is 4 March)",
    DateFormat.EU: "Day first (03/04/2024 is 3 April)",
}


class ImportChoices(QWidget):
    """A person choice, a date-order choice and the 'valid rows only' box; `changed` on edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.person_label = QLabel("Whose hours:")
        self.person = QComboBox()
        self.person.setMinimumContentsLength(18)
        self.order_label = QLabel("Dates:")
        self.order = QComboBox()
        self.order.addItem(CHOOSE_ORDER, None)
        for member, text in SLASH_ORDERS.items():
            self.order.addItem(text, member)
        self.skip_invalid = QCheckBox("Import the valid rows, leave out the rows with problems")
        for widget in (self.person_label, self.person, self.order_label, self.order):
            row.addWidget(widget)
        row.addWidget(self.skip_invalid)
        row.addStretch(1)
        self.person.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.order.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.skip_invalid.toggled.connect(lambda _: self.changed.emit())
        self.reset()

    def reset(self) -> None:
        """A new file: nothing chosen."""
        self.blockSignals(True)
        self.person.clear()
        self.order.setCurrentIndex(0)
        self.skip_invalid.setChecked(False)
        self.blockSignals(False)
        self._show(False, False, False)

    def chosen_person(self) -> str | None:
        return self.person.currentData()  # type: ignore[no-any-return]

    def chosen_order(self) -> DateFormat | None:
        return self.order.currentData()  # type: ignore[no-any-return]

    def show_for(self, preview: ImportPreview[Any] | None) -> None:
        """Offer the choices this preview needs (and keep those already made)."""
        if preview is None:
            self._show(False, False, self.skip_invalid.isChecked())
            return
        if len(preview.people) > 1 and self.person.count() != len(preview.people) + 1:
            self.person.blockSignals(True)
            self.person.clear()
            self.person.addItem(CHOOSE_PERSON, None)
            for name in preview.people:
                self.person.addItem(name, name)
            self.person.blockSignals(False)
        slash = preview.needs == "date format" or self.chosen_order() is not None
        problems = bool(preview.problems) or self.skip_invalid.isChecked()
        self._show(len(preview.people) > 1, slash, problems)

    def _show(self, person: bool, order: bool, skip: bool) -> None:
        self.person_label.setVisible(person)
        self.person.setVisible(person)
        self.order_label.setVisible(order)
        self.order.setVisible(order)
        self.skip_invalid.setVisible(skip)
        self.setVisible(person or order or skip)
