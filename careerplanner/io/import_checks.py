"""Checks of imported rows against what is stored: duplicates, and no day over 24 hours."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from operator import attrgetter
from typing import TypeVar

import numpy as np

from careerplanner.domain.model import CeActivity, WorkEntry
from careerplanner.domain.validation import MAX_DAY_HOURS, Span, fmt_number

T = TypeVar("T")
Key = Callable[[T], Hashable]


_ENTRY_KEY = attrgetter(
    "start", "end", "hours", "activity", "setting", "supervision", "employer", "notes"
)


def entry_key(e: WorkEntry) -> Hashable:
    """What makes two entries the same work: everything but pay, verification and id."""
    return _ENTRY_KEY(e)  # type: ignore[no-any-return]


def ce_key(c: CeActivity) -> Hashable:
    return (c.date, c.hours, c.topic, c.title, c.provider)


# Part of a key, equal whenever the whole keys are (leaving out the enums, whose hash is
# computed in Python): rows whose parts all differ certainly hold no duplicates.
_ENTRY_PART = attrgetter("start", "end", "hours", "employer", "notes")
_FAST_KEYS: dict[Callable[..., Hashable], Callable[..., Hashable]] = {entry_key: _ENTRY_KEY}
_KEY_PARTS: dict[Callable[..., Hashable], Callable[..., Hashable]] = {entry_key: _ENTRY_PART}


def split_duplicates(
    rows: Sequence[T],
    lines: Sequence[int],
    stored: Sequence[T],
    key: Key[T],
    within: bool = True,
) -> tuple[list[T], list[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """(new rows, their lines, (line, stored id) duplicates, (line, earlier line) repeats).
    `within=False`: the rows are known to hold no repeats (only stored ones are looked for)."""
    if not stored and not within:
        return list(rows), list(lines), [], []
    part = _KEY_PARTS.get(key, key)
    parts = list(map(part, rows))
    if set(map(part, stored)).isdisjoint(parts) and (not within or len(set(parts)) == len(parts)):
        return list(rows), list(lines), [], []  # the common case: every row is new
    fast_key = _FAST_KEYS.get(key, key)  # the same key, computed without a Python call
    known: dict[Hashable, int] = {}
    for record in stored:
        known.setdefault(fast_key(record), int(getattr(record, "id")))  # noqa: B009
    keys = map(fast_key, rows)
    seen: dict[Hashable, int] = {}
    kept: list[T] = []
    kept_lines: list[int] = []
    duplicates: list[tuple[int, int]] = []
    repeats: list[tuple[int, int]] = []
    for record, line, k in zip(rows, lines, keys, strict=True):
        if k in known:
            duplicates.append((line, known[k]))
        elif within and k in seen:
            repeats.append((line, seen[k]))
        else:
            if within:
                seen[k] = line
            kept.append(record)
            kept_lines.append(line)
    return kept, kept_lines, duplicates, repeats


def day_overruns(
    stored: Sequence[Span], rows: Sequence[WorkEntry], lines: Sequence[int]
) -> list[tuple[int, str]]:
    """(line, message) for each imported row touching a day that would exceed 24 h."""
    if not rows:
        return []
    starts = list(map(attrgetter("start"), rows))
    ends = list(map(attrgetter("end"), rows))
    first = np.fromiter(map(date.toordinal, starts), dtype=np.int64, count=len(rows))
    last = np.fromiter(
        ((s if e is None else e).toordinal() for s, e in zip(starts, ends, strict=True)),
        dtype=np.int64,
        count=len(rows),
    )
    hours = np.fromiter(map(attrgetter("hours"), rows), dtype=np.float64, count=len(rows))
    if stored:
        first = np.concatenate([first, [s[0].toordinal() for s in stored]])
        last = np.concatenate([last, [s[1].toordinal() for s in stored]])
        hours = np.concatenate([hours, [s[2] for s in stored]])
    origin = int(first.min())
    size = int(last.max()) - origin + 2
    diff = np.zeros(size, dtype=np.float64)
    rate = hours / (last - first + 1)
    np.add.at(diff, first - origin, rate)
    np.add.at(diff, last - origin + 1, -rate)
    totals = np.cumsum(diff)
    over = np.flatnonzero(totals > MAX_DAY_HOURS + 1e-6)
    if not over.size:
        return []
    n = len(rows)
    starts = np.searchsorted(over, first[:n] - origin)
    found: list[tuple[int, str]] = []
    for i in np.flatnonzero(starts < over.size):
        day_index = int(over[starts[i]])
        if day_index <= last[i] - origin:
            day = date.fromordinal(origin + day_index)
            total = fmt_number(float(totals[day_index]))
            found.append(
                (lines[int(i)], f"{day.isoformat()} would have {total} h (more than 24 h in a day)")
            )
    return found
