"""Reading the cached snapshot's entry records ahead of their first use, a slice at a time.

After a start from the stored entry columns the snapshot's `Plan.entries` is a `LazyEntries`
whose records are read on first use (the Hours page's first show). `EntryPrefetch` reads them
before that: one slice of at most `rows` rows, by start date then id, per `step()`
(`reader.read_entries_after`, a keyset page), so that a caller can spread the read over the idle
moments of an event loop. The step after the last slice offers the records to the entries.

Consistency: the slices are one read only while the snapshot stays the one they began with
(the same stamp, `SnapshotCache.token()`, checked before and after each slice). A write in
between (ours or another process's) makes the slices read so far worthless: they are dropped.
After one of our own writes the cached plan is current again, with unread entries: the read
starts over for those. The entries themselves take the records only if their ids are the
columns' own (`LazyEntries.offer`), so no record of another moment ever reaches a plan.

When the records are needed before the last slice, the lazy read asks for `rest()`: the
slices read so far, joined to every row after them read at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import chain
from typing import TYPE_CHECKING

from careerplanner.domain.model import WorkEntry
from careerplanner.storage import Database, reader

if TYPE_CHECKING:
    from careerplanner.domain.lazy_entries import LazyEntries

# About 4 ms of reading and building records on a quiet machine (benchmarks/hours_page.py):
# well within one frame.
SLICE_ROWS = 1_000
Target = tuple[tuple[object, ...], "LazyEntries"]


class EntryPrefetch:
    """Reads the records of the entries `target()` names (the cached plan's stamp and its unread
    entries, or None when there is nothing to read ahead) in slices of `rows` rows."""

    def __init__(
        self, db: Database, target: Callable[[], Target | None], rows: int = SLICE_ROWS
    ) -> None:
        self._db = db
        self._target = target
        self.rows = rows  # at most this many rows a step
        self._lock = threading.Lock()  # `rest` may come from another thread than `step`
        self._reading: Target | None = None
        self._slices: list[list[WorkEntry]] = []
        self._after: reader.Key | None = None
        self._read_all = False  # the last slice is read: the next step offers the records
        self.slices = 0  # slices read, so far
        self.handed = 0  # records handed to the entries they were read for, so far

    def step(self) -> bool:
        """Read the next slice or, once the last was read, offer the records (a step of its
        own): True while there is more to do, False once there is nothing (left) to do."""
        with self._lock:
            target = self._target()
            if target is None:
                self._reset(None)
                return False
            if not self._is_reading(target):
                self._reset(target)
            if not self._read_all:
                self._read_slice()
                return True
            records = self._joined(())
            self._reset(None)
        if target[1].offer(records):  # outside our lock: the entries' own lock comes first
            self.handed += 1
        return False

    def _read_slice(self) -> None:
        with self._db.snapshot_connection() as connection:
            rows, after = reader.read_entries_after(connection, self._after, self.rows)
        self.slices += 1
        if not self._is_reading(self._target()):
            self._reset(None)  # a write came in between: start over on the next step
            return
        self._slices.append(rows)
        self._after = after if after is not None else self._after
        self._read_all = len(rows) < self.rows

    def rest(self) -> tuple[WorkEntry, ...] | None:
        """The records of a read under way for the cached plan's unread entries: the slices
        read so far and every row after them, read now. None without such a read."""
        with self._lock:
            if not self._is_reading(self._target()):
                self._reset(None)
                return None
            with self._db.snapshot_connection() as connection:
                rows, _ = reader.read_entries_after(connection, self._after)
            current = self._is_reading(self._target())
            records = self._joined(rows)
            self._reset(None)
            return records if current else None

    def _is_reading(self, target: Target | None) -> bool:
        """Whether `target` is the read under way (compared without reading any record)."""
        reading = self._reading
        return (
            target is not None
            and reading is not None
            and target[0] == reading[0]
            and target[1] is reading[1]
        )

    def _joined(self, rows: list[WorkEntry] | tuple[()]) -> tuple[WorkEntry, ...]:
        return tuple(chain.from_iterable(self._slices)) + tuple(rows)

    def _reset(self, target: Target | None) -> None:
        self._reading, self._slices, self._after, self._read_all = target, [], None, False
