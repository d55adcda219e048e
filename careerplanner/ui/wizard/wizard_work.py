"""The wizard's "How you work" page: the job held now or next; it becomes the first period
of planned work, which the projection counts hours from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWizardPage

from careerplanner.domain.defaults import DEFAULT_WEEKLY_HOURS
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkPeriod
from careerplanner.ui.common.widgets import FieldError, muted
from careerplanner.ui.education.work_form import WorkPeriodForm, blank_period

NOW, NEXT, BETWEEN, KEEP = 0, 1, 2, 3
CHOICES = {
    NOW: "I work there now",
    NEXT: "I start there on a date (a new job)",
    BETWEEN: "I am between jobs and have nothing planned yet",
    KEEP: "Keep my planned work as it is",
}
DATE_CAPTIONS = {NOW: "&Since", NEXT: "&Starting on", BETWEEN: "&From", KEEP: "&From"}


class WorkPage(QWizardPage):
    """`period()` is the work described, or None for someone between jobs."""

    def __init__(self, today: Callable[[], date], planned: int = 0) -> None:
        """`planned`: how many periods the plan holds already (reopened over a plan)."""
        super().__init__()
        self.setTitle("How you work")
        self.setSubTitle(
            "Where do you work now, or where will you work next? Projections count the hours "
            "of this work from tomorrow on; add later jobs or a leave under Planned work."
        )
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for key, text in CHOICES.items():
            if key == KEEP and not planned:
                continue
            button = QRadioButton(text)
            self.choices.addButton(button, key)
            layout.addWidget(button)
        first = KEEP if planned else NOW
        self.choices.button(first).setChecked(True)
        self.form = WorkPeriodForm(blank_period(today()), today, with_until=False)
        self.between_note = muted(
            f"With no work planned, projections assume {DEFAULT_WEEKLY_HOURS:g} h a week like "
            "your latest logged hours (unsupervised case management when there are none). "
            "Add your next job under Education & Licenses → Planned work when you know it."
        )
        self.error = FieldError()
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addWidget(self.between_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.choices.idToggled.connect(self._choice_changed)
        self._choice_changed(first, True)

    def choice(self) -> int:
        return self.choices.checkedId()

    def _choice_changed(self, key: int, checked: bool) -> None:
        if not checked:
            return
        self.form.setEnabled(key in (NOW, NEXT))
        self.between_note.setVisible(key == BETWEEN)
        caption = self.form.form.labelForField(self.form.start)
        if caption is not None:
            caption.setText(DATE_CAPTIONS[key])  # type: ignore[attr-defined]

    def period(self) -> WorkPeriod | None:
        """The period described; ValidationError in the user's words for a bad field."""
        return self.form.period() if self.choice() in (NOW, NEXT) else None

    def validatePage(self) -> bool:
        self.error.clear_error()
        try:
            self.period()
        except ValidationError as error:
            self.error.show_error(error.message)
            return False
        return True
