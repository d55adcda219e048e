"""Work entries as columns of numbers, so the rule engine never loops over entries in Python.

The storage layer builds them straight from fetched rows (`from_columns`) or from their stored
copy; a plan built in code is encoded on first use (`encode_entries`). The `source` of the
columns is the plan's entries they were made from: a tuple, or a `LazyEntries` whose records are
read only when first needed (a patch keeps such a source unread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter, is_

import numpy as np
import numpy.typing as npt

from careerplanner.domain.lazy_entries import LazyEntries
from careerplanner.domain.model import Activity, Plan, Setting, Supervision, WorkEntry

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

ACTIVITIES = tuple(Activity)
SETTINGS = tuple(Setting)
SUPERVISIONS = tuple(Supervision)

_ARRAYS = ("start", "end", "hours", "activity", "setting", "supervision", "paid", "ids")
_FIELDS = attrgetter("start", "end", "hours", "activity", "setting", "supervision", "paid", "id")


@dataclass(frozen=True, eq=False)
class EncodedEntries:
    """One array per field; dates as day ordinals, enums as their index in the enum."""

    source: Sequence[WorkEntry]  # the entries encoded, to tell whether a plan still matches
    start: IntArray
    end: IntArray  # last day of the span
    hours: FloatArray
    activity: IntArray
    setting: IntArray
    supervision: IntArray
    paid: BoolArray
    ids: IntArray

    @classmethod
    def from_columns(
        cls, source: Sequence[WorkEntry], columns: Sequence[Sequence[object]]
    ) -> EncodedEntries:
        """Columns in the order start, end (None: the start), hours, activity, setting,
        supervision, paid, id; enum columns may hold the enum or its string value."""
        start, end, hours, activity, setting, supervision, paid, ids = columns
        size = len(source)
        starts = np.fromiter(map(date.toordinal, start), np.int64, size)  # type: ignore[arg-type]
        ends = np.fromiter((d.toordinal() if d else -1 for d in end), np.int64, size)  # type: ignore[attr-defined]
        return cls(
            source=source,
            start=starts,
            end=np.where(ends < 0, starts, ends),
            hours=np.fromiter(hours, np.float64, size),
            activity=_codes(activity, ACTIVITIES, size),
            setting=_codes(setting, SETTINGS, size),
            supervision=_codes(supervision, SUPERVISIONS, size),
            paid=np.fromiter(paid, np.bool_, size),
            ids=np.fromiter(ids, np.int64, size),
        )

    def matches(self, entries: Sequence[WorkEntry]) -> bool:
        return self.source is entries

    def patched(self, removed: set[int], added: tuple[WorkEntry, ...]) -> EncodedEntries:
        """These entries without the ids `removed`, plus `added`, by start date then id (the
        order the storage reads them in), with the columns to match. Only index arrays are
        handled in Python's loops, so a patch of 100,000 entries stays a few milliseconds; an
        unread source stays unread (its records are the table's rows when first read)."""
        tail = encode_entries(added)
        if not removed and self._sorts_before(tail):  # the usual add: new entries come last
            joined = {f: np.concatenate((getattr(self, f), getattr(tail, f))) for f in _ARRAYS}
            return EncodedEntries(_joined(self.source, added, joined["ids"]), **joined)
        kept = np.flatnonzero(~np.isin(self.ids, np.fromiter(removed, np.int64, len(removed))))
        merged = {f: np.concatenate((getattr(self, f)[kept], getattr(tail, f))) for f in _ARRAYS}
        order = np.lexsort((merged["ids"], merged["start"]))
        columns = {f: merged[f][order] for f in _ARRAYS}
        size = len(self.ids)
        picks = np.concatenate((kept, np.arange(size, size + len(added))))[order]
        return EncodedEntries(_picked(self.source, added, picks, columns["ids"]), **columns)

    def _sorts_before(self, tail: EncodedEntries) -> bool:
        """Whether every one of these entries comes before all of `tail`'s, which are in
        order themselves (by start, then id)."""
        keys = list(zip(tail.start.tolist(), tail.ids.tolist(), strict=True))
        if keys != sorted(keys):
            return False
        return not keys or not self.ids.size or (int(self.start[-1]), int(self.ids[-1])) < keys[0]

    def latest(self, as_of: date) -> int | None:
        """Index of the most recent entry started by `as_of` (by last day, start, id)."""
        logged = np.flatnonzero(self.start <= as_of.toordinal())
        if not logged.size:
            return None
        order = np.lexsort((self.ids[logged], self.start[logged], self.end[logged]))
        return int(logged[order[-1]])


def _codes(values: Sequence[object], members: tuple[object, ...], size: int) -> IntArray:
    lookup: dict[object, int] = {}
    for code, member in enumerate(members):
        lookup[member] = code
        lookup[str(member)] = code
    return np.fromiter(map(lookup.__getitem__, values), np.int64, size)


def _records(entries: Sequence[WorkEntry]) -> tuple[WorkEntry, ...]:
    if isinstance(entries, LazyEntries):
        return entries.records
    return entries if isinstance(entries, tuple) else tuple(entries)


def _unread(entries: Sequence[WorkEntry]) -> LazyEntries | None:
    return entries if isinstance(entries, LazyEntries) and not entries.loaded else None


def _joined(
    source: Sequence[WorkEntry], added: tuple[WorkEntry, ...], ids: IntArray
) -> Sequence[WorkEntry]:
    """`source` followed by `added` (with the ids `ids`): unread still, when `source` was."""
    unread = _unread(source)
    return unread.derived(ids) if unread is not None else _records(source) + added


def _picked(
    source: Sequence[WorkEntry], added: tuple[WorkEntry, ...], picks: IntArray, ids: IntArray
) -> Sequence[WorkEntry]:
    """The records of `source` then `added` at the positions `picks` (with the ids `ids`):
    unread still, when `source` was."""
    unread = _unread(source)
    if unread is not None:
        return unread.derived(ids)
    pool = _records(source) + added
    return tuple(map(pool.__getitem__, picks.tolist()))


def _extended(cached: EncodedEntries, entries: Sequence[WorkEntry]) -> EncodedEntries | None:
    """The cached columns plus the entries added after them, when `entries` only appends."""
    size = len(cached.ids)
    if len(entries) < size or not all(map(is_, entries[:size], cached.source)):
        return None
    tail = encode_entries(tuple(entries[size:]))
    return EncodedEntries(
        entries,
        *(np.concatenate((getattr(cached, f), getattr(tail, f))) for f in _ARRAYS),
    )


def encode_entries(entries: Sequence[WorkEntry]) -> EncodedEntries:
    columns = list(zip(*map(_FIELDS, entries), strict=True)) if entries else [()] * 8
    return EncodedEntries.from_columns(entries, columns)


def encoded(entries: Sequence[WorkEntry], cached: EncodedEntries | None) -> EncodedEntries:
    """The cached encoding when it was made from these entries (or extended by the ones
    appended since), else a new one."""
    if cached is None:
        return encode_entries(entries)
    if cached.matches(entries):
        return cached
    return _extended(cached, entries) or encode_entries(entries)


def plan_columns(plan: Plan) -> EncodedEntries:
    """The plan's entries as columns, remembered on the plan for the next computation."""
    columns = encoded(plan.entries, plan.encoded)
    if columns is not plan.encoded:
        object.__setattr__(plan, "encoded", columns)  # a cache: the plan's value is unchanged
    return columns
