"""Logged and projected hours as numpy arrays: per entry for exact sums, per day for projection.

Days are indexed from the grid's origin; an entry's hours are spread evenly over its span.
Only entries starting on or before the as-of date are logged, and only their days up to it.
Rules pick entries by their kind of work (work_kinds.py); a grid keeps the sums it has made
for a set of kinds, since the requirements of one evaluation often count the same kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import numpy.typing as npt

from careerplanner.domain.dates import IntArray, add_years, shift_years
from careerplanner.domain.encoding import plan_columns
from careerplanner.domain.model import CeActivity, CeTopic, Plan, WorkPeriod
from careerplanner.domain.planned_work import effective_periods, future_spans
from careerplanner.domain.work_kinds import kind_codes

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

TOPICS = tuple(CeTopic)


@dataclass(frozen=True)
class PlannedSpan:
    """Days first..last (grid indexes, all after the as-of date) on which a work period is in
    force, each accruing `per_day` hours with the period's attributes."""

    period: WorkPeriod
    first: int
    last: int
    per_day: float


@dataclass(frozen=True)
class Pace:
    """How the user plans to work from the day after the as-of date: the planned work (or the
    implicit period of the v1 fallback) and the CE hours a day."""

    spans: tuple[PlannedSpan, ...]
    ce_per_day: float
    implicit: bool  # no work periods: one period like the latest entry, at the profile's pace


