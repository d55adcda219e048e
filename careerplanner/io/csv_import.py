"""Turns a CSV table into hours entries or CE activities, with every bad row and its line.

The file's layout is detected (`csv_detect`), then each row is read and validated as the
forms do (`csv_rows`). Before any row is read, the choices the file needs are settled: whose
rows to take from a team export (`person`), and in which order to read slash dates when every
day is 12 or less (`date_format`); an unsettled choice leaves the preview empty with `needs`
saying what to choose. Total and summary rows and rows of 0 hours are skipped with a note.
A problem names its line and the column as the file calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from careerplanner.bulk import bulk_work
from careerplanner.domain.model import CeActivity, WorkEntry
from careerplanner.io.csv_choices import date_order, people, person_filter
from careerplanner.io.csv_detect import ColumnMapping, Layout, ce_layout, hours_layout, normalise
from careerplanner.io.csv_headers import (
    CE_ALIASES,
    FIELD_LABELS,
    HOURS_ALIASES,
    OUR_EXPORT,
    QUIET_COLUMNS,
)
from careerplanner.io.csv_read import CsvTable
from careerplanner.io.csv_rows import RowProblem, RowReader, ZeroHours, ce_activity, hours_entry
from careerplanner.io.csv_values import DateFormat

T = TypeVar("T")
Progress = Callable[[int, int], None]
Build = Callable[[RowReader, list[str], int, date], T]

PROGRESS_STEP = 2_000
_TOTAL_WORDS = frozenset({"total", "totals", "sum", "summe", "gesamt", "saldo", "subtotal"})
_NUMBER = re.compile(r"[+-]?\d[\d.,:]*")


@dataclass(frozen=True)
class Problem:
    line: int
    column: str  # as the file calls it ('' when the problem is the whole row)
    message: str


@dataclass(frozen=True)
class ImportOptions:
    """The choices a user can make about a file (CLI options, the preview's controls)."""

    mapping: ColumnMapping | None = None  # field -> column; '' or None leaves a field out
    person: str | None = None  # whose rows of a team export
    date_format: DateFormat | None = None  # how to read slash dates
    skip_invalid: bool = False  # import the valid rows, leaving the rest


@dataclass
class ImportPreview(Generic[T]):
    """What an import would do: the valid rows, and every row that is wrong, skipped or there."""

    rows: list[T]  # valid new records, in file order (ids 0)
    lines: list[int]  # line of each row
    problems: list[Problem]
    columns: list[str]  # the header as in the file
    mapping: dict[str, str]  # field -> column name used
    kind: str = "hours"  # "hours" or "ce"
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (line, stored id)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, why): totals, 0 h
    notes: list[str] = field(default_factory=list)  # what was read differently, and why
    tool: str = ""
    people: list[str] = field(default_factory=list)  # the people of a team export
    person_columns: list[str] = field(default_factory=list)  # the columns naming them
    person: str | None = None
    date_format: str = ""  # the slash-date order used ('' when the file has none)
    needs: str = ""  # "person" or "date format": the choice to make before rows are read
    encoding: str = "UTF-8"
    delimiter: str = ","
    read: int = 0  # data rows read (blank lines not counted)
    skip_invalid: bool = False
    source: str = ""  # the file's name, for the history of the entries it adds

    @property
    def errors(self) -> list[tuple[int, str]]:
        """(line, 'Column: message') for each problem, by line."""
        return [
            (p.line, f"{p.column}: {p.message}" if p.column else p.message) for p in self.problems
        ]

    @property
    def ok(self) -> bool:
        """Ready to import: no choice left, and no problem (or problem rows to be left out)."""
        return not self.needs and (not self.problems or self.skip_invalid)

    @property
    def hours(self) -> float:
        return float(sum(getattr(r, "hours", 0.0) for r in self.rows))

    @property
    def ignored_columns(self) -> list[str]:
        """Columns with a header that no field reads (their cells are not imported)."""
        used = {*self.mapping.values(), *self.person_columns}
        return [
            c for c in self.columns if c and c not in used and normalise(c) not in QUIET_COLUMNS
        ]


def parse_hours(
    table: CsvTable,
    today: date,
    options: ImportOptions | None = None,
    on_progress: Progress | None = None,
) -> ImportPreview[WorkEntry]:
    """Every row of the table as a validated work entry, or a problem with its line."""
    chosen = options or ImportOptions()
    layout = hours_layout(table, chosen.mapping)
    return _parse(
        table, layout, list(HOURS_ALIASES), "hours", chosen, hours_entry, today, on_progress
    )


def parse_ce(
    table: CsvTable,
    today: date,
    options: ImportOptions | None = None,
    on_progress: Progress | None = None,
) -> ImportPreview[CeActivity]:
    """Every row of the table as a validated CE activity, or a problem with its line."""
    chosen = options or ImportOptions()
    layout = ce_layout(table, chosen.mapping)
    return _parse(table, layout, list(CE_ALIASES), "ce", chosen, ce_activity, today, on_progress)


