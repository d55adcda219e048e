"""The salary model and career stages: a step series with a low–high band, and its assumptions.

Every number comes from the catalog's salary assumptions (each with a source) or from the
user's profile; the model's own choices are listed in `SalaryProjection.assumptions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import numpy as np

from careerplanner.domain.catalog import SalaryAssumptions
from careerplanner.domain.dates import add_years
from careerplanner.domain.encoding import ACTIVITIES, plan_columns
from careerplanner.domain.model import Activity, DegreeLevel, GoalStatus, Plan, Track
from careerplanner.domain.results import Eligibility

FTE_HOURS = 2080.0
MASTERS_LEVELS = (DegreeLevel.MASTER, DegreeLevel.DOCTORATE)


class Stage(StrEnum):
    ENTRY = "entry"
    MID = "mid"
    ADVANCED = "advanced"


STAGE_LABELS = {
    Stage.ENTRY: "Entry-level case manager",
    Stage.MID: "Mid-level case manager",
    Stage.ADVANCED: "Advanced role / leadership",
}


@dataclass(frozen=True, slots=True)
class CareerEvent:
    day: date
    kind: str  # "certification" or "masters"
    label: str


@dataclass(frozen=True, slots=True)
class SalaryPoint:
    """The projected salary from `day` until the next point."""

    day: date
    salary: float
    low: float
    high: float
    stage: Stage


@dataclass(frozen=True, slots=True)
class SalaryProjection:
    points: tuple[SalaryPoint, ...]
    stage_changes: tuple[tuple[date, Stage], ...]
    events: tuple[CareerEvent, ...]
    assumptions: tuple[str, ...]

    def at(self, day: date) -> SalaryPoint:
        current = self.points[0]
        for point in self.points:
            if point.day > day:
                break
            current = point
        return current


def state_factor(model: SalaryAssumptions, track: Track, state: str | None) -> tuple[float, str]:
    """State mean ÷ U.S. mean for the occupation closest to the track, and how it was found."""
    national = model.us_mean[track]
    figure = model.state_means.get(track, {}).get(state or "")
    if figure is None:
        where = f"no {state} figure" if state else "no state set"
        return 1.0, f"State factor 1.0 ({where}; the national figure is used)"
    factor = figure.value / national.value
    return factor, (
        f"State factor {factor:.2f}: {state} mean ${figure.value:,.0f} ÷ U.S. mean "
        f"${national.value:,.0f} ({figure.source})"
    )


def career_events(plan: Plan, eligibility: Eligibility) -> tuple[CareerEvent, ...]:
    """Future steps: each goal certification (earned or projected) and each master's completed."""
    events = []
    for goal in plan.goals:
        if goal.status is GoalStatus.EARNED and goal.earned_on:
            day: date | None = goal.earned_on
        else:
            day = eligibility.get(goal.cert_id).projected_date
        if day and day > eligibility.as_of:
            events.append(CareerEvent(day, "certification", f"{goal.cert_id} earned"))
    for degree in plan.degrees:
        if degree.level in MASTERS_LEVELS and degree.end and degree.end > eligibility.as_of:
            events.append(CareerEvent(degree.end, "masters", f"{degree.level.value}'s completed"))
    return tuple(sorted(events, key=lambda e: e.day))


