"""Turns a CSV table into hours entries or CE activities, with every bad row and its line.

Columns are found by their header names (several spellings each), or by an explicit mapping
{field: column} when the headers differ. Each row is parsed and validated as the forms do;
a row that fails is reported in the user's words with its physical line number.
"""

from __future__ import annotations

import gc
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum
from itertools import repeat
from operator import itemgetter
from typing import Generic, TypeVar

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Setting,
    Supervision,
    WorkEntry,
)
from careerplanner.domain.unsafe_text import UNSAFE_TEXT
from careerplanner.domain.validation import (
    EARLIEST,
    EPSILON,
    LATEST,
    MAX_DAY_HOURS,
    MAX_TEXT,
    MIN_HOURS,
    parse_choice,
    parse_date,
    parse_number,
    validate_ce,
    validate_entry,
)
from careerplanner.io.csv_export import CE_COLUMNS, GUARDED_STARTS, HOURS_COLUMNS
from careerplanner.io.csv_read import CsvTable

T = TypeVar("T")
E = TypeVar("E", bound=Enum)
Progress = Callable[[int, int], None]
ColumnMapping = Mapping[str, "str | int"]

PROGRESS_STEP = 2_000
QUIET_COLUMNS = frozenset({"id"})  # written by our own export; never imported

HOURS_ALIASES: dict[str, tuple[str, ...]] = {
    "start": ("date", "start", "start_date", "from", "day", "work_date", "date_worked"),
    "end": ("end", "end_date", "to", "until", "through", "last_day"),
    "hours": ("hours", "hrs", "hour", "duration", "duration_hours"),
    "activity": ("activity", "activity_type", "type"),
    "setting": ("setting", "work_setting", "setting_type"),
    "supervision": ("supervision", "supervision_type", "supervisor_type"),
    "paid": ("paid", "is_paid", "paid_unpaid"),
    "employer": ("employer", "organization", "organisation", "company", "agency", "site"),
    "notes": ("notes", "note", "comments", "comment", "description"),
    "verified_by": ("verified_by", "verifier", "supervisor", "supervisor_name", "signed_by"),
    "verified_credential": (
        "verified_credential",
        "credential",
        "verifier_credential",
        "supervisor_credential",
    ),
    "verified_on": ("verified_on", "verified_date", "verification_date", "date_verified"),
}
CE_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "completed", "completed_on", "completion_date", "date_completed", "day"),
    "hours": ("hours", "ce_hours", "contact_hours", "credit_hours", "credits", "hrs"),
    "topic": ("topic", "category", "type"),
    "title": ("title", "course", "course_title", "activity", "name"),
    "provider": ("provider", "sponsor", "organization", "organisation"),
}
HOURS_REQUIRED = ("start", "hours")
CE_REQUIRED = ("date", "hours", "topic")
_YES = frozenset({"yes", "y", "true", "t", "1", "paid"})
_ESCAPED = tuple("'" + start for start in sorted(GUARDED_STARTS))  # the export's formula guard
_NO = frozenset({"no", "n", "false", "f", "0", "unpaid"})


@dataclass
class ImportPreview(Generic[T]):
    """What an import would do: the valid rows, and every row that is wrong or already there."""

    rows: list[T]  # valid new records, in file order (ids 0)
    errors: list[tuple[int, str]]  # (line, what is wrong), by line
    duplicates: list[tuple[int, int]]  # (line, id of the stored record it repeats)
    columns: list[str]  # the header as in the file
    mapping: dict[str, str]  # field -> column name used
    kind: str = "hours"  # "hours" or "ce"
    lines: list[int] = field(default_factory=list)  # line of each row
    repeats: list[tuple[int, int]] = field(default_factory=list)  # (line, earlier same line)
    encoding: str = "UTF-8"
    delimiter: str = ","
    read: int = 0  # data rows read (blank lines not counted)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def ignored_columns(self) -> list[str]:
        """Columns with a header that no field reads (their cells are not imported)."""
        used = set(self.mapping.values())
        return [
            c for c in self.columns if c and c not in used and normalise(c) not in QUIET_COLUMNS
        ]


