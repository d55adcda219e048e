"""The Certifications page: all six credentials, where you stand on each, and your goals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.dates import add_years
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Goal, GoalStatus
from careerplanner.domain.pace import pace
from careerplanner.domain.results import CertificationResult
from careerplanner.services.bus import PLAN_INPUTS
from careerplanner.ui.certifications.certification_detail import CertificationDetail
from careerplanner.ui.certifications.status_icons import (
    BLOCKED,
    DESCRIPTIONS,
    EARNED,
    ELIGIBLE,
    PROJECTED,
    status_icon,
)
from careerplanner.ui.common import deleting
from careerplanner.ui.common.date_field import DateField
from careerplanner.ui.common.widgets import (
    Card,
    FieldError,
    clear_on_edit,
    format_date,
    heading,
    muted,
)
from careerplanner.ui.hours.page import today_of
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services

GOAL_STEPS = {
    GoalStatus.PLANNING: "Planning",
    GoalStatus.APPLIED: "Applied",
    GoalStatus.EXAM_SCHEDULED: "Exam scheduled",
    GoalStatus.EARNED: "Earned",
}


def list_status(result: CertificationResult, goal: Goal | None) -> str:
    """Which status icon the list shows for a certification."""
    if goal is not None and goal.status is GoalStatus.EARNED:
        return EARNED
    if result.eligible:
        return ELIGIBLE
    return PROJECTED if result.projected_date is not None else BLOCKED


def list_caption(result: CertificationResult, goal: Goal | None) -> str:
    kind = list_status(result, goal)
    state = {EARNED: "earned", ELIGIBLE: "eligible now", BLOCKED: "not yet reachable"}.get(kind)
    if state is None and result.projected_date is not None:
        state = f"from {result.projected_date:%b %Y}"
    star = "★ " if goal is not None else ""
    return f"{star}{result.id} — {state}"


def pace_text(result: CertificationResult, goal: Goal) -> str:
    """On track or behind against the target date."""
    verdict = pace(goal, result)
    if verdict.on_track is None:
        return ""
    if verdict.on_track:
        return f"On track for your target of {format_date(verdict.target)}."
    late = verdict.months_late
    if late is None:
        return "Behind: not reachable by your target with the current plan."
    return f"Behind: about {late} month{'s' if late != 1 else ''} after your target."


class GoalBox(Card):
    """Add the certification as a goal, or move its status along and record the dates."""

    def __init__(self, page: CertificationsPage) -> None:
        super().__init__("Your goal")
        self.page = page
        self.goal: Goal | None = None
        self.cert_id = ""
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QComboBox()
        for status, text in GOAL_STEPS.items():
            self.status.addItem(text, status.value)
        self.target = DateField(field="Target date", key="target", today=page.today)
        self.earned = DateField(field="Earned on", key="earned", today=page.today)
        self.expires = DateField(field="Expires", key="expires", today=page.today)
        self.save_button = QPushButton("Add as goal")
        self.remove_button = QPushButton("Remove goal")
        self.error = FieldError(self)
        form = QFormLayout()
        form.addRow("Status", self.status)
        form.addRow("Target date", self.target)
        form.addRow("Earned on", self.earned)
        form.addRow("Expires", self.expires)
        self.body.addWidget(self.summary)
        self.body.addLayout(form)
        self.body.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        for widget in (self.status, self.target, self.earned, self.expires):
            clear_on_edit(self.error, widget)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)

    def show_goal(self, cert_id: str, goal: Goal | None, result: CertificationResult) -> None:
        self.cert_id, self.goal = cert_id, goal
        self.error.clear_error()
        if goal is None:
            self.summary.setText("Not one of your goals yet. Pick a target date and add it.")
        else:
            step = GOAL_STEPS[goal.status]
            self.summary.setText(f"Status: <b>{step}</b>. {pace_text(result, goal)}")
        self.status.setCurrentIndex(
            max(0, self.status.findData((goal or Goal(cert_id)).status.value))
        )
        self.target.set_date(goal.target if goal else None)
        self.earned.set_date(goal.earned_on if goal else None)
        self.expires.set_date(goal.expires_on if goal else None)
        self.save_button.setText("Add as goal" if goal is None else "Save goal")
        self.remove_button.setVisible(goal is not None)
        self._status_changed()

    def _status_changed(self, *_args: object) -> None:
        earned = self.status.currentData() == GoalStatus.EARNED.value
        self.earned.setEnabled(earned)
        self.expires.setEnabled(earned)
        if earned and not self.earned.text().strip():
            today = self.page.today()
            self.earned.set_date(today)
            years = self.page.renewal_years(self.cert_id)
            if years and not self.expires.text().strip():
                self.expires.set_date(add_years(today, years))

    def value(self) -> Goal:
        status = GoalStatus(self.status.currentData())
        earned = status is GoalStatus.EARNED
        base = self.goal or Goal(self.cert_id)
        return replace(
            base,
            status=status,
            target=self.target.date(),
            earned_on=self.earned.date() if earned else None,
            expires_on=self.expires.date() if earned else None,
        )

    def save(self) -> None:
        try:
            goal = self.value()
            if goal.status is GoalStatus.EARNED and goal.earned_on is None:
                self.error.show_error("Choose the date you earned it")
                return
            self.page.save_goal(goal)
        except ValidationError as error:
            self.error.show_error(error.message)

    def remove(self) -> None:
        question = f"Remove {self.cert_id} from your goals?"
        if self.goal is not None and self.page.confirm(question):
            self.page.remove_goal(self.goal)


class CertificationsPage(Page):
    """Pick a certification on the left; the right explains it and where you stand."""

    kinds = PLAN_INPUTS
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None, **_kw: object) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today_of(services)
        self.results: dict[str, CertificationResult] = {}
        self.goals: dict[str, Goal] = {}
        self.weekly = 0.0
        self.confirm: Callable[[str], bool] = lambda q: deleting.ask(self, q, deleting.FINAL)
        self.list = QListWidget()
        self.list.setObjectName("certificationList")
        self.list.setFixedWidth(250)
        self.list.setAccessibleName("Certifications")
        self.detail = CertificationDetail()
        self.goal_box = GoalBox(self)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(20, 8, 24, 20)
        holder_layout.addWidget(self.detail)
        self.scroll_area.setWidget(holder)
        self._build_layout()
        self.list.currentRowChanged.connect(self._show_current)
        self.refresh()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading("Certifications"))
        intro = muted("The six credentials of the field: pick one to see what it takes and "
                      "where you stand.")  # fmt: skip
        intro.setContentsMargins(0, 0, 24, 0)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.list)
        row.addWidget(self.scroll_area, 1)
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        eligibility = self.services.plan.eligibility()
        self.weekly = eligibility.weekly_hours
        self.results = {r.id: r for r in eligibility.certifications}
        self.goals = {g.cert_id: g for g in self.services.goals.list()}
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for cert in self.services.catalog.certifications:
            result = self.results[cert.id]
            goal = self.goals.get(cert.id)
            kind = list_status(result, goal)
            item = QListWidgetItem(status_icon(kind), list_caption(result, goal))
            item.setData(Qt.ItemDataRole.UserRole, cert.id)
            item.setToolTip(f"{cert.name}: {DESCRIPTIONS[kind].lower()}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.services.catalog.certifications]
        self.list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._show_current()

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select(self, cert_id: str) -> None:
        ids = [c.id for c in self.services.catalog.certifications]
        self.list.setCurrentRow(ids.index(cert_id))

    def _show_current(self, *_args: object) -> None:
        cert_id = self.current_id()
        if not cert_id or cert_id not in self.results:
            return
        cert = self.services.catalog.get(cert_id)
        result = self.results[cert_id]
        self.goal_box.show_goal(cert_id, self.goals.get(cert_id), result)
        self.detail.show_result(cert, result, self.today(), self.weekly, self.goal_box)
        self.scroll_area.verticalScrollBar().setValue(0)  # a new certification starts at its title

    def renewal_years(self, cert_id: str) -> int:
        return int(self.services.catalog.get(cert_id).renewal.years) if cert_id else 0

    def save_goal(self, goal: Goal) -> None:
        """Add or update a goal (raises ValidationError when refused)."""
        before = goal.id
        if goal.id == 0:
            self.services.goals.add(goal)
        else:
            self.services.goals.update(goal)
        self.refresh()
        self.status_message.emit(f"Goal {goal.cert_id} {'added' if before == 0 else 'saved'}")

    def remove_goal(self, goal: Goal) -> None:
        self.services.goals.remove(goal.id)
        self.refresh()
        self.status_message.emit(f"Goal {goal.cert_id} removed")

    def today_date(self) -> date:
        return self.today()
