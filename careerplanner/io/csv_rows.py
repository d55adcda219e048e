"""Builds one record from one row's cells, through the same validation as the forms.

Every row goes one way: its cells are read (dates, durations, clock times, choices, text,
each distinct cell value parsed once per file), the record is made, and `validate_entry` or
`validate_ce` checks it. A problem is a `RowProblem` naming our field; the caller names the
file's column. A choice value that is not ours takes the field's default, and is counted so
that the preview can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, time
from enum import Enum
from operator import itemgetter
from typing import Any, TypeVar

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import read_choice
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Setting,
    Supervision,
    WorkEntry,
)
from careerplanner.domain.validation import parse_choice, validate_ce, validate_entry
from careerplanner.io.csv_detect import Layout
from careerplanner.io.csv_export import GUARDED_STARTS
from careerplanner.io.csv_headers import FIELD_LABELS
from careerplanner.io.csv_values import (
    DateFormat,
    clock_hours,
    parse_amount,
    parse_clock,
    parse_day,
    parse_duration,
)

E = TypeVar("E", bound=Enum)
_ESCAPED = tuple("'" + start for start in sorted(GUARDED_STARTS))  # our export's guard
_ENTRY_CELLS = (  # the cells an hours row is read from, in `_entry`'s order
    *("start_time", "end_time", "hours", "start", "end", "activity", "setting"),
    *("supervision", "paid", "employer", "notes", "verified_by", "verified_credential"),
    "verified_on",
    "supervisor",
)
_ENTRY_FIELDS = [f.name for f in fields(WorkEntry)]
_YES = frozenset({"yes", "y", "true", "t", "1", "paid"})
_NO = frozenset({"no", "n", "false", "f", "0", "unpaid"})
# validate_entry / validate_ce name these fields; the import names ours
_CHECKED = {
    "start": "start",
    "end": "end",
    "hours": "hours",
    "verified on": "verified_on",
    "verified by": "verified_by",
    "credential": "verified_credential",
    "employer": "employer",
    "notes": "notes",
    "date": "date",
    "topic": "topic",
    "title": "title",
    "provider": "provider",
}


@dataclass(frozen=True, slots=True)
class ImportedEntry(WorkEntry):
    """An entry read from a file, with its supervisor's name as the file gives it (the
    import makes it a supervisor record); clock times, for the duplicate key, are WorkEntry's."""

    supervisor_name: str = ""


class RowProblem(Exception):
    """What is wrong with a row: our field's name and the message."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class ZeroHours(Exception):
    """A row of 0 hours (a day off in a timesheet): skipped, not an error."""


class RowReader:
    """The cells of one file's rows as values, each distinct cell parsed once."""

    def __init__(
        self, layout: Layout, fields: Sequence[str], width: int, order: DateFormat | None
    ) -> None:
        self.layout = layout
        self.pos = {name: layout.index.get(name, width) for name in fields}
        self.order = order
        self.decimal_comma = False
        self.own_export = False  # our export puts a ' before a formula-like text
        self.defaulted: dict[tuple[str, str], list[int]] = {}  # (field, value) -> lines
        self.disagree: list[int] = []  # lines whose duration is not their clock times' span
        # (kind, cell) -> the parsed value of that kind: a date, a time, a number or a choice
        self._cache: dict[tuple[str, str], Any] = {}
        self.cells = itemgetter(*(self.pos.get(name, width) for name in _ENTRY_CELLS))

    def _cached(self, kind: str, raw: str) -> Any:
        return self._cache.get((kind, raw))

    def day(self, raw: str, name: str) -> date:
        found: date | None = self._cached("day", raw)
        if found is None:
            found = self._cache["day", raw] = parse_day(raw, FIELD_LABELS[name], self.order)
        return found

    def optional_day(self, raw: str, name: str) -> date | None:
        return self.day(raw, name) if raw.strip() else None

    def clock(self, raw: str, name: str) -> time | None:
        if not raw.strip():
            return None
        found: time | None = self._cached("clock", raw)
        if found is None:
            found = self._cache["clock", raw] = parse_clock(raw, FIELD_LABELS[name])
        return found

    def duration(self, raw: str, name: str, unit: str) -> float:
        found: float | None = self._cached(name, raw)
        if found is None:
            label = FIELD_LABELS[name]
            found = self._cache[name, raw] = parse_duration(raw, label, unit, self.decimal_comma)
        return found

    def amount(self, raw: str, name: str) -> float:
        found: float | None = self._cached("amount", raw)
        if found is None:
            label = FIELD_LABELS[name]
            found = self._cache["amount", raw] = parse_amount(raw, label, self.decimal_comma)
        return found

    def choice(self, raw: str, name: str, enum_cls: type[E], default: E, line: int) -> E:
        if not raw.strip():
            return default
        found: E | None = self._cached(name, raw)
        if found is None:
            found = read_choice(raw, enum_cls)
            if found is None:
                self.defaulted.setdefault((name, raw.strip()), []).append(line)
                return default
            self._cache[name, raw] = found
        return found

    def compare(self, hours: float, by_clock: float, line: int) -> None:
        """Note a duration more than a minute away from its start and end times."""
        if abs(hours - by_clock) > 1 / 60 + 1e-9:
            self.disagree.append(line)

    def text(self, raw: str) -> str:
        """Free text; a `'` our own export put before a formula-like start is taken off."""
        return raw[1:] if self.own_export and raw.startswith(_ESCAPED) else raw


