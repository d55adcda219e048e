"""Bad input refused cleanly (exit 2, one line, nothing written), through the real CLI.

JSON plans that break a whole-plan rule or are hostile; ids beyond what SQLite stores; dates
far out of range; arguments that are not UTF-8; an empty --data-dir; control characters in
text, refused on input and escaped on output; hours below 0.01.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_cases import dump
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.cli import run
from careerplanner.domain import validation
from careerplanner.domain.errors import ValidationError
from careerplanner.io.json_io import VERSION

Doc = dict[str, Any]
BIG = "a number of 5,000 digits goes here"
KINDS = ("degree", "license", "exam", "hours", "ce", "goal", "work")
UNSAFE = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"), max_size=20
)


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def refused(*argv: str) -> str:
    code, out, err = call(*argv)
    assert (code, out) == (2, ""), (argv, code, out, err)
    assert len(err.splitlines()) == 1 and err.startswith("error: "), err
    return err


@pytest.fixture
def exported(tmp_path: Path) -> Doc:
    """A small real plan as `export --json` writes it."""
    data = tmp_path / "source"
    for argv in (
        ("hours", "add", "--date", "2024-03-04", "--hours", "7.5"),
        ("goal", "add", "CCM"),
    ):
        assert call("--data-dir", str(data), *argv)[0] == 0
    out = tmp_path / "plan.json"
    assert call("--data-dir", str(data), "export", "--json", str(out))[0] == 0
    doc: Doc = json.loads(out.read_text(encoding="utf-8"))
    return doc


def entry(doc: Doc, **changes: Any) -> Doc:
    return {**doc["entries"][0], **changes}


JSON_CASES: dict[str, tuple[Callable[[Doc], Any], str]] = {
    "two 20 h entries on one day": (
        lambda d: d.update(
            entries=[entry(d, id=1, hours=20.0), entry(d, id=2, hours=20.0, notes="b")]
        ),
        "2024-03-04 would have 40 h (more than 24 h in a day)",
    ),
    "an unknown top-level key": (
        lambda d: d.update(entriess=d.pop("entries")),
        "unknown parts: 'entriess'",
    ),
    "version 0": (lambda d: d.update(version=0), "format version 0 is not valid"),
    "version -7": (lambda d: d.update(version=-7), "format version -7 is not valid"),
    "version true": (lambda d: d.update(version=True), "format version True is not valid"),
    "a newer version": (lambda d: d.update(version=VERSION + 1), "written by a newer version"),
    "an id of 2^63": (
        lambda d: d.update(entries=[entry(d, id=2**63)]),
        "the number 9223372036854775808 is too large",
    ),
    "a 5,000-digit number": (
        lambda d: d.update(entries=[entry(d, hours=BIG)]),
        "(5,000 characters) is too large",
    ),
    "duplicate goals differing in case": (
        lambda d: d.update(goals=[d["goals"][0], {**d["goals"][0], "id": 2, "cert_id": "ccm"}]),
        "goals[1]: there is already a goal for CCM",
    ),
    "an escape sequence in a note": (
        lambda d: d.update(entries=[entry(d, notes="\x1b]0;owned\x07")]),
        "notes contains a control character (ESC)",
    ),
    "an escape sequence in the audit log": (
        lambda d: d.update(
            entry_events=[
                {
                    "entry_id": 1,
                    "at": "2024-03-04T10:00:00",
                    "action": "verify",
                    "detail": "\x1b[2J",
                }
            ]
        ),
        "entry_events[0]: detail contains a control character (ESC)",
    ),
    "hours below 0.01": (
        lambda d: d.update(entries=[entry(d, hours=0.001)]),
        "hours must be at least 0.01 h",
    ),
}


def write_doc(path: Path, doc: Doc) -> Path:
    path.write_text(json.dumps(doc).replace(json.dumps(BIG), "9" * 5000), encoding="utf-8")
    return path


def refused_import(tmp_path: Path, plan: Path, expected: str) -> None:
    data = tmp_path / "target"
    assert call("--data-dir", str(data), "hours", "list")[0] == 0  # an empty database
    before = dump(data)
    err = refused("--data-dir", str(data), "import", "--json", str(plan))
    assert expected in err, err
    assert dump(data) == before


@pytest.mark.parametrize("case", sorted(JSON_CASES))
def test_a_bad_json_plan_is_refused_and_writes_nothing(
    exported: Doc, tmp_path: Path, case: str
) -> None:
    change, expected = JSON_CASES[case]
    change(exported)
    refused_import(tmp_path, write_doc(tmp_path / "bad.json", exported), expected)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "CareerPlanner plan", "version": 1, "degrees": '
                    + "[" * 10_000 + "]" * 10_000 + "}")  # fmt: skip
    refused_import(tmp_path, deep, "nests too deeply")


def test_the_untouched_export_still_imports(exported: Doc, tmp_path: Path) -> None:
    plan = write_doc(tmp_path / "good.json", exported)
    assert call("--data-dir", str(tmp_path / "target"), "import", "--json", str(plan))[0] == 0


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("ident", [str(2**63), "9" * 30])
def test_an_id_beyond_sqlite_is_refused_in_every_remove(
    tmp_path: Path, kind: str, ident: str
) -> None:
    err = refused("--data-dir", str(tmp_path / "d"), kind, "remove", ident)
    assert "is not a record id (a whole number from 1 to 9,223,372,036,854,775,807)" in err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("command", ["eligibility", "timeline"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_as_of_date_out_of_range_is_refused(tmp_path: Path, command: str, day: str) -> None:
    err = refused("--data-dir", str(tmp_path / "d"), command, "--as-of", day)
    assert err.strip() == f"error: --as-of {day} is out of range (1900–2199)"


def test_arguments_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "d"
    argv = [sys.executable, "-m", "careerplanner", "--data-dir", os.fsencode(data)]
    argv += [b"hours", b"add", b"--date", b"2024-01-02", b"--hours", b"1", b"--notes", b"caf\xe9"]
    done = subprocess.run(argv, capture_output=True, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode() == (
        "error: argument 10 ('caf\\xe9') is not valid UTF-8 text; retype it\n"
    )
    assert not data.exists()


def test_an_empty_data_dir_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fallback = tmp_path / "fallback"
    monkeypatch.setenv("CAREERPLANNER_DATA_DIR", str(fallback))
    for value in ("", "  "):
        err = refused("--data-dir", value, "hours", "list")
        assert err.strip() == "error: --data-dir is empty; name the folder that holds your data"
    assert not fallback.exists()


@settings(max_examples=60, deadline=None)
@given(SAFE_TEXT, st.sampled_from(UNSAFE), SAFE_TEXT)
def test_a_control_character_in_any_text_option_is_refused(
    before: str, bad: str, after: str
) -> None:
    text = before + bad + after
    with pytest.raises(ValidationError, match="contains a control character"):
        validation.parse_text(text, "notes")
    code, out, err = call(
        "--data-dir", "/nonexistent/never-made", "hours", "add", "--date", "2024-01-02",
        "--hours", "1", f"--notes={text}",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert "--notes contains a control character" in err
    assert not any(c in err for c in UNSAFE)


@settings(max_examples=60, deadline=None)
@given(SAFE_TEXT)
def test_text_without_control_characters_is_kept(text: str) -> None:
    assert validation.parse_text(text, "notes") == text.strip()


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=1e-12, max_value=0.0099))
def test_hours_below_a_hundredth_are_refused(hours: float) -> None:
    err = refused("--data-dir", "/nonexistent/never-made", "hours", "add", "--date",
                  "2024-01-02", "--hours", repr(hours))  # fmt: skip
    assert "hours must be at least 0.01 h (36 seconds)" in err


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=41, max_value=6000))
def test_a_number_of_many_digits_is_refused(digits: int) -> None:
    err = refused("--data-dir", "/nonexistent/never-made", "hours", "add", "--date",
                  "2024-01-02", "--hours", "1" * digits)  # fmt: skip
    assert "is not a number" in err


def test_control_characters_in_a_csv_file_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert call("--data-dir", str(data), "hours", "list")[0] == 0
    before = dump(data)
    csv = tmp_path / "hours.csv"
    csv.write_text("date,hours,notes\n2024-01-02,3,fine\n2024-01-03,2,\x1b[31mred\n")
    code, _, err = call("--data-dir", str(data), "hours", "import", str(csv))
    assert code == 2
    assert "line 3: notes: notes contains a control character (ESC); remove it" in err
    assert dump(data) == before


def test_stored_control_characters_are_escaped_on_output(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert call("--data-dir", str(data), "employer", "add", "Bay")[0] == 0
    assert call("--data-dir", str(data), "hours", "add", "--date", "2024-01-02",
                "--hours", "3", "--employer", "Bay")[0] == 0  # fmt: skip
    with contextlib.closing(sqlite3.connect(data / "careerplanner.sqlite3")) as connection:
        connection.execute("UPDATE work_entry SET employer = ?", ("B\x1b]0;x\x07\x9b",))
        connection.commit()
    _, listed, _ = call("--data-dir", str(data), "hours", "list")
    assert "B\\x1b]0;x\\x07\\x9b" in listed
    _, as_json, _ = call("--data-dir", str(data), "hours", "list", "--json")
    assert "B\\u001b]0;x\\u0007\\u009b" in as_json
    for output in (listed, as_json):
        assert not any(c in output for c in UNSAFE if c != "\n")


@pytest.mark.parametrize("option", ["--json", "--archive"])
@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("notes", "\x1b[2J", "entries[0]: notes contains a control character (ESC)"),
        ("hours", 0.004, "entries[0]: hours must be at least 0.01 h"),
    ],
)
def test_a_plan_that_could_not_be_imported_again_is_not_exported(
    tmp_path: Path, option: str, column: str, value: object, reason: str
) -> None:
    """A record stored before a check existed would make a file no import takes back."""
    data = tmp_path / "d"
    assert call("--data-dir", str(data), "employer", "add", "Bay")[0] == 0
    assert call("--data-dir", str(data), "hours", "add", "--date", "2024-01-02",
                "--hours", "3")[0] == 0  # fmt: skip
    with contextlib.closing(sqlite3.connect(data / "careerplanner.sqlite3")) as connection:
        connection.execute(f"UPDATE work_entry SET {column} = ?", (value,))
        connection.commit()
    out = tmp_path / "plan.out"
    err = refused("--data-dir", str(data), "export", option, str(out))
    assert "the plan was not exported, because it could not be imported again" in err
    assert reason in err and "correct that record, then export again" in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["d"]
    assert call("--data-dir", str(data), "hours", "remove", "1")[0] == 0
    assert call("--data-dir", str(data), "export", option, str(out))[0] == 0


def test_stored_control_characters_are_escaped_wherever_they_are_printed(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert call("--data-dir", str(data), "profile", "set", "--name", "Ana")[0] == 0
    with contextlib.closing(sqlite3.connect(data / "careerplanner.sqlite3")) as connection:
        connection.execute("UPDATE profile SET name = ?", ("Ana\x1b]2;owned\x07",))
        connection.commit()
    code, shown, _ = call("--data-dir", str(data), "profile", "show")
    assert code == 0
    assert "Name:               Ana\\x1b]2;owned\\x07\n" in shown
