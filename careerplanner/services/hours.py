"""The hours log: add, edit, remove (with undo), verify and unlock work entries.

Every write refuses a day whose entries would add up to more than 24 h or two timed entries
that overlap, and a verified entry cannot be changed or removed until it is unlocked with a
reason. Every change goes to the entry's history (the audit log): what was added, which
fields an edit changed (old → new), verifications, unlocks, removals.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from careerplanner.domain.clock import check_no_clock_overlap
from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.history import changed_fields
from careerplanner.domain.model import WorkEntry
from careerplanner.domain.validation import (
    check_date,
    check_not_after_today,
    parse_text,
    validate_entry,
)
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.entry_links import Links
from careerplanner.services.snapshot import SnapshotCache
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from careerplanner.domain.encoding import EncodedEntries
    from careerplanner.storage.repositories import EntryEvent


class HoursService(ServiceBase):
    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, cache: SnapshotCache | None = None
    ) -> None:
        """`cache`, when given, is the plan's snapshot: the log shares its read and patches it
        with each write."""
        super().__init__(db, bus, today, cache)

    def list(self) -> Sequence[WorkEntry]:
        """Every entry, by start date then id (the snapshot's, read on first use, when shared)."""
        if self._cache is not None:
            return self._cache.plan().entries
        with self._db.session() as session:
            return repo.list_all(session, repo.ENTRIES)

    def columns(self) -> EncodedEntries:
        """The entries of `list()` as number columns (the snapshot's, when shared)."""
        from careerplanner.domain.encoding import encode_entries, plan_columns

        if self._cache is not None:
            return plan_columns(self._cache.plan())
        return encode_entries(self.list())

    def get(self, entry_id: int) -> WorkEntry:
        with self._db.session() as session:
            return _require(session, [entry_id])[0]

    def events(self, entry_id: int | None = None) -> builtins.list[EntryEvent]:
        """The history (additions, edits, verifications, unlocks, removals), of one entry or
        of all, oldest first."""
        with self._db.session() as session:
            return repo.entry_events(session, entry_id)

    def changed_after_verification(self) -> dict[int, date]:
        """Entry id -> the day it was first edited after being verified (for the report)."""
        verified: set[int] = set()
        changed: dict[int, date] = {}
        for e in self.events():
            if e.action == "verify":
                verified.add(e.entry_id)
            elif e.action == "edit" and e.entry_id in verified:
                changed.setdefault(e.entry_id, e.at.date())
        return changed

    def add(self, entry: WorkEntry) -> WorkEntry:
        return self.add_many([entry])[0]

    def add_many(self, entries: Sequence[WorkEntry]) -> builtins.list[WorkEntry]:
        """Store new entries all together or, if any one is refused, none of them."""
        clean = [replace(self._validate(e, i, len(entries)), id=0) for i, e in enumerate(entries)]
        token = self._token()
        with self._db.session() as session:
            stored = insert_entries(session, clean, "add", "")
        self._publish(ChangeKind.ENTRIES, token=token, added=stored)
        return stored

    def update(self, entry: WorkEntry) -> WorkEntry:
        """Change an unverified entry (its verification fields are not changed here)."""
        token = self._token()
        with self._db.session() as session:
            old = _require(session, [entry.id])[0]
            _refuse_locked(old, "changed")
            clean = self._validate(entry, 0, 1)
            clean = Links(session).apply(
                replace(
                    clean,
                    verified_by=old.verified_by,
                    verified_credential=old.verified_credential,
                    verified_on=old.verified_on,
                )
            )
            repo.update_one(session, repo.ENTRIES, clean)
            check_written(session, [clean])
            changed = changed_fields(old, clean)
            if changed:
                repo.record_events(session, [event(clean.id, "edit", "", changed)])
        self._publish(ChangeKind.ENTRIES, token=token, added=[clean], removed=[clean.id])
        return clean

    def remove(self, entry_id: int) -> WorkEntry:
        return self.remove_many([entry_id])[0]

    def remove_many(self, ids: Iterable[int]) -> builtins.list[WorkEntry]:
        """Remove entries (none if any is missing or verified); returns them, for undo."""
        wanted = list(dict.fromkeys(ids))
        token = self._token()
        with self._db.session() as session:
            found = _require(session, wanted)
            for entry in found:
                _refuse_locked(entry, "removed")
            repo.delete_ids(session, repo.ENTRIES, wanted)
            repo.record_events(session, [self._event(e.id, "remove", _describe(e)) for e in found])
        self._publish(ChangeKind.ENTRIES, token=token, removed=wanted)
        return found

    def restore(self, entries: Sequence[WorkEntry]) -> builtins.list[WorkEntry]:
        """Put removed entries back under their old ids (undo of a removal)."""
        clean = [self._validate(e, i, len(entries)) for i, e in enumerate(entries)]
        token = self._token()
        with self._db.session() as session:
            taken = repo.get_many(session, repo.ENTRIES, [e.id for e in clean if e.id])
            if taken:
                first = taken[min(taken)]
                raise ValidationError(f"the entry of {_describe(first)} already exists", "id")
            kept = [e for e in clean if e.id]
            stored = repo.add_many(session, repo.ENTRIES, kept, keep_ids=True)
            stored += repo.add_many(session, repo.ENTRIES, [e for e in clean if not e.id])
            check_written(session, stored)
            repo.record_events(session, [self._event(e.id, "restore", "") for e in stored])
        self._publish(ChangeKind.ENTRIES, token=token, added=stored)
        return stored

    def verify(
        self, ids: Iterable[int], by: str, credential: str, on: date
    ) -> builtins.list[WorkEntry]:
        """Record who signed the entries off, with which credential, on which day; locks them."""
        signer = parse_text(by, "verified by")
        if not signer:
            raise ValidationError("say who verified the hours", "verified by")
        credential = parse_text(credential, "credential")
        check_date(on, "verified on")
        check_not_after_today(on, self._today(), "an entry can't be verified", "verified on")
        wanted = list(dict.fromkeys(ids))
        token = self._token()
        with self._db.session() as session:
            found = _require(session, wanted)
            for entry in found:
                if entry.verified:
                    raise ValidationError(
                        f"the entry of {_describe(entry)} is already verified by "
                        f"{entry.verified_by} on "
                        f"{entry.verified_on}; unlock it first to verify it again",
                        "id",
                    )
            done = [
                replace(e, verified_by=signer, verified_credential=credential, verified_on=on)
                for e in found
            ]
            for entry in done:
                repo.update_one(session, repo.ENTRIES, entry)
            detail = f"verified by {signer}" + (f" ({credential})" if credential else "")
            repo.record_events(
                session, [self._event(e.id, "verify", f"{detail} on {on}") for e in done]
            )
        self._publish(ChangeKind.ENTRIES, token=token, added=done, removed=wanted)
        return done

    def unlock(self, entry_id: int, reason: str) -> WorkEntry:
        """Clear an entry's verification so it can be edited; the reason goes to the audit log."""
        why = parse_text(reason, "reason")
        if not why:
            raise ValidationError("give a reason for unlocking a verified entry", "reason")
        token = self._token()
        with self._db.session() as session:
            entry = _require(session, [entry_id])[0]
            if not entry.verified:
                raise ValidationError(
                    f"the entry of {_describe(entry)} is not verified, so it is not locked", "id"
                )
            was = f"was verified by {entry.verified_by} on {entry.verified_on}"
            open_entry = replace(entry, verified_by="", verified_credential="", verified_on=None)
            repo.update_one(session, repo.ENTRIES, open_entry)
            repo.record_events(session, [self._event(entry_id, "unlock", f"{why} ({was})")])
        self._publish(ChangeKind.ENTRIES, token=token, added=[open_entry], removed=[entry_id])
        return open_entry

    def _validate(self, entry: WorkEntry, index: int, total: int) -> WorkEntry:
        try:
            return validate_entry(entry, self._today())
        except ValidationError as error:
            if total == 1:
                raise
            raise ValidationError(f"entry {index + 1}: {error.message}", error.field) from error

    def _event(self, entry_id: int, action: str, detail: str) -> EntryEvent:
        return event(entry_id, action, detail)


def event(
    entry_id: int, action: str, detail: str, changed: dict[str, builtins.list[Any]] | None = None
) -> EntryEvent:
    at = datetime.now().replace(microsecond=0)
    return repo.EntryEvent(entry_id, at, action, detail, changed or {})


def insert_entries(
    session: Session, clean: Sequence[WorkEntry], action: str, detail: str, source: str = ""
) -> builtins.list[WorkEntry]:
    """Store validated new entries with their links resolved, checked as a whole, each with a
    history line (`action`: "add", "fill", "import")."""
    links = Links(session)
    linked = [links.apply(e) for e in clean]
    ids = repo.insert_many(session, repo.ENTRIES, linked)  # the import's bulk path
    stored = list(map(repo.ENTRIES.with_id, linked, ids))
    check_written(session, stored)
    at = datetime.now().replace(microsecond=0)
    repo.record_events(
        session,
        [repo.EntryEvent(e.id, at, action, detail or _describe(e), {}, source) for e in stored],
    )
    return stored


def check_written(session: Session, touched: Sequence[WorkEntry]) -> None:
    """Refuse (rolling back) a day over 24 h or two timed entries overlapping."""
    _check_days(session, touched)
    timed = [e for e in touched if e.timed]
    if timed:
        first, last = min(e.start for e in timed), max(e.start for e in timed)
        check_no_clock_overlap(timed, repo.timed_between(session, first, last))


def _require(session: Session, ids: list[int]) -> list[WorkEntry]:
    found = repo.get_many(session, repo.ENTRIES, ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"there is no entry with id {missing[0]}", "id")
    return [found[i] for i in ids]


def _refuse_locked(entry: WorkEntry, done: str) -> None:
    if entry.verified:
        raise ValidationError(
            f"the entry of {_describe(entry)} was verified by {entry.verified_by or 'someone'} on "
            f"{entry.verified_on}; unlock it before it can be {done}",
            "id",
        )


def _check_days(session: Session, touched: Sequence[WorkEntry]) -> None:
    """Refuse (rolling the transaction back) when a day of `touched` now exceeds 24 h."""
    if not touched:
        return
    first = min(e.start for e in touched)
    last = max(e.last_day for e in touched)
    spans = repo.spans_between(session, first, last)
    validate_day_totals(spans, [(e.start, e.last_day) for e in touched])


def _describe(entry: WorkEntry) -> str:
    span = f"{entry.start}" + (f" to {entry.end}" if entry.end else "")
    return f"{entry.hours:g} h on {span}" + (f" at {entry.employer}" if entry.employer else "")
