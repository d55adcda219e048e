"""Planned work as rules v2 defines it: the periods a projection accrues from, the v1 fallback
when there are none, the weekly-hours override, and periods as plain data for files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from careerplanner.domain.dates import fmt_day
from careerplanner.domain.encoding import ACTIVITIES, SETTINGS, SUPERVISIONS, plan_columns
from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkPeriod
from careerplanner.domain.validation import fmt_number


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
    columns = plan_columns(plan)
    latest = columns.latest(as_of)
    if latest is None:
        return WorkPeriod(
            0, start, None, hours, Activity.CASE_MANAGEMENT, Setting.OTHER, Supervision.NONE
        )
    return WorkPeriod(  # from the columns: the entries' records may not have been read
        0,
        start,
        None,
        hours,
        ACTIVITIES[columns.activity[latest]],
        SETTINGS[columns.setting[latest]],
        SUPERVISIONS[columns.supervision[latest]],
        bool(columns.paid[latest]),
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


_ACTIVITY_WORDS = {
    Activity.CASE_MANAGEMENT: "case-management work",
    Activity.SUPERVISING: "supervising case managers",
    Activity.OTHER: "other work",
}
_SETTING_WORDS = {
    Setting.HOSPITAL: "at a hospital",
    Setting.REHABILITATION: "in rehabilitation",
    Setting.HOME_HEALTH: "in home health",
    Setting.SKILLED_NURSING: "in skilled nursing",
    Setting.CLINIC: "at a clinic",
    Setting.BEHAVIORAL_HEALTH: "in behavioral health",
    Setting.INSURANCE: "at an insurer",
    Setting.SOCIAL_SERVICES: "at a social-services agency",
    Setting.OTHER: "in another setting",
}
_SUPERVISION_WORDS = {
    Supervision.NONE: "unsupervised",
    Supervision.CCM: "supervised by a CCM",
    Supervision.LICENSED_SW: "supervised by a licensed social worker",
    Supervision.RN: "supervised by an RN",
    Supervision.OTHER_LICENSED: "supervised by another licensed professional",
}


def describe_work(p: WorkPeriod, *, implicit: bool = False) -> str:
    """The planned-work assumption in words: "assumes you work 40 h a week from Jan 4, 2027
    on: case-management work at a hospital for St. Mary's, supervised by an RN, paid"."""
    if implicit:
        when = "from now on (your weekly hours, like your latest entry)"
    else:
        until = f"until {fmt_day(p.end)}" if p.end else "on"
        when = f"from {fmt_day(p.start)} {until}"
    employer = f" for {p.employer}" if p.employer else ""
    return (
        f"assumes you work {fmt_number(p.weekly_hours)} h a week {when}: "
        f"{_ACTIVITY_WORDS[p.activity]} {_SETTING_WORDS[p.setting]}{employer}, "
        f"{_SUPERVISION_WORDS[p.supervision]}, {'paid' if p.paid else 'unpaid'}"
    )
