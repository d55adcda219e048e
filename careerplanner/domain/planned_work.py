"""Planned work as rules v2 defines it: the periods a projection accrues from, the v1 fallback
when there are none, the weekly-hours override, and periods as plain data for files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkPeriod


def effective_periods(
    plan: Plan, as_of: date, weekly_hours: float | None = None
) -> tuple[WorkPeriod, ...]:
    """The periods a projection from `as_of` accrues from, by first day.

    With no periods: one implicit period from the day after as-of, at the profile's weekly
    hours, like the most recent logged entry (case-management, other setting, no supervision,
    paid when there is none). `weekly_hours` replaces every period's weekly hours."""
    periods = tuple(sorted(plan.work_periods, key=lambda p: (p.start, p.id)))
    if not periods:
        periods = (_implicit_period(plan, as_of),)
    if weekly_hours is not None:
        periods = tuple(replace(p, weekly_hours=weekly_hours) for p in periods)
    return periods


def _implicit_period(plan: Plan, as_of: date) -> WorkPeriod:
    start = as_of + timedelta(days=1)
    hours = plan.profile.weekly_hours
    logged = [e for e in plan.entries if e.start <= as_of]
    if not logged:
        return WorkPeriod(
            0, start, None, hours, Activity.CASE_MANAGEMENT, Setting.OTHER, Supervision.NONE
        )
    last = max(logged, key=lambda e: (e.last_day, e.start, e.id))
    return WorkPeriod(
        0, start, None, hours, last.activity, last.setting, last.supervision, last.paid
    )


def future_spans(
    periods: Sequence[WorkPeriod], as_of: date, horizon_end: date
) -> list[tuple[WorkPeriod, date, date]]:
    """(period, first day, last day) of the days after as-of, up to horizon_end, each period
    is in force; a period that started before as-of accrues from the day after it."""
    first_future = as_of + timedelta(days=1)
    spans = []
    for period in periods:
        first = max(period.start, first_future)
        last = min(period.end or horizon_end, horizon_end)
        if first <= last and period.weekly_hours > 0:
            spans.append((period, first, last))
    return spans


def period_to_dict(p: WorkPeriod) -> dict[str, Any]:
    return {
        "id": p.id,
        "start": p.start.isoformat(),
        "end": p.end.isoformat() if p.end else None,
        "weekly_hours": p.weekly_hours,
        "activity": p.activity.value,
        "setting": p.setting.value,
        "supervision": p.supervision.value,
        "paid": p.paid,
        "employer": p.employer,
    }


def period_from_dict(data: Mapping[str, Any]) -> WorkPeriod:
    """A period from `period_to_dict`'s shape (values still to be validated by the caller)."""
    end = data.get("end")
    return WorkPeriod(
        id=int(data.get("id", 0)),
        start=date.fromisoformat(str(data["start"])),
        end=date.fromisoformat(str(end)) if end else None,
        weekly_hours=float(data["weekly_hours"]),
        activity=Activity(data.get("activity", Activity.CASE_MANAGEMENT.value)),
        setting=Setting(data.get("setting", Setting.OTHER.value)),
        supervision=Supervision(data.get("supervision", Supervision.NONE.value)),
        paid=bool(data.get("paid", True)),
        employer=str(data.get("employer", "")),
    )
