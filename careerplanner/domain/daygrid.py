"""Logged and projected hours as numpy arrays: per entry for exact sums, per day for projection.

Days are indexed from the grid's origin; an entry's hours are spread evenly over its span.
Only entries starting on or before the as-of date are logged, and only their days up to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from careerplanner.domain.dates import IntArray, add_years, shift_years
from careerplanner.domain.encoding import plan_columns
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Plan,
    Setting,
    Supervision,
    WorkEntry,
)

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ACTIVITIES = tuple(Activity)
SETTINGS = tuple(Setting)
SUPERVISIONS = tuple(Supervision)
TOPICS = tuple(CeTopic)


@dataclass(frozen=True)
class Pace:
    """How the user plans to keep working: hours a day and the kind of work."""

    hours_per_day: float
    activity: Activity
    setting: Setting
    supervision: Supervision
    paid: bool
    ce_per_day: float


@dataclass(frozen=True)
class Entries:
    """Logged work entries as parallel arrays (day indexes relative to the grid origin)."""

    start: IntArray
    last: IntArray  # last logged day: the entry's end, or the as-of day if it ends later
    span: FloatArray  # days in the whole span
    hours: FloatArray
    logged: FloatArray  # share of the hours on days up to the as-of date
    activity: IntArray
    setting: IntArray
    supervision: IntArray
    paid: BoolArray

    def share(self, first: IntArray | int, last: IntArray | int) -> FloatArray:
        """Hours of each entry on days first..last (inclusive), by even spreading."""
        lo = np.maximum(self.start, first)
        hi = np.minimum(self.last, last)
        shares: FloatArray = self.hours * np.clip(hi - lo + 1, 0, None) / self.span
        return shares


@dataclass(frozen=True)
class CeArrays:
    day: IntArray
    hours: FloatArray
    topic: IntArray


class DayGrid:
    """Every day from the earliest record to the end of the projection horizon."""

    def __init__(self, plan: Plan, as_of: date, horizon_years: int) -> None:
        self.as_of = as_of
        self.horizon = add_years(as_of, horizon_years)
        self.encoded = plan_columns(plan)
        earliest = add_years(as_of, -horizon_years - 1).toordinal()
        if self.encoded.start.size:
            earliest = min(earliest, int(self.encoded.start.min()))
        for activity in plan.ce:
            earliest = min(earliest, activity.date.toordinal())
        self.origin = earliest
        self.today = as_of.toordinal() - self.origin
        self.size = self.horizon.toordinal() - self.origin + 1
        # Days after the as-of date that a projection looks at, and their window starts.
        self.future = np.arange(self.today + 1, self.size, dtype=np.int64)

    def index(self, day: date) -> int:
        return day.toordinal() - self.origin

    def day(self, index: int) -> date:
        return date.fromordinal(index + self.origin)

    def window_start(self, days: IntArray, years: int) -> IntArray:
        """First day inside the window (day - N years, day]."""
        return shift_years(days + self.origin, -years) - self.origin + 1

    def entries(self) -> Entries:
        """The logged entries: those starting on or before the as-of date."""
        enc = self.encoded
        logged = enc.start <= self.as_of.toordinal()
        start = enc.start[logged] - self.origin
        end = enc.end[logged] - self.origin
        last = np.minimum(end, self.today)
        span = (end - start + 1).astype(np.float64)
        hours = enc.hours[logged]
        return Entries(
            start=start,
            last=last,
            span=span,
            hours=hours,
            logged=hours * (last - start + 1) / span,
            activity=enc.activity[logged],
            setting=enc.setting[logged],
            supervision=enc.supervision[logged],
            paid=enc.paid[logged],
        )

    def ce(self, activities: tuple[CeActivity, ...]) -> CeArrays:
        logged = [a for a in activities if a.date <= self.as_of]
        day = np.fromiter((a.date.toordinal() for a in logged), np.int64, len(logged))
        return CeArrays(
            day=day - self.origin,
            hours=np.fromiter((a.hours for a in logged), np.float64, len(logged)),
            topic=_codes(logged, "topic", TOPICS),
        )

    def cumulative(self, entries: Entries, mask: BoolArray, future_rate: float) -> FloatArray:
        """C with C[d] = countable hours on days before d; future days accrue `future_rate`."""
        rate = entries.hours[mask] / entries.span[mask]
        diff = np.bincount(entries.start[mask], rate, self.size + 1).astype(np.float64)
        diff -= np.bincount(entries.last[mask] + 1, rate, self.size + 1)
        daily: FloatArray = np.cumsum(diff[: self.size])
        daily[self.today + 1 :] += future_rate
        return np.concatenate(([0.0], np.cumsum(daily)))

    def cumulative_ce(self, ce: CeArrays, mask: BoolArray, future_rate: float) -> FloatArray:
        counts = np.bincount(ce.day[mask], ce.hours[mask], self.size)
        daily: FloatArray = counts[: self.size].astype(np.float64)
        daily[self.today + 1 :] += future_rate
        return np.concatenate(([0.0], np.cumsum(daily)))

    def sum_between(self, cumulative: FloatArray, first: IntArray, last: IntArray) -> FloatArray:
        """Per future day, the total on days first..last (zero where first > last)."""
        lo = np.clip(first, 0, self.size)
        hi = np.clip(last + 1, 0, self.size)
        return np.where(lo < hi, cumulative[hi] - cumulative[np.minimum(lo, hi)], 0.0)


def _codes(records: Sequence[object], attribute: str, values: tuple[object, ...]) -> IntArray:
    lookup = {value: code for code, value in enumerate(values)}
    return np.fromiter((lookup[getattr(r, attribute)] for r in records), np.int64, len(records))


def default_pace(grid: DayGrid, weekly_hours: float, ce_per_year: float) -> Pace:
    """Future work is like the most recent logged entry (or the defaults when there is none)."""
    latest = grid.encoded.latest(grid.as_of)
    template = grid.encoded.source[latest] if latest is not None else WorkEntry(grid.as_of, 1.0)
    return Pace(
        hours_per_day=weekly_hours / 7,
        activity=template.activity,
        setting=template.setting,
        supervision=template.supervision,
        paid=template.paid,
        ce_per_day=ce_per_year / 365,
    )
