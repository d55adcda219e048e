"""The first-run wizard: a plan in a few steps, or the sample plan; skippable and reopenable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from careerplanner.domain.catalog import Certification
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Goal, Plan
from careerplanner.ui.widgets import FieldError, OptionalDateEdit, muted
from careerplanner.ui.wizard_pages import (
    AboutPage,
    BacklogPage,
    DegreesPage,
    LicensesPage,
    PacePage,
)

if TYPE_CHECKING:
    from careerplanner.services import Services


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


class GoalsPage(QWizardPage):
    """A checkbox and an optional target date per certification; saving happens on Finish."""

    def __init__(
        self, wizard: SetupWizard, certifications: Sequence[Certification], existing: set[str]
    ) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle("What are you aiming for?")
        self.setSubTitle("Pick the certifications to track. A target date is optional.")
        self.checks: dict[str, QCheckBox] = {}
        self.targets: dict[str, OptionalDateEdit] = {}
        grid = QGridLayout()
        grid.addWidget(muted("Target date"), 0, 1)
        for row, cert in enumerate(certifications, start=1):
            check = QCheckBox(f"{cert.id} — {cert.name}")
            target = OptionalDateEdit()
            if cert.id in existing:
                check.setChecked(True)
                check.setEnabled(False)
                check.setToolTip("Already one of your goals")
                target.setEnabled(False)
            self.checks[cert.id] = check
            self.targets[cert.id] = target
            target.setAccessibleName(f"Target date for {cert.id}")
            grid.addWidget(check, row, 0)
            grid.addWidget(target, row, 1)
        self.error = FieldError()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def goals(self) -> list[Goal]:
        return [
            Goal(cert_id, target=self.targets[cert_id].value())
            for cert_id, check in self.checks.items()
            if check.isChecked() and check.isEnabled()
        ]

    def validatePage(self) -> bool:
        return self.wizard_.commit()


class SetupWizard(QWizard):
    """Collects a plan over several pages and saves it all through services on Finish."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Set up CareerPlanner")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setButtonText(QWizard.WizardButton.CancelButton, "Skip for now")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(760, 600)
        today: date = services.today()
        plan = services.plan.snapshot()
        self.welcome = WelcomePage(self, services.plan.is_empty())
        self.about = AboutPage()
        self.degrees = DegreesPage()
        self.licenses = LicensesPage(today)
        self.backlog = BacklogPage(today)
        self.pace = PacePage()
        existing = {g.cert_id for g in plan.goals}
        self.goals = GoalsPage(self, services.catalog.certifications, existing)
        pages: tuple[QWizardPage, ...] = (self.welcome, self.about, self.degrees, self.licenses)
        for page in (*pages, self.backlog, self.pace, self.goals):
            self.addPage(page)
        self._prefill(plan)

    def _prefill(self, plan: Plan) -> None:
        profile = plan.profile
        self.about.name.setText(profile.name)
        self.about.tracks.button(list(type(profile.track)).index(profile.track)).setChecked(True)
        self.about.state.setCurrentIndex(max(0, self.about.state.findData(profile.state)))
        if profile.weekly_hours:
            self.pace.weekly.setText(f"{profile.weekly_hours:g}")
        if profile.ce_hours_per_year:
            self.pace.ce.setText(f"{profile.ce_hours_per_year:g}")

    def load_sample(self) -> None:
        try:
            self.services.plan.load_demo()
        except ValidationError as error:
            self.welcome.error.show_error(error.message)
            return
        self.accept()

    def commit(self) -> bool:
        """Save everything in the order least likely to leave half a plan; False if refused."""
        self.goals.error.clear_error()
        try:
            weekly, ce = self.pace.values()
            profile = replace(
                self.services.profile.get(),
                name=self.about.name.text(),
                track=self.about.track(),
                state=self.about.state.currentData(),
                weekly_hours=weekly,
                ce_hours_per_year=ce,
            )
            if self.backlog.items:
                self.services.hours.add_many(list(self.backlog.items))
            self.services.profile.update(profile)
            for degree in self.degrees.items:
                self.services.education.add_degree(degree)
            for lic in self.licenses.items:
                self.services.education.add_license(lic)
            for goal in self.goals.goals():
                self.services.goals.add(goal)
        except ValidationError as error:
            self.goals.error.show_error(f"Not saved: {error.message}")
            return False
        self.degrees.items.clear()
        self.licenses.items.clear()
        self.backlog.items.clear()
        return True


__all__ = ["SetupWizard"]
