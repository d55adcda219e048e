"""Reads a CSV file as spreadsheets write it: detects the encoding and the delimiter.

UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, else Windows-1252;
`,` or `;` as the delimiter; `"` quotes fields, which may hold delimiters and line breaks.
Every record keeps the physical line number it starts on (the header is line 1).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerplanner.domain.errors import ValidationError

DELIMITERS = (",", ";")
SAMPLE_CHARS = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


@dataclass(frozen=True)
class CsvRecord:
    line: int  # the physical line the record starts on
    cells: list[str]


@dataclass(frozen=True)
class CsvTable:
    """A CSV file split into its header and records, with what was detected about it."""

    columns: list[str]
    records: list[CsvRecord]
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong)
    encoding: str = "UTF-8"
    delimiter: str = ","


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of its encoding, as the user knows it."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as error:
                raise _unreadable(error) from error
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise _unreadable(error) from error


def _unreadable(error: UnicodeDecodeError) -> ValidationError:
    return ValidationError(
        f"the file is not readable text (byte {error.start + 1:,} is neither UTF-8 nor "
        "Windows-1252); save it from the spreadsheet as 'CSV UTF-8' and try again",
        "file",
    )


def detect_delimiter(text: str) -> str:
    """`,` or `;`: the sniffer's guess when the header splits with it, else the commoner one."""
    sample = text[:SAMPLE_CHARS]
    header = _first_record(sample)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in DELIMITERS and len(_split(header, sniffed)) > 1:
        return sniffed
    counts = {d: len(_split(header, d)) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], d == ","))


def _first_record(sample: str) -> str:
    """The first non-blank line(s) of the sample, up to the end of the first record."""
    stripped = sample.lstrip("\r\n")
    reader = csv.reader(io.StringIO(stripped, newline=""), strict=False)
    try:
        next(reader)
    except (StopIteration, csv.Error):
        return stripped
    return "\n".join(stripped.splitlines()[: max(reader.line_num, 1)])


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(line, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def parse_text(text: str, encoding: str = "UTF-8", delimiter: str | None = None) -> CsvTable:
    """Split CSV text into header and records; malformed records are listed as problems."""
    chosen = delimiter or detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen, quotechar='"', strict=True)
    columns: list[str] | None = None
    records: list[CsvRecord] = []
    problems: list[tuple[int, str]] = []
    lines = _records(reader)
    for line, cells, problem in lines:  # the header first
        if problem:
            problems.append((line, problem))
        else:
            columns = [c.strip().lstrip("\ufeff") for c in cells]
            break
    for line, cells, problem in lines:
        if problem:
            problems.append((line, problem))
        else:
            records.append(CsvRecord(line, cells))
    if columns is None:
        raise ValidationError("the file is empty: it has no header row", "file")
    return CsvTable(columns, records, problems, encoding, chosen)


def _records(reader: Any) -> Iterator[tuple[int, list[str], str]]:
    """(start line, cells, problem) for each non-blank record; the problem is '' when fine."""
    done = 0  # physical lines consumed so far
    while True:
        try:
            cells: list[str] = next(reader)
            problem = ""
        except StopIteration:
            return
        except csv.Error as error:
            cells, problem = [], _describe(str(error))
        start, done = done + 1, reader.line_num
        if problem or "".join(cells).strip():  # blank: every cell empty or spaces
            yield start, cells, problem


def _describe(error: str) -> str:
    if "unexpected end of data" in error:
        return 'a quoted field is never closed (a " is missing)'
    if "expected after" in error:
        return 'a closing " is followed by more text in the same cell (double a " inside quotes)'
    return f"this line is not valid CSV ({error})"


def read_csv(path: Path, delimiter: str | None = None) -> CsvTable:
    """Read and split a CSV file (the whole file is read; a CSV of hours is small)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"cannot read {path}: {error.strerror or error}", "file") from error
    text, encoding = decode(data)
    return parse_text(text, encoding, delimiter)
