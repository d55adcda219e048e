"""The first-run wizard: a plan in a few steps, or the sample plan; skippable and reopenable.

On a new user's empty database Finish stores the whole plan in one transaction through
`plan.apply_setup`: all of it or, when refused, nothing. Reopened over an existing plan, it
adds to it record by record, dropping each record from the wizard once stored, so pressing
Finish again never stores anything twice.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Plan
from careerplanner.ui.common.widgets import FieldError, muted
from careerplanner.ui.wizard.wizard_goals import GoalsPage
from careerplanner.ui.wizard.wizard_lists import BacklogPage, DegreesPage, LicensesPage
from careerplanner.ui.wizard.wizard_pages import AboutPage, PacePage
from careerplanner.ui.wizard.wizard_work import WorkPage

if TYPE_CHECKING:
    from careerplanner.services import Services

STEPS = (
    "Welcome",
    "About you",
    "Degrees",
    "Licenses",
    "Hours worked",
    "How you work",
    "Continuing education",
    "Goals",
)


class WelcomePage(QWizardPage):
    def __init__(self, wizard: SetupWizard, can_load_sample: bool) -> None:
        super().__init__()
        self.setTitle("Welcome to CareerPlanner")
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "A few questions about your field, education, licenses and the hours you have "
                "already worked let CareerPlanner show which certifications you can apply for "
                "and when you will qualify for the others.\n\n"
                "Everything stays on this computer. You can skip any step and change it later."
            )
        )
        self.sample = QPushButton("Try with sample data")
        self.sample.setEnabled(can_load_sample)
        self.sample.clicked.connect(wizard.load_sample)
        layout.addSpacing(12)
        row = QHBoxLayout()
        row.addWidget(self.sample)
        row.addStretch(1)
        layout.addLayout(row)
        hint = "Look around with the plan of Jordan, a nurse moving into case management."
        if not can_load_sample:
            hint = "The sample plan can only be loaded while your data is empty."
        layout.addWidget(muted(hint))
        self.error = FieldError()
        layout.addWidget(self.error)
        layout.addStretch(1)


class StepList(QLabel):
    """The step indicator beside the pages: every step, the current one in bold."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)  # owned by the wizard from the start, as its side widget is
        self.setObjectName("wizardSteps")
        self.setMinimumWidth(190)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setContentsMargins(12, 16, 12, 8)
        self.show_step(0)

    def show_step(self, index: int) -> None:
        rows = [
            f"<b>{i + 1}. {name}</b>" if i == index else f"{i + 1}. {name}"
            for i, name in enumerate(STEPS)
        ]
        self.setText(f"Step {index + 1} of {len(STEPS)}<br><br>" + "<br>".join(rows))
        self.setAccessibleName(f"Step {index + 1} of {len(STEPS)}: {STEPS[index]}")


class SetupWizard(QWizard):
    """Collects a plan over several pages and saves it all through services on Finish."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.saved = False
        self.period_stored = False
        self.setWindowTitle("Set up CareerPlanner")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.CancelButton, "Skip for now")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(900, 640)
        today: date = services.today()
        plan = services.plan.snapshot()
        self.welcome = WelcomePage(self, services.plan.is_empty())
        self.about = AboutPage()
        self.degrees = DegreesPage()
        self.licenses = LicensesPage(today)
        self.backlog = BacklogPage(today)
        self.work = WorkPage(services.today, len(plan.work_periods))
        self.pace = PacePage()
        existing = {g.cert_id for g in plan.goals}
        certifications = services.catalog.certifications
        self.goals = GoalsPage(certifications, existing, self.about.track, self.commit)
        first: tuple[QWizardPage, ...] = (self.welcome, self.about, self.degrees, self.licenses)
        for page in (*first, self.backlog, self.work, self.pace, self.goals):
            self.addPage(page)
        # Gone once finished: a wizard kept (hidden) makes a later theme switch crash in Qt.
        self.finished.connect(self.deleteLater)
        self.steps = StepList(self)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(self._show_step)  # a method: no lambda holding self
        self._prefill(plan)

    def _show_step(self, page_id: int) -> None:
        ids = self.pageIds()
        self.steps.show_step(ids.index(page_id) if page_id in ids else 0)

    def _prefill(self, plan: Plan) -> None:
        profile = plan.profile
        self.about.name.setText(profile.name)
        self.about.tracks.button(list(type(profile.track)).index(profile.track)).setChecked(True)
        self.about.state.setCurrentIndex(max(0, self.about.state.findData(profile.state)))
        if profile.weekly_hours:
            self.work.form.weekly.setText(f"{profile.weekly_hours:g}")
        self.pace.ce.setText(f"{profile.ce_hours_per_year:g}")

    def load_sample(self) -> None:
        try:
            self.services.plan.load_demo()
        except ValidationError as error:
            self.welcome.error.show_error(error.message)
            return
        self.accept()

    def plan(self) -> Plan:
        """Everything the pages hold, as one plan; ValidationError for a bad field."""
        period = None if self.period_stored else self.work.period()
        profile = replace(
            self.services.profile.get(),
            name=self.about.name.text(),
            track=self.about.track(),
            state=self.about.state.currentData(),
            ce_hours_per_year=self.pace.value(),
        )
        if period is not None:
            profile = replace(profile, weekly_hours=period.weekly_hours)
        return Plan(
            profile=profile,
            degrees=tuple(self.degrees.items),
            licenses=tuple(self.licenses.items),
            entries=tuple(self.backlog.items),
            work_periods=() if period is None else (period,),
            goals=tuple(self.goals.goals()),
        )

    def commit(self) -> bool:
        """Save everything; False (with the reason shown) if refused."""
        self.goals.error.clear_error()
        if self.saved:
            return True
        try:
            plan = self.plan()
            if self.services.plan.is_empty():
                self.services.plan.apply_setup(plan)
            else:
                self._add_to_existing(plan)
        except ValidationError as error:
            self.goals.error.show_error(f"Not saved: {error.message}")
            return False
        self.saved = True
        return True

    def _add_to_existing(self, plan: Plan) -> None:
        """Over a plan that already holds records: check it all, then store each part once."""
        current = self.services.plan.snapshot()
        self.services.plan.validate(
            replace(
                plan,
                entries=(*current.entries, *plan.entries),
                work_periods=current.work_periods + plan.work_periods,
                goals=current.goals + plan.goals,
            )
        )
        self.services.profile.update(plan.profile)
        for page, store in (
            (self.degrees, self.services.education.add_degree),
            (self.licenses, self.services.education.add_license),
        ):
            while page.items:
                store(page.items[0])
                page.items.pop(0)
                page.list.takeItem(0)
        if self.backlog.items:
            self.services.hours.add_many(list(self.backlog.items))
            self.backlog.items.clear()
            self.backlog.list.clear()
        for period in plan.work_periods:
            self.services.work.add(period)
            self.period_stored = True
        for goal in plan.goals:
            self.services.goals.add(goal)
            self.goals.checks[goal.cert_id].setEnabled(False)


__all__ = ["SetupWizard"]