@dataclass(frozen=True, eq=False)
class Entries:
    """Logged work entries as parallel arrays (day indexes relative to the grid origin)."""

    start: IntArray
    last: IntArray  # last logged day: the entry's end, or the as-of day if it ends later
    span: FloatArray  # days in the whole span
    hours: FloatArray
    logged: FloatArray  # share of the hours on days up to the as-of date
    kind: IntArray  # row of work_kinds.KINDS
    rate: FloatArray  # hours a day of the span
    _sums: dict[bytes, float] = field(default_factory=dict, repr=False)

    @cached_property
    def positive(self) -> BoolArray:
        """Entries with logged hours (> 0): the ones a rule can charge."""
        return self.logged > 0

    @cached_property
    def one_day(self) -> bool:
        """Every entry is of one day (or starts on the as-of day): none spans days."""
        return bool(np.array_equal(self.start, self.last))

    @cached_property
    def first_start(self) -> int:
        """The first day any entry starts on (past every day when there are none)."""
        return int(self.start.min()) if self.start.size else int(np.iinfo(np.int64).max)

    @cached_property
    def recorded(self) -> float:
        return float(self.logged.sum())

    def of_kinds(self, kinds: BoolArray) -> BoolArray:
        """Which entries are of one of these kinds (a flag per row of KINDS)."""
        chosen: BoolArray = kinds[self.kind]
        return chosen

    def logged_of(self, kinds: BoolArray) -> float:
        """Logged hours of the entries of these kinds (only entries with hours > 0), summed as
        numpy sums those entries in their order, so the total is the same to the last bit."""
        key = kinds.tobytes()
        if key not in self._sums:
            hit = self.of_kinds(kinds) & self.positive
            self._sums[key] = float(np.compress(hit, self.logged).sum())
        return self._sums[key]

    def kept(self, kinds: BoolArray) -> FloatArray:
        """Each entry's logged hours if it is of these kinds, else 0.0 (entries without hours
        keep theirs: there is nothing to take out)."""
        kept: FloatArray = self.logged * (self.of_kinds(kinds) | ~self.positive)  # x 1.0 or 0.0
        return kept

    def share(self, first: IntArray | int, last: IntArray | int) -> FloatArray:
        """Hours of each entry on days first..last (inclusive), by even spreading."""
        lo = np.maximum(self.start, first)
        days = np.minimum(self.last, last)  # then in place: the days from lo on
        days -= lo
        days += 1
        np.maximum(days, 0, out=days)
        shares: FloatArray = self.hours * days
        shares /= self.span
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
        self._entries: Entries | None = None
        self._cumulative: dict[tuple[bytes, tuple[PlannedSpan, ...]], FloatArray] = {}
        self._window_starts: dict[int, IntArray] = {}

    def index(self, day: date) -> int:
        return day.toordinal() - self.origin

    def day(self, index: int) -> date:
        return date.fromordinal(index + self.origin)

    def window_start(self, days: IntArray, years: int) -> IntArray:
        """First day inside the window (day - N years, day]."""
        return shift_years(days + self.origin, -years) - self.origin + 1

    def future_window_start(self, years: int) -> IntArray:
        """`window_start` of every future day (made once per number of years; read-only)."""
        if years not in self._window_starts:
            starts = self.window_start(self.future, years)
            starts.flags.writeable = False
            self._window_starts[years] = starts
        return self._window_starts[years]

    def entries(self) -> Entries:
        """The logged entries: those starting on or before the as-of date (made once)."""
        if self._entries is None:
            self._entries = self._logged_entries()
        return self._entries

    def _logged_entries(self) -> Entries:
        # In-place steps where they give the same values: each new array of 100,000 entries
        # costs about as much to allocate as to compute.
        enc = self.encoded
        started = enc.start <= self.as_of.toordinal()
        pick = slice(None) if started.all() else started  # a slice keeps the columns uncopied
        start = enc.start[pick] - self.origin
        last = enc.end[pick] - self.origin  # the end, until cut at the as-of day
        span = (last - start + 1).astype(np.float64)
        np.minimum(last, self.today, out=last)
        hours = enc.hours[pick]
        kind = kind_codes(
            enc.activity[pick], enc.setting[pick], enc.supervision[pick], enc.paid[pick]
        )
        days = last - start
        days += 1
        logged = hours * days
        logged /= span
        return Entries(start, last, span, hours, logged, kind, hours / span)

    def ce(self, activities: tuple[CeActivity, ...]) -> CeArrays:
        logged = [a for a in activities if a.date <= self.as_of]
        day = np.fromiter((a.date.toordinal() for a in logged), np.int64, len(logged))
        return CeArrays(
            day=day - self.origin,
            hours=np.fromiter((a.hours for a in logged), np.float64, len(logged)),
            topic=_codes(logged, "topic", TOPICS),
        )

    def cumulative(self, kinds: BoolArray, planned: Sequence[PlannedSpan]) -> FloatArray:
        """C with C[d] = hours on days before d of the logged entries of these kinds (a flag
        per row of KINDS); the planned spans given (those that count) add their hours on
        their days. Made once per set of kinds and spans; the array is read-only."""
        key = (kinds.tobytes(), tuple(planned))
        if key not in self._cumulative:
            self._cumulative[key] = self._cumulate(kinds, planned)
        return self._cumulative[key]

    def _cumulate(self, kinds: BoolArray, planned: Sequence[PlannedSpan]) -> FloatArray:
        e = self.entries()
        chosen = e.of_kinds(kinds)
        # Entries of other kinds add nothing to a day: leaving them out or weighing them 0.0
        # gives the same sums to the last bit. Leave them out when they are most entries.
        if np.count_nonzero(chosen) < chosen.size // 4:
            start, last = np.compress(chosen, e.start), np.compress(chosen, e.last)
            rate = np.compress(chosen, e.rate)
        else:
            start, last, rate = e.start, e.last, e.rate * chosen
        # float64 even with no entries (bincount then gives integers, which would cut the
        # planned hours added below to whole numbers)
        diff = np.bincount(start, rate, self.size + 1).astype(np.float64, copy=False)
        if e.one_day:  # each entry leaves the day after it came in: the same sums, shifted
            diff[1:] -= diff[:-1].copy()
        else:
            diff -= np.bincount(last + 1, rate, self.size + 1)
        for span in planned:
            diff[span.first] += span.per_day
            diff[span.last + 1] -= span.per_day
        daily: FloatArray = np.cumsum(diff[: self.size])
        cumulative = np.concatenate(([0.0], np.cumsum(daily)))
        cumulative.flags.writeable = False
        return cumulative

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


def planned_pace(
    grid: DayGrid, plan: Plan, weekly_override: float | None, ce_per_year: float
) -> Pace:
    """The plan's work periods (or the v1 implicit one) on the grid's future days, with the
    weekly-hours override applied to every period."""
    periods = effective_periods(plan, grid.as_of, weekly_override)
    spans = tuple(
        PlannedSpan(period, grid.index(first), grid.index(last), period.weekly_hours / 7)
        for period, first, last in future_spans(periods, grid.as_of, grid.horizon)
    )
    return Pace(spans, ce_per_year / 365, implicit=not plan.work_periods)
