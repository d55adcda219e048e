"""Which tool wrote a CSV file, and which of its columns hold each of our fields.

Columns are found by their header names (`csv_headers`: the common trackers' spellings too) and by
what they hold: a column of clock times is never read as a date, a column of another tool's
activity names never as our activity. Each field takes the first of its spellings whose column
is still free. An explicit mapping {field: column} comes first; an empty column un-maps.
The person columns (User, Employee, First + Last Name, Email) tell a team export apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.labels import read_choice
from careerplanner.io.csv_headers import (
    CE_ALIASES,
    CE_REQUIRED,
    CHOICES,
    CLOCK_FIELDS,
    FIELD_LABELS,
    HOURS_ALIASES,
    OUR_EXPORT,
    PERSON_ALIASES,
    SECONDS_TOOLS,
    TOOLS,
    YES_NO,
)
from careerplanner.io.csv_read import CsvTable
from careerplanner.io.csv_values import is_clock, is_moment

ColumnMapping = Mapping[str, "str | int | None"]
SAMPLE_ROWS = 200  # rows read to tell what a column holds


@dataclass(frozen=True)
class Layout:
    """Where each field is read from, and how the file's numbers are meant."""

    index: dict[str, int]  # field -> column
    tool: str = ""  # the tool that wrote the file, when known
    hours_unit: str = "hours"
    break_unit: str = "hours"
    person: tuple[int, ...] = ()  # the columns naming whose row it is (joined by a space)
    notes: list[str] = field(default_factory=list)


def normalise(header: str) -> str:
    """'Start Date ' -> 'start_date': lower case, runs of other characters as one '_'."""
    return re.sub(r"[^0-9a-z]+", "_", header.strip().lower()).strip("_")


def detect_tool(columns: Sequence[str]) -> str:
    keys = {normalise(c) for c in columns}
    return next((name for name, needed in TOOLS if needed <= keys), "")


def hours_layout(table: CsvTable, explicit: ColumnMapping | None = None) -> Layout:
    """The hours fields' columns, the duration units and the person columns of a file."""
    tool = detect_tool(table.columns)
    kinds = _column_kinds(table)
    index, notes = _map(table, HOURS_ALIASES, ("start",), explicit, kinds)
    if "hours" not in index and not set(index) >= CLOCK_FIELDS:
        _missing(table.columns, ["hours"])
    if (
        "start_time" in index
        and "end" in index
        and tool != OUR_EXPORT  # ours has both: a span's last day, and clock times
        and not (explicit and "end" in explicit)
    ):
        del index["end"]  # a session's end date belongs to its clock time, not a span
    keys = [normalise(c) for c in table.columns]
    hours_unit = _unit(keys[index["hours"]], tool) if "hours" in index else "hours"
    break_unit = _unit(keys[index["break"]], "") if "break" in index else "hours"
    return Layout(index, tool, hours_unit, break_unit, _person_columns(table, keys), notes)


def ce_layout(table: CsvTable, explicit: ColumnMapping | None = None) -> Layout:
    index, notes = _map(table, CE_ALIASES, CE_REQUIRED, explicit, _column_kinds(table))
    return Layout(index, detect_tool(table.columns), notes=notes)


def map_columns(
    columns: Sequence[str],
    aliases: Mapping[str, tuple[str, ...]],
    required: Sequence[str],
    explicit: ColumnMapping | None = None,
) -> dict[str, int]:
    """Field -> column index by the header names alone (what a preview shows before reading)."""
    table = CsvTable(list(columns), [])
    return _map(table, aliases, required, explicit, {})[0]


def _map(
    table: CsvTable,
    aliases: Mapping[str, tuple[str, ...]],
    required: Sequence[str],
    explicit: ColumnMapping | None,
    kinds: Mapping[int, str],
) -> tuple[dict[str, int], list[str]]:
    columns = table.columns
    found: dict[str, int] = {}
    chosen = {_field_named(name, aliases): column for name, column in (explicit or {}).items()}
    for name, column in chosen.items():
        if column is not None and column != "":
            found[name] = _column_index(columns, column)
    keys = [normalise(c) for c in columns]
    notes: list[str] = []
    for name, spellings in aliases.items():
        if name in chosen:
            continue
        fits = _fits(name, kinds)
        taken = {i for n, i in found.items() if not _shares(name, n, kinds.get(i, ""))}
        index = next(
            (
                i
                for s in spellings
                for i, k in enumerate(keys)
                if k == s and i not in taken and fits(i)
            ),
            None,
        )
        if index is None:
            continue
        foreign = _foreign_values(table, name, index)
        if foreign:
            notes.append(
                f"column '{columns[index]}' is not read as the {name}: it holds other names "
                f"({foreign}); map it to read it, and values that are not ours get the default"
            )
            continue
        found[name] = index
    missing = [name for name in required if name not in found]
    if missing:
        _missing(columns, missing)
    return found, notes


