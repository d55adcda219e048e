"""Supervisors and employers as records.

A supervisor's credential decides the supervision of their unverified entries, so editing
it updates those entries (each change in the entry's history) and says how many; verified
entries keep what was verified. A supervisor or employer named by entries or schedules
cannot be removed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.logbook import (
    Employer,
    Supervisor,
    validate_employer,
    validate_supervisor,
)
from careerplanner.domain.values import name_key
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus, ChangeKind
from careerplanner.services.hours import event
from careerplanner.services.records import RecordStore
from careerplanner.storage import Database, reader
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class SupervisorUpdate:
    supervisor: Supervisor
    updated: int  # unverified entries whose supervision changed
    kept: int  # verified entries that keep what was verified


class SupervisorService(ServiceBase):
    def __init__(self, db: Database, bus: ChangeBus, today: Today) -> None:
        super().__init__(db, bus, today)
        self._store = RecordStore(
            self,
            reader.SUPERVISORS,
            ChangeKind.SUPERVISORS,
            validate_supervisor,
        )

    def list(self) -> tuple[Supervisor, ...]:
        """Every supervisor, by name."""
        return self._store.list()

    def get(self, supervisor_id: int) -> Supervisor:
        return self._store.get(supervisor_id)

    def named(self, name: str) -> Supervisor:
        """The supervisor of this name (without case); NotFoundError when there is none."""
        return _one_named(self.list(), name, "supervisor")

    def add(self, supervisor: Supervisor) -> Supervisor:
        return self._store.add(supervisor)

    def update(self, supervisor: Supervisor) -> SupervisorUpdate:
        """Store the change; a new credential re-decides the unverified entries' supervision."""
        clean = validate_supervisor(supervisor)
        with self._db.session() as session:
            self._store.require(session, clean.id)
            repo.update_one(session, repo.SUPERVISORS, clean)
            updated, kept = _follow_credential(session, clean)
        self._publish(ChangeKind.SUPERVISORS, ChangeKind.ENTRIES)
        return SupervisorUpdate(clean, updated, kept)

    def remove(self, supervisor_id: int) -> Supervisor:
        with self._db.session() as session:
            found = self._store.require(session, supervisor_id)
            _refuse_named(session, "supervisor_id", supervisor_id, f"supervisor {found.name}")
            repo.delete_ids(session, repo.SUPERVISORS, [supervisor_id])
        self._publish(ChangeKind.SUPERVISORS)
        return found


class EmployerService(ServiceBase):
    def __init__(self, db: Database, bus: ChangeBus, today: Today) -> None:
        super().__init__(db, bus, today)
        self._store = RecordStore(
            self,
            reader.EMPLOYERS,
            ChangeKind.EMPLOYERS,
            validate_employer,
            _unique,
        )

    def list(self) -> tuple[Employer, ...]:
        """Every employer, by name."""
        return self._store.list()

    def get(self, employer_id: int) -> Employer:
        return self._store.get(employer_id)

    def named(self, name: str) -> Employer:
        return _one_named(self.list(), name, "employer")

    def add(self, employer: Employer) -> Employer:
        return self._store.add(employer)

    def update(self, employer: Employer) -> Employer:
        return self._store.update(employer)

    def remove(self, employer_id: int) -> Employer:
        with self._db.session() as session:
            found = self._store.require(session, employer_id)
            _refuse_named(session, "employer_id", employer_id, f"employer {found.name}")
            repo.delete_ids(session, repo.EMPLOYERS, [employer_id])
        self._publish(ChangeKind.EMPLOYERS)
        return found


R = TypeVar("R", Supervisor, Employer)


def _one_named(records: tuple[R, ...], name: str, noun: str) -> R:
    found = [r for r in records if name_key(r.name) == name_key(name)]
    if not found:
        raise NotFoundError(f"there is no {noun} named '{name.strip()[:80]}'", noun)
    return found[0]


def _unique(session: Session, employer: Employer) -> None:
    for other in repo.list_all(session, repo.EMPLOYERS):
        if other.id != employer.id and name_key(other.name) == name_key(employer.name):
            raise ValidationError(f"there is already an employer named {other.name}", "name")


def _refuse_named(session: Session, column: str, record_id: int, what: str) -> None:
    entries = repo.count_naming(session, column, record_id)
    schedules = sum(
        1 for s in repo.list_all(session, repo.SCHEDULES) if getattr(s, column) == record_id
    )
    if entries or schedules:
        parts = [f"{entries:,} entries"] if entries else []
        parts += [f"{schedules} schedules"] if schedules else []
        raise ValidationError(f"{what} is named by {' and '.join(parts)}; change those first", "id")


def _follow_credential(session: Session, supervisor: Supervisor) -> tuple[int, int]:
    updated = kept = 0
    for entry in repo.entries_naming(session, "supervisor_id", supervisor.id):
        if entry.supervision == supervisor.supervision:
            continue
        if entry.verified:
            kept += 1
            continue
        new = replace(entry, supervision=supervisor.supervision)
        repo.update_one(session, repo.ENTRIES, new)
        changed = {"supervision": [entry.supervision.value, new.supervision.value]}
        detail = f"{supervisor.name}'s credential is now {supervisor.credential.value}"
        repo.record_events(session, [event(entry.id, "edit", detail, changed)])
        updated += 1
    return updated, kept