def _paid(raw: str) -> bool:
    value = raw.strip().lower()
    if not value or value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError(f"Paid must be yes or no (not '{value[:40]}')", "paid")


def hours_entry(r: RowReader, cells: list[str], line: int, today: date) -> WorkEntry:
    """The row's validated entry; RowProblem when a value is wrong, ZeroHours for 0 h."""
    try:
        return _entry(r, cells, line, today)
    except ValidationError as error:
        raise RowProblem(_field_of(error.field), error.message) from None


def _entry(r: RowReader, c: list[str], line: int, today: date) -> WorkEntry:
    cache = r._cache
    (raw_began, raw_ended, raw, raw_start, raw_end, raw_activity, raw_setting, raw_supervision,
     raw_paid, employer, notes, verified_by, credential, raw_verified,
     supervisor) = r.cells(c)  # fmt: skip
    began = r.clock(raw_began, "start_time") if raw_began else None
    ended = r.clock(raw_ended, "end_time") if raw_ended else None
    if raw.strip() or began is None or ended is None:
        hours = cache.get(("hours", raw)) or r.duration(raw, "hours", r.layout.hours_unit)
        if began is not None and ended is not None:
            r.compare(hours, clock_hours(began, ended, _pause(r, c)), line)
    else:
        hours = clock_hours(began, ended, _pause(r, c))
    if hours == 0:
        raise ZeroHours()
    start = cache.get(("day", raw_start)) or r.day(raw_start, "start")
    end = (cache.get(("day", raw_end)) or r.day(raw_end, "end")) if raw_end.strip() else None
    activity = cache.get(("activity", raw_activity)) or r.choice(
        raw_activity, "activity", Activity, Activity.CASE_MANAGEMENT, line
    )
    setting = cache.get(("setting", raw_setting)) or r.choice(
        raw_setting, "setting", Setting, Setting.OTHER, line
    )
    supervision = cache.get(("supervision", raw_supervision)) or r.choice(
        raw_supervision, "supervision", Supervision, Supervision.NONE, line
    )
    if r.own_export:
        employer, notes, verified_by, credential = (
            t[1:] if t.startswith(_ESCAPED) else t
            for t in (employer, notes, verified_by, credential)
        )
    entry = WorkEntry(
        start,
        hours,
        end,
        activity,
        setting,
        supervision,
        _paid(raw_paid),
        employer,
        notes,
        verified_by,
        credential,
        r.optional_day(raw_verified, "verified_on"),
    )
    supervisor = supervisor.strip()
    if began is not None or ended is not None or supervisor:
        clocked = replace(entry, **_clock_fields(began, ended, hours, end))
        entry = ImportedEntry(**_values(clocked), supervisor_name=supervisor)
    return validate_entry(entry, today)


def _clock_fields(
    began: time | None, ended: time | None, hours: float, end: object
) -> dict[str, Any]:
    """The clock times an entry keeps: both, on one day, not past midnight, and a break
    that makes them the row's hours; otherwise none (the hours stand alone)."""
    if began is None or ended is None or end is not None:
        return {}
    span = (ended.hour * 60 + ended.minute) - (began.hour * 60 + began.minute)
    pause = span - hours * 60
    if (
        span <= 0
        or began.second
        or ended.second
        or pause < -1e-6
        or abs(pause - round(pause)) > 1e-6
    ):
        return {}
    return {"start_time": began, "end_time": ended, "break_minutes": round(pause)}


def _pause(r: RowReader, c: list[str]) -> float:
    raw = c[r.pos["break"]]
    return r.duration(raw, "break", r.layout.break_unit) if raw.strip() else 0.0


def _values(entry: WorkEntry) -> dict[str, Any]:
    """Each field of `entry` by name."""
    return {name: getattr(entry, name) for name in _ENTRY_FIELDS}


def ce_activity(r: RowReader, cells: list[str], line: int, today: date) -> CeActivity:
    """The row's validated CE activity; RowProblem when a value is wrong."""
    i = r.pos
    try:
        raw_topic = cells[i["topic"]]
        topic = read_choice(raw_topic, CeTopic) if raw_topic.strip() else None
        if topic is None:
            topic = parse_choice(raw_topic, CeTopic, "topic")  # the usual words
        activity = CeActivity(
            date=r.day(cells[i["date"]], "date"),
            hours=r.amount(cells[i["hours"]], "hours"),
            topic=topic,
            title=r.text(cells[i["title"]]),
            provider=r.text(cells[i["provider"]]),
        )
        return validate_ce(activity, today)
    except ValidationError as error:
        raise RowProblem(_field_of(error.field), error.message) from None


def _field_of(name: str | None) -> str:
    """Our field for the name an error carries (a label, or validation's own name)."""
    if name is None:
        return ""
    for field, label in FIELD_LABELS.items():
        if label == name:
            return field
    return _CHECKED.get(name, name)
