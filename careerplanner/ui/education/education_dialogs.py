"""Add/edit dialogs for a degree, a license and a passed exam, with messages next to fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from careerplanner.domain.model import (
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    License,
    LicenseType,
)
from careerplanner.ui.common.choices import enum_combo
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.state_chooser import state_combo
from careerplanner.ui.hours.lock_dialogs import FormDialog

Saver = Callable[[Any], None]
"""Stores the record; raises ValidationError (naming the field) when it is refused."""


class RecordDialog(FormDialog):
    """A FormDialog whose OK builds a record and hands it to `save`."""

    def __init__(self, title: str, explanation: str, save: Saver, parent: QWidget | None) -> None:
        super().__init__(title, explanation, parent)
        self._save = save

    def act(self) -> None:
        self._save(self.record())

    def record(self) -> Any:
        raise NotImplementedError


class DegreeDialog(RecordDialog):
    def __init__(self, degree: Degree, save: Saver, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add degree" if degree.id == 0 else "Edit degree",
            "Add degrees you hold and those you plan: a planned or in-progress degree counts "
            "in projections from its expected completion date.",
            save,
            parent,
        )
        self._degree = degree
        self.level = enum_combo(DegreeLevel, degree.level)
        self.field = enum_combo(DegreeField, degree.field)
        self.status = enum_combo(DegreeStatus, degree.status)
        self.institution = QLineEdit(degree.institution)
        self.institution.setPlaceholderText("e.g. State University (optional)")
        self.start = DateField(degree.start, field="Started", key="start")
        self.end = DateField(degree.end, field="Completed", key="end")
        self.end.setToolTip("The completion date, or the expected one for a planned degree")
        self.accredited = QCheckBox("Accredited program (e.g. CSWE for social work)")
        self.accredited.setChecked(degree.accredited)
        self.field_experience = QCheckBox("Included supervised field experience (practicum)")
        self.field_experience.setChecked(degree.field_experience)
        for key, caption, widget in (
            ("level", "Level", self.level),
            ("field", "Field", self.field),
            ("status", "Status", self.status),
            ("institution", "School", self.institution),
            ("start", "Started", self.start),
            ("end", "Completed (or expected)", self.end),
            ("accredited", "", self.accredited),
            ("field experience", "", self.field_experience),
        ):
            self.add_field(key, caption, widget)
        self.finish("Save")

    def record(self) -> Degree:
        return replace(
            self._degree,
            level=DegreeLevel(self.level.currentData()),
            field=DegreeField(self.field.currentData()),
            status=DegreeStatus(self.status.currentData()),
            institution=self.institution.text(),
            start=self.start.date(),
            end=self.end.date(),
            accredited=self.accredited.isChecked(),
            field_experience=self.field_experience.isChecked(),
        )


class LicenseDialog(RecordDialog):
    def __init__(self, lic: License, save: Saver, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add license" if lic.id == 0 else "Edit license",
            "Record each license with its expiry date, so CareerPlanner can remind you to renew "
            "it in time. Add a renewal by editing the expiry date.",
            save,
            parent,
        )
        self._license = lic
        self.type = enum_combo(LicenseType, lic.type)
        self.state = state_combo(lic.state)
        self.number = QLineEdit(lic.number)
        self.number.setPlaceholderText("optional")
        self.issued = DateField(lic.issued, required=True, field="First issued", key="issued")
        self.expires = DateField(lic.expires, field="Expires", key="expires")
        self.renewal = QCheckBox("Assumed renewed on time")
        self.renewal.setChecked(lic.renewal_assumed)
        self.renewal.setToolTip(
            "Projections count the license after its expiry date, as if renewed on time. "
            "Clear this if you will let it lapse: projections then stop at the expiry date."
        )
        for key, caption, widget in (
            ("license type", "Type", self.type),
            ("state", "State", self.state),
            ("number", "Number", self.number),
            ("issued", "First issued", self.issued),
            ("expires", "Expires", self.expires),
            ("renewal", "", self.renewal),
        ):
            self.add_field(key, caption, widget)
        self.finish("Save")

    def record(self) -> License:
        return replace(
            self._license,
            type=LicenseType(self.type.currentData()),
            state=self.state.currentData(),
            number=self.number.text(),
            issued=self.issued.required_date(),
            expires=self.expires.date(),
            renewal_assumed=self.renewal.isChecked(),
        )


class ExamDialog(RecordDialog):
    def __init__(self, exam: Exam, save: Saver, parent: QWidget | None = None) -> None:
        super().__init__(
            "Add exam" if exam.id == 0 else "Edit exam",
            "A passed licensing exam (a planned date counts in projections from that day).",
            save,
            parent,
        )
        self._exam = exam
        self.type = enum_combo(ExamType, exam.type)
        self.passed = DateField(exam.passed, required=True, field="Passed on", key="passed")
        self.add_field("exam", "Exam", self.type)
        self.add_field("passed", "Passed on", self.passed)
        self.finish("Save")

    def record(self) -> Exam:
        return replace(
            self._exam, type=ExamType(self.type.currentData()), passed=self.passed.required_date()
        )


def new_degree() -> Degree:
    return Degree(DegreeLevel.BACHELOR, DegreeField.NURSING, DegreeStatus.COMPLETED)


def new_license(today: date) -> License:
    return License(LicenseType.RN, issued=today)


def new_exam(today: date) -> Exam:
    return Exam(ExamType.ASWB_BACHELORS, passed=today)
