"""What each cell of the hours table says: its columns, headers and the text of every cell.

The table shows an entry's clock times ("07:00–15:30 (30 min)": the break in brackets, the
tooltip says it in full) and its supervisor record ("Dana Lee, RN"); both are read-only here
(the entry dialog edits them).
"""

from __future__ import annotations

from collections.abc import Mapping

from careerplanner.domain.clock import hhmm
from careerplanner.domain.labels import member_label, paid_label
from careerplanner.domain.logbook import Credential, Supervisor
from careerplanner.domain.model import Activity, Setting, Supervision, WorkEntry
from careerplanner.domain.validation import fmt_number

COL_DATE, COL_END, COL_HOURS, COL_TIME, COL_ACTIVITY, COL_SETTING = 0, 1, 2, 3, 4, 5
COL_SUPERVISION, COL_SUPERVISOR, COL_PAID, COL_EMPLOYER, COL_VERIFIED, COL_NOTES = range(6, 12)
LAST_COLUMN = COL_NOTES  # notes last: they take the room left, so nothing scrolls out of sight
HEADERS = (
    "Date",
    "Until",
    "Hours",
    "Time",
    "Activity",
    "Setting",
    "Supervision",
    "Supervisor",
    "Paid",
    "Employer",
    "Verified",
    "Notes",
)
HEADER_TIPS = (
    "The day worked, or the first day of a span",
    "The last day of a span (a week, a pay period); empty for a single day",
    "Hours worked (spread evenly over the days of a span)",
    "Clock times, the break in brackets; empty for an entry without times (Edit… to change)",
    "What kind of work it was",
    "Where the work was done",
    "Who supervised the work",
    "The supervisor named on the entry, with their credential (Edit… to change)",
    "Paid or unpaid (volunteer) work",
    "Employer or placement",
    "Signed off by a supervisor; verified entries are locked",
    "Your notes",
)
READ_ONLY = frozenset({COL_TIME, COL_SUPERVISOR, COL_VERIFIED})
EDITABLE = frozenset(range(len(HEADERS))) - READ_ONLY
ENUM_COLUMNS: dict[int, type[Activity] | type[Setting] | type[Supervision]] = {
    COL_ACTIVITY: Activity,
    COL_SETTING: Setting,
    COL_SUPERVISION: Supervision,
}
SHORT_CREDENTIALS = frozenset({Credential.CCM, Credential.LCSW, Credential.LMSW, Credential.RN})
CREDENTIAL_WORDS = {Credential.OTHER_LICENSED: "other licensed", Credential.NONE: "no credential"}

Supervisors = Mapping[int, Supervisor]


def time_text(e: WorkEntry) -> str:
    """The clock times and break as the Time column shows them; empty without clock times."""
    if e.start_time is None or e.end_time is None:
        return ""
    span = f"{hhmm(e.start_time)}–{hhmm(e.end_time)}"
    return f"{span} ({e.break_minutes} min)" if e.break_minutes else span


def time_sentence(e: WorkEntry) -> str | None:
    """The clock times, break and the hours they make, in a sentence (the tooltips')."""
    if e.start_time is None or e.end_time is None:
        return None
    pause = f", less a {e.break_minutes} min break" if e.break_minutes else ""
    return f"{hhmm(e.start_time)}–{hhmm(e.end_time)}{pause}: {fmt_number(e.hours)} h"


def supervisor_text(s: Supervisor | None) -> str:
    """The supervisor's name, with the credential when it is a short one ("Dana Lee, RN")."""
    if s is None:
        return ""
    return f"{s.name}, {s.credential.value}" if s.credential in SHORT_CREDENTIALS else s.name


def supervisor_choice(s: Supervisor) -> str:
    """A supervisor in a chooser: as the Supervisor column writes it, with any other credential
    in words ("Sam Kim, other licensed"), so two namesakes can be told apart."""
    if s.credential in SHORT_CREDENTIALS:
        return supervisor_text(s)
    return f"{s.name}, {CREDENTIAL_WORDS.get(s.credential, s.credential.value)}"


def supervisor_sentence(s: Supervisor) -> str:
    """Who supervised, in full: credential (in words when not short), license and state."""
    credential = CREDENTIAL_WORDS.get(s.credential, s.credential.value)
    where = f" ({s.state})" if s.state else ""
    license_ = f", license {s.license_number}{where}" if s.license_number else ""
    return f"Supervised by {s.name} ({credential}){license_}"


def verified_text(e: WorkEntry) -> str:
    return f"✔ {e.verified_by}" if e.verified_on is not None else ""


def display(e: WorkEntry, column: int, supervisors: Supervisors) -> str:
    """The text a cell shows."""
    if column == COL_DATE:
        return e.start.isoformat()
    if column == COL_END:
        return e.end.isoformat() if e.end else ""
    if column == COL_HOURS:
        return fmt_number(e.hours)
    if column == COL_TIME:
        return time_text(e)
    if column in ENUM_COLUMNS:
        return member_label(getattr(e, HEADERS[column].lower()))
    if column == COL_SUPERVISOR:
        return supervisor_text(_supervisor(e, supervisors))
    if column == COL_PAID:
        return paid_label(e.paid)
    if column == COL_EMPLOYER:
        return e.employer
    if column == COL_NOTES:
        return e.notes.replace("\n", " ")
    return verified_text(e)


def edit_value(e: WorkEntry, column: int, supervisors: Supervisors) -> object:
    """What an inline editor starts from."""
    if column in ENUM_COLUMNS:
        return getattr(e, HEADERS[column].lower()).value
    if column == COL_PAID:
        return "paid" if e.paid else "unpaid"
    if column == COL_NOTES:
        return e.notes
    return display(e, column, supervisors)


def tooltip(e: WorkEntry, column: int, supervisors: Supervisors) -> str | None:
    """A cell's tooltip: the lock of a verified entry first, else what the cell shortens."""
    if column == COL_VERIFIED or e.verified:
        if not e.verified:
            return "Not verified yet"
        credential = f", {e.verified_credential}" if e.verified_credential else ""
        on = e.verified_on.isoformat() if e.verified_on else ""
        return f"Verified by {e.verified_by}{credential} on {on} — locked (Unlock… to change)"
    if column == COL_NOTES and e.notes:
        return e.notes
    if column in (COL_HOURS, COL_TIME) and e.start_time is not None:
        return time_sentence(e)
    if column == COL_SUPERVISOR:
        supervisor = _supervisor(e, supervisors)
        return None if supervisor is None else supervisor_sentence(supervisor)
    if column in (COL_DATE, COL_END, COL_HOURS) and e.end:
        per_day = e.hours / e.span_days
        return f"{fmt_number(e.hours)} h over {e.span_days} days ({fmt_number(per_day)} h a day)"
    return None


def _supervisor(e: WorkEntry, supervisors: Supervisors) -> Supervisor | None:
    return None if e.supervisor_id is None else supervisors.get(e.supervisor_id)
