"""The Overview page: where the user stands today and what comes next, at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import in_sentence
from careerplanner.domain.model import Plan
from careerplanner.domain.reminders import HORIZON_DAYS
from careerplanner.domain.results import Eligibility
from careerplanner.domain.timeline import countable_on
from careerplanner.services.bus import PLAN_INPUTS, ChangeKind
from careerplanner.ui.common.widgets import (
    Card,
    describe_distance,
    format_date,
    format_hours,
    heading,
    muted,
)
from careerplanner.ui.overview.overview_cards import (
    GoalCard,
    StatTile,
    deadlines,
    focus_requirement,
    greeting,
    has_records,
    hours_between,
    milestone_note,
    milestones,
    no_milestone_text,
    open_goals,
    tile_row,
)
from careerplanner.ui.overview.reminders_card import RemindersCard
from careerplanner.ui.pages import Page

if TYPE_CHECKING:
    from careerplanner.services import Services


class OverviewPage(Page):
    """Next milestone, hours tiles, a card per goal and upcoming deadlines."""

    kinds = PLAN_INPUTS | {ChangeKind.REMINDERS}
    navigate_requested = Signal(str)
    setup_requested = Signal()
    status_message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.goal_cards: list[GoalCard] = []
        self._shown: _Shown | None = None
        self.title = QLabel()
        # A returning user opens the app on a plan they made before; a new one fills it now.
        self.returning = not services.plan.is_empty()
        self.refresh()

    def today(self) -> date:
        return self.services.today()

    def refresh(self) -> None:
        """Show the plan as it is now: new figures in the same widgets when the page keeps its
        sections (after logging hours, say), else the page built again."""
        plan = self.services.plan.snapshot()
        today = self.today()
        if not has_records(plan):
            self._build(plan, today, None)
            return
        eligibility = self.services.plan.eligibility(today)
        if not self._update(plan, eligibility, today):
            self._build(plan, today, eligibility)

    def _build(self, plan: Plan, today: date, eligibility: Eligibility | None) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 22, 28, 22)
        column.setSpacing(16)
        self.title = heading(greeting(plan, self.returning))
        column.addWidget(self.title)
        self.goal_cards = []
        self._shown = None
        if eligibility is None:
            column.addWidget(self._welcome())
        else:
            parts = _Shown(
                _page_shape(plan, today),
                self._next_milestone(plan, eligibility, today),
                self._hours_tiles(plan, eligibility, today),
                RemindersCard(self.services),  # what is due within 90 days
                self._later_deadlines(plan, today),
            )
            column.addWidget(parts.milestone)
            column.addLayout(tile_row(list(parts.tiles)))
            column.addWidget(parts.reminders)
            column.addWidget(heading("Your goals", level=2))
            column.addLayout(self._goals(plan, eligibility, today))
            if parts.later is not None:
                column.addWidget(parts.later)
            self._shown = parts
        column.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(content)
        if old is not None:
            old.deleteLater()

    def _update(self, plan: Plan, eligibility: Eligibility, today: date) -> bool:
        """New figures in the shown widgets; False when the page's sections differ."""
        shown = self._shown
        if shown is None or shown.shape != _page_shape(plan, today):
            return False
        cards = zip(self.goal_cards, plan.goals, strict=True)
        if not all(c.update_figures(g, eligibility.get(g.cert_id), today) for c, g in cards):
            return False
        self.title.setText(greeting(plan, self.returning))
        shown.milestone = _replace(shown.milestone, self._next_milestone(plan, eligibility, today))
        figures = self._hours(plan, eligibility, today)
        for tile, (value, note) in zip(shown.tiles, figures, strict=True):
            tile.show_value(value, note)
        shown.reminders.refresh()
        later = self._later_deadlines(plan, today)
        if shown.later is not None and later is not None:
            shown.later = _replace(shown.later, later)
        return True

    # --- sections ---------------------------------------------------------------------------
    def _welcome(self) -> Card:
        card = Card("Welcome to CareerPlanner")
        card.body.addWidget(
            muted(
                "CareerPlanner keeps your hours, degrees, licenses and continuing education on "
                "this computer, tells you which case-management certifications you qualify for "
                "and why, and projects when you will reach the rest.\n\n"
                "Start by telling it a little about yourself — it takes about two minutes — or "
                "look around with a sample plan first."
            )
        )
        setup = QPushButton("Set up my plan…")
        setup.setDefault(True)
        setup.clicked.connect(self.setup_requested.emit)
        sample = QPushButton("Try with sample data")
        sample.clicked.connect(self.load_sample)
        card.body.addLayout(_button_row(setup, sample))
        return card

    def load_sample(self) -> None:
        try:
            self.services.plan.load_demo()
        except ValidationError as error:
            self.status_message.emit(error.message)

    def _next_milestone(self, plan: Plan, eligibility: Eligibility, today: date) -> Card:
        card = Card("Next milestone")
        upcoming = milestones(plan, eligibility, today)
        if not upcoming:
            card.body.addWidget(muted(no_milestone_text(plan, eligibility)))
            return card
        first = upcoming[0]
        when = "" if first.day == today else f" — {format_date(first.day)}"
        text = QLabel(first.text + when)
        font = text.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        text.setFont(font)
        text.setWordWrap(True)
        card.body.addWidget(text)
        note = milestone_note(upcoming, today)
        if note:
            card.body.addWidget(muted(note))
        return card

    def _hours_tiles(self, plan: Plan, eligibility: Eligibility, today: date) -> list[StatTile]:
        captions = ("This week", "This month", "In total")
        figures = self._hours(plan, eligibility, today)
        return [StatTile(c, v, n) for c, (v, n) in zip(captions, figures, strict=True)]

    def _hours(self, plan: Plan, eligibility: Eligibility, today: date) -> list[tuple[str, str]]:
        """The hours this week, this month and in total, each with its note."""
        week_start = today - timedelta(days=today.weekday())
        month_start = today.replace(day=1)
        goals = open_goals(plan)
        focus = focus_requirement(eligibility.get(goals[0].cert_id)) if goals else None
        if focus is None:
            notes = ["hours logged (add a goal to see which count)"] * 3
            values = [
                hours_between(plan, start, today) for start in (week_start, month_start, date.min)
            ]
        else:
            short = f"countable toward {goals[0].cert_id}"
            notes = [short, short, f"{short}: {in_sentence(focus.label)}"]
            cert = self.services.catalog.get(goals[0].cert_id)
            days = [week_start - timedelta(days=1), month_start - timedelta(days=1)]
            before = countable_on(plan, cert, focus.id, eligibility, days)
            values = [max(0.0, focus.current - b) for b in before] + [focus.current]
        return [(format_hours(v), n) for v, n in zip(values, notes, strict=True)]

    def _goals(self, plan: Plan, eligibility: Eligibility, today: date) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        if not plan.goals:
            card = Card()
            card.body.addWidget(
                muted(
                    "No goals yet. Pick the certifications you are aiming "
                    "for and CareerPlanner tracks your progress toward each."
                )
            )
            choose = QPushButton("Choose certifications…")
            choose.clicked.connect(lambda: self.navigate_requested.emit("certifications"))
            card.body.addLayout(_button_row(choose))
            grid.addWidget(card, 0, 0)
            return grid
        for index, goal in enumerate(plan.goals):
            card = GoalCard(goal, eligibility.get(goal.cert_id), today)
            self.goal_cards.append(card)
            grid.addWidget(card, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _later_deadlines(self, plan: Plan, today: date) -> Card | None:
        """Expiries beyond the reminders' 90 days and within six months; None when none."""
        later = [m for m in deadlines(plan, today) if (m.day - today).days > HORIZON_DAYS]
        if not later:
            return None
        card = Card("Later deadlines")
        for item in later:
            when = describe_distance(today, item.day)
            label = QLabel(f"{item.text} — {format_date(item.day)} ({when})")
            label.setObjectName("warn")
            label.setWordWrap(True)
            card.body.addWidget(label)
        return card


W = TypeVar("W", bound=QWidget)


@dataclass
class _Shown:
    """The widgets of a shown plan that `refresh` updates in place."""

    shape: tuple[object, ...]
    milestone: Card
    tiles: list[StatTile]
    reminders: RemindersCard
    later: Card | None


def _page_shape(plan: Plan, today: date) -> tuple[object, ...]:
    """What decides the page's sections: the goals (a card each) and any later deadlines."""
    later = any((m.day - today).days > HORIZON_DAYS for m in deadlines(plan, today))
    return (tuple((g.cert_id, g.status) for g in plan.goals), later)


def _replace(old: W, new: W) -> W:
    """Put `new` where `old` is in its layout."""
    parent = old.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        layout.replaceWidget(old, new)
    new.show()
    old.hide()
    old.deleteLater()
    return new


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
