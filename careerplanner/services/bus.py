"""What changed after a write, and who is told: pages refresh only when their kinds change.

A change names its kinds (`ChangeKind`, so a misspelt kind fails type checking and
`Change.of`) and its origin: whoever acted inside `ChangeBus.acting_for(origin)`, for
example the page whose command wrote, so that page can refresh itself and the others
know they need not refresh it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum


class ChangeKind(StrEnum):
    """A kind of data a write can touch."""

    PROFILE = "profile"
    DEGREES = "degrees"
    LICENSES = "licenses"
    EXAMS = "exams"
    ENTRIES = "entries"
    CE = "ce"
    GOALS = "goals"
    SCENARIOS = "scenarios"
    REMINDERS = "reminders"
    WORK = "work"
    SUPERVISORS = "supervisors"
    EMPLOYERS = "employers"
    SCHEDULES = "schedules"


KINDS = frozenset(ChangeKind)

# What eligibility and its projection are computed from: a page showing them refreshes on each.
PLAN_INPUTS = frozenset(
    {
        ChangeKind.PROFILE,
        ChangeKind.DEGREES,
        ChangeKind.LICENSES,
        ChangeKind.EXAMS,
        ChangeKind.ENTRIES,
        ChangeKind.CE,
        ChangeKind.GOALS,
        ChangeKind.WORK,
    }
)


@dataclass(frozen=True, slots=True)
class Change:
    """The kinds of data one committed user action touched, and who acted (None: unknown)."""

    kinds: frozenset[ChangeKind]
    origin: object | None = None

    @classmethod
    def of(cls, *kinds: ChangeKind) -> Change:
        """The change of these kinds; ValueError for a value that is no kind."""
        return cls(frozenset(ChangeKind(kind) for kind in kinds))


Listener = Callable[[Change], None]


class ChangeBus:
    """Tells every subscriber about each committed change, in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._origin: object | None = None
        self.generation = 0  # how many changes were published: a cheap "has anything changed?"

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call `callback(change)` after every write; returns a function that unsubscribes."""
        self._listeners.append(callback)
        return lambda: self.unsubscribe(callback)

    def unsubscribe(self, callback: Listener) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    @contextmanager
    def acting_for(self, origin: object) -> Iterator[None]:
        """Changes published inside carry `origin` (unless they name their own)."""
        before, self._origin = self._origin, origin
        try:
            yield
        finally:
            self._origin = before

    def publish(self, change: Change) -> None:
        if change.origin is None and self._origin is not None:
            change = replace(change, origin=self._origin)
        self.generation += 1
        for listener in list(self._listeners):
            listener(change)
