"""Checks of imported rows against what is stored (duplicates count by count, no day over 24
hours), and the grouping of repeated problems into one message each."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import TypeVar

import numpy as np

from careerplanner.domain.day_totals import Span
from careerplanner.domain.model import CeActivity, WorkEntry
from careerplanner.domain.validation import MAX_DAY_HOURS, fmt_number

T = TypeVar("T")
Key = Callable[[T], Hashable]
SHOWN_LINES = 5  # lines named for a problem repeated on many rows

_ENTRY_KEY = attrgetter(
    "start", "end", "hours", "activity", "setting", "supervision", "employer", "notes"
)
_QUOTED = re.compile(r"'[^']*'")


def entry_key(e: WorkEntry) -> Hashable:
    """What makes two entries the same work: everything but pay, verification and id."""
    return _ENTRY_KEY(e)


def clock_key(e: WorkEntry) -> tuple[object, object] | None:
    """An entry's clock times (start, end), when it has them."""
    began, ended = getattr(e, "start_time", None), getattr(e, "end_time", None)
    return None if began is None and ended is None else (began, ended)


def ce_key(c: CeActivity) -> Hashable:
    return (c.date, c.hours, c.topic, c.title, c.provider)


_FAST_KEYS: dict[Callable[..., Hashable], Callable[..., Hashable]] = {entry_key: _ENTRY_KEY}


def split_duplicates(
    rows: Sequence[T], lines: Sequence[int], stored: Sequence[T], key: Key[T]
) -> tuple[list[T], list[int], list[tuple[int, int]]]:
    """(new rows, their lines, (line, stored id) duplicates), matched count by count: a row
    repeats a stored record only while that record is not matched yet, so two equal rows in
    a file are two sessions, and importing the file again adds nothing. A row with clock times
    matches a stored record with the same times, or one stored without times (entries store
    no times yet); never one stored with other times."""
    if not stored:
        return list(rows), list(lines), []
    key = _FAST_KEYS.get(key, key)
    keys = list(map(key, rows))
    stored_keys = list(map(key, stored))
    if set(stored_keys).isdisjoint(keys):
        return list(rows), list(lines), []  # the common case: every row is new
    if not any(map(clock_key, stored)):  # type: ignore[arg-type]
        return _match_by_count(rows, lines, keys, stored, stored_keys)
    timed: dict[Hashable, list[int]] = {}  # stored with clock times, by key and times
    untimed: dict[Hashable, list[int]] = {}  # stored without clock times, by key
    every: dict[Hashable, list[int]] = {}  # all stored, by key (for rows without times)
    for record in reversed(stored):  # popped from the end: the first stored first
        record_id = int(getattr(record, "id"))  # noqa: B009
        k, times = key(record), clock_key(record)  # type: ignore[arg-type]
        if times is not None:
            timed.setdefault((k, times), []).append(record_id)
        else:
            untimed.setdefault(k, []).append(record_id)
        every.setdefault(k, []).append(record_id)
    used: set[int] = set()
    kept: list[T] = []
    kept_lines: list[int] = []
    duplicates: list[tuple[int, int]] = []
    for record, line, k in zip(rows, lines, keys, strict=True):
        times = clock_key(record)  # type: ignore[arg-type]
        if times is None:
            found = _take(every.get(k), used)
        else:
            found = _take(timed.get((k, times)), used)
            if found is None:
                found = _take(untimed.get(k), used)
        if found is None:
            kept.append(record)
            kept_lines.append(line)
        else:
            duplicates.append((line, found))
    return kept, kept_lines, duplicates


def _match_by_count(
    rows: Sequence[T],
    lines: Sequence[int],
    keys: Sequence[Hashable],
    stored: Sequence[T],
    stored_keys: Sequence[Hashable],
) -> tuple[list[T], list[int], list[tuple[int, int]]]:
    """split_duplicates when nothing stored has clock times: each key's stored ids in turn."""
    pending: dict[Hashable, list[int]] = {}
    for record, k in zip(reversed(stored), reversed(stored_keys), strict=True):
        pending.setdefault(k, []).append(int(getattr(record, "id")))  # noqa: B009
    kept: list[T] = []
    kept_lines: list[int] = []
    duplicates: list[tuple[int, int]] = []
    for record, line, k in zip(rows, lines, keys, strict=True):
        ids = pending.get(k)
        if ids:
            duplicates.append((line, ids.pop()))
        else:
            kept.append(record)
            kept_lines.append(line)
    return kept, kept_lines, duplicates


def _take(ids: list[int] | None, used: set[int]) -> int | None:
    """The first stored id of `ids` not matched yet (and now matched)."""
    while ids:
        found = ids.pop()
        if found not in used:
            used.add(found)
            return found
    return None


def group_problems(problems: Iterable[tuple[int, str, str]]) -> list[tuple[str, int, list[int]]]:
    """(column: message, count, first lines) for each kind of problem, in order of first line:
    a problem repeated on many rows is said once. (line, column, message) in."""
    groups: dict[tuple[str, str], tuple[str, list[int]]] = {}
    for line, column, message in problems:
        shape = (column, _QUOTED.sub("…", message))
        if shape not in groups:
            groups[shape] = (f"{column}: {message}" if column else message, [])
        groups[shape][1].append(line)
    return [(text, len(found), found[:SHOWN_LINES]) for text, found in groups.values()]


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
    positions = np.searchsorted(over, first[:n] - origin)
    found: list[tuple[int, str]] = []
    for i in np.flatnonzero(positions < over.size):
        day_index = int(over[positions[i]])
        if day_index <= last[i] - origin:
            day = date.fromordinal(origin + day_index)
            total = fmt_number(float(totals[day_index]))
            found.append(
                (lines[int(i)], f"{day.isoformat()} would have {total} h (more than 24 h in a day)")
            )
    return found
