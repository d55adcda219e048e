"""Clock times of a work entry: the hours they make, and no two timed entries overlapping.

An entry with a start time has an end time too, covers one day, and its hours are the span
minus the break (so an edit of a time or the break keeps the hours consistent). An end at or
before the start is refused: an entry does not run past midnight.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import time

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import WorkEntry

MAX_BREAK_MINUTES = 24 * 60


def minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def hhmm(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def parse_hhmm(text: str, field: str) -> time:
    """A time of day typed as HH:MM (24-hour)."""
    try:
        parsed = time.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"'{text[:40]}' is not a time of day (use HH:MM)", field) from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def check_times(start: time | None, end: time | None, break_minutes: int) -> float:
    """The hours from `start` to `end` less the break; refuses a missing or reversed end."""
    if start is None or end is None:
        missing = "an end time" if end is None else "a start time"
        raise ValidationError(
            f"give {missing} as well", "end time" if end is None else "start time"
        )
    if isinstance(break_minutes, bool) or not isinstance(break_minutes, int):
        raise ValidationError("give the break in whole minutes", "break minutes")
    if not 0 <= break_minutes <= MAX_BREAK_MINUTES:
        raise ValidationError("the break must be 0 or more minutes", "break minutes")
    span = minutes(end) - minutes(start)
    if span <= 0:
        raise ValidationError(
            f"the end time ({hhmm(end)}) is not after the start time ({hhmm(start)})", "end time"
        )
    if break_minutes >= span:
        raise ValidationError(
            f"a {break_minutes} min break leaves no time between {hhmm(start)} and {hhmm(end)}",
            "break minutes",
        )
    return (span - break_minutes) / 60


def with_clock_hours(entry: WorkEntry) -> WorkEntry:
    """A timed entry with its hours computed from the clock (an untimed one as it is)."""
    if entry.start_time is None and entry.end_time is None:
        return entry if entry.break_minutes == 0 else replace(entry, break_minutes=0)
    hours = check_times(entry.start_time, entry.end_time, entry.break_minutes)
    if entry.end is not None and entry.end != entry.start:
        raise ValidationError("an entry with clock times covers one day only", "end")
    start_time = entry.start_time.replace(second=0, microsecond=0)  # type: ignore[union-attr]
    end_time = entry.end_time.replace(second=0, microsecond=0)  # type: ignore[union-attr]
    if (hours, start_time, end_time, None) == (
        entry.hours,
        entry.start_time,
        entry.end_time,
        entry.end,
    ):
        return entry
    return replace(entry, hours=hours, start_time=start_time, end_time=end_time, end=None)


def describe_times(entry: WorkEntry) -> str:
    """'2026-11-09 08:00–16:30' (the entry's day and clock times)."""
    assert entry.start_time is not None and entry.end_time is not None
    return f"{entry.start.isoformat()} {hhmm(entry.start_time)}–{hhmm(entry.end_time)}"


def check_no_clock_overlap(touched: Iterable[WorkEntry], stored: Iterable[WorkEntry]) -> None:
    """Refuse when a timed entry of `touched` overlaps another timed entry on its day.

    `stored` holds the timed entries already on those days (a touched entry's own stored
    version, same id, is not compared with it)."""
    by_day: dict[object, dict[int, WorkEntry]] = defaultdict(dict)
    for entry in stored:
        by_day[entry.start][entry.id] = entry
    new = [e for e in touched if e.timed]
    for index, entry in enumerate(new):
        day = by_day[entry.start]
        if entry.id:
            day.pop(entry.id, None)
        day[entry.id or -(index + 1)] = entry
    for entry in new:
        for other_id, other in by_day[entry.start].items():
            if other is entry or other_id == entry.id:
                continue
            if _overlaps(entry, other):
                name = f"entry {other.id} " if other.id else "another new entry "
                raise ValidationError(
                    f"{describe_times(entry)} overlaps {name}({describe_times(other)})",
                    "start time",
                )


def _overlaps(a: WorkEntry, b: WorkEntry) -> bool:
    assert a.start_time and a.end_time and b.start_time and b.end_time
    return minutes(a.start_time) < minutes(b.end_time) and minutes(b.start_time) < minutes(
        a.end_time
    )
