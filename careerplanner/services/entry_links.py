"""An entry's links to its supervisor and employer records, resolved inside a transaction.

One definition of what the links mean: an unverified entry naming a supervisor takes its
supervision from the supervisor's credential (a verified entry keeps what was verified); an
entry naming an employer takes the employer's setting when its own is `other` (not given);
a free-text employer becomes a record on first use (one per name, compared without case).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from careerplanner.domain.errors import NotFoundError
from careerplanner.domain.logbook import Employer, Supervisor
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.domain.values import name_key
from careerplanner.storage import repositories as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Links:
    """The supervisors and employers of one transaction, read once, to resolve entries."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._supervisors: dict[int, Supervisor] | None = None
        self._employers: dict[int, Employer] | None = None
        self._by_name: dict[str, Employer] = {}

    def supervisor(self, supervisor_id: int) -> Supervisor:
        if self._supervisors is None:
            found = repo.list_all(self._session, repo.SUPERVISORS)
            self._supervisors = {s.id: s for s in found}
        if supervisor_id not in self._supervisors:
            raise NotFoundError(f"there is no supervisor with id {supervisor_id}", "supervisor")
        return self._supervisors[supervisor_id]

    def employer(self, employer_id: int) -> Employer:
        employers = self._all_employers()
        if employer_id not in employers:
            raise NotFoundError(f"there is no employer with id {employer_id}", "employer")
        return employers[employer_id]

    def employer_named(self, name: str) -> Employer:
        """The employer of this name, made a record now if there is none."""
        self._all_employers()
        key = name_key(name)
        if key not in self._by_name:
            made = repo.add(self._session, repo.EMPLOYERS, Employer(name.strip()))
            assert self._employers is not None
            self._employers[made.id] = made
            self._by_name[key] = made
        return self._by_name[key]

    def _all_employers(self) -> dict[int, Employer]:
        if self._employers is None:
            found = repo.list_all(self._session, repo.EMPLOYERS)
            self._employers = {e.id: e for e in found}
            for e in found:
                self._by_name.setdefault(name_key(e.name), e)
        return self._employers

    def apply(self, entry: WorkEntry) -> WorkEntry:
        """The entry with what its supervisor and employer decide."""
        changes: dict[str, object] = {}
        if entry.supervisor_id is not None:
            supervisor = self.supervisor(entry.supervisor_id)
            if not entry.verified and entry.supervision != supervisor.supervision:
                changes["supervision"] = supervisor.supervision
        employer = None
        if entry.employer_id is not None:
            employer = self.employer(entry.employer_id)
            if not entry.employer:
                changes["employer"] = employer.name
        elif entry.employer.strip():
            employer = self.employer_named(entry.employer)
            changes["employer_id"] = employer.id
        if employer is not None and employer.setting and entry.setting is Setting.OTHER:
            changes["setting"] = employer.setting
        return replace(entry, **changes) if changes else entry  # type: ignore[arg-type]
