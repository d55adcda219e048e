"""The report, backup, backups, restore and reminders commands, called in-process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import unicodedata
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pypdf

from careerplanner.cli import run

YESTERDAY = date.today() - timedelta(days=1)


def call(data: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--data-dir", str(data), *argv])
    return code, out.getvalue(), err.getvalue()


def ok(data: Path, *argv: str) -> str:
    code, out, err = call(data, *argv)
    assert code == 0, (argv, out, err)
    return out


def pdf_text(path: Path) -> str:
    pages = pypdf.PdfReader(path).pages
    return unicodedata.normalize(
        "NFKC", " ".join(" ".join(p.extract_text().split()) for p in pages)
    )


def test_reports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert ok(data, "demo")
    out = tmp_path / "hours.pdf"
    first = (YESTERDAY - timedelta(days=90)).isoformat()
    printed = ok(
        data,
        "report",
        "hours",
        "--from",
        first,
        "--to",
        YESTERDAY.isoformat(),
        "--cert",
        "CCM",
        "ACM-RN",
        "--out",
        str(out),
    )
    assert printed.startswith(f"wrote {out} (") and "entries)" in printed
    text = pdf_text(out)
    assert "Hours verification report" in text and "Supervisor" in text and "CCM:" in text
    transcript = tmp_path / "ce.pdf"
    assert "CE activities" in ok(data, "report", "ce", "--out", str(transcript))
    assert "Continuing education transcript" in pdf_text(transcript)


def test_report_refuses_bad_options_before_opening(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for argv in (
        ("report", "hours", "--from", "2026-02-01", "--to", "2026-01-01", "--out", "x.pdf"),
        ("report", "hours", "--from", "yesterday", "--to", "2026-01-01", "--out", "x.pdf"),
        ("report", "hours", "--from", "2026-01-01", "--to", "2026-02-01", "--out", "x.txt"),
        ("report", "ce", "--out", str(tmp_path / "missing" / "x.pdf")),
    ):
        code, _out, err = call(data, *argv)
        assert code == 2 and err.startswith("error: ") and len(err.splitlines()) == 1, argv
    assert not data.exists()
    code, _, err = call(
        data,
        "report",
        "hours",
        "--from",
        "2026-01-01",
        "--to",
        "2026-02-01",
        "--cert",
        "XYZ",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "unknown certification XYZ" in err


def test_backup_list_restore_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(data, "demo")
    assert "backed up to" in ok(data, "backup")
    listed = json.loads(ok(data, "backups", "--json"))
    assert len(listed) == 1 and listed[0]["sound"] and listed[0]["entries"] > 0
    entries = listed[0]["entries"]
    extra = tmp_path / "copy.sqlite3"
    ok(data, "backup", "--out", str(extra))
    code, _, err = call(data, "backup", "--out", str(extra))
    assert code == 2 and "already exists" in err
    ok(data, "hours", "add", "--date", YESTERDAY.isoformat(), "--hours", "1")
    printed = ok(data, "restore", listed[0]["path"])
    assert "the data as it was before is in" in printed
    table = ok(data, "backups")
    assert "before restore" in table and "manual" in table
    after = json.loads(ok(data, "backups", "--json"))
    assert {b["kind"]: b["entries"] for b in after} == {  # no daily copy of unchanged data
        "manual": entries,
        "before restore": entries + 1,
    }


def test_restore_into_a_damaged_folder_keeps_the_damaged_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(data, "demo")
    saved = tmp_path / "saved.sqlite3"
    ok(data, "backup", "--out", str(saved))
    path = data / "careerplanner.sqlite3"
    content = bytearray(path.read_bytes())
    content[4096:] = b"\xa5" * (len(content) - 4096)
    path.write_bytes(bytes(content))
    assert call(data, "check")[0] == 1
    printed = ok(data, "restore", str(saved))
    assert "the damaged database was kept as" in printed
    assert len(list(data.glob("careerplanner.sqlite3.damaged-*"))) >= 1
    assert "passed" in ok(data, "check")


def test_reminders_list_and_dismiss(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(data, "demo")
    soon = (date.today() + timedelta(days=30)).isoformat()
    ok(data, "license", "add", "--type", "LPC", "--issued", "2020-01-01", "--expires", soon)
    due = json.loads(ok(data, "reminders", "--json"))
    (lpc,) = [r for r in due if r["kind"] == "license" and "LPC" in r["text"]]
    assert lpc["overdue"] is False and lpc["due"] == soon
    assert f"key: {lpc['key']}" in ok(data, "reminders")
    assert ok(data, "reminders", "--dismiss", lpc["key"]).startswith("dismissed")
    keys = [r["key"] for r in json.loads(ok(data, "reminders", "--json"))]
    assert lpc["key"] not in keys
    code, _, err = call(data, "reminders", "--dismiss", "nothing:like:this")
    assert code == 2 and "no reminder" in err
