"""Timeline data as arrays for the chart: epoch seconds, step lines and tooltips.

Pure Python and numpy (no Qt, no chart library), so it is cheap to import and easy to test.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import numpy as np
import numpy.typing as npt

from careerplanner.domain.dates import add_years
from careerplanner.domain.scenarios import ActualVsPlan
from careerplanner.domain.timeline import HoursPoint, Milestone, TimelineData
from careerplanner.ui.common.widgets import format_date, format_hours

FloatArray = npt.NDArray[np.float64]
DAY_SECONDS = 86_400

KIND_NAMES = {
    "degree": "Degree",
    "license": "License issued",
    "license-expiry": "License expires",
    "eligibility": "Eligibility",
    "target": "Goal target date",
    "exam-window": "Exam window",
    "renewal": "Renewal due",
    "stage": "Career stage",
}


def epoch(day: date) -> float:
    """Seconds since 1970-01-01 at midnight UTC: what the date axis expects."""
    return float(calendar.timegm(day.timetuple()))


def day_of(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, tz=UTC).date()


def hours_arrays(points: Sequence[HoursPoint], projected: bool) -> tuple[FloatArray, FloatArray]:
    """x (epoch seconds) and y (cumulative hours) of the past or projected part.
    The projected part starts where the past ends, so the two lines meet."""
    chosen = [p for p in points if p.projected == projected]
    if projected and chosen:
        past = [p for p in points if not p.projected]
        if past and past[-1].day < chosen[0].day:
            chosen.insert(0, past[-1])
    x = np.array([epoch(p.day) for p in chosen], dtype=np.float64)
    y = np.array([p.cumulative for p in chosen], dtype=np.float64)
    return x, y


def step_arrays(
    days: Sequence[date], values: Sequence[float], end: date
) -> tuple[FloatArray, FloatArray]:
    """A step line: each value holds from its day until the next day (the last until `end`)."""
    if not days:
        return np.zeros(0), np.zeros(0)
    edges = [epoch(d) for d in days] + [epoch(max(end, days[-1]))]
    x = np.repeat(np.array(edges, dtype=np.float64), 2)[1:-1]
    y = np.repeat(np.array(values, dtype=np.float64), 2)
    return x, y


def hours_tip(day: date, hours: float, what: str) -> str:
    return f"{format_date(day)}\n{format_hours(hours)} h — {what}"


def salary_tip(day: date, salary: float, low: float, high: float, stage: str) -> str:
    return f"{format_date(day)}\nSalary ${salary:,.0f} (range ${low:,.0f}–${high:,.0f})\n{stage}"


def milestone_tip(mark: Milestone) -> str:
    return f"{format_date(mark.day)}\n{mark.label}\n{KIND_NAMES.get(mark.kind, mark.kind)}"


def preset_range(data: TimelineData, preset: str) -> tuple[date, date]:
    if preset == "all":
        return data.start, data.end
    years = int(preset.rstrip("y"))
    past = timedelta(days=years * 365 // 4)  # a quarter of the span looks back
    return max(data.start, data.as_of - past), min(data.end, add_years(data.as_of, years))


def overlay_text(overlay: ActualVsPlan) -> str:
    return (
        f"{overlay.describe()} against the plan saved {format_date(overlay.since)} "
        f"({overlay.cert_id}: {overlay.actual_hours:,.0f} h logged, "
        f"{overlay.planned_hours:,.0f} h planned)"
    )
