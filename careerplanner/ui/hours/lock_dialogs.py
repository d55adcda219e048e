"""Sign-off dialogs: mark entries verified by a supervisor, and unlock one with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry
from careerplanner.domain.validation import fmt_number
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import FieldError, clear_on_edit, muted, plural


class FormDialog(QDialog):
    """A form whose Save button calls `act()`; a ValidationError is shown next to its field."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(muted(explanation))
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.errors: dict[str, FieldError] = {}
        self.general_error = FieldError(self)

    def add_field(self, key: str, caption: str, widget: QWidget) -> None:
        self.form.addRow(caption, widget)
        error = FieldError(self)
        self.errors[key] = error
        self.form.addRow("", error)
        clear_on_edit(error, widget)

    def finish(self, ok_text: str) -> None:
        self.layout_.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def try_accept(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear_error()
        try:
            self.act()
        except ValidationError as error:
            self.errors.get(error.field or "", self.general_error).show_error(error.message)
            return
        self.accept()

    def act(self) -> None:
        raise NotImplementedError


def _require(text: str, field: str, what: str) -> str:
    if not text.strip():
        raise ValidationError(f"Type the {what}", field)
    return text.strip()


class VerifyDialog(FormDialog):
    """Who signed off the selected entries, with which credential, and when."""

    def __init__(
        self,
        entries: list[WorkEntry],
        today: date,
        verify: Callable[[str, str, date], None],
        parent: QWidget | None = None,
    ) -> None:
        hours = fmt_number(sum(e.hours for e in entries))
        count = plural(len(entries), "entry")
        super().__init__(
            "Mark verified",
            f"Record that a supervisor signed off {count} ({hours} h). Verified entries are "
            "locked: changing one later needs an explicit unlock, which is recorded.",
            parent,
        )
        self._verify = verify
        self.by = QLineEdit()
        self.by.setPlaceholderText("e.g. Dana Ortiz")
        self.credential = QLineEdit()
        self.credential.setPlaceholderText("e.g. RN, CCM")
        self.on = DateField(today, required=True, field="Signed on", key="verified on")
        self.add_field("verified by", "Supervisor", self.by)
        self.add_field("credential", "Credential", self.credential)
        self.add_field("verified on", "Signed on", self.on)
        self.finish("Mark verified")

    def act(self) -> None:
        by = _require(self.by.text(), "verified by", "supervisor's name")
        self._verify(by, self.credential.text().strip(), self.on.required_date())


class UnlockDialog(FormDialog):
    """Why a verified entry must change; the reason is kept with the entry's history."""

    def __init__(
        self,
        entry: WorkEntry,
        unlock: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Unlock verified entry",
            f"The entry of {entry.start.isoformat()} ({fmt_number(entry.hours)} h) was verified "
            f"by {entry.verified_by}. Unlocking removes the sign-off so it can be changed; the "
            "reason you give is recorded. Ask for a new sign-off afterwards.",
            parent,
        )
        self._unlock = unlock
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. hours were entered for the wrong day")
        self.add_field("reason", "Reason", self.reason)
        self.finish("Unlock")

    def act(self) -> None:
        self._unlock(_require(self.reason.text(), "reason", "reason for unlocking"))
