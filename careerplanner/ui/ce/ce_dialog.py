"""Add/edit dialog for a CE activity, with an optional certificate file to attach."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from careerplanner.domain.model import CeActivity, CeTopic
from careerplanner.domain.validation import MAX_CE_HOURS
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.hours.lock_dialogs import FormDialog

CeSaver = Callable[[CeActivity, Path | None, bool], None]
"""Stores (activity, new certificate file or None, drop the current certificate)."""

FILE_FILTER = "Certificates (*.pdf *.png *.jpg *.jpeg *.gif *.tif *.tiff *.heic);;All files (*)"


class CeDialog(FormDialog):
    """Date, hours, topic, title, provider and a certificate file; Save hands them to `save`."""

    def __init__(self, activity: CeActivity, save: CeSaver, parent: QWidget | None = None) -> None:
        adding = activity.id == 0
        super().__init__(
            "Add CE activity" if adding else "Edit CE activity",
            "Enter each activity once: it counts toward every credential whose renewal cycle "
            "it falls in.",
            parent,
        )
        self.activity = activity
        self._save = save
        self.chosen: Path | None = None
        self.date = DateField(activity.date, required=True, field="Date", key="date")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, MAX_CE_HOURS)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(activity.hours)
        self.topic = enum_combo(CeTopic, activity.topic)
        self.title = QLineEdit(activity.title)
        self.title.setPlaceholderText("e.g. Ethics in discharge planning")
        self.provider = QLineEdit(activity.provider)
        self.file_label = QLabel(activity.certificate or "No certificate attached")
        self.choose = QPushButton("Choose file…")
        self.choose.clicked.connect(self.choose_file)
        self.drop = QCheckBox("Remove the attached certificate")
        self.drop.setVisible(bool(activity.certificate))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.file_label, 1)
        line.addWidget(self.choose)
        for key, caption, widget in (
            ("date", "Date", self.date),
            ("hours", "CE hours", self.hours),
            ("topic", "Topic", self.topic),
            ("title", "Title", self.title),
            ("provider", "Provider", self.provider),
            ("certificate", "Certificate", row),
        ):
            self.add_field(key, caption, widget)
        self.form.addRow("", self.drop)
        self.finish("Add" if adding else "Save")

    def pick_path(self) -> str:
        """Ask for a file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, "Attach a certificate", "", FILE_FILTER)
        return name

    def choose_file(self) -> None:
        name = self.pick_path()
        if name:
            self.chosen = Path(name)
            self.file_label.setText(f"{self.chosen.name} (will be copied into your data folder)")
            self.drop.setChecked(False)

    def record(self) -> CeActivity:
        return replace(
            self.activity,
            date=self.date.required_date(),
            hours=self.hours.value(),
            topic=CeTopic(self.topic.currentData()),
            title=self.title.text(),
            provider=self.provider.text(),
        )

    def act(self) -> None:
        self._save(self.record(), self.chosen, self.drop.isChecked() and self.chosen is None)


def new_activity(today: date) -> CeActivity:
    return CeActivity(today, 1.0, CeTopic.CASE_MANAGEMENT)
