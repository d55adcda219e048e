"""Renewal progress of each held credential: its cycle, CE buckets completed and needed, due date.

A held credential is a goal marked earned. Its current cycle ends on the goal's expiry date
when one is recorded (the "valid through" date); otherwise cycles of `renewal.years` run from
the date it was earned. Every CE activity dated inside a cycle counts toward that credential,
so one activity counts toward every credential whose cycle it falls in.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from careerplanner.domain.catalog import Catalog, Renewal
from careerplanner.domain.dates import add_years
from careerplanner.domain.model import CeActivity, CeTopic, Goal, GoalStatus, Plan

WINDOW_OPENS_MONTHS = 3
WINDOW_ASSUMPTION = (
    "The app treats the renewal window as opening 3 months before the valid-through date; "
    "check the exact dates with the certifying body."
)
TOPIC_NAMES = {
    CeTopic.CASE_MANAGEMENT: "case-management",
    CeTopic.ETHICS: "ethics",
    CeTopic.GENERAL: "general",
}


@dataclass(frozen=True, slots=True)
class BucketProgress:
    """CE hours of one kind required in the cycle, and how many are done."""

    label: str  # "All topics", "Ethics", ...
    topic: CeTopic | None  # None: every topic counts
    required: float
    completed: float

    @property
    def needed(self) -> float:
        return max(0.0, self.required - self.completed)

    @property
    def met(self) -> bool:
        return self.needed <= 1e-9


@dataclass(frozen=True, slots=True)
class RenewalStatus:
    """Where one held credential stands in its current renewal cycle."""

    cert_id: str
    name: str
    cycle_start: date
    cycle_end: date  # the valid-through date: the renewal is due by then
    window_opens: date
    years: int
    total: BucketProgress
    buckets: tuple[BucketProgress, ...]  # the total first, then each topic bucket
    activities: tuple[CeActivity, ...]  # CE inside the cycle, oldest first
    assumption: str | None = None

    @property
    def due(self) -> date:
        return self.cycle_end

    @property
    def hours_needed(self) -> float:
        """Hours still to take: the total, or more when the topic buckets ask for more."""
        return max(self.total.needed, sum(b.needed for b in self.buckets if b.topic is not None))

    @property
    def complete(self) -> bool:
        return all(b.met for b in self.buckets)

    def overdue(self, today: date) -> bool:
        return today > self.cycle_end


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def held_goals(plan: Plan) -> tuple[Goal, ...]:
    """Goals marked earned, in the plan's order."""
    return tuple(g for g in plan.goals if g.status is GoalStatus.EARNED)


def cycle_for(goal: Goal, renewal: Renewal, today: date) -> tuple[date, date] | None:
    """The (first day, valid-through day) of the cycle in force on `today`; None without dates."""
    if goal.expires_on is not None:
        start = add_years(goal.expires_on, -renewal.years) + timedelta(days=1)
        if goal.earned_on is not None and start < goal.earned_on <= goal.expires_on:
            start = goal.earned_on
        return start, goal.expires_on
    if goal.earned_on is None:
        return None
    cycle = 0
    while add_years(goal.earned_on, (cycle + 1) * renewal.years) <= today:
        cycle += 1
    start = add_years(goal.earned_on, cycle * renewal.years)
    end = add_years(goal.earned_on, (cycle + 1) * renewal.years) - timedelta(days=1)
    return start, end


def bucket_progress(
    renewal: Renewal, activities: Iterable[CeActivity]
) -> tuple[BucketProgress, ...]:
    """The total and each topic bucket of a renewal, with the hours of `activities` in each."""
    done: dict[CeTopic, float] = {}
    for activity in activities:
        done[activity.topic] = done.get(activity.topic, 0.0) + activity.hours
    total = BucketProgress("All topics", None, renewal.ce_hours, sum(done.values()))
    buckets = [
        BucketProgress(TOPIC_NAMES[b.topic].capitalize(), b.topic, b.hours, done.get(b.topic, 0.0))
        for b in renewal.buckets
    ]
    return (total, *buckets)


def renewal_status(goal: Goal, plan: Plan, catalog: Catalog, today: date) -> RenewalStatus | None:
    """The renewal status of one earned goal; None when it has neither earned nor expiry date."""
    cert = catalog.get(goal.cert_id)
    cycle = cycle_for(goal, cert.renewal, today)
    if cycle is None:
        return None
    start, end = cycle
    inside = tuple(sorted((c for c in plan.ce if start <= c.date <= end), key=lambda c: c.date))
    buckets = bucket_progress(cert.renewal, inside)
    assumptions = [a for a in (cert.renewal.assumption, WINDOW_ASSUMPTION) if a]
    return RenewalStatus(
        cert_id=cert.id,
        name=cert.name,
        cycle_start=start,
        cycle_end=end,
        window_opens=add_months(end, -WINDOW_OPENS_MONTHS),
        years=cert.renewal.years,
        total=buckets[0],
        buckets=buckets,
        activities=inside,
        assumption=" ".join(assumptions),
    )


def renewal_statuses(plan: Plan, catalog: Catalog, today: date) -> tuple[RenewalStatus, ...]:
    """The renewal status of every held credential that has a date, soonest due first."""
    known = set(catalog.ids)
    statuses = [
        renewal_status(goal, plan, catalog, today)
        for goal in held_goals(plan)
        if goal.cert_id in known
    ]
    return tuple(sorted((s for s in statuses if s is not None), key=lambda s: s.cycle_end))


def undated_credentials(plan: Plan) -> tuple[str, ...]:
    """Ids of credentials marked earned without an earned or expiry date (no cycle to show)."""
    return tuple(
        g.cert_id for g in held_goals(plan) if g.earned_on is None and g.expires_on is None
    )


def credentials_for(activity: CeActivity, statuses: Iterable[RenewalStatus]) -> tuple[str, ...]:
    """Ids of the held credentials whose current cycle this CE activity counts toward."""
    return tuple(s.cert_id for s in statuses if s.cycle_start <= activity.date <= s.cycle_end)


def describe_needed(status: RenewalStatus) -> str:
    """What is still needed, in plain words: "12 CE hours still needed, 4 of them ethics"."""
    if status.complete:
        return "all CE hours for this cycle are done"
    parts = [f"{_hours(status.hours_needed)} CE hours still needed"]
    for bucket in status.buckets[1:]:
        if not bucket.met:
            parts.append(f"{_hours(bucket.needed)} of them {bucket.label.lower()}")
    return ", ".join(parts)


def _hours(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")
