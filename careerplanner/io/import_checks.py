"""Checks of imported rows against what is stored: duplicates, and no day over 24 hours."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import TypeVar

import numpy as np

from careerplanner.domain.model import CeActivity, WorkEntry
from careerplanner.domain.validation import MAX_DAY_HOURS, Span, fmt_number

T = TypeVar("T")
Key = Callable[[T], Hashable]


def entry_key(e: WorkEntry) -> Hashable:
    """What makes two entries the same work: everything but pay, verification and id."""
    return (e.start, e.end, e.hours, e.activity, e.setting, e.supervision, e.employer, e.notes)


def ce_key(c: CeActivity) -> Hashable:
    return (c.date, c.hours, c.topic, c.title, c.provider)


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
    known: dict[Hashable, int] = {}
    for record in stored:
        known.setdefault(key(record), int(getattr(record, "id")))  # noqa: B009
    seen: dict[Hashable, int] = {}
    kept: list[T] = []
    kept_lines: list[int] = []
    duplicates: list[tuple[int, int]] = []
    repeats: list[tuple[int, int]] = []
    for record, line in zip(rows, lines, strict=True):
        k = key(record)
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
    first = np.array([e.start.toordinal() for e in rows], dtype=np.int64)
    last = np.array([e.last_day.toordinal() for e in rows], dtype=np.int64)
    hours = np.array([e.hours for e in rows], dtype=np.float64)
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