def normalise(header: str) -> str:
    """'Start Date ' -> 'start_date': lower case, runs of other characters as one '_'."""
    return re.sub(r"[^0-9a-z]+", "_", header.strip().lower()).strip("_")


def map_columns(
    columns: Sequence[str],
    aliases: Mapping[str, tuple[str, ...]],
    required: Sequence[str],
    explicit: ColumnMapping | None = None,
) -> dict[str, int]:
    """Field -> column index, from the explicit mapping first, then the header names."""
    found: dict[str, int] = {}
    for name, column in (explicit or {}).items():
        if name not in aliases:
            raise ValidationError(
                f"unknown field '{name}' in the column mapping (choose {', '.join(aliases)})",
                "mapping",
            )
        found[name] = _column_index(columns, column)
    keys = [normalise(c) for c in columns]
    for name, spellings in aliases.items():
        if name in found:
            continue
        index = next((keys.index(s) for s in spellings if s in keys), None)
        if index is not None and index not in found.values():
            found[name] = index
    missing = [name for name in required if name not in found]
    if missing:
        shown = ", ".join(f"'{c}'" for c in columns if c) or "none"
        raise ValidationError(
            f"the file has no column for {' or '.join(missing)} (its columns: {shown}); "
            "rename the header or choose the columns to use",
            "mapping",
        )
    return found


def _column_index(columns: Sequence[str], column: str | int) -> int:
    if isinstance(column, int):
        if 0 <= column < len(columns):
            return column
        raise ValidationError(f"the file has no column number {column + 1}", "mapping")
    wanted = normalise(column)
    for index, name in enumerate(columns):
        if name == column or normalise(name) == wanted:
            return index
    raise ValidationError(f"the file has no column named '{column}'", "mapping")


class _Parser:
    """The current row's cells (padded, so an unmapped field reads ''), and cached parsing of
    the values that repeat down a column (dates, numbers, choices)."""

    def __init__(self, index: Mapping[str, int], fields: Sequence[str], width: int) -> None:
        self.cells: list[str] = []
        self.pos = {name: index.get(name, width) for name in fields}
        self.unguard = False  # undo the formula guard: set for a file of our own export
        self._dates: dict[str, date] = {}
        self._numbers: dict[str, float] = {}
        self._choices: dict[tuple[type[Enum], str], Enum] = {}

    def day(self, raw: str, label: str) -> date:
        found = self._dates.get(raw)
        if found is None:
            found = self._dates[raw] = parse_date(raw, label)
        return found

    def optional_day(self, raw: str, label: str) -> date | None:
        return self.day(raw, label) if raw.strip() else None

    def number(self, raw: str, label: str) -> float:
        found = self._numbers.get(raw)
        if found is None:
            found = self._numbers[raw] = parse_number(raw, label)
        return found

    def choice(self, raw: str, enum_cls: type[E], label: str, default: E | None = None) -> E:
        key = (enum_cls, raw)
        found = self._choices.get(key)
        if found is None:
            if default is not None and not raw.strip():
                return default
            found = self._choices[key] = parse_choice(raw, enum_cls, label)
        return found  # type: ignore[return-value]


def _free(raw: str, unguard: bool) -> str:
    """Free text; in a file of our own export, the `'` it put before a formula-like start is
    taken off. Other files are taken as they are: there, a leading `'` is the user's text."""
    return raw[1:] if unguard and raw.startswith(_ESCAPED) else raw


def _own_export(columns: Sequence[str], ours: tuple[str, ...]) -> bool:
    """Is this table one our CSV export wrote (its exact header row)?"""
    return tuple(c.strip() for c in columns) == ours


