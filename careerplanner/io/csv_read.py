"""Reads a CSV file as spreadsheets and time trackers write it: encoding, delimiter, preamble.

UTF-8 (with or without a byte-order mark), UTF-16 (with a byte-order mark or without, as
Excel's "Unicode Text"), else Windows-1252. Decoding is strict: in a UTF-8 file, a line that
is not UTF-8 is decoded alone as Windows-1252 and named in a note; the rest stays UTF-8.
`,`, `;` or a tab as the delimiter; `"` quotes fields, which may hold delimiters and line
breaks. Lines before the header (`## ...` comments, a one-cell title row) are passed over.
Every record keeps the physical line number it starts on in the file.
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

DELIMITERS = (",", ";", "\t")
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
    notes: list[str] = field(default_factory=list)  # what was read differently, and why


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of its encoding, as the user knows it."""
    text, name, _ = decode_noting(data)
    return text, name


def decode_noting(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, notes): the notes name the lines read as Windows-1252 in a UTF-8 file."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), name, []
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), "UTF-16", []
    try:
        return data.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    bad = [n for n, line in enumerate(lines, 1) if not _is_utf8(line)]
    utf8_text = any(not line.isascii() for line in lines if _is_utf8(line))
    if not utf8_text:  # no line needs UTF-8: the whole file is Windows-1252
        return _strict(data, "cp1252"), "Windows-1252", []
    text = "".join(
        line.decode("utf-8") if _is_utf8(line) else _strict(line, "cp1252") for line in lines
    )
    shown = ", ".join(map(str, bad[:5])) + (" …" if len(bad) > 5 else "")
    word = "line" if len(bad) == 1 else "lines"
    note = (
        f"{word} {shown} of the file {'is' if len(bad) == 1 else 'are'} not UTF-8; "
        f"{'it was' if len(bad) == 1 else 'they were'} read as Windows-1252 "
        "(check the accents there)"
    )
    return text, "UTF-8", [note]


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or '-be' when most odd (or even) bytes of the start are NUL, else ''."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    pairs = len(sample) // 2
    if sample[1::2].count(0) > pairs * 0.6 and not sample[0::2].count(0):
        return "utf-16-le"
    if sample[0::2].count(0) > pairs * 0.6 and not sample[1::2].count(0):
        return "utf-16-be"
    return ""


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise _unreadable(error) from error


def _unreadable(error: UnicodeDecodeError) -> ValidationError:
    return ValidationError(
        f"the file is not readable text (byte {error.start + 1:,} is neither UTF-8 nor "
        "Windows-1252); save it from the spreadsheet as 'CSV UTF-8' and try again",
        "file",
    )


def detect_delimiter(text: str) -> str:
    """`,`, `;` or a tab: the sniffer's guess when the header splits with it, else the
    commonest."""
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
    skipped, body = _after_preamble(text)
    chosen = delimiter or detect_delimiter(body)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=chosen, quotechar='"', strict=True)
    problems: list[tuple[int, str]] = []
    found: list[CsvRecord] = []
    for line, cells, problem in _records(reader, skipped):
        if problem:
            problems.append((line, problem))
        else:
            found.append(CsvRecord(line, cells))
    if not found:
        raise ValidationError("the file is empty: it has no header row", "file")
    first = 1 if len(found) > 1 and _filled(found[0].cells) == 1 < _filled(found[1].cells) else 0
    columns = [c.strip().lstrip("\ufeff") for c in found[first].cells]  # (a title row above)
    return CsvTable(columns, found[first + 1 :], problems, encoding, chosen)


def _filled(cells: list[str]) -> int:
    return sum(1 for c in cells if c.strip())


def _after_preamble(text: str) -> tuple[int, str]:
    """(lines passed over, the rest): blank lines and `#` comments before the header."""
    position = count = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end + 1
        bare = text[position:end].lstrip("\ufeff").strip()
        if bare and not bare.startswith("#"):
            break
        position, count = end, count + 1
    return count, text[position:]


def _records(reader: Any, skipped: int = 0) -> Iterator[tuple[int, list[str], str]]:
    """(start line, cells, problem) for each non-blank record; the problem is '' when fine.
    `skipped`: lines of the file before the text the reader reads."""
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
            yield start + skipped, cells, problem


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
    text, encoding, notes = decode_noting(data)
    table = parse_text(text, encoding, delimiter)
    table.notes.extend(notes)
    return table
