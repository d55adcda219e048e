"""A plan's work entries as a sequence whose records are read only when first needed.

The rule engine works on the entries' number columns (`encoding.EncodedEntries`); a start-up
that reads those from their stored copy need not build 100,000 `WorkEntry` records the Overview
never looks at. `LazyEntries` knows the entries' ids (so its length costs nothing) and a
function that reads the records; it behaves like the tuple of those records: indexing,
iteration, equality, hashing and `+` with tuples both ways.

Consistency: the records are the table's rows at the moment the sequence is materialized, in
the columns' (start, id) order. When their ids differ from the columns' (another process wrote
in between), the records read are kept (the length follows them) and `stale` is told, so the
holder of the snapshot can drop it. Records read ahead (`offer`) are taken only when their ids
are the columns' own.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from careerplanner.domain.model import WorkEntry

Load = Callable[[], Sequence[WorkEntry]]


class LazyEntries(Sequence[WorkEntry]):
    """Entries with the ids `ids` (in order), read by `load` on first use."""

    __slots__ = ("_ids", "_load", "_lock", "_records", "_stale")

    def __init__(
        self,
        ids: npt.NDArray[np.int64],
        load: Load,
        stale: Callable[[LazyEntries], None] | None = None,
    ) -> None:
        self._ids = ids
        self._load = load
        self._stale = stale
        self._records: tuple[WorkEntry, ...] | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the records have been read."""
        return self._records is not None

    @property
    def records(self) -> tuple[WorkEntry, ...]:
        """The records as a tuple, read now if they were not yet."""
        records = self._records
        if records is None:
            with self._lock:
                if self._records is None:
                    self._records = self._read()
                records = self._records
        return records

    def offer(self, records: Sequence[WorkEntry]) -> bool:
        """Take `records`, read ahead of first use, as this sequence's own: only when it is not
        read yet and their ids are the ones expected (else they are dropped). True if taken."""
        with self._lock:
            if self._records is not None or not self._expects(records):
                return False
            self._records = tuple(records)
            return True

    def _expects(self, records: Sequence[WorkEntry]) -> bool:
        read = np.fromiter((e.id for e in records), np.int64, len(records))
        return np.array_equal(read, self._ids)

    def derived(self, ids: npt.NDArray[np.int64]) -> LazyEntries:
        """Another, unread sequence over the same table, expecting the ids `ids`."""
        return LazyEntries(ids, self._load, self._stale)

    def _read(self) -> tuple[WorkEntry, ...]:
        records = tuple(self._load())
        if not self._expects(records) and self._stale is not None:
            self._stale(self)
        return records

    def __len__(self) -> int:
        return len(self._ids) if self._records is None else len(self._records)

    @overload
    def __getitem__(self, index: int) -> WorkEntry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[WorkEntry, ...]: ...

    def __getitem__(self, index: int | slice) -> WorkEntry | tuple[WorkEntry, ...]:
        return self.records[index]

    def __iter__(self) -> Iterator[WorkEntry]:
        return iter(self.records)

    def __contains__(self, value: object) -> bool:
        return value in self.records

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        return self.records.index(value, start, stop)

    def count(self, value: Any) -> int:
        return self.records.count(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyEntries):
            return other is self or self.records == other.records
        if isinstance(other, tuple):
            return self.records == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.records)

    def __add__(self, other: object) -> tuple[WorkEntry, ...]:
        if isinstance(other, LazyEntries):
            return self.records + other.records
        if isinstance(other, tuple):
            return self.records + other
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, tuple):
            return other + self.records
        return NotImplemented

    def __reduce__(self) -> tuple[type[tuple[Any, ...]], tuple[tuple[WorkEntry, ...]]]:
        return (tuple, (self.records,))  # a copy is an ordinary tuple of the records

    def __repr__(self) -> str:
        return repr(self.records)