def _paid(raw: str) -> bool:
    value = raw.strip().lower()
    if not value or value in _YES:
        return True
    if value in _NO:
        return False
    raise ValidationError(f"paid must be yes or no (not '{value[:40]}')", "paid")


def _entry(p: _Parser, today: date) -> WorkEntry:
    c, i = p.cells, p.pos
    entry = WorkEntry(
        start=p.day(c[i["start"]], "date"),
        end=p.optional_day(c[i["end"]], "end"),
        hours=p.number(c[i["hours"]], "hours"),
        activity=p.choice(c[i["activity"]], Activity, "activity", Activity.CASE_MANAGEMENT),
        setting=p.choice(c[i["setting"]], Setting, "setting", Setting.OTHER),
        supervision=p.choice(c[i["supervision"]], Supervision, "supervision", Supervision.NONE),
        paid=_paid(c[i["paid"]]),
        employer=_free(c[i["employer"]], p.unguard),
        notes=_free(c[i["notes"]], p.unguard),
        verified_by=_free(c[i["verified_by"]], p.unguard),
        verified_credential=_free(c[i["verified_credential"]], p.unguard),
        verified_on=p.optional_day(c[i["verified_on"]], "verified on"),
    )
    return validate_entry(entry, today)


def _activity(p: _Parser, today: date) -> CeActivity:
    c, i = p.cells, p.pos
    activity = CeActivity(
        date=p.day(c[i["date"]], "date"),
        hours=p.number(c[i["hours"]], "hours"),
        topic=p.choice(c[i["topic"]], CeTopic, "topic"),
        title=_free(c[i["title"]], p.unguard),
        provider=_free(c[i["provider"]], p.unguard),
    )
    return validate_ce(activity, today)


