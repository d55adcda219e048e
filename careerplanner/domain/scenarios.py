"""Named what-ifs: a scenario's overrides of the plan, comparing two, and actual vs a saved plan."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.dates import add_years
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import DegreeStatus, Plan, WorkPeriod
from careerplanner.domain.rules import evaluate
from careerplanner.domain.timeline import HoursPoint, TimelineData
from careerplanner.domain.validation import (
    MAX_CE_HOURS,
    MAX_WEEKLY_HOURS,
    check_date,
    check_no_overlap,
    check_range,
    parse_state,
    parse_text,
    validate_work_period,
)
from careerplanner.domain.values import name_key

MAX_NAME = 100
SALARY_YEARS = (5, 10)


@dataclass(frozen=True, slots=True)
class SavedProjection:
    """What a scenario projected when it was saved, kept to compare later logging against."""

    as_of: date
    cert_id: str | None
    requirement: str | None
    hours_per_day: float  # the planned pace
    hours: tuple[HoursPoint, ...]  # projected countable hours from as-of on
    eligibility: Mapping[str, date | None]  # projected date per certification

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "cert": self.cert_id,
            "requirement": self.requirement,
            "hours_per_day": self.hours_per_day,
            "hours": [[p.day.isoformat(), p.cumulative] for p in self.hours],
            "eligibility": {k: v.isoformat() if v else None for k, v in self.eligibility.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SavedProjection:
        return cls(
            as_of=date.fromisoformat(data["as_of"]),
            cert_id=data["cert"],
            requirement=data["requirement"],
            hours_per_day=float(data["hours_per_day"]),
            hours=tuple(
                HoursPoint(date.fromisoformat(d), float(v), True) for d, v in data["hours"]
            ),
            eligibility={
                k: date.fromisoformat(v) if v else None for k, v in data["eligibility"].items()
            },
        )

    @classmethod
    def of(cls, data: TimelineData) -> SavedProjection:
        projected = tuple(p for p in data.hours if p.projected)
        return cls(
            as_of=data.as_of,
            cert_id=data.cert_id,
            requirement=data.requirement.id if data.requirement else None,
            hours_per_day=_pace(projected),
            hours=projected,
            eligibility={r.id: r.projected_date for r in data.eligibility.certifications},
        )


def _pace(points: tuple[HoursPoint, ...]) -> float:
    """Countable hours a day over the first stretch of a projection (0 when flat)."""
    if len(points) < 2 or points[1].day <= points[0].day:
        return 0.0
    rate = (points[1].cumulative - points[0].cumulative) / (points[1].day - points[0].day).days
    return max(rate, 0.0)


def name_order(name: str) -> tuple[str, str]:
    """Where a name is listed: alphabetically as people read it ("Évening" with the E's),
    then by `name_key`."""
    key = name_key(name)
    letters = unicodedata.normalize("NFKD", key)
    return "".join(c for c in letters if not unicodedata.combining(c)), key


@dataclass(frozen=True, slots=True)
class Scenario:
    """Overrides of the plan; None keeps the profile's value."""

    name: str
    weekly_hours: float | None = None
    ce_hours_per_year: float | None = None
    state: str | None = None
    raise_percent: float | None = None
    degree_dates: Mapping[int, date] = field(default_factory=dict)  # degree id -> expected end
    id: int = 0
    # The scenario's own planned work ("what if I move to a hospital job in July");
    # None: the plan's periods.
    work_periods: tuple[WorkPeriod, ...] | None = None
    saved_at: datetime | None = None
    saved_projection: SavedProjection | None = None


def validate_scenario(s: Scenario, degree_ids: set[int]) -> Scenario:
    """The scenario, normalised, or ValidationError in the user's words."""
    name = parse_text(s.name, "name").strip()
    if not name:
        raise ValidationError("a scenario needs a name", "name")
    if len(name) > MAX_NAME:
        raise ValidationError(f"a scenario name has at most {MAX_NAME} characters", "name")
    for degree_id, day in s.degree_dates.items():
        if degree_id not in degree_ids:
            raise ValidationError(f"no degree has id {degree_id}", "degree date")
        check_date(day, "degree date")
    return replace(
        s,
        name=name,
        weekly_hours=_optional(s.weekly_hours, "weekly hours", 0, MAX_WEEKLY_HOURS),
        ce_hours_per_year=_optional(s.ce_hours_per_year, "CE hours per year", 0, MAX_CE_HOURS),
        state=parse_state(s.state) if s.state else None,
        raise_percent=_optional(s.raise_percent, "raise percent", -50, 100),
        degree_dates=dict(sorted(s.degree_dates.items())),
        work_periods=_periods(s.work_periods),
    )


def _periods(periods: tuple[WorkPeriod, ...] | None) -> tuple[WorkPeriod, ...] | None:
    if periods is None:
        return None
    ordered = check_no_overlap(validate_work_period(p) for p in periods)
    return tuple(replace(p, id=i) for i, p in enumerate(ordered, 1))  # numbered by first day


def _optional(value: float | None, name: str, low: float, high: float) -> float | None:
    return None if value is None else check_range(value, name, low, high)


def apply_scenario(plan: Plan, scenario: Scenario) -> Plan:
    """The plan as the scenario imagines it: profile values, planned degree dates and planned
    work replaced. A completed degree keeps its recorded date. The scenario's weekly hours
    replace the weekly hours of every period (rules.md) as well as the profile's."""
    profile = plan.profile
    profile = replace(
        profile,
        weekly_hours=_pick(scenario.weekly_hours, profile.weekly_hours),
        ce_hours_per_year=_pick(scenario.ce_hours_per_year, profile.ce_hours_per_year),
        raise_percent=_pick(scenario.raise_percent, profile.raise_percent),
        state=scenario.state or profile.state,
    )
    degrees = tuple(
        replace(d, end=scenario.degree_dates[d.id])
        if d.id in scenario.degree_dates and d.status is not DegreeStatus.COMPLETED
        else d
        for d in plan.degrees
    )
    periods = plan.work_periods if scenario.work_periods is None else scenario.work_periods
    if scenario.weekly_hours is not None:
        periods = tuple(replace(p, weekly_hours=scenario.weekly_hours) for p in periods)
    return replace(plan, profile=profile, degrees=degrees, work_periods=periods)


def _pick(value: float | None, default: float) -> float:
    return default if value is None else value


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    key: str  # "eligibility:CCM", "salary:5" or "salary:10"
    label: str
    a: date | float | None
    b: date | float | None
    difference: float | None  # b − a: days for dates, dollars for salaries; None if one is missing


def compare(a: TimelineData, b: TimelineData) -> tuple[ComparisonRow, ...]:
    """Eligibility date per certification and salary in 5 and 10 years, A beside B."""
    rows = []
    for result in a.eligibility.certifications:
        day_a = result.projected_date
        day_b = b.eligibility.get(result.id).projected_date
        diff = float((day_b - day_a).days) if day_a and day_b else None
        rows.append(ComparisonRow(f"eligibility:{result.id}", result.id, day_a, day_b, diff))
    for years in SALARY_YEARS:
        pay_a, pay_b = salary_in(a, years), salary_in(b, years)
        diff = pay_b - pay_a if pay_a is not None and pay_b is not None else None
        rows.append(
            ComparisonRow(f"salary:{years}", f"Salary in {years} years", pay_a, pay_b, diff)
        )
    return tuple(rows)


def salary_in(data: TimelineData, years: int) -> float | None:
    """The projected salary `years` after the as-of date (None beyond the timeline)."""
    day = add_years(data.as_of, years)
    if day > data.end or not data.salary:
        return None
    return [p.salary for p in data.salary if p.day <= day][-1]


@dataclass(frozen=True, slots=True)
class ActualVsPlan:
    cert_id: str
    requirement: str
    since: date  # when the plan was saved
    as_of: date
    actual_hours: float  # countable hours dated after `since`, up to as-of
    planned_hours: float  # what the saved plan expected over the same days
    hours_ahead: float  # actual − planned; negative when behind
    days_ahead: int | None  # hours_ahead at the saved pace; None without a pace
    planned: tuple[HoursPoint, ...]  # the saved projection, to draw over the logged hours

    @property
    def status(self) -> str:
        if abs(self.hours_ahead) < 0.5:
            return "on plan"
        return "ahead" if self.hours_ahead > 0 else "behind"

    def describe(self) -> str:
        if self.status == "on plan":
            return "On plan"
        days = f" ({abs(self.days_ahead)} days)" if self.days_ahead is not None else ""
        return f"{self.status.capitalize()} by {abs(self.hours_ahead):,.0f} h{days}"


def actual_vs_plan(
    plan: Plan, catalog: Catalog, saved: SavedProjection, as_of: date
) -> ActualVsPlan | None:
    """Countable hours logged since the plan was saved against what it projected.
    None when the saved plan drew no hours requirement or as-of is not after it was saved."""
    if saved.cert_id is None or saved.requirement is None or as_of <= saved.as_of:
        return None
    if saved.cert_id not in catalog.ids:
        return None
    then = _countable(plan, catalog, saved, saved.as_of)
    now = _countable(plan, catalog, saved, as_of)
    planned = _value_at(saved.hours, as_of) - _value_at(saved.hours, saved.as_of)
    ahead = (now - then) - planned
    rate = saved.hours_per_day
    return ActualVsPlan(
        cert_id=saved.cert_id,
        requirement=saved.requirement,
        since=saved.as_of,
        as_of=as_of,
        actual_hours=now - then,
        planned_hours=planned,
        hours_ahead=ahead,
        days_ahead=round(ahead / rate) if rate > 0 else None,
        planned=saved.hours,
    )


def _countable(plan: Plan, catalog: Catalog, saved: SavedProjection, day: date) -> float:
    result = evaluate(plan, catalog, day).get(saved.cert_id or "")
    return next((r.current for r in result.requirements if r.id == saved.requirement), 0.0)


def _value_at(points: tuple[HoursPoint, ...], day: date) -> float:
    """The saved series at `day`: linear between its points, flat beyond them."""
    if not points:
        return 0.0
    if day <= points[0].day:
        return points[0].cumulative
    for before, after in pairwise(points):
        if before.day <= day <= after.day:
            span = (after.day - before.day).days or 1
            share = (day - before.day).days / span
            return before.cumulative + share * (after.cumulative - before.cumulative)
    return points[-1].cumulative