class _Career:
    """Experience, certification and degree status on any day, for the stages."""

    def __init__(self, plan: Plan, eligibility: Eligibility) -> None:
        as_of = eligibility.as_of
        self.as_of = as_of
        enc = plan_columns(plan)
        day = as_of.toordinal()
        work = (enc.start <= day) & (enc.activity == ACTIVITIES.index(Activity.CASE_MANAGEMENT))
        start, end = enc.start[work], enc.end[work]
        shares = (np.minimum(end, day) - start + 1) / (end - start + 1)
        self.logged = float((enc.hours[work] * shares).sum())
        latest = enc.latest(as_of)
        counts = latest is None or ACTIVITIES[enc.activity[latest]] is Activity.CASE_MANAGEMENT
        self.daily = eligibility.weekly_hours / 7 if counts else 0.0
        self.certified_on = min(
            (e.day for e in career_events(plan, eligibility) if e.kind == "certification"),
            default=None,
        )
        for goal in plan.goals:
            if goal.status is GoalStatus.EARNED and goal.earned_on and goal.earned_on <= as_of:
                self.certified_on = as_of
        self.masters_on = min(
            (d.end for d in plan.degrees if d.level in MASTERS_LEVELS and d.end), default=None
        )

    def stage(self, day: date) -> Stage:
        years = (self.logged + self.daily * max(0, (day - self.as_of).days)) / FTE_HOURS
        certified = self.certified_on is not None and self.certified_on <= day
        masters = self.masters_on is not None and self.masters_on <= day
        if masters or (years >= 6 and certified):
            return Stage.ADVANCED
        if years >= 3 or certified:
            return Stage.MID
        return Stage.ENTRY


def project_salary(
    plan: Plan,
    model: SalaryAssumptions,
    eligibility: Eligibility,
    years: int = 10,
    *,
    raise_percent: float | None = None,
    state: str | None = None,
) -> SalaryProjection:
    """The salary year by year (and at each career event) from the as-of date on."""
    profile = plan.profile
    state = profile.state if state is None else state
    raise_rate = (profile.raise_percent if raise_percent is None else raise_percent) / 100
    factor, factor_note = state_factor(model, profile.track, state)
    if profile.current_salary:
        salary = profile.current_salary
        start_note = f"Start: your current salary ${salary:,.0f}"
    else:
        typical = model.typical[profile.track]
        salary = typical.value * factor
        start_note = (
            f"Start: typical salary ${typical.value:,.0f} × state factor ({typical.source})"
        )
    ceiling = model.ceiling[profile.track].value * factor
    band = model.band_percent.value / 100
    career = _Career(plan, eligibility)
    events = career_events(plan, eligibility)
    as_of = eligibility.as_of
    end = add_years(as_of, years)
    days = {add_years(as_of, k) for k in range(years + 1)} | {e.day for e in events if e.day <= end}
    points: list[SalaryPoint] = []
    changes: list[tuple[date, Stage]] = [(as_of, career.stage(as_of))]
    anniversary = 0
    for day in sorted(days):
        while add_years(as_of, anniversary + 1) <= day:
            anniversary += 1
            salary = max(salary, min(salary * (1 + raise_rate), ceiling))
        for event in events:
            if event.day == day:
                step = model.certification_step_percent if event.kind == "certification" else None
                percent = (step or model.masters_step_percent).value / 100
                salary *= 1 + percent
                ceiling *= 1 + percent
        stage = career.stage(day)
        if stage is not changes[-1][1]:
            changes.append((day, stage))
        if stage is Stage.ADVANCED:
            ceiling = max(ceiling, model.advanced_ceiling.value * factor)
        points.append(SalaryPoint(day, salary, salary * (1 - band), salary * (1 + band), stage))
    notes = (
        start_note,
        factor_note,
        f"Raise {raise_rate * 100:g}% a year, capped at the track's ceiling "
        f"${model.ceiling[profile.track].value:,.0f} × state factor "
        f"({model.ceiling[profile.track].source})",
        f"+{model.certification_step_percent.value:g}% when a certification is earned "
        f"({model.certification_step_percent.source})",
        f"+{model.masters_step_percent.value:g}% when a master's is completed "
        f"({model.masters_step_percent.source})",
        f"Advanced/leadership stage raises the ceiling to ${model.advanced_ceiling.value:,.0f} "
        f"× state factor ({model.advanced_ceiling.source})",
        f"Band ±{model.band_percent.value:g}% ({model.band_percent.source})",
        "Stages: entry 0–2 years of case-management experience; mid 3–5 years or certified; "
        "advanced 6+ years and certified, or a master's",
    )
    return SalaryProjection(tuple(points), tuple(changes), events, notes)