class _FastEntries:
    """Builds the common, clean row straight into its validated entry, in one step.

    Only a row whose every value is known good is built here: what `_entry` would return for
    it is certain. Any other row (a value that does not parse, is out of range or after today,
    an end before the start, more than 24 h a day, long or NUL text) gets None, and is then
    parsed and validated the usual way, which reports its problem in the usual words."""

    def __init__(self, parser: _Parser, today: date) -> None:
        self.parser = parser
        self.today = today
        pos = parser.pos
        self.getter = itemgetter(*(pos[name] for name in _FAST_FIELDS))
        self.reach = max(pos[name] for name in _FAST_FIELDS) + 1  # cells the getter reads
        self._dates: dict[str, date] = {}  # raw -> date within EARLIEST..LATEST
        self._hours: dict[str, float] = {}  # raw -> a number above 0
        self._choices = [
            {"": Activity.CASE_MANAGEMENT},
            {"": Setting.OTHER},
            {"": Supervision.NONE},
        ]
        self._paid: dict[str, bool] = {}
        self._texts: dict[str, str] = {}  # raw -> free text that passes

    def _day(self, raw: str) -> date | None:
        """The date, when the cell holds a date in range; None when it is anything else."""
        try:
            found = parse_date(raw, "date")
        except ValidationError:
            return None
        if found < EARLIEST or found > LATEST:
            return None
        self._dates[raw] = found
        return found

    def _number(self, raw: str) -> float | None:
        try:
            found = parse_number(raw, "hours")
        except ValidationError:
            return None
        if not found >= MIN_HOURS - EPSILON:
            return None
        self._hours[raw] = found
        return found

    def _choice(self, which: int, raw: str) -> Enum | None:
        if not raw.strip():
            found: Enum = _FAST_DEFAULTS[which]
        else:
            try:
                found = parse_choice(raw, _FAST_ENUMS[which], "value")
            except ValidationError:
                return None
        self._choices[which][raw] = found
        return found

    def _flag(self, raw: str) -> bool | None:
        try:
            found = _paid(raw)
        except ValidationError:
            return None
        self._paid[raw] = found
        return found

    def _clean(self, raws: tuple[str, ...]) -> tuple[str, ...] | None:
        """The free texts as `parse_text` leaves them; None when `parse_text` would refuse one
        (too long, or a control character)."""
        texts = tuple(_free(raw, self.parser.unguard).strip() for raw in raws)
        if max(map(len, texts)) > MAX_TEXT or UNSAFE_TEXT.search("".join(texts)):
            return None
        self._texts.update(zip(raws, texts, strict=True))
        return texts

    def build(self, cells: list[str]) -> tuple[object, ...] | None:
        (
            raw_start,
            raw_end,
            raw_hours,
            raw_activity,
            raw_setting,
            raw_supervision,
            raw_paid,
            employer,
            notes,
            verified_by,
            credential,
            raw_verified,
        ) = self.getter(cells)
        dates = self._dates
        start = dates.get(raw_start) or self._day(raw_start)
        if start is None:
            return None
        if raw_end and raw_end.strip():
            end = dates.get(raw_end) or self._day(raw_end)
            if end is None or end < start:
                return None
            last = end
        else:
            end, last = None, start
        if last > self.today:
            return None
        hours = self._hours.get(raw_hours) or self._number(raw_hours)
        if hours is None:
            return None
        if end is not None and end == start:
            end = None
        elif end is not None and hours > MAX_DAY_HOURS * ((end - start).days + 1) + EPSILON:
            return None
        if end is None and hours > MAX_DAY_HOURS + EPSILON:
            return None
        choices = self._choices
        activity = choices[0].get(raw_activity) or self._choice(0, raw_activity)
        setting = choices[1].get(raw_setting) or self._choice(1, raw_setting)
        supervision = choices[2].get(raw_supervision) or self._choice(2, raw_supervision)
        if activity is None or setting is None or supervision is None:
            return None
        paid = self._paid.get(raw_paid)
        if paid is None:
            paid = self._flag(raw_paid)
            if paid is None:
                return None
        get = self._texts.get
        texts = (get(employer), get(notes), get(verified_by), get(credential))
        if None in texts:
            texts = self._clean((employer, notes, verified_by, credential))
            if texts is None:
                return None
        if raw_verified and raw_verified.strip():
            verified_on = dates.get(raw_verified) or self._day(raw_verified)
            if verified_on is None or verified_on > self.today:
                return None
        else:
            verified_on = None
        return (
            start,
            hours,
            end,
            activity,
            setting,
            supervision,
            paid,
            texts[0],
            texts[1],
            texts[2],
            texts[3],
            verified_on,
            0,
        )

    @staticmethod
    def finish(values: Sequence[tuple[object, ...]]) -> list[WorkEntry]:
        """The entries of `build`'s values (in WorkEntry's field order), made all at once: the
        slots are filled column by column (several times faster than __init__ per entry)."""
        entries: list[WorkEntry] = list(map(object.__new__, repeat(WorkEntry, len(values))))
        for name, column in zip(_ENTRY_SLOTS, zip(*values, strict=True), strict=True):
            deque(map(getattr(WorkEntry, name).__set__, entries, column), maxlen=0)
        return entries


_FAST_FIELDS = (
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
)
_ENTRY_SLOTS = tuple(f.name for f in fields(WorkEntry))
_FAST_ENUMS: tuple[type[Enum], ...] = (Activity, Setting, Supervision)
_FAST_DEFAULTS: tuple[Enum, ...] = (Activity.CASE_MANAGEMENT, Setting.OTHER, Supervision.NONE)


def parse_hours(
    table: CsvTable,
    today: date,
    mapping: ColumnMapping | None = None,
    on_progress: Progress | None = None,
) -> ImportPreview[WorkEntry]:
    """Every row of the table as a validated work entry, or an error with its line."""
    index = map_columns(table.columns, HOURS_ALIASES, HOURS_REQUIRED, mapping)
    parser = _Parser(index, list(HOURS_ALIASES), len(table.columns))
    parser.unguard = _own_export(table.columns, HOURS_COLUMNS)
    fast = _FastEntries(parser, today)
    return _parse(table, parser, "hours", lambda p: _entry(p, today), on_progress, fast)


