"""What the Overview says: next milestone, hours per period, deadlines, and a card per goal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from careerplanner.domain.labels import capitalized, degree_name, in_sentence
from careerplanner.domain.model import DegreeStatus, Goal, GoalStatus, Plan
from careerplanner.domain.pace import pace
from careerplanner.domain.results import CertificationResult, Eligibility, RequirementResult
from careerplanner.ui.common.widgets import (
    Card,
    bar_value,
    describe_distance,
    format_date,
    format_hours,
    muted,
    progress_bar,
)

DEADLINE_DAYS = 180


@dataclass(frozen=True, slots=True)
class Milestone:
    day: date
    text: str


def hours_between(plan: Plan, first: date, last: date) -> float:
    """Logged hours on days first..last, spreading each span's hours evenly over its days."""
    import numpy as np

    from careerplanner.domain.encoding import plan_columns

    enc = plan_columns(plan)
    start = np.maximum(enc.start, first.toordinal())
    end = np.minimum(enc.end, last.toordinal())
    days = np.maximum(end - start + 1, 0)
    return float(np.sum(enc.hours * days / (enc.end - enc.start + 1)))


def focus_requirement(result: CertificationResult) -> RequirementResult | None:
    """The hours requirement of a certification that is furthest along."""
    hours = [r for r in result.requirements if r.kind == "hours" and r.required > 0]
    return max(hours, key=lambda r: r.current / r.required, default=None)


def has_records(plan: Plan) -> bool:
    """True once the plan holds anything beyond a profile (a skipped wizard stores only that)."""
    parts = (plan.degrees, plan.licenses, plan.exams, plan.entries, plan.ce, plan.goals)
    return any(parts) or bool(plan.work_periods)


def greeting(plan: Plan, returning: bool) -> str:
    """ "Welcome back, Maya" for a returning user, "Welcome, Maya" on the first day."""
    name = plan.profile.name.strip()
    if not name:
        return "Overview"
    first = name.split()[0]
    return f"Welcome back, {first}" if returning else f"Welcome, {first}"


def no_milestone_text(plan: Plan, eligibility: Eligibility) -> str:
    """Why no date lies ahead: no goals yet, or what stops the first goal being reached."""
    goals = open_goals(plan)
    if not goals:
        return (
            "Nothing planned yet. Add a goal on the Certifications page to see when you will "
            "qualify."
        )
    blocked = [eligibility.get(g.cert_id) for g in goals]
    reasons = [f"{r.id}: {r.blocking}" for r in blocked if r.blocking]
    text = "None of your goals can be reached with the plan as it stands."
    if reasons:
        text += " " + "; ".join(reasons[:2]) + "."
    return text + " Planned work, degrees and licenses on Education & Licenses change this."


def open_goals(plan: Plan) -> list[Goal]:
    return [g for g in plan.goals if g.status != GoalStatus.EARNED]


def milestones(plan: Plan, eligibility: Eligibility, today: date) -> list[Milestone]:
    """Dated events from today on: eligibility, target dates, degrees, expiries; soonest first."""
    found: list[Milestone] = []
    for goal in open_goals(plan):
        result = eligibility.get(goal.cert_id)
        if result.eligible:
            found.append(Milestone(today, f"You can apply for {result.id} now"))
        elif result.projected_date:
            found.append(Milestone(result.projected_date, f"Eligible for {result.id}"))
        if goal.target and goal.target >= today:
            found.append(Milestone(goal.target, f"Your target date for {goal.cert_id}"))
    for degree in plan.degrees:
        if degree.status != DegreeStatus.COMPLETED and degree.end and degree.end >= today:
            found.append(Milestone(degree.end, f"Finish your {in_sentence(degree_name(degree))}"))
    found += [m for m in deadlines(plan, today) if m.day >= today]
    return sorted(found, key=lambda m: m.day)


def milestone_note(upcoming: Sequence[Milestone], today: date) -> str:
    """What follows the next milestone: how far off it is, what else is possible today, and
    the two milestones after it."""
    first, rest = upcoming[0], upcoming[1:]
    also = [in_sentence(m.text) for m in rest if m.day == first.day == today]
    after = [m for m in rest if m.day > today or first.day > today][:2]
    later = [f"{in_sentence(m.text)} ({format_date(m.day)})" for m in after]
    note = "" if first.day == today else capitalized(describe_distance(today, first.day)) + "."
    if also:
        note += f" Also: {', and '.join(also)}."
    if later:
        note += f" After that: {', then '.join(later)}."
    return note.strip()


def deadlines(plan: Plan, today: date) -> list[Milestone]:
    """License and credential expiries within the next six months (or already passed)."""
    horizon = today + timedelta(days=DEADLINE_DAYS)
    found = []
    for lic in plan.licenses:
        if lic.expires and lic.expires <= horizon:
            where = f" ({lic.state})" if lic.state else ""
            verb = "expired" if lic.expires < today else "expires"
            found.append(Milestone(lic.expires, f"{lic.type.value} license{where} {verb}"))
    for goal in plan.goals:
        if goal.status == GoalStatus.EARNED and goal.expires_on and goal.expires_on <= horizon:
            found.append(Milestone(goal.expires_on, f"{goal.cert_id} certification renewal due"))
    return sorted(found, key=lambda m: m.day)