def _field_named(name: str, aliases: Mapping[str, tuple[str, ...]]) -> str:
    """A field by its name or by the label the preview shows ('Date (first day)' -> start)."""
    if name in aliases:
        return name
    wanted = normalise(name)
    for field_name in aliases:
        if wanted in (field_name, normalise(FIELD_LABELS[field_name])):
            return field_name
    known = ", ".join(f"{n} ({FIELD_LABELS[n]})" for n in aliases)
    raise ValidationError(
        f"unknown field '{name}' in the column mapping (choose {known})", "mapping"
    )


def _missing(columns: Sequence[str], missing: Sequence[str]) -> None:
    shown = ", ".join(f"'{c}'" for c in columns if c) or "none"
    words = " or ".join(FIELD_LABELS[n].lower() for n in missing)
    raise ValidationError(
        f"the file has no column for {words} (its columns: {shown}); "
        "rename the header or choose the columns to use",
        "mapping",
    )


def _fits(name: str, kinds: Mapping[int, str]) -> Callable[[int], bool]:
    """What a field may read: no clock time as a date, only clock times as one."""
    if name in CLOCK_FIELDS:
        return lambda i: kinds.get(i) in ("clock", "moment")
    if name in ("start", "date", "verified_on"):
        return lambda i: kinds.get(i) != "clock"
    if name == "end":
        return lambda i: kinds.get(i) not in ("clock", "moment")
    return lambda i: True


def _shares(name: str, other: str, kind: str) -> bool:
    """A date-time column gives both the date and the start time."""
    return kind == "moment" and {name, other} == {"start", "start_time"}


def _foreign_values(table: CsvTable, name: str, index: int) -> str:
    """For a choice field whose sampled values are mostly not ours: up to three of them
    ('' when most fit: a stray value then takes the default, with a note)."""
    enum_cls = CHOICES.get(name)
    if enum_cls is None:
        return ""
    values = {raw.strip() for raw in _sample(table, index)}
    bad = sorted(v for v in values if read_choice(v, enum_cls) is None)
    if len(bad) * 2 <= len(values):
        return ""
    return ", ".join(f"'{b[:30]}'" for b in bad[:3])


def _sample(table: CsvTable, index: int) -> list[str]:
    cells = (r.cells[index] for r in table.records[:SAMPLE_ROWS] if index < len(r.cells))
    return [c for c in cells if c.strip()]


def _column_kinds(table: CsvTable) -> dict[int, str]:
    """'clock' (times of day), 'moment' (date-times) or 'other', by a sample of each column."""
    kinds: dict[int, str] = {}
    for index in range(len(table.columns)):
        values = _sample(table, index)
        if values and all(map(is_clock, values)):
            kinds[index] = "clock"
        elif values and all(map(is_moment, values)):
            kinds[index] = "moment"
        else:
            kinds[index] = "other"
    return kinds


def _unit(key: str, tool: str) -> str:
    """A duration column's unit, told by its header ('time (minutes)') or the tool."""
    words = set(key.split("_"))
    if words & {"minutes", "minute", "min", "mins"}:
        return "minutes"
    if words & {"seconds", "second", "sec", "secs"}:
        return "seconds"
    return "seconds" if tool in SECONDS_TOOLS and key == "duration" else "hours"


def _person_columns(table: CsvTable, keys: Sequence[str]) -> tuple[int, ...]:
    if "first_name" in keys and "last_name" in keys:
        return keys.index("first_name"), keys.index("last_name")
    for alias in (*PERSON_ALIASES, "email", "e_mail"):
        for i, key in enumerate(keys):
            values = _sample(table, i)
            if key == alias and not all(v.strip().lower() in YES_NO for v in values):
                return (i,)
    return ()


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