def _parse(
    table: CsvTable,
    layout: Layout,
    fields: list[str],
    kind: str,
    options: ImportOptions,
    build: Build[T],
    today: date,
    on_progress: Progress | None,
) -> ImportPreview[T]:
    width = len(table.columns)
    preview: ImportPreview[T] = ImportPreview(
        [],
        [],
        [Problem(line, "", message) for line, message in table.problems],
        list(table.columns),
        {name: table.columns[i] for name, i in layout.index.items()},
        kind,
        notes=[*table.notes, *layout.notes],
        tool=layout.tool,
        encoding=table.encoding,
        delimiter=table.delimiter,
        read=len(table.records) + len(table.problems),
        skip_invalid=options.skip_invalid,
    )
    preview.people = people(table, layout)
    preview.person_columns = [table.columns[i] for i in layout.person]
    order, ask = date_order(table, layout, options.date_format)
    preview.date_format = order.value if order is not None else ""
    if len(preview.people) > 1 and options.person is None:
        preview.needs = "person"
    elif ask:
        preview.needs = "date format"
    if preview.needs:
        return preview
    reader = RowReader(layout, fields, width, order)
    reader.decimal_comma = table.delimiter != ","
    reader.own_export = layout.tool == OUR_EXPORT
    preview.person, wanted = person_filter(options.person, preview.people, layout)
    with bulk_work():
        _read_rows(table, reader, build, today, wanted, preview, on_progress)
    preview.notes += _default_notes(reader, preview)
    return preview


def _read_rows(
    table: CsvTable,
    reader: RowReader,
    build: Build[T],
    today: date,
    wanted: Callable[[list[str]], bool] | None,
    preview: ImportPreview[T],
    on_progress: Progress | None,
) -> None:
    width = len(table.columns)
    pad = [""] * (width + 1)
    date_at = reader.pos.get("start", reader.pos.get("date", width))
    total = len(table.records)
    others = 0
    rows, lines, problems, skipped = preview.rows, preview.lines, preview.problems, preview.skipped
    for done, record in enumerate(table.records, 1):
        if on_progress is not None and done % PROGRESS_STEP == 0:
            on_progress(done, total)
        cells = record.cells
        if len(cells) > width:
            if any(c.strip() for c in cells[width:]):
                problems.append(Problem(record.line, "", _too_wide(len(cells), width)))
                continue
        else:
            cells = cells + pad[: width + 1 - len(cells)]
        if _is_total(cells, date_at):
            skipped.append((record.line, "a total or summary row"))
            continue
        if wanted is not None and not wanted(cells):
            others += 1
            continue
        try:
            rows.append(build(reader, cells, record.line, today))
            lines.append(record.line)
        except ZeroHours:
            skipped.append((record.line, "0 hours (a day off)"))
        except RowProblem as problem:
            column = _column(preview, problem.field)
            problems.append(Problem(record.line, column, problem.message))
    if on_progress is not None:
        on_progress(total, total)
    if others:
        rows_word = "row" if others == 1 else "rows"
        preview.notes.append(f"{others:,} {rows_word} of other people are left out")
    preview.problems.sort(key=lambda p: p.line)


def _column(preview: ImportPreview[T], name: str) -> str:
    """The file's column for our field (start and end times for hours from the clock)."""
    if name in preview.mapping:
        return preview.mapping[name]
    if name == "hours" and "start_time" in preview.mapping:
        return f"{preview.mapping['start_time']}/{preview.mapping.get('end_time', '')}"
    return FIELD_LABELS.get(name, name)


def _too_wide(cells: int, width: int) -> str:
    return (
        f"this row has {cells} cells but the header has {width} columns; "
        "a cell holding the delimiter needs quotes"
    )


def _is_total(cells: list[str], date_at: int) -> bool:
    """A row without a date (or with 'Total' in its place) that holds a number or total word."""
    first = cells[date_at].strip()
    if first[:1].isdigit() or (first and normalise(first) not in _TOTAL_WORDS):
        return False
    rest = [c.strip() for i, c in enumerate(cells) if i != date_at and c.strip()]
    return bool(first) or any(
        _NUMBER.fullmatch(c) or set(normalise(c).split("_")) & _TOTAL_WORDS for c in rest
    )


def _default_notes(reader: RowReader, preview: ImportPreview[T]) -> list[str]:
    notes = []
    if reader.disagree:
        n, first = len(reader.disagree), reader.disagree[0]
        hours = preview.mapping.get("hours", "")
        clock = f"{preview.mapping.get('start_time', '')}–{preview.mapping.get('end_time', '')}"
        rows = f"{n:,} row{'s' if n != 1 else ''} (line {first}{' …' if n > 1 else ''})"
        notes.append(f"{hours} differs from {clock} on {rows}; {hours} is used")
    defaults = {"activity": "case-management", "setting": "other", "supervision": "none"}
    for (name, value), lines in reader.defaulted.items():
        column = preview.mapping.get(name, name)
        rows = f"{len(lines):,} row{'s' if len(lines) != 1 else ''}, line {lines[0]}"
        notes.append(
            f"{column}: '{value[:40]}' is not one of our {FIELD_LABELS[name].lower()} values; "
            f"the default '{defaults[name]}' is used ({rows}{' …' if len(lines) > 1 else ''})"
        )
    return notes
