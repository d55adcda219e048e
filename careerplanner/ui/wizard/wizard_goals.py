"""The wizard's goals page: a checkbox and a target date per certification, with a word on
the ones that do not fit the user's track; saving happens on Finish."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWizardPage

from careerplanner.domain.catalog import Certification
from careerplanner.domain.fit import track_mismatch
from careerplanner.domain.model import Goal, Track
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import FieldError, muted


class GoalsPage(QWizardPage):
    """Finish runs `commit`; the page stays open with the reason when it is refused."""

    def __init__(
        self,
        certifications: Iterable[Certification],
        existing: set[str],
        track: Callable[[], Track],
        commit: Callable[[], bool],
    ) -> None:
        super().__init__()
        self.track = track
        self.commit = commit
        self.setTitle("What are you aiming for?")
        self.setSubTitle("Pick the certifications to track. A target date is optional.")
        self.certifications = tuple(certifications)
        self.checks: dict[str, QCheckBox] = {}
        self.targets: dict[str, DateField] = {}
        self.fits: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.addWidget(muted("Target date"), 0, 1)
        for index, cert in enumerate(self.certifications):
            self._add_row(grid, 1 + 2 * index, cert, cert.id in existing)
        grid.setColumnStretch(0, 1)
        self.error = FieldError()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _add_row(self, grid: QGridLayout, row: int, cert: Certification, held: bool) -> None:
        check = QCheckBox(f"{cert.id} — {cert.name}")
        target = DateField(field="Target date")
        target.setAccessibleName(f"Target date for {cert.id}")
        fit = muted()
        fit.setContentsMargins(22, 0, 0, 4)  # under the checkbox's text
        fit.hide()
        if held:
            check.setChecked(True)
            check.setEnabled(False)
            check.setToolTip("Already one of your goals")
            target.setEnabled(False)
        self.checks[cert.id] = check
        self.targets[cert.id] = target
        self.fits[cert.id] = fit
        grid.addWidget(check, row, 0)
        grid.addWidget(target, row, 1)
        grid.addWidget(fit, row + 1, 0, 1, 2)

    def initializePage(self) -> None:
        """Say which certifications do not fit the track chosen on "About you"."""
        track = self.track()
        for cert in self.certifications:
            reason = track_mismatch(cert, track)
            label = self.fits[cert.id]
            label.setText(f"{reason[:1].upper()}{reason[1:]}." if reason else "")
            label.setVisible(reason is not None)

    def goals(self) -> list[Goal]:
        return [
            Goal(cert_id, target=self.targets[cert_id].date())
            for cert_id, check in self.checks.items()
            if check.isChecked() and check.isEnabled()
        ]

    def validatePage(self) -> bool:
        return self.commit()
