"""The pages of the first-run wizard; each collects values and checks them, none writes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    License,
    LicenseType,
    Setting,
    Supervision,
    Track,
    WorkEntry,
)
from careerplanner.domain.validation import (
    US_STATES,
    parse_number,
    validate_day_totals,
    validate_degree,
    validate_entry,
    validate_license,
)
from careerplanner.ui.widgets import FieldError, OptionalDateEdit, date_edit, muted, to_date


def nice(value: str) -> str:
    """An enum value as people read it: "home-health" -> "Home health"."""
    text = value.replace("-", " ")
    return text[:1].upper() + text[1:]


def enum_combo(enum_cls: type[StrEnum], current: StrEnum | None = None) -> QComboBox:
    combo = QComboBox()
    for member in enum_cls:
        combo.addItem(member.value if member.value.isupper() else nice(member.value), member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def state_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem("Not set", None)
    for code in sorted(US_STATES):
        combo.addItem(code, code)
    return combo


class ListEditorPage(QWizardPage):
    """A form above a list: "Add" checks the form and appends an item; "Remove" drops one."""

    def __init__(self, title: str, subtitle: str, add_text: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.items: list[Any] = []
        self.form = QFormLayout()
        self.error = FieldError()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setMaximumHeight(120)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addStretch(1)

    def add_item(self) -> bool:
        self.error.clear_error()
        try:
            item = self.read_form()
        except ValidationError as error:
            self.error.show_error(error.message)
            return False
        self.items.append(item)
        self.list.addItem(self.describe(item))
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.items[row]

    def read_form(self) -> Any:
        raise NotImplementedError

    def describe(self, item: Any) -> str:
        raise NotImplementedError


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
        form.addRow("Your name", self.name)
        form.addRow("Your field", column)
        form.addRow("State you work in", self.state)

    def track(self) -> Track:
        return list(Track)[max(0, self.tracks.checkedId())]


class DegreesPage(ListEditorPage):
    def __init__(self) -> None:
        super().__init__(
            "Your degrees",
            "Add degrees you have, are studying for, or plan. Planned ones count in projections "
            "from their expected date. You can skip this and add them later.",
            "Add degree",
        )
        self.level = enum_combo(DegreeLevel, DegreeLevel.BACHELOR)
        self.degree_field = enum_combo(DegreeField, DegreeField.NURSING)
        self.status = enum_combo(DegreeStatus, DegreeStatus.COMPLETED)
        self.end = OptionalDateEdit()
        self.accredited = QCheckBox("Accredited program (CSWE for social work)")
        self.field_experience = QCheckBox("Included supervised field experience")
        self.form.addRow("Level", self.level)
        self.form.addRow("Field", self.degree_field)
        self.form.addRow("Status", self.status)
        self.form.addRow("Completed (or expected)", self.end)
        self.form.addRow("", self.accredited)
        self.form.addRow("", self.field_experience)

    def read_form(self) -> Degree:
        return validate_degree(
            Degree(
                level=self.level.currentData(),
                field=self.degree_field.currentData(),
                status=self.status.currentData(),
                end=self.end.value(),
                accredited=self.accredited.isChecked(),
                field_experience=self.field_experience.isChecked(),
            )
        )

    def describe(self, item: Degree) -> str:
        when = f", {item.end.isoformat()}" if item.end else ""
        return f"{nice(item.level)} in {nice(item.field).lower()} — {item.status}{when}"


class LicensesPage(ListEditorPage):
    def __init__(self, today: date) -> None:
        super().__init__(
            "Your licenses",
            "Add the professional licenses you hold (RN, LMSW, LCSW …).",
            "Add license",
        )
        self.type = enum_combo(LicenseType, LicenseType.RN)
        self.state = state_combo()
        self.issued = date_edit(today)
        self.expires = OptionalDateEdit()
        self.form.addRow("License", self.type)
        self.form.addRow("State", self.state)
        self.form.addRow("First issued", self.issued)
        self.form.addRow("Expires", self.expires)

    def read_form(self) -> License:
        return validate_license(
            License(
                type=self.type.currentData(),
                issued=to_date(self.issued.date()),
                expires=self.expires.value(),
                state=self.state.currentData(),
            )
        )

    def describe(self, item: License) -> str:
        where = f" ({item.state})" if item.state else ""
        until = f", expires {item.expires.isoformat()}" if item.expires else ""
        return f"{item.type.value}{where}, issued {item.issued.isoformat()}{until}"


class BacklogPage(ListEditorPage):
    """Hours already worked, as one span entry per period, setting and supervision."""

    def __init__(self, today: date) -> None:
        super().__init__(
            "Hours you have already worked",
            "Enter a total for each job or period: where you worked, who supervised you, the "
            "dates, and the case-management hours in that time. Each total is spread evenly "
            "over its days.",
            "Add these hours",
        )
        self.today = today
        self.setting = enum_combo(Setting, Setting.HOSPITAL)
        self.supervision = enum_combo(Supervision, Supervision.NONE)
        self.start = date_edit(today.replace(year=today.year - 1))
        self.end = date_edit(today)
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("e.g. 1,500")
        self.employer = QLineEdit()
        self.paid = QCheckBox("Paid work")
        self.paid.setChecked(True)
        self.form.addRow("Setting", self.setting)
        self.form.addRow("Supervised by", self.supervision)
        dates = QGridLayout()
        dates.addWidget(self.start, 0, 0)
        dates.addWidget(muted("to"), 0, 1)
        dates.addWidget(self.end, 0, 2)
        dates.setColumnStretch(3, 1)
        self.form.addRow("From", dates)
        self.form.addRow("Case-management hours", self.hours)
        self.form.addRow("Employer (optional)", self.employer)
        self.form.addRow("", self.paid)

    def read_form(self) -> WorkEntry:
        entry = validate_entry(
            WorkEntry(
                start=to_date(self.start.date()),
                end=to_date(self.end.date()),
                hours=parse_number(self.hours.text(), "hours"),
                setting=self.setting.currentData(),
                supervision=self.supervision.currentData(),
                paid=self.paid.isChecked(),
                employer=self.employer.text(),
                notes="Backlog entered in the set-up wizard",
            ),
            self.today,
        )
        spans = [(e.start, e.last_day, e.hours) for e in [*self.items, entry]]
        validate_day_totals(spans, [(entry.start, entry.last_day)])
        return entry

    def describe(self, item: WorkEntry) -> str:
        return (
            f"{item.hours:,.1f} h, {item.start.isoformat()} to {item.last_day.isoformat()}, "
            f"{nice(item.setting).lower()}, supervision: {nice(item.supervision).lower()}"
        )


class PacePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Your pace")
        self.setSubTitle("Projections assume you keep logging at this pace.")
        self.weekly = QLineEdit("30")
        self.ce = QLineEdit("12")
        self.weekly_error = FieldError()
        self.ce_error = FieldError()
        form = QFormLayout(self)
        form.addRow("Case-management hours per week", self.weekly)
        form.addRow("", self.weekly_error)
        form.addRow("Continuing-education hours per year", self.ce)
        form.addRow("", self.ce_error)

    def values(self) -> tuple[float, float]:
        """Both numbers, or ValidationError (shown beside the field) for the first bad one."""
        checks = (
            (self.weekly, self.weekly_error, "weekly hours", 168),
            (self.ce, self.ce_error, "CE hours per year", 2000),
        )
        values = []
        for edit, error, field, high in checks:
            error.clear_error()
            try:
                value = parse_number(edit.text(), field)
                if not 0 <= value <= high:
                    raise ValidationError(f"{field} must be between 0 and {high:,}", field)
            except ValidationError as problem:
                error.show_error(problem.message)
                raise
            values.append(value)
        return values[0], values[1]

    def validatePage(self) -> bool:
        try:
            self.values()
        except ValidationError:
            return False
        return True
