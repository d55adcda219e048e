"""What changed after a write, and who is told: pages refresh only when their kinds change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

KINDS = frozenset(
    {
        "profile",
        "degrees",
        "licenses",
        "exams",
        "entries",
        "ce",
        "goals",
        "scenarios",
        "reminders",
        "work",
        "supervisors",
        "employers",
        "schedules",
    }
)


@dataclass(frozen=True, slots=True)
class Change:
    """The kinds of data one committed user action touched."""

    kinds: frozenset[str]

    @classmethod
    def of(cls, *kinds: str) -> Change:
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown change kinds {sorted(unknown)}")
        return cls(frozenset(kinds))

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)


Listener = Callable[[Change], None]


class ChangeBus:
    """Tells every subscriber about each committed change, in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self.generation = 0  # how many changes were published: a cheap "has anything changed?"

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call `callback(change)` after every write; returns a function that unsubscribes."""
        self._listeners.append(callback)
        return lambda: self.unsubscribe(callback)

    def unsubscribe(self, callback: Listener) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def publish(self, change: Change) -> None:
        self.generation += 1
        for listener in list(self._listeners):
            listener(change)
