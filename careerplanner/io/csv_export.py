"""Writes hours and CE as CSV: every column, ISO dates, safe to open in a spreadsheet.

Headers and choices are written as people read them ("Last day", "Hospital", "Supervised by
a CCM"); `codes=True` keeps the machine form (`end`, `hospital`, `ccm`). The import reads
both back.

A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
formula by a spreadsheet; such a cell gets a leading `'` so it is shown as typed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from datetime import time
from typing import IO

from careerplanner.domain.labels import choice_label, member_label
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Setting,
    Supervision,
    WorkEntry,
)

HOURS_COLUMNS = (
    "id",
    "start",
    "end",
    "hours",
    "activity",
    "setting",
    "supervision",
    "paid",
    "employer",
    "notes",
    "verified_by",
    "verified_credential",
    "verified_on",
    "start_time",
    "end_time",
    "break_minutes",
    "supervisor",
)
CE_COLUMNS = ("id", "date", "hours", "topic", "title", "provider", "certificate")
HOURS_HEADERS = (
    *("ID", "Date", "Last day", "Hours", "Activity", "Setting", "Supervision", "Paid"),
    *("Employer", "Notes", "Verified by", "Verifier credential", "Verified on"),
    *("Start time", "End time", "Break minutes", "Supervisor"),
)
CE_HEADERS = ("ID", "Date", "Hours", "Topic", "Title", "Provider", "Certificate")
_LABELS: dict[object, str] = {
    member: choice_label(member) for enum in (Activity, Setting, Supervision) for member in enum
}
_TOPICS = {topic: member_label(topic) for topic in CeTopic}
# A spreadsheet takes a cell starting with one of these for a formula. The apostrophe is here
# too, so the guard is reversible: a text starting with one gets one more, and the importer
# takes exactly one off (in files of this export only), giving back every text as it was.
GUARDED_STARTS = frozenset("=+-@\t\r'")


def neutralise(text: str) -> str:
    """The text with a leading `'` when a spreadsheet would take it for a formula (or when
    it starts with an apostrophe, which the importer would otherwise take for the guard)."""
    return "'" + text if text[:1] in GUARDED_STARTS else text


def number(value: float) -> str:
    """Hours as typed: 8.0 -> '8', 7.25 -> '7.25' (the shortest exact form)."""
    return str(int(value)) if value.is_integer() else repr(value)


class _Numbers(dict[float, str]):
    """number() of each distinct value once (hours repeat down a column)."""

    def __missing__(self, value: float) -> str:
        self[value] = text = number(value)
        return text


def _clock(t: time | None) -> str:
    return "" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def hours_row(
    e: WorkEntry,
    numbers: dict[float, str] | None = None,
    codes: bool = True,
    supervisors: Mapping[int, str] | None = None,
) -> list[object]:
    """One entry as cells; dates go as they are (the writer prints their ISO text), choices
    as their codes or, `codes=False`, as their labels; the supervisor by name."""
    supervisor = (supervisors or {}).get(e.supervisor_id or 0, "")
    return [
        e.id,
        e.start,
        e.end,
        numbers[e.hours] if numbers is not None else number(e.hours),
        e.activity if codes else _LABELS[e.activity],
        e.setting if codes else _LABELS[e.setting],
        e.supervision if codes else _LABELS[e.supervision],
        "yes" if e.paid else "no",
        neutralise(e.employer),
        neutralise(e.notes),
        neutralise(e.verified_by),
        neutralise(e.verified_credential),
        e.verified_on,
        _clock(e.start_time),
        _clock(e.end_time),
        e.break_minutes if e.start_time else "",
        neutralise(supervisor),
    ]


def ce_row(c: CeActivity, codes: bool = True) -> list[object]:
    return [
        c.id,
        c.date,
        number(c.hours),
        c.topic if codes else _TOPICS[c.topic],
        neutralise(c.title),
        neutralise(c.provider),
        neutralise(c.certificate),
    ]


def write_hours(
    stream: IO[str],
    entries: Iterable[WorkEntry],
    codes: bool = False,
    supervisors: Mapping[int, str] | None = None,
) -> int:
    """Write the header and one row per entry (`supervisors`: names by id); returns the
    number of rows."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HOURS_COLUMNS if codes else HOURS_HEADERS)
    numbers = _Numbers()
    rows = [hours_row(e, numbers, codes, supervisors) for e in entries]
    writer.writerows(rows)
    return len(rows)


def write_ce(stream: IO[str], items: Iterable[CeActivity], codes: bool = False) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CE_COLUMNS if codes else CE_HEADERS)
    rows = [ce_row(c, codes) for c in items]
    writer.writerows(rows)
    return len(rows)
