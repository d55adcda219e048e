"""Dialogs to add or change a supervisor or an employer (a placement).

Saving goes through the services (the one validation path); a refused value is shown under
its field. Changing a supervisor's credential says how many unverified entries now count
differently.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from careerplanner.domain.labels import choice_label
from careerplanner.domain.logbook import Credential, Employer, Supervisor
from careerplanner.domain.model import Setting
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.hours.lock_dialogs import FormDialog

if TYPE_CHECKING:
    from careerplanner.services import Services

CREDENTIAL_LABELS = {
    Credential.CCM: "CCM (counts as CCM supervision)",
    Credential.LCSW: "LCSW (licensed social worker)",
    Credential.LMSW: "LMSW (licensed social worker)",
    Credential.RN: "RN (registered nurse)",
    Credential.OTHER_LICENSED: "Other licensed professional",
    Credential.NONE: "No credential",
}


class SupervisorDialog(FormDialog):
    """Add a supervisor, or change one (`supervisor` given)."""

    def __init__(
        self,
        services: Services,
        supervisor: Supervisor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Edit supervisor" if supervisor else "Add supervisor",
            "The supervisor's credential decides what their entries count as. The report "
            "prints the license number and state on their signature block.",
            parent,
        )
        self.services = services
        self.original = supervisor
        self.result_text = ""
        s = supervisor or Supervisor("")
        self.name = QLineEdit(s.name)
        self.credential = QComboBox()
        for member, label in CREDENTIAL_LABELS.items():
            self.credential.addItem(label, member)
        self.credential.setCurrentIndex(list(CREDENTIAL_LABELS).index(s.credential))
        self.license_number = QLineEdit(s.license_number)
        self.state = QLineEdit(s.state or "")
        self.state.setMaxLength(2)
        self.state.setFixedWidth(60)
        self.email = QLineEdit(s.email)
        self.active_from = DateField(s.active_from, field="Active from")
        self.active_to = DateField(s.active_to, field="Active until")
        for key, caption, widget in (
            ("name", "Name", self.name),
            ("credential", "Credential", self.credential),
            ("license number", "License number", self.license_number),
            ("state", "State", self.state),
            ("email", "Email (optional)", self.email),
            ("active from", "Supervising from", self.active_from),
            ("active to", "Until", self.active_to),
        ):
            self.add_field(key, caption, widget)
        self.finish("Save")

    def value(self) -> Supervisor:
        base = self.original or Supervisor("")
        return replace(
            base,
            name=self.name.text(),
            credential=self.credential.currentData(),
            license_number=self.license_number.text(),
            state=self.state.text().strip() or None,
            email=self.email.text(),
            active_from=self.active_from.date(),
            active_to=self.active_to.date(),
        )

    def act(self) -> None:
        if self.original is None:
            made = self.services.supervisors.add(self.value())
            self.result_text = f"Added supervisor {made.name}"
            return
        result = self.services.supervisors.update(self.value())
        self.result_text = f"Saved {result.supervisor.name}"
        if result.updated:
            self.result_text += (
                f"; {result.updated:,} unverified entries now count as "
                f"{result.supervisor.supervision.value} supervision"
            )
        if result.kept:
            self.result_text += f"; {result.kept:,} verified entries keep what was verified"


class EmployerDialog(FormDialog):
    """Add an employer or placement, or change one."""

    def __init__(
        self, services: Services, employer: Employer | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Edit employer" if employer else "Add employer",
            "Entries at this employer take its setting unless they give their own, and are "
            "paid or unpaid as set here unless you say otherwise.",
            parent,
        )
        self.services = services
        self.original = employer
        self.result_text = ""
        e = employer or Employer("")
        self.name = QLineEdit(e.name)
        self.setting = QComboBox()
        self.setting.addItem("(entries give their own)", None)
        for member in Setting:
            self.setting.addItem(choice_label(member), member)
        self.setting.setCurrentIndex(0 if e.setting is None else list(Setting).index(e.setting) + 1)
        self.paid = QCheckBox("Paid work")
        self.paid.setChecked(e.paid)
        self.start = DateField(e.start, field="Started")
        self.end = DateField(e.end, field="Ended")
        for key, caption, widget in (
            ("name", "Name", self.name),
            ("setting", "Setting", self.setting),
            ("paid", "", self.paid),
            ("start", "Started", self.start),
            ("end", "Ended", self.end),
        ):
            self.add_field(key, caption, widget)
        self.finish("Save")

    def value(self) -> Employer:
        base = self.original or Employer("")
        return replace(
            base,
            name=self.name.text(),
            setting=self.setting.currentData(),
            paid=self.paid.isChecked(),
            start=self.start.date(),
            end=self.end.date(),
        )

    def act(self) -> None:
        if self.original is None:
            made = self.services.employers.add(self.value())
            self.result_text = f"Added employer {made.name}"
        else:
            self.result_text = f"Saved {self.services.employers.update(self.value()).name}"
