"""The career timeline as data: milestones in lanes, cumulative countable hours, thresholds, salary.

A pure function of (plan, catalog, as-of date, assumptions). The Timeline page, the CLI and
scenarios all draw from `build_timeline`; the hours series comes from the rule engine's own
day grid, so it agrees with `evaluate` on the as-of date and crosses each threshold on the
projected date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from careerplanner.domain.catalog import Catalog, Certification, HoursRequirement
from careerplanner.domain.dates import IntArray, add_years
from careerplanner.domain.daygrid import DayGrid, FloatArray, planned_pace
from careerplanner.domain.encoding import plan_columns
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.hours_rules import HoursRule
from careerplanner.domain.model import Plan
from careerplanner.domain.results import Eligibility, RequirementResult
from careerplanner.domain.rules import EPSILON, HORIZON_YEARS, evaluate
from careerplanner.domain.salary import STAGE_LABELS, SalaryPoint, Stage, project_salary
from careerplanner.domain.timeline_marks import KINDS, Milestone, assign_lanes, plan_milestones

LABEL_SHARE = 16  # a label needs about 1/16 of the visible range to itself
SAMPLE_DAYS = 7  # one hours point a week

__all__ = [
    "KINDS",
    "HoursPoint",
    "Milestone",
    "Threshold",
    "TimelineData",
    "assign_lanes",
    "build_timeline",
]


@dataclass(frozen=True, slots=True)
class HoursPoint:
    """Countable hours for the selected requirement as they stand on `day`."""

    day: date
    cumulative: float
    projected: bool


@dataclass(frozen=True, slots=True)
class Threshold:
    cert: str
    requirement: str
    label: str
    hours: float


@dataclass(frozen=True, slots=True)
class TimelineData:
    as_of: date
    start: date  # first day worth showing (earliest record or milestone)
    end: date  # as-of + years
    cert_id: str | None  # the certification whose hours are drawn
    requirement: RequirementResult | None  # its hours requirement drawn (None: none)
    milestones: tuple[Milestone, ...]  # sorted by day, lane, label
    lane_count: int
    lane_gap_days: int
    hours: tuple[HoursPoint, ...]  # past weekly to as-of, then projected from as-of on
    thresholds: tuple[Threshold, ...]
    salary: tuple[SalaryPoint, ...]
    stage_changes: tuple[tuple[date, Stage], ...]
    assumptions: tuple[str, ...]
    eligibility: Eligibility


def build_timeline(
    plan: Plan,
    catalog: Catalog,
    as_of: date,
    *,
    years: int = 10,
    cert_id: str | None = None,
    weekly_hours: float | None = None,
    ce_hours_per_year: float | None = None,
    raise_percent: float | None = None,
    state: str | None = None,
) -> TimelineData:
    """Everything the timeline shows, `years` ahead of `as_of` (1 to 15 years)."""
    if not 1 <= years <= HORIZON_YEARS:
        raise ValidationError(f"years must be 1 to {HORIZON_YEARS}", "years")
    if cert_id is not None and cert_id not in catalog.ids:
        raise ValidationError(f"unknown certification '{cert_id}'", "cert")
    eligibility = evaluate(
        plan, catalog, as_of, weekly_hours=weekly_hours, ce_hours_per_year=ce_hours_per_year
    )
    end = add_years(as_of, years)
    shown = _shown_certs(plan, catalog, eligibility)
    cert = _selected(cert_id, plan, catalog, eligibility)
    requirement = _drawn_requirement(cert, eligibility) if cert else None
    hours: tuple[HoursPoint, ...] = ()
    if cert is not None and requirement is not None:
        hours = _hours_series(plan, cert, requirement, eligibility, end)
    salary = project_salary(
        plan, catalog.salary, eligibility, years, raise_percent=raise_percent, state=state
    )
    marks = list(plan_milestones(plan, catalog, eligibility, shown, end))
    marks += [
        Milestone(day, "stage", STAGE_LABELS[stage]) for day, stage in salary.stage_changes[1:]
    ]
    start = _start(plan, marks, as_of)
    marks = [m for m in marks if start <= m.day <= end]
    gap = max(1, (end - start).days // LABEL_SHARE)
    laid = assign_lanes(marks, gap)
    return TimelineData(
        as_of=as_of,
        start=start,
        end=end,
        cert_id=cert.id if cert else None,
        requirement=requirement,
        milestones=laid,
        lane_count=1 + max((m.lane for m in laid), default=-1),
        lane_gap_days=gap,
        hours=hours,
        thresholds=_thresholds(shown, catalog, cert),
        salary=salary.points,
        stage_changes=salary.stage_changes,
        assumptions=salary.assumptions,
        eligibility=eligibility,
    )


def _shown_certs(plan: Plan, catalog: Catalog, eligibility: Eligibility) -> tuple[str, ...]:
    """Goal certifications in catalog order, or all of them when there are no goals."""
    goals = {g.cert_id for g in plan.goals}
    return tuple(c.id for c in catalog.certifications if not goals or c.id in goals)


def _selected(
    cert_id: str | None, plan: Plan, catalog: Catalog, eligibility: Eligibility
) -> Certification | None:
    """The asked-for certification, else the first goal, else the one projected soonest."""
    if cert_id is not None:
        return catalog.get(cert_id)
    for goal in plan.goals:
        if goal.cert_id in catalog.ids:
            return catalog.get(goal.cert_id)
    dated = [r for r in eligibility.certifications if r.projected_date is not None]
    if dated:
        return catalog.get(min(dated, key=lambda r: r.projected_date or date.max).id)
    return catalog.certifications[0] if catalog.certifications else None


def _drawn_requirement(cert: Certification, eligibility: Eligibility) -> RequirementResult | None:
    """The certification's hours requirement; among alternatives the one met soonest
    (ties: the one furthest along, then catalog order)."""
    results = [r for r in eligibility.get(cert.id).requirements if r.kind == "hours"]
    if not results:
        return None
    return min(
        results,
        key=lambda r: (r.projected_date or date.max, -r.current / max(r.required, EPSILON)),
    )


def countable_on(
    plan: Plan, cert: Certification, req_id: str, eligibility: Eligibility, days: Sequence[date]
) -> list[float]:
    """Countable hours of one hours requirement as they stand on each day (past or future)."""
    req = next(r for r in cert.requirements if r.id == req_id)
    assert isinstance(req, HoursRequirement)
    grid = DayGrid(plan, eligibility.as_of, HORIZON_YEARS)
    pace = planned_pace(grid, plan, eligibility.weekly_override, eligibility.ce_hours_per_year)
    rule = HoursRule(req, cert.short_name, plan, grid)
    indexes = np.array([grid.index(day) for day in days], dtype=np.int64)
    return [float(v) for v in rule.countable_on(pace, indexes)]


def _hours_series(
    plan: Plan,
    cert: Certification,
    result: RequirementResult,
    eligibility: Eligibility,
    end: date,
) -> tuple[HoursPoint, ...]:
    """Weekly points from the first entry to as-of, then weekly to `end`, plus the day before
    and the day of the projected date so the line crosses the threshold exactly there."""
    as_of = eligibility.as_of
    req = next(r for r in cert.requirements if r.id == result.id)
    assert isinstance(req, HoursRequirement)
    grid = DayGrid(plan, as_of, HORIZON_YEARS)
    entries = grid.entries()
    pace = planned_pace(grid, plan, eligibility.weekly_override, eligibility.ce_hours_per_year)
    rule = HoursRule(req, cert.short_name, plan, grid)
    first = int(entries.start.min()) if entries.start.size else grid.today
    past = np.arange(grid.today, first - 1, -SAMPLE_DAYS, dtype=np.int64)[::-1]
    future = list(range(grid.today, grid.index(end) + 1, SAMPLE_DAYS))
    projected = result.projected_date
    if projected is not None and as_of < projected <= end:
        future += [grid.index(projected) - 1, grid.index(projected)]
    future_days = np.array(sorted(set(future) | {grid.index(end)}), dtype=np.int64)
    past_values = rule.countable_on(pace, past)
    past_values[-1] = result.current  # the engine's exact figure on the as-of date
    future_values = rule.countable_on(pace, future_days)
    future_values[0] = result.current
    return _points(grid, past, past_values, False) + _points(grid, future_days, future_values, True)


def _points(
    grid: DayGrid, days: IntArray, values: FloatArray, projected: bool
) -> tuple[HoursPoint, ...]:
    return tuple(
        HoursPoint(grid.day(int(d)), float(v), projected)
        for d, v in zip(days.tolist(), values.tolist(), strict=True)
    )


def _thresholds(
    shown: Sequence[str], catalog: Catalog, selected: Certification | None
) -> tuple[Threshold, ...]:
    ids = list(shown)
    if selected is not None and selected.id not in ids:
        ids.append(selected.id)
    return tuple(
        Threshold(cert.id, req.id, f"{cert.id}: {req.label}", req.hours)
        for cert in (catalog.get(i) for i in ids)
        for req in cert.requirements
        if isinstance(req, HoursRequirement)
    )


def _start(plan: Plan, marks: Sequence[Milestone], as_of: date) -> date:
    """The earliest logged entry or past milestone; at least a year before as-of."""
    candidates = [add_years(as_of, -1)]
    starts = plan_columns(plan).start
    logged = starts[starts <= as_of.toordinal()]
    if logged.size:
        candidates.append(date.fromordinal(int(logged.min())))
    candidates += [m.day for m in marks if m.day <= as_of]
    return min(candidates)
