"""The list pages of the first-run wizard: degrees, licenses and past hours; none writes.

Each page is a form above a list. "Add" checks the form and appends an item. A form filled
in but never added is added on Next (or, if it is not valid, the page says why and stays),
so nothing typed is lost without a word.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import choice_label, degree_name, in_sentence, member_label
from careerplanner.domain.model import (
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    License,
    LicenseType,
    Setting,
    Supervision,
    WorkEntry,
)
from careerplanner.domain.validation import (
    parse_number,
    validate_degree,
    validate_entry,
    validate_license,
)
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.state_chooser import state_combo
from careerplanner.ui.common.widgets import FieldError, muted


def widget_state(widget: QWidget) -> object:
    """What a form widget holds, to tell a changed form from an untouched one."""
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return None  # a label between fields holds nothing


class ListEditorPage(QWizardPage):
    """A form above a list: "Add" checks the form and appends an item; "Remove" drops one."""

    def __init__(self, title: str, subtitle: str, add_text: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.items: list[Any] = []
        self.fields: list[QWidget] = []
        self.clean: tuple[object, ...] = ()
        self.refused: tuple[object, ...] | None = None
        self.form = QFormLayout()
        self.error = FieldError()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setAccessibleName(f"{title}: added so far")
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

    def add_row(self, caption: str, *widgets: QWidget) -> None:
        """A form row whose widgets count toward "filled in"; the label is their buddy."""
        self.fields += widgets
        if len(widgets) == 1:
            self.form.addRow(caption, widgets[0])
            return
        row = QGridLayout()
        for column, widget in enumerate(widgets):
            row.addWidget(widget, 0, column)
        row.setColumnStretch(len(widgets), 1)
        self.form.addRow(caption, row)

    def mark_clean(self) -> None:
        """The form as it is now holds nothing new (just built, or just added)."""
        self.clean = self.form_state()

    def form_state(self) -> tuple[object, ...]:
        return tuple(widget_state(w) for w in self.fields)

    def pending(self) -> bool:
        """True when the form was changed since it was built or last added."""
        return self.form_state() != self.clean

    def add_item(self) -> bool:
        self.error.clear_error()
        try:
            item = self.read_form()
        except ValidationError as error:
            self.error.show_error(error.message)
            return False
        self.items.append(item)
        self.list.addItem(self.describe(item))
        self.mark_clean()
        return True

    def validatePage(self) -> bool:
        """Next adds a filled-in form. One that cannot be added keeps the user here with the
        reason; pressing Next again without changing it goes on without it."""
        if not self.pending():
            return True
        if self.form_state() == self.refused:
            self.mark_clean()
            return True
        if self.add_item():
            return True
        self.refused = self.form_state()
        self.error.show_error(
            f"Not added yet: {self.error.text()}. Correct it and press Next, or press Next "
            "again to go on without it."
        )
        return False

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.items[row]

    def read_form(self) -> Any:
        raise NotImplementedError

    def describe(self, item: Any) -> str:
        raise NotImplementedError


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
        self.end = DateField(field="Completed")
        self.accredited = QCheckBox("Accredited program (CSWE for social work)")
        self.field_experience = QCheckBox("Included supervised field experience")
        self.add_row("&Level", self.level)
        self.add_row("&Field", self.degree_field)
        self.add_row("S&tatus", self.status)
        self.add_row("&Completed (or expected)", self.end)
        self.add_row("", self.accredited)
        self.add_row("", self.field_experience)
        self.mark_clean()

    def read_form(self) -> Degree:
        return validate_degree(
            Degree(
                level=DegreeLevel(self.level.currentData()),
                field=DegreeField(self.degree_field.currentData()),
                status=DegreeStatus(self.status.currentData()),
                end=self.end.date(),
                accredited=self.accredited.isChecked(),
                field_experience=self.field_experience.isChecked(),
            )
        )

    def describe(self, item: Degree) -> str:
        when = f", {item.end.isoformat()}" if item.end else ""
        return f"{degree_name(item)} — {member_label(item.status).lower()}{when}"


class LicensesPage(ListEditorPage):
    def __init__(self, today: date) -> None:
        super().__init__(
            "Your licenses",
            "Add the professional licenses you hold (RN, LMSW, LCSW …).",
            "Add license",
        )
        self.type = enum_combo(LicenseType, LicenseType.RN)
        self.state = state_combo()
        self.issued = DateField(today, required=True, field="First issued")
        self.expires = DateField(field="Expires")
        self.add_row("&License", self.type)
        self.add_row("&State", self.state)
        self.add_row("First &issued", self.issued)
        self.add_row("E&xpires", self.expires)
        self.mark_clean()

    def read_form(self) -> License:
        return validate_license(
            License(
                type=LicenseType(self.type.currentData()),
                issued=self.issued.required_date(),
                expires=self.expires.date(),
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
        self.start = DateField(today.replace(year=today.year - 1), required=True, field="From")
        self.end = DateField(today, required=True, field="To")
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("e.g. 1,500")
        self.employer = QLineEdit()
        self.paid = QCheckBox("Paid work")
        self.paid.setChecked(True)
        self.start.setAccessibleName("Worked from")
        self.end.setAccessibleName("Worked until")
        self.add_row("Se&tting", self.setting)
        self.add_row("Supervised &by", self.supervision)
        self.add_row("&From", self.start, muted("to"), self.end)
        self.add_row("Case-management &hours", self.hours)
        self.add_row("&Employer (optional)", self.employer)
        self.add_row("", self.paid)
        self.mark_clean()

    def read_form(self) -> WorkEntry:
        entry = validate_entry(
            WorkEntry(
                start=self.start.required_date(),
                end=self.end.required_date(),
                hours=parse_number(self.hours.text(), "hours"),
                setting=Setting(self.setting.currentData()),
                supervision=Supervision(self.supervision.currentData()),
                paid=self.paid.isChecked(),
                employer=self.employer.text(),
                notes="Backlog entered in the set-up wizard",
            ),
            self.today,
        )
        spans = [(e.start, e.last_day, e.hours) for e in [*self.items, entry]]
        validate_day_totals(spans, [(entry.start, entry.last_day)])
        return entry

    def pending(self) -> bool:
        """Past hours are filled in once an amount is typed."""
        return bool(self.hours.text().strip()) and super().pending()

    def describe(self, item: WorkEntry) -> str:
        return (
            f"{item.hours:,.1f} h, {item.start.isoformat()} to {item.last_day.isoformat()}, "
            f"{member_label(item.setting).lower()}, {in_sentence(choice_label(item.supervision))}"
        )
