"""What every service shares: the database, today's date, and publishing after commit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from careerplanner.domain.model import WorkEntry
from careerplanner.services.bus import Change, ChangeBus, ChangeKind
from careerplanner.storage import Database

if TYPE_CHECKING:
    from careerplanner.services.snapshot import SnapshotCache, Stamp

Today = Callable[[], date]


class ServiceBase:
    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, cache: SnapshotCache | None = None
    ) -> None:
        self._db = db
        self._bus = bus
        self._today = today
        self._cache = cache

    def _cached_part(self, kind: ChangeKind) -> tuple[object, ...] | None:
        """The snapshot's records of one change kind ("degrees", "work"...), when shared."""
        return self._cache.part(kind) if self._cache is not None else None

    def _token(self) -> Stamp | None:
        """Taken before a write, so that `_publish` can patch the cached snapshot."""
        return self._cache.token() if self._cache is not None else None

    def _publish(
        self,
        *kinds: ChangeKind,
        token: Stamp | None = None,
        added: Sequence[WorkEntry] = (),
        removed: Iterable[int] = (),
    ) -> None:
        """After a commit: patch the cached snapshot (or drop it, without a token), then tell
        the subscribers."""
        change = Change.of(*kinds)
        if self._cache is not None:
            self._cache.patch(token, kinds, added=added, removed=removed)
        self._bus.publish(change)
