"""The supervisors named in an imported file, as records.

A row's supervisor is matched by name (without case) to a stored supervisor; an unknown
name becomes a record, with the credential the row's supervision implies (`ccm` → CCM, `rn`
→ RN, `licensed-sw` → LCSW, `other-licensed`, `none`). The row keeps the supervision the file
gives: an import changes no counting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from careerplanner.domain.logbook import Credential, Supervisor
from careerplanner.domain.model import Supervision, WorkEntry
from careerplanner.domain.validation import MAX_TEXT
from careerplanner.domain.values import name_key
from careerplanner.storage import repositories as repo

_CREDENTIAL_OF = {
    Supervision.CCM: Credential.CCM,
    Supervision.RN: Credential.RN,
    Supervision.LICENSED_SW: Credential.LCSW,
    Supervision.OTHER_LICENSED: Credential.OTHER_LICENSED,
    Supervision.NONE: Credential.NONE,
}


def link_supervisors(session: Session, rows: Sequence[WorkEntry]) -> list[WorkEntry]:
    """The rows, each naming a supervisor (`supervisor_name`) pointing at its record."""
    if not any(getattr(e, "supervisor_name", "") for e in rows):
        return list(rows)
    known = {name_key(s.name): s.id for s in repo.list_all(session, repo.SUPERVISORS)}
    out: list[WorkEntry] = []
    for entry in rows:
        name = getattr(entry, "supervisor_name", "")
        if not name:
            out.append(entry)
            continue
        if name_key(name) not in known:
            made = Supervisor(name[:MAX_TEXT], _CREDENTIAL_OF[entry.supervision])
            known[name_key(name)] = repo.add(session, repo.SUPERVISORS, made).id
        out.append(replace(entry, supervisor_id=known[name_key(name)]))
    return out
