"""The single-form pages of the first-run wizard; none writes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from careerplanner.domain.defaults import DEFAULT_CE_HOURS
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Track
from careerplanner.domain.validation import MAX_CE_HOURS, parse_number
from careerplanner.ui.common.state_chooser import state_combo
from careerplanner.ui.common.widgets import FieldError


def bounded_number(edit: QLineEdit, error: FieldError, field: str, high: float) -> float:
    """The number in `edit`, 0..high, or ValidationError (also shown in `error`)."""
    error.clear_error()
    try:
        value = parse_number(edit.text(), field)
        if not 0 <= value <= high:
            raise ValidationError(f"{field} must be between 0 and {high:,g}", field)
    except ValidationError as problem:
        error.show_error(problem.message)
        raise
    return value


class AboutPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("About you")
        self.setSubTitle("Certifications have different rules for nurses and social workers.")
        self.name = QLineEdit()
        self.name.setPlaceholderText("Optional — used to greet you")
        self.tracks = QButtonGroup(self)
        column = QVBoxLayout()
        labels = {
            Track.NURSE: "Nurse (RN, LPN)",
            Track.SOCIAL_WORK: "Social work (BSW, MSW)",
            Track.OTHER: "Other health or human services",
        }
        for index, track in enumerate(Track):
            button = QRadioButton(labels[track])
            button.setChecked(index == 0)
            self.tracks.addButton(button, index)
            column.addWidget(button)
        self.state = state_combo()
        form = QFormLayout(self)
        form.addRow("Your &name", self.name)
        form.addRow("Your field", column)
        form.addRow("&State you work in", self.state)

    def track(self) -> Track:
        return list(Track)[max(0, self.tracks.checkedId())]


class PacePage(QWizardPage):
    """Continuing education planned each year; projections of CE requirements use it."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Continuing education")
        self.setSubTitle(
            "Some certifications need CE hours. Projections assume you keep up this pace."
        )
        self.ce = QLineEdit(f"{DEFAULT_CE_HOURS:g}")
        self.ce_error = FieldError()
        form = QFormLayout(self)
        form.addRow("&Continuing-education hours per year", self.ce)
        form.addRow("", self.ce_error)

    def value(self) -> float:
        """The CE hours, or ValidationError (shown beside the field)."""
        return bounded_number(self.ce, self.ce_error, "CE hours per year", MAX_CE_HOURS)

    def validatePage(self) -> bool:
        try:
            self.value()
        except ValidationError:
            return False
        return True
