"""The cached plan snapshot: read once, then kept current by each write's own changes.

A write takes a `token()` before its transaction and hands `patch()` what it changed once
committed: changed entries are merged into the cached ones (and their number columns), any other
changed part of the plan is read again on its own. The cache is read in full again only when it
was not current before the write (another process wrote, or nothing was cached), and after an
import or a restore (which publish every kind without patching).

A read takes the entries' number columns from their stored copy when the file has one, and
then reads the entries' records only when something first asks for them (`entry_reads`
counts those reads), or ahead of that, in slices (`prefetch`, services/entry_prefetch.py).
`store_entry_columns` writes the copy for the next start, from a cached snapshot that is still
the file's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from careerplanner.domain.model import Plan, WorkEntry
from careerplanner.services.bus import ChangeBus
from careerplanner.services.entry_prefetch import EntryPrefetch
from careerplanner.storage import Database, reader

if TYPE_CHECKING:
    from careerplanner.domain.lazy_entries import LazyEntries

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
        self._columns_stored = False  # whether the file holds the cached plan's entry columns
        self.reads = 0  # full reads of the plan, so far
        self.entry_reads = 0  # reads of the entries' records a plan put off (LazyEntries)
        self.prefetch = EntryPrefetch(db, self._unread_entries)  # those read ahead, in slices

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
            plan = reader.read_plan(connection, records=self._entry_records, stale=self._stale)
        from careerplanner.domain.lazy_entries import LazyEntries  # numpy: loaded by the read

        self.reads += 1
        self._columns_stored = isinstance(plan.entries, LazyEntries)  # read from the copy
        self._cached = (self._stamp(), plan)
        return plan

    def _entry_records(self) -> tuple[WorkEntry, ...]:
        """The rows for a `LazyEntries`' first use: those of a prefetch under way joined to
        the rest, or all of them read now."""
        records = self.prefetch.rest()
        if records is None:
            with self._db.snapshot_connection() as connection:
                records = reader.read_entries(connection)
        self.entry_reads += 1
        return records

    def _unread_entries(self) -> tuple[Stamp, LazyEntries] | None:
        """The cached plan's stamp and its entries, when it is current and they are unread:
        what `prefetch` reads ahead."""
        from careerplanner.domain.lazy_entries import LazyEntries

        token = self.token()
        if token is None or self._cached is None:
            return None
        entries = self._cached[1].entries
        if isinstance(entries, LazyEntries) and not entries.loaded:
            return token, entries
        return None

    def _stale(self, entries: LazyEntries) -> None:
        """The rows read for `entries` are not the ones its columns were: another process
        wrote in between, so the cached plan (if it has them) is read again when next asked."""
        if self._cached is not None and self._cached[1].entries is entries:
            self._cached = None

    def store_entry_columns(self) -> bool:
        """Keep a copy of the cached plan's entry columns in the file, for the next start: only
        when the file lacks it and the cached plan is still current (checked again under the
        write lock). True when it was written."""
        from careerplanner.domain.encoding import plan_columns
        from careerplanner.storage import entry_columns

        cached = self._cached
        if self._columns_stored or cached is None or self.token() is None:
            return False
        if not self._db.checked_sound():  # not before the file's check passed: it waits
            return False
        columns = plan_columns(cached[1])
        with self._db.snapshot_connection() as connection:
            written = entry_columns.store(connection, columns, lambda: self.token() is not None)
        if written:  # our own write changed the file's stamp, not the plan
            self._columns_stored = True
            self._cached = (self._stamp(), cached[1])
        return written

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
            self._columns_stored = False  # the write's triggers deleted the copy
        changed = [_PARTS[k] for k in kinds if k in _PARTS]
        if changed:
            with self._db.snapshot_connection() as connection:
                parts: dict[str, Any] = {n: tuple(spec.read(connection)[0]) for n, spec in changed}
            plan = replace(plan, **parts)
        if "profile" in kinds:
            with self._db.snapshot_connection() as connection:
                plan = replace(plan, profile=reader.read_profile(connection))
        self._cached = (self._stamp(self._bus.generation + 1), plan)  # as after the publish


def _with_entries(plan: Plan, removed: set[int], added: Sequence[WorkEntry]) -> Plan:
    """The plan's entries without `removed`, with `added`, by start date then id."""
    from careerplanner.domain.encoding import plan_columns

    columns = plan_columns(plan).patched(removed, tuple(added))
    return replace(plan, entries=columns.source, encoded=columns)