def status_text(goal: Goal, result: CertificationResult, today: date) -> tuple[str, str]:
    """On track / behind / eligible, and its tone (the theme's object names good, warn, bad)."""
    verdict = pace(goal, result)
    if result.eligible:
        return "Eligible now — you can apply", "good"
    if result.projected_date is None:
        return "Not reachable at your current pace", "bad"
    if goal.target is None:
        return f"Projected {format_date(result.projected_date)} (no target date set)", "warn"
    if verdict.on_track:
        return f"On track for your target of {format_date(goal.target)}", "good"
    late = verdict.months_late
    return f"Behind: about {late} month{'s' if late != 1 else ''} after your target", "bad"


def set_tone(label: QLabel, text: str, tone: str) -> None:
    """The label's text in the theme's colour for `tone` (restyled only when it changes)."""
    label.setText(text)
    if label.objectName() != tone:
        label.setObjectName(tone)
        repolish(label)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property its selectors read has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def requirement_text(req: RequirementResult) -> str:
    if req.kind == "credential":
        return "Done" if req.met else "Still needed"
    unit = {"years": "years", "hours": "h", "ce-hours": "CE h"}.get(req.unit, req.unit)
    text = f"{format_hours(req.current)} of {format_hours(req.required)} {unit}"
    if req.recorded is not None and req.recorded - req.current >= 0.5:
        text += f" ({format_hours(req.recorded)} logged)"
    return text


class GoalCard(Card):
    """One goal: status against its target, then a progress bar per requirement; `update`
    shows new figures in the same widgets while the card's lines stay the same."""

    def __init__(self, goal: Goal, result: CertificationResult, today: date) -> None:
        super().__init__(result.id if result.name == result.id else f"{result.id} — {result.name}")
        self.shape = _card_shape(goal, result)
        self.rows: list[tuple[QLabel, QProgressBar, QLabel]] = []
        earned = goal.status == GoalStatus.EARNED
        self.status = muted() if earned else QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.note = muted() if _note_kind(goal, result) else None
        if self.note is not None:
            self.body.addWidget(self.note)
        if not earned:
            self.body.addLayout(self._requirements(result))
        self.update_figures(goal, result, today)

    def update_figures(self, goal: Goal, result: CertificationResult, today: date) -> bool:
        """Show the goal's new figures; False (nothing changed) when its lines differ."""
        if _card_shape(goal, result) != self.shape:
            return False
        if goal.status == GoalStatus.EARNED:
            expiry = f", renew by {format_date(goal.expires_on)}" if goal.expires_on else ""
            self.status.setText(f"Earned {format_date(goal.earned_on)}{expiry}.")
            return True
        set_tone(self.status, *status_text(goal, result, today))
        if self.note is not None:
            self.note.setText(_note(goal, result, today))
        seen_groups: set[str] = set()
        for (label, bar, numbers), req in zip(self.rows, result.requirements, strict=True):
            prefix = "or " if req.group and req.group in seen_groups else ""
            if req.group:
                seen_groups.add(req.group)
            label.setText(("✓ " if req.met else "") + prefix + req.label)
            label.setToolTip(req.detail)
            bar.setValue(bar_value(req.current, req.required))
            if bar.property("met") != req.met:
                bar.setProperty("met", req.met)
                repolish(bar)
            numbers.setText(requirement_text(req))
        return True

    def _requirements(self, result: CertificationResult) -> QVBoxLayout:
        """Each requirement's text across the card's width, with its bar and numbers below it
        (beside them, a narrow column wrapped long requirements one word a line)."""
        column = QVBoxLayout()
        column.setSpacing(4)
        for _req in result.requirements:
            label = QLabel()
            label.setWordWrap(True)
            bar = progress_bar(0, 1)
            bar.setMinimumWidth(60)
            numbers = muted()
            row = QHBoxLayout()
            row.setSpacing(12)
            row.addWidget(bar, 1)
            row.addWidget(numbers, 1)
            column.addWidget(label)
            column.addLayout(row)
            column.addSpacing(4)
            self.rows.append((label, bar, numbers))
        return column


def _card_shape(goal: Goal, result: CertificationResult) -> tuple[object, ...]:
    """What decides a goal card's lines: its title, earned or not, which note, the requirements."""
    requirements = tuple((r.id, r.group) for r in result.requirements)
    earned = goal.status == GoalStatus.EARNED
    return (result.id, result.name, earned, _note_kind(goal, result), requirements)


def _note_kind(goal: Goal, result: CertificationResult) -> str:
    """Which line goes under the status: the projected date, what blocks it, or none."""
    if goal.status == GoalStatus.EARNED:
        return ""
    if result.projected_date and not result.eligible:
        return "projected"
    return "why" if result.blocking else ""


def _note(goal: Goal, result: CertificationResult, today: date) -> str:
    kind = _note_kind(goal, result)
    if kind == "projected" and result.projected_date is not None:
        when = describe_distance(today, result.projected_date)
        return f"Projected eligibility: {format_date(result.projected_date)} ({when})"
    return f"Why: {result.blocking}" if kind == "why" else ""


class StatTile(Card):
    """A big number with a caption, for hours this week / month / in total."""

    def __init__(self, caption: str, value: str, note: str) -> None:
        super().__init__()
        self.body.addWidget(muted(caption))
        self.number = QLabel(value)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.body.addWidget(self.number)
        self.note = muted(note)
        self.body.addWidget(self.note)
        self.body.addStretch(1)  # tiles of one row keep their numbers level

    def show_value(self, value: str, note: str) -> None:
        self.number.setText(value)
        self.note.setText(note)


def tile_row(tiles: list[QWidget]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(12)
    for tile in tiles:
        row.addWidget(tile, 1)
    return row
