"""The hours table's column arrays (ids, days, hours, clock times, supervisors, texts) for
sorting, filtering and totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cached_property
from operator import attrgetter

import numpy as np

from careerplanner.domain.encoding import EncodedEntries
from careerplanner.domain.logbook import Supervisor
from careerplanner.domain.model import WorkEntry

NO_TIME = 24 * 60  # the start minute of an entry without clock times: after every real one

_LISTS = ("employers", "search")  # the cached lists of one value per row


class HoursColumns:
    """Column arrays of every row, for fast sorting, filtering and totals; built on first use."""

    def __init__(
        self,
        entries: Sequence[WorkEntry],
        encoded: EncodedEntries | None = None,
        supervisors: Mapping[int, Supervisor] | None = None,
    ) -> None:
        """`encoded`, when given, holds the same entries as number columns (the snapshot's):
        ids, hours and days are then taken from it instead of from every entry. `supervisors`
        are the records the entries' supervisor ids name."""
        self._entries = entries
        self._supervisors: Mapping[int, Supervisor] = supervisors or {}
        self._n = len(entries)
        self._members: dict[str, list[object]] = {}
        self._used: dict[str, bool] = {}
        self._encoded = encoded

    def _numbers(self, name: str, dtype: type) -> np.ndarray:
        return np.fromiter(map(attrgetter(name), self._entries), dtype, self._n)

    @cached_property
    def ids(self) -> np.ndarray:
        if self._encoded is not None:
            return self._encoded.ids
        return self._numbers("id", np.int64)

    @cached_property
    def hours(self) -> np.ndarray:
        if self._encoded is not None:
            return self._encoded.hours
        return self._numbers("hours", np.float64)

    @cached_property
    def first(self) -> np.ndarray:
        """First days, as ordinals."""
        if self._encoded is not None:
            return self._encoded.start
        starts = map(attrgetter("start"), self._entries)
        return np.fromiter(map(date.toordinal, starts), np.int64, self._n)

    @cached_property
    def last(self) -> np.ndarray:
        """Last days, as ordinals."""
        if self._encoded is not None:
            return self._encoded.end
        ends = [d.toordinal() if d else 0 for d in map(attrgetter("end"), self._entries)]
        last: np.ndarray = np.maximum(np.array(ends, np.int64), self.first)
        return last

    @cached_property
    def employers(self) -> list[str]:
        return list(map(attrgetter("employer"), self._entries))

    def members(self, name: str) -> list[object]:
        """The enum values of one column ("activity", "setting", "supervision")."""
        if name not in self._members:
            self._members[name] = list(map(attrgetter(name), self._entries))
        return self._members[name]

    def uses(self, name: str) -> bool:
        """Whether any row has a value for the attribute (clock times, a supervisor)."""
        if name not in self._used:
            self._used[name] = any(
                value is not None for value in map(attrgetter(name), self._entries)
            )
        return self._used[name]

    @cached_property
    def search(self) -> list[str]:
        """Lower-case free text of every row (employer, notes, verifier, supervisor's name) for
        the text filter."""
        names: dict[int | None, str] = {i: s.name for i, s in self._supervisors.items()}
        named = names.get
        return [
            f"{e.employer}\x1f{e.notes}\x1f{e.verified_by}\x1f{named(e.supervisor_id, '')}".lower()
            for e in self._entries
        ]

    def start_minutes(self) -> np.ndarray:
        """The start time of every row in minutes after midnight; NO_TIME for untimed rows."""
        times = map(attrgetter("start_time"), self._entries)
        minutes = [NO_TIME if t is None else t.hour * 60 + t.minute for t in times]
        return np.array(minutes, np.int64)

    def supervisor_ranks(self) -> np.ndarray:
        """Each row's supervisor by place in the name order (without case); rows without one
        rank after every supervisor."""
        named = sorted(self._supervisors.values(), key=lambda s: (s.name.casefold(), s.id))
        ranks: dict[int | None, int] = {s.id: i for i, s in enumerate(named)}
        last = len(ranks)
        ids = map(attrgetter("supervisor_id"), self._entries)
        return np.array([ranks.get(i, last) for i in ids], np.int64)

    @cached_property
    def employer_set(self) -> set[str]:
        """Every employer text logged (for the filter's and quick add's choices)."""
        return set(self.employers)

    def inserted(
        self, at: int, entries: Sequence[WorkEntry], encoded: EncodedEntries
    ) -> HoursColumns:
        """The columns of `entries`: these rows with the rows at..at+k-1 of `entries` inserted
        (k: how many more there are). The lists built so far move over with the new rows put
        in place (these columns are done with afterwards), rather than being built again."""
        after = HoursColumns(entries, encoded, self._supervisors)
        block = HoursColumns(entries[at : at + len(entries) - self._n], None, self._supervisors)
        lists = [(name, self.__dict__[name]) for name in _LISTS if name in self.__dict__]
        for name, values in lists:
            values[at:at] = getattr(block, name)
            after.__dict__[name] = values
        for name, values in self._members.items():
            values[at:at] = block.members(name)
            after._members[name] = values
        after._used = {name: used or block.uses(name) for name, used in self._used.items()}
        if "employer_set" in self.__dict__:
            after.__dict__["employer_set"] = self.employer_set | block.employer_set
        return after
