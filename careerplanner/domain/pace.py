"""Whether a goal is on track: the projected eligibility against the user's target date.

One verdict for every place that shows it (the Overview's goal cards, the Certifications
page, the CLI's `eligibility`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerplanner.domain.model import Goal, GoalStatus
from careerplanner.domain.results import CertificationResult


@dataclass(frozen=True, slots=True)
class Pace:
    """`on_track` is None when there is nothing to be on track for (no target date, or the
    certification is earned); `months_late` is set only when behind with a projected date."""

    on_track: bool | None
    target: date | None
    projected: date | None
    months_late: int | None = None


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (negative when end is earlier), rounded to nearest."""
    return round((end - start).days / 30.44)


def pace(goal: Goal, result: CertificationResult) -> Pace:
    """On track when eligibility is projected on or before the target; behind when later (by
    at least a month, as the user reads it) or not projected at all."""
    target, when = goal.target, result.projected_date
    if target is None or goal.status is GoalStatus.EARNED:
        return Pace(None, target, when)
    if when is None:
        return Pace(False, target, None)
    if when <= target:
        return Pace(True, target, when)
    return Pace(False, target, when, max(1, months_between(target, when)))
