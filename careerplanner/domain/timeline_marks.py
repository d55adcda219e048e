"""Timeline milestones: which dated events a plan has, and lanes that keep their labels apart."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from careerplanner.domain.catalog import Catalog, Certification
from careerplanner.domain.dates import add_years
from careerplanner.domain.labels import degree_name
from careerplanner.domain.model import DegreeStatus, Goal, GoalStatus, Plan
from careerplanner.domain.results import Eligibility

# Milestone kinds, in lane order (lane 0 is the first kind present).
KINDS = (
    "degree",
    "license",
    "license-expiry",
    "eligibility",
    "target",
    "exam-window",
    "renewal",
    "stage",
)


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated marker. `lane` is its row: no two labels in a lane are closer than the gap."""

    day: date
    kind: str  # one of KINDS
    label: str
    cert: str | None = None
    lane: int = 0


def assign_lanes(milestones: Iterable[Milestone], min_gap_days: int) -> tuple[Milestone, ...]:
    """Give each milestone a lane: kinds in KINDS order, and within a kind a new sub-lane
    whenever a label would sit closer than `min_gap_days` to the previous one in its lane.

    Lanes are numbered from 0 without holes; the result is sorted by (day, lane, label).
    """
    laid: list[Milestone] = []
    base = 0
    items = list(milestones)
    for kind in KINDS:
        ordered = sorted((m for m in items if m.kind == kind), key=_order)
        last_days: list[date] = []
        for mark in ordered:
            lane = next(
                (i for i, last in enumerate(last_days) if (mark.day - last).days >= min_gap_days),
                len(last_days),
            )
            if lane == len(last_days):
                last_days.append(mark.day)
            last_days[lane] = mark.day
            laid.append(replace(mark, lane=base + lane))
        base += len(last_days)
    return tuple(sorted(laid, key=lambda m: (m.day, m.lane, m.label)))


def _order(mark: Milestone) -> tuple[date, str, str]:
    return mark.day, mark.label, mark.cert or ""


def plan_milestones(
    plan: Plan, catalog: Catalog, eligibility: Eligibility, shown: Sequence[str], end: date
) -> Iterator[Milestone]:
    """Degrees, licenses, eligibility, targets, exam windows and renewals up to `end`
    (stage changes come from the salary model). `shown`: the certifications to mark."""
    yield from _education(plan)
    goals = {g.cert_id: g for g in plan.goals}
    for cert_id in shown:
        cert = catalog.get(cert_id)
        goal = goals.get(cert_id)
        yield from _eligibility(cert, goal, eligibility)
        if goal is not None and goal.target is not None:
            yield Milestone(goal.target, "target", f"{cert_id} target date", cert_id)
        if goal is not None and goal.status is GoalStatus.EARNED:
            yield from _renewals(cert, goal, eligibility.as_of, end)
        else:
            projected = eligibility.get(cert_id).projected_date
            if projected is not None:
                yield from _exam_windows(cert, projected, end)


def _education(plan: Plan) -> Iterator[Milestone]:
    for degree in plan.degrees:
        if degree.end is None:
            continue
        name = degree_name(degree)
        done = "completed" if degree.status is DegreeStatus.COMPLETED else "planned"
        yield Milestone(degree.end, "degree", f"{name} {done}")
    for lic in plan.licenses:
        where = f" ({lic.state})" if lic.state else ""
        yield Milestone(lic.issued, "license", f"{lic.type.value} license{where} issued")
        if lic.expires is not None:
            label = f"{lic.type.value} license{where} expires"
            yield Milestone(lic.expires, "license-expiry", label)


def _eligibility(
    cert: Certification, goal: Goal | None, eligibility: Eligibility
) -> Iterator[Milestone]:
    if goal is not None and goal.status is GoalStatus.EARNED:
        if goal.earned_on is not None:
            yield Milestone(goal.earned_on, "eligibility", f"{cert.id} earned", cert.id)
        return
    result = eligibility.get(cert.id)
    if result.projected_date is None:
        return
    now = " (now)" if result.eligible else ""
    yield Milestone(result.projected_date, "eligibility", f"Eligible for {cert.id}{now}", cert.id)


def _exam_windows(cert: Certification, eligible: date, end: date) -> Iterator[Milestone]:
    """The first day of each testing-window month from the month of eligibility to `end`."""
    first = eligible.replace(day=1)
    for year in range(eligible.year, end.year + 1):
        for window in cert.exam.windows:
            day = date(year, window.month, 1)
            if first <= day <= end:
                month = calendar.month_name[window.month]
                yield Milestone(day, "exam-window", f"{cert.id} exam window ({month})", cert.id)


def _renewals(cert: Certification, goal: Goal, as_of: date, end: date) -> Iterator[Milestone]:
    """Renewal due dates of an earned credential: an overdue one, and those up to `end`."""
    if goal.expires_on is None and goal.earned_on is None:
        return
    years = cert.renewal.years
    due = goal.expires_on or add_years(goal.earned_on or as_of, years)
    label = f"{cert.id} renewal due ({cert.renewal.ce_hours:g} CE h)"
    cycle = 0
    while add_years(due, years * cycle) <= end:
        day = add_years(due, years * cycle)
        if day >= as_of or add_years(day, years) > as_of:
            yield Milestone(day, "renewal", label, cert.id)
        cycle += 1
