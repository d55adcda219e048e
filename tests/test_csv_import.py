"""CSV import of hours and CE: detection, per-row errors with line numbers, all or nothing,
duplicates, the 24-hour rule, and column mapping."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.io.csv_import import ImportOptions
from careerplanner.io.csv_read import decode, detect_delimiter, parse_text
from careerplanner.services import Services
from careerplanner.services.bus import ChangeBus
from careerplanner.services.import_export import ImportExportService
from careerplanner.storage import Database

TODAY = date(2026, 11, 26)
FIRST = date(2020, 1, 1)
NOTE_CHARS = st.sampled_from(list("abc XYZ09,;\"'\n=+-@éüñ"))
BAD_VALUES = {
    "date": ("2026-02-30", "31.02.2025", "someday"),
    "hours": ("abc", "-3", "", "1:75"),
    "paid": ("maybe",),
}


def _records(db: Database) -> ImportExportService:
    return ImportExportService(db, ChangeBus(), lambda: TODAY)


def _count(db: Database, table: str = "work_entry") -> int:
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, int, set[int], list[str]]:
    """(file bytes, number of valid rows, lines of bad rows, notes of the valid rows)."""
    headers = {
        "date": draw(st.sampled_from(["date", "Start", "Start Date"])),
        "hours": draw(st.sampled_from(["hours", "Hrs", "HOURS"])),
        "setting": "setting",
        "paid": draw(st.sampled_from(["paid", "Paid?"])),
        "notes": draw(st.sampled_from(["notes", "Comments"])),
    }
    order = draw(st.permutations(list(headers)))
    delimiter = draw(st.sampled_from([",", ";"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerow([headers[k] for k in order])
    bad_lines: set[int] = set()
    notes_kept: list[str] = []
    for i in range(draw(st.integers(0, 30))):
        line = buffer.getvalue().count("\n") + 1
        note = draw(st.text(NOTE_CHARS, max_size=12)).strip()
        values = {
            "date": (FIRST + timedelta(days=i)).isoformat(),
            "hours": str(draw(st.sampled_from([0.5, 1, 7.25, 8, 12, 24]))),
            "setting": draw(st.sampled_from(["hospital", "Home Health", "", "insurance"])),
            "paid": draw(st.sampled_from(["yes", "no", "1", "0", "TRUE", ""])),
            "notes": note,
        }
        extra: list[str] = []
        if draw(st.booleans()) and draw(st.booleans()):
            bad_lines.add(line)
            if draw(st.integers(0, 4)) == 0:
                extra = ["surplus"]
            else:
                field = draw(st.sampled_from(sorted(BAD_VALUES)))
                values[field] = draw(st.sampled_from(BAD_VALUES[field]))
        else:
            notes_kept.append(note)
        writer.writerow([values[k] for k in order] + extra)
        if draw(st.integers(0, 6)) == 0:
            buffer.write(terminator)  # a blank line
    if draw(st.integers(0, 5)) == 0:
        bad_lines.add(buffer.getvalue().count("\n") + 1)
        buffer.write(delimiter.join(['"2020-01-01', "3"]) + terminator)  # a quote never closed
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return buffer.getvalue().encode(encoding), len(notes_kept), bad_lines, notes_kept


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_every_row_or_none_and_every_bad_line_reported(
    case: tuple[bytes, int, set[int], list[str]],
) -> None:
    data, valid, bad_lines, notes = case
    with tempfile.TemporaryDirectory() as tmp, Database.open(Path(tmp) / "data") as db:
        path = Path(tmp) / "hours.csv"
        path.write_bytes(data)
        records = _records(db)
        preview = records.preview_hours_csv(path)
        assert {line for line, _ in preview.errors} == bad_lines
        assert len(preview.errors) == len(bad_lines)
        if bad_lines:
            with pytest.raises(ValidationError, match="nothing was imported"):
                records.import_hours(preview)
            assert _count(db) == 0
            return
        assert [e.notes for e in preview.rows] == notes
        records.import_hours(preview)
        assert _count(db) == valid
        again = records.preview_hours_csv(path)
        assert again.rows == [] and len(again.duplicates) == valid and not again.errors
        assert records.import_hours(again).added == 0
        assert _count(db) == valid


def test_detection_of_encoding_and_delimiter() -> None:
    assert decode("a;é".encode("cp1252")) == ("a;é", "Windows-1252")
    assert decode("\ufeffa;é".encode()) == ("a;é", "UTF-8")
    assert decode("a;é".encode("utf-16")) == ("a;é", "UTF-16")
    assert detect_delimiter('date;hours;notes\n2024-01-01;3;"a, b, c"\n') == ";"
    assert detect_delimiter('date,hours,notes\n2024-01-01,3,"a; b; c"\n') == ","
    assert detect_delimiter("date\n2024-01-01\n") == ","
    table = parse_text('date;hours;notes\n2024-01-01;3;"two\nlines"\n\n2024-01-02;4;x\n')
    assert [r.line for r in table.records] == [2, 5]
    assert table.records[0].cells == ["2024-01-01", "3", "two\nlines"]


def test_messages_name_the_line_and_the_column(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("Day,Hrs\n2026-02-30,3\n2026-01-01,2\n2026-01-02,x\n")
    preview = _records(db).preview_hours_csv(path)
    assert preview.errors == [
        (2, "Day: '2026-02-30' is not a date (no such day)"),
        (4, "Hrs: 'x' is not a number"),
    ]
    assert [e.start for e in preview.rows] == [date(2026, 1, 1)]


def test_missing_column_and_explicit_mapping(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("Worked on;Time spent;Where\n2026-01-05;7,5;Mercy\n2026-01-06;8;Mercy\n")
    records = _records(db)
    with pytest.raises(ValidationError, match=r"no column for date \(first day\)"):
        records.preview_hours_csv(path)
    mapping: dict[str, str | int | None] = {"start": "Worked on", "hours": "time spent"}
    mapping["employer"] = 2
    preview = records.preview_hours_csv(path, ImportOptions(mapping))
    assert preview.errors == [] and [e.hours for e in preview.rows] == [7.5, 8.0]
    assert preview.mapping == {"start": "Worked on", "hours": "Time spent", "employer": "Where"}
    with pytest.raises(ValidationError, match="unknown field 'colour'"):
        records.preview_hours_csv(path, ImportOptions({"colour": "Where"}))


def test_equal_rows_are_two_sessions_and_a_stored_one_is_matched_once(
    services: Services, tmp_path: Path
) -> None:
    stored = services.hours.add(WorkEntry(date(2026, 1, 5), 4, setting=Setting.HOSPITAL))
    path = tmp_path / "h.csv"
    path.write_text(
        "date,hours,setting,paid\n"
        "2026-01-05,4,hospital,no\n"  # the stored entry (pay is not part of what is compared)
        "2026-01-06,3,clinic,yes\n"
        "2026-01-06,3,clinic,yes\n"  # the line above again
    )
    records = services.records
    preview = records.preview_hours_csv(path)
    assert preview.duplicates == [(2, stored.id)]
    assert preview.lines == [3, 4]
    result = records.import_hours(preview)
    assert result.added == 2 and services.hours.get(result.ids[0]).start == date(2026, 1, 6)
    assert len(services.hours.list()) == 3
    again = records.preview_hours_csv(path)  # every row is now matched by one stored entry
    assert again.rows == [] and len(again.duplicates) == 3
    path.write_text(path.read_text() + "2026-01-06,3,clinic,yes\n")  # a third session
    assert records.preview_hours_csv(path).lines == [5]


def test_day_over_24_hours_with_stored_entries(services: Services, tmp_path: Path) -> None:
    services.hours.add(WorkEntry(date(2026, 3, 2), 20))
    path = tmp_path / "h.csv"
    path.write_text("date,end,hours\n2026-03-01,,3\n2026-03-01,2026-03-07,35\n2026-03-09,,24\n")
    preview = services.records.preview_hours_csv(path)
    assert preview.errors == [(3, "hours: 2026-03-02 would have 25 h (more than 24 h in a day)")]
    assert [e.start for e in preview.rows] == [date(2026, 3, 1), date(2026, 3, 9)]
    path.write_text("date,end,hours\n2026-03-02,,3\n2026-03-02,,2\n")
    preview = services.records.preview_hours_csv(path)
    assert [line for line, _ in preview.errors] == [2, 3]
    assert "2026-03-02 would have 25 h" in preview.errors[0][1]
    with pytest.raises(ValidationError):
        services.records.import_hours(preview)
    assert len(services.hours.list()) == 1


def test_ce_import_and_progress(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "ce.csv"
    rows = "".join(f"2025-{m:02d}-01;1.5;Ethics;Course {m};Boärd\n" for m in range(1, 13))
    path.write_bytes(("Date;CE Hours;Topic;Title;Provider\n" + rows).encode("cp1252"))
    seen: list[tuple[int, int]] = []
    preview = services.records.preview_ce_csv(path, on_progress=lambda d, t: seen.append((d, t)))
    assert preview.delimiter == ";" and preview.encoding == "Windows-1252"
    assert seen[-1] == (12, 12)
    result = services.records.import_ce(preview, on_progress=lambda d, t: seen.append((d, t)))
    assert result.added == 12 and seen[-1] == (12, 12)
    assert services.records.preview_ce_csv(path).rows == []
    assert len(services.ce.list()) == 12


def test_cli_import_dry_run_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from careerplanner.cli import run

    path = tmp_path / "h.csv"
    path.write_text("date,hours,notes\n2024-01-01,3,x\n2024-01-02,3,y\n")
    data = ["--data-dir", str(tmp_path / "data")]
    assert run([*data, "hours", "import", str(path), "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert run([*data, "hours", "import", str(path)]) == 0
    assert "Imported 2 entries" in capsys.readouterr().out
    path.write_text("date,hours\n2024-02-30,3\n")
    assert run([*data, "hours", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2: date: '2024-02-30' is not a date (no such day)" in err
    assert "nothing was imported" in err
