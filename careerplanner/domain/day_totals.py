"""The 24-hour rule: no day may get more than 24 h from all the entries that cover it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.validation import MAX_DAY_HOURS, fmt_number

Span = tuple[date, date, float]  # first day, last day, hours spread evenly over the days


SMALL_DAY_CHECK = 4_096  # spans x days up to which plain Python is cheaper than importing numpy


def validate_day_totals(spans: Sequence[Span], touched: Iterable[tuple[date, date]]) -> None:
    """Refuse when any day covered by `touched` gets more than 24 h from all of `spans`."""
    ranges = list(touched)
    if not ranges or not spans:
        return
    origin = min(first for first, _ in ranges).toordinal()
    size = max(last for _, last in ranges).toordinal() - origin + 1
    small = len(spans) * size <= SMALL_DAY_CHECK
    over = (_first_over_small if small else _first_over_numpy)(spans, ranges, origin, size)
    if over is not None:
        day, total = over
        raise ValidationError(
            f"{day.isoformat()} would have {fmt_number(total)} h (more than 24 h in a day)", "hours"
        )


def _first_over_small(
    spans: Sequence[Span], ranges: list[tuple[date, date]], origin: int, size: int
) -> tuple[date, float] | None:
    """A single hour entry's check (a few spans over a few days), without numpy."""
    checked = sorted({d for a, b in ranges for d in range(a.toordinal(), b.toordinal() + 1)})
    for day in checked:
        total = 0.0
        for first, last, hours in spans:
            lo, hi = first.toordinal(), last.toordinal()
            if lo <= day <= hi:
                total += hours / (hi - lo + 1)
        if total > MAX_DAY_HOURS + 1e-6:
            return date.fromordinal(day), total
    return None


def _first_over_numpy(
    spans: Sequence[Span], ranges: list[tuple[date, date]], origin: int, size: int
) -> tuple[date, float] | None:
    """The same check for many spans at once (imports, schedules), as prefix sums."""
    import numpy as np  # only large writes of hours need it: keeps every other import light

    first = np.array([s[0].toordinal() for s in spans], dtype=np.int64) - origin
    last = np.array([s[1].toordinal() for s in spans], dtype=np.int64) - origin
    hours = np.array([s[2] for s in spans], dtype=np.float64)
    rate = hours / (last - first + 1)
    lo, hi = np.clip(first, 0, size), np.clip(last + 1, 0, size)
    diff = np.zeros(size + 1, dtype=np.float64)
    np.add.at(diff, lo, rate)
    np.add.at(diff, hi, -rate)
    totals = np.cumsum(diff)[:size]
    mask = np.zeros(size + 1, dtype=np.int64)
    np.add.at(mask, np.array([a.toordinal() for a, _ in ranges]) - origin, 1)
    np.add.at(mask, np.array([b.toordinal() for _, b in ranges]) - origin + 1, -1)
    over = np.flatnonzero((np.cumsum(mask)[:size] > 0) & (totals > MAX_DAY_HOURS + 1e-6))
    if not over.size:
        return None
    return date.fromordinal(origin + int(over[0])), float(totals[over[0]])