def parse_ce(
    table: CsvTable,
    today: date,
    mapping: ColumnMapping | None = None,
    on_progress: Progress | None = None,
) -> ImportPreview[CeActivity]:
    """Every row of the table as a validated CE activity, or an error with its line."""
    index = map_columns(table.columns, CE_ALIASES, CE_REQUIRED, mapping)
    parser = _Parser(index, list(CE_ALIASES), len(table.columns))
    parser.unguard = _own_export(table.columns, CE_COLUMNS)
    return _parse(table, parser, "ce", lambda p: _activity(p, today), on_progress)


def _parse(
    table: CsvTable,
    parser: _Parser,
    kind: str,
    build: Callable[[_Parser], T],
    on_progress: Progress | None,
    fast: _FastEntries | None = None,
) -> ImportPreview[T]:
    rows: list[T] = []
    lines: list[int] = []
    errors = list(table.problems)
    width = len(table.columns)
    total = len(table.records)
    quick = fast.build if fast is not None else None
    reach = fast.reach if fast is not None else 0
    quick_rows: list[tuple[object, ...]] = []  # values of the rows built by `fast`
    slow = 0  # rows built the usual way so far
    order: list[int] = []  # with both kinds: how many usual rows come before each quick one
    with _gc_paused():
        for done, record in enumerate(table.records, 1):
            cells = record.cells
            if quick is not None and len(cells) <= width:
                built = quick(cells if len(cells) >= reach else _padded(cells, reach))
                if built is not None:
                    quick_rows.append(built)
                    if slow:
                        order.append(slow)
                    lines.append(record.line)
                    if on_progress is not None and (done % PROGRESS_STEP == 0 or done == total):
                        on_progress(done, total)
                    continue
            parser.cells = cells + [""] * (width + 1 - len(cells)) if len(cells) <= width else cells
            try:
                _check_width(cells, width)
                rows.append(build(parser))
                lines.append(record.line)
                if quick is not None and not slow:
                    order = [0] * len(quick_rows)
                slow += 1
            except ValidationError as error:
                errors.append((record.line, error.message))
            if on_progress is not None and (done % PROGRESS_STEP == 0 or done == total):
                on_progress(done, total)
        if fast is not None and quick_rows:
            rows = _merge(fast.finish(quick_rows), rows, order)  # type: ignore[arg-type]
    errors.sort(key=lambda item: item[0])
    mapped = {name: table.columns[i] for name, i in parser.pos.items() if i < width}
    return ImportPreview(
        rows,
        errors,
        [],
        list(table.columns),
        mapped,
        kind,
        lines,
        encoding=table.encoding,
        delimiter=table.delimiter,
        read=total + len(table.problems),
    )


def _merge(quick: list[T], usual: list[T], order: list[int]) -> list[T]:
    """Both kinds of rows in file order; order[i]: how many usual rows precede quick[i]
    (empty when there are no usual rows)."""
    if not usual:
        return quick
    merged: list[T] = []
    taken = 0
    for row, before in zip(quick, order, strict=True):
        if before > taken:
            merged += usual[taken:before]
            taken = before
        merged.append(row)
    merged += usual[taken:]
    return merged


def _padded(cells: list[str], size: int) -> list[str]:
    """The cells with '' for the missing ones (an unmapped field reads the cell past the end)."""
    return cells + [""] * (size - len(cells))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100,000 records would otherwise trigger many full garbage collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check_width(cells: Sequence[str], width: int) -> None:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        raise ValidationError(
            f"this row has {len(cells)} cells but the header has {width} columns; "
            "a cell holding the delimiter needs quotes",
            "row",
        )
