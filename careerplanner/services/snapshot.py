"""The cached plan snapshot: read once, then kept current by each write's own changes.

A write takes a `token()` before its transaction and hands `patch()` what it changed once
committed: changed entries are merged into the cached ones (and their number columns), any other
changed part of the plan is read again on its own. The cache is read in full again only when it
was not current before the write (another process wrote, or nothing was cached), and after an
import or a restore (which publish every kind without patching).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from careerplanner.domain.model import Plan, Profile, WorkEntry
from careerplanner.services.bus import ChangeBus
from careerplanner.storage import Database, reader

Stamp = tuple[object, ...]

# The parts of a plan each change kind names, and the table spec that reads them again.
_PARTS: dict[str, tuple[str, reader.TableSpec[Any]]] = {
    "degrees": ("degrees", reader.DEGREES),
    "licenses": ("licenses", reader.LICENSES),
    "exams": ("exams", reader.EXAMS),
    "ce": ("ce", reader.CE),
    "goals": ("goals", reader.GOALS),
    "work": ("work_periods", reader.WORK_PERIODS),
}


class SnapshotCache:
    def __init__(self, db: Database, bus: ChangeBus) -> None:
        self._db = db
        self._bus = bus
        self._cached: tuple[Stamp, Plan] | None = None
        self.reads = 0  # full reads of the plan, so far

    def _stamp(self, generation: int | None = None) -> Stamp:
        """Our own writes bump the bus; another process's change the file or its WAL."""
        files: list[tuple[int, int, int] | None] = []
        for path in (self._db.path, self._db.path.with_name(self._db.path.name + "-wal")):
            try:
                info = path.stat()
                files.append((info.st_mtime_ns, info.st_size, info.st_ino))
            except FileNotFoundError:
                files.append(None)
        return (self._bus.generation if generation is None else generation, *files)

    def plan(self) -> Plan:
        """Everything stored, read in one transaction (or the cached read, if still current)."""
        stamp = self._stamp()
        if self._cached is not None and self._cached[0] == stamp:
            return self._cached[1]
        with self._db.snapshot_connection() as connection:
            plan = reader.read_plan(connection)
        self.reads += 1
        self._cached = (self._stamp(), plan)
        return plan

    def part(self, kind: str) -> tuple[object, ...] | None:
        """The cached records of one change kind that is a part of the plan; None when that
        would need a read (a full read to list a few licenses would cost more than it saves)."""
        if kind not in _PARTS or self.token() is None:
            return None
        parts: tuple[object, ...] = getattr(self.plan(), _PARTS[kind][0])
        return parts

    def token(self) -> Stamp | None:
        """Taken before a write: the stamp, when the cached snapshot is current."""
        if self._cached is not None and self._cached[0] == self._stamp():
            return self._cached[0]
        return None

    def patch(
        self,
        token: Stamp | None,
        kinds: Iterable[str],
        *,
        added: Sequence[WorkEntry] = (),
        removed: Iterable[int] = (),
    ) -> None:
        """After a committed write, before its change is published: the cached snapshot with
        the write's changes (entries `removed` by id, then `added`), or none."""
        cached, self._cached = self._cached, None
        if token is None or cached is None or cached[0] != token:
            return
        plan = cached[1]
        kinds = set(kinds)
        if "entries" in kinds:
            plan = _with_entries(plan, set(removed), added)
        changed = [_PARTS[k] for k in kinds if k in _PARTS]
        if changed:
            with self._db.snapshot_connection() as connection:
                parts: dict[str, Any] = {n: tuple(spec.read(connection)[0]) for n, spec in changed}
            plan = replace(plan, **parts)
        if "profile" in kinds:
            with self._db.snapshot_connection() as connection:
                found = reader.PROFILE.read(connection, "id = ?", (reader.PROFILE_ID,))[0]
            plan = replace(plan, profile=found[0] if found else Profile())
        self._cached = (self._stamp(self._bus.generation + 1), plan)  # as after the publish


def _with_entries(plan: Plan, removed: set[int], added: Sequence[WorkEntry]) -> Plan:
    """The plan's entries without `removed`, with `added`, by start date then id."""
    from careerplanner.domain.encoding import plan_columns

    columns = plan_columns(plan).patched(removed, tuple(added))
    return replace(plan, entries=columns.source, encoded=columns)
