"""Hours and CE requirements: countable vs recorded now, each deduction's reason, and the future.

Every logged hour that does not count is charged to the first rule it breaks, in this order:
activity, pay, supervision, setting, the degree or license it must follow, the time window.
The first four are decided per kind of work (work_kinds.py), the others per entry and day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from careerplanner.domain.catalog import CeRequirement, HoursRequirement
from careerplanner.domain.credentials import completion, first_issued
from careerplanner.domain.dates import IntArray
from careerplanner.domain.daygrid import (
    TOPICS,
    BoolArray,
    CeArrays,
    DayGrid,
    Entries,
    FloatArray,
    Pace,
    PlannedSpan,
)
from careerplanner.domain.encoding import ACTIVITIES, SETTINGS, SUPERVISIONS
from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkPeriod
from careerplanner.domain.results import Deduction
from careerplanner.domain.work_kinds import KINDS, WorkKinds

SETTING_PLACES = {
    Setting.INSURANCE: "at an insurer",
    Setting.SOCIAL_SERVICES: "at a social-services agency",
    Setting.OTHER: "in other settings",
}


@dataclass(frozen=True)
class HoursNow:
    recorded: float
    countable: float
    deductions: tuple[Deduction, ...]


def _in(codes: np.ndarray, values: tuple[object, ...], allowed: tuple[object, ...]) -> BoolArray:
    """Which codes (indexes into `values`) stand for one of the `allowed` values."""
    table = np.zeros(len(values), np.bool_)
    table[[values.index(v) for v in allowed]] = True
    found: BoolArray = table[codes]
    return found


class HoursRule:
    """One hours requirement applied to one plan on one grid."""

    def __init__(self, req: HoursRequirement, short_name: str, plan: Plan, grid: DayGrid) -> None:
        self.req = req
        self.short = short_name
        self.plan = plan
        self.grid = grid
        failures = self._static_failures(KINDS)
        # Per kind of work: the index of the first rule it breaks (len(failures): none).
        self.first_failure = np.full(KINDS.paid.shape, len(failures), np.int64)
        for index, (_, failed) in reversed(list(enumerate(failures))):
            self.first_failure[failed] = index
        self.reasons = [reason for reason, _ in failures]
        self.counted_kinds: BoolArray = self.first_failure == len(failures)

    def _static_failures(self, e: WorkKinds) -> list[tuple[str, BoolArray]]:
        req = self.req
        failures: list[tuple[str, BoolArray]] = []
        kind = "case-management work" if req.activity is Activity.CASE_MANAGEMENT else "supervising"
        activity = ACTIVITIES.index(req.activity)
        failures.append((f"not {kind}", e.activity != activity))
        if req.paid_only:
            failures.append((f"unpaid — {self.short} counts only paid work", ~e.paid))
        if set(req.supervision) != set(Supervision):
            if req.supervision == (Supervision.CCM,):
                reason = "not supervised by a CCM"
            else:
                reason = f"unsupervised — {self.short} counts only supervised work"
            failures.append((reason, ~_in(e.supervision, SUPERVISIONS, req.supervision)))
        if req.settings is not None:
            for setting in Setting:
                if setting not in req.settings:
                    place = SETTING_PLACES.get(setting, f"in {setting.value} settings")
                    reason = f"{place} — {self.short} counts only health-delivery-system settings"
                    failures.append((reason, e.setting == SETTINGS.index(setting)))
        return failures

    def boundary(self, *, planned: bool) -> tuple[date | None, str, str]:
        """First countable day by the degree or license rule, and the two reasons it gives."""
        req = self.req
        if req.after_degree is not None:
            name = req.after_degree.name
            done = completion(req.after_degree, self.plan, planned=planned)
            first = done.fromordinal(done.toordinal() + 1) if done else None
            return first, f"before your {name} was completed", f"no completed {name} yet"
        if req.since_license is not None:
            kind = req.since_license.value
            issued = first_issued(self.plan, req.since_license)
            return issued, f"before your first {kind} license", f"no {kind} license yet"
        return date.min, "", ""

    def now(self, e: Entries) -> HoursNow:
        grid = self.grid
        groups: dict[str, float] = {}
        for index, reason in enumerate(self.reasons):
            charged = e.logged_of(self.first_failure == index)  # 0.0: no entry with hours
            if charged > 0:
                groups[reason] = groups.get(reason, 0.0) + charged
        remaining = e.kept(self.counted_kinds)  # without the hours charged above
        # The steps below change `remaining` in place, and pick entries by multiplying with
        # a condition (x 1.0 or x 0.0): with hours finite and > 0, as validation makes them,
        # the values are those of np.where, without its cost at 100,000 entries.
        boundary, before_reason, missing_reason = self.boundary(planned=False)
        if boundary is None or boundary > grid.as_of:
            _add(groups, missing_reason if boundary is None else before_reason, remaining)
            remaining.fill(0.0)
        elif boundary > date.min and grid.index(boundary) > e.first_start:  # hours before it
            before = e.share(0, grid.index(boundary) - 1)
            before *= remaining > 0
            _add(groups, before_reason, before)
            remaining -= before
        if self.req.window_years:
            self._charge_window(e, remaining, boundary, groups)
        deductions = tuple(Deduction(r, h) for r, h in groups.items() if h > 1e-9)
        np.clip(remaining, 0, None, out=remaining)
        return HoursNow(e.recorded, float(remaining.sum()), deductions)

    def _charge_window(
        self, e: Entries, remaining: FloatArray, boundary: date | None, groups: dict[str, float]
    ) -> None:
        """Charge (and take out of `remaining`) the hours older than the window allows."""
        grid = self.grid
        years = self.req.window_years
        assert years is not None
        first = int(grid.window_start(np.array([grid.today]), years)[0])
        if boundary is not None and boundary > date.min:
            first = max(first, grid.index(boundary))
        if first <= e.first_start:  # every entry is inside the window: none is older
            return
        older = remaining - e.share(first, grid.today)
        np.clip(older, 0.0, None, out=older)
        older *= remaining > 0
        _add(groups, f"older than {years} years", older)
        remaining -= older

    def future(self, pace: Pace) -> FloatArray:
        """Countable hours on each future day of the grid."""
        grid = self.grid
        boundary, _, _ = self.boundary(planned=True)
        if boundary is None:
            return np.zeros(grid.future.shape)
        cumulative = grid.cumulative(self.counted_kinds, self.counting(pace))
        first = np.zeros_like(grid.future)
        if boundary > date.min:
            first = np.maximum(first, grid.index(boundary))
        if self.req.window_years:
            first = np.maximum(first, grid.future_window_start(self.req.window_years))
        return grid.sum_between(cumulative, first, grid.future)

    def countable_on(self, pace: Pace, days: IntArray) -> FloatArray:
        """Countable hours as they stand on each given day (grid indexes, past or future).

        Days up to the as-of date use only completed degrees (as `now` does); later days
        also count planned ones and accrue the pace (as `future` does). Windows end on the day.
        """
        grid = self.grid
        cumulative = grid.cumulative(self.counted_kinds, self.counting(pace))
        totals = np.zeros(days.shape)
        for planned, part in ((False, days <= grid.today), (True, days > grid.today)):
            boundary, _, _ = self.boundary(planned=planned)
            if boundary is None or not part.any():
                continue
            first = np.zeros_like(days[part])
            if boundary > date.min:
                first = np.maximum(first, grid.index(boundary))
            if self.req.window_years:
                first = np.maximum(first, grid.window_start(days[part], self.req.window_years))
            totals[part] = grid.sum_between(cumulative, first, days[part])
        return totals

    def counting(self, pace: Pace) -> list[PlannedSpan]:
        """The planned spans whose hours count for this requirement."""
        return [span for span in pace.spans if self.failure(span.period) is None]

    def failure(self, period: WorkPeriod) -> str | None:
        """What this requirement needs that the period's work is not (None: it counts), checked
        in the order deductions are charged: activity, pay, supervision, setting."""
        req = self.req
        if period.activity is not req.activity:
            if req.activity is Activity.CASE_MANAGEMENT:
                return "case-management work"
            return "supervising work"
        if req.paid_only and not period.paid:
            return "paid work"
        if period.supervision not in req.supervision:
            if req.supervision == (Supervision.CCM,):
                return "work supervised by a CCM"
            return "supervised work"
        if req.settings is not None and period.setting not in req.settings:
            return "a health-delivery-system setting"
        return None

    def pace_problem(self, pace: Pace) -> str | None:
        """Why no future hours count, if none do."""
        if not pace.spans:
            return "no weekly hours are planned" if pace.implicit else "no work is planned"
        if self.counting(pace):
            return None
        needs = list(dict.fromkeys(self.failure(span.period) for span in pace.spans))
        if pace.implicit:
            return (
                "future hours are planned like your latest entry, which does not count here: "
                f"{self.short} needs {' and '.join(map(str, needs))}"
            )
        return f"no planned work counts here: {self.short} needs {' and '.join(map(str, needs))}"


def _add(groups: dict[str, float], reason: str, hours: FloatArray) -> None:
    total = float(hours.sum())
    if total > 1e-9:
        groups[reason] = groups.get(reason, 0.0) + total


class CeRule:
    """One CE requirement: logged CE hours by topic and window, and CE to come."""

    def __init__(self, req: CeRequirement, grid: DayGrid) -> None:
        self.req = req
        self.grid = grid

    def _topic_mask(self, ce: CeArrays) -> BoolArray:
        if self.req.topics is None:
            return np.ones(ce.day.shape, np.bool_)
        return _in(ce.topic, TOPICS, self.req.topics)

    def now(self, ce: CeArrays) -> HoursNow:
        groups: dict[str, float] = {}
        topical = self._topic_mask(ce)
        if self.req.topics is not None:
            names = " or ".join(t.value for t in self.req.topics)
            _add(groups, f"not {names} CE", ce.hours[~topical])
        counted = topical
        if self.req.window_years:
            first = self.grid.window_start(np.array([self.grid.today]), self.req.window_years)[0]
            old = topical & (ce.day < first)
            _add(groups, f"older than {self.req.window_years} years", ce.hours[old])
            counted = topical & ~old
        deductions = tuple(Deduction(r, h) for r, h in groups.items())
        return HoursNow(float(ce.hours.sum()), float(ce.hours[counted].sum()), deductions)

    def future(self, ce: CeArrays, pace: Pace) -> FloatArray:
        grid = self.grid
        counts = self.req.topics is None or "case-management" in self.req.topics
        cumulative = grid.cumulative_ce(ce, self._topic_mask(ce), pace.ce_per_day if counts else 0)
        first = np.zeros_like(grid.future)
        if self.req.window_years:
            first = grid.future_window_start(self.req.window_years)
        return grid.sum_between(cumulative, first, grid.future)
