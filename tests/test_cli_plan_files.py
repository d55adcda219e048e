"""The CLI's plan export and import (JSON and archive) and the CSV exports, in-process: the
lines a user reads, the files written, and a refused import that changes nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

from cli_cases import dump

from careerplanner.cli import run


def call(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


def ok(data: Path, *argv: str) -> str:
    code, out, err = call("--data-dir", str(data), *argv)
    assert (code, err) == (0, ""), err
    return out


def refused(data: Path, *argv: str) -> str:
    code, out, err = call("--data-dir", str(data), *argv)
    assert (code, out) == (2, ""), (code, out, err)
    (line,) = err.splitlines()
    assert line.startswith("error: ")
    return line


def _filled(data: Path) -> None:
    ok(data, "profile", "set", "--name", "Maya", "--weekly-hours", "30")
    ok(data, "employer", "add", "Mercy")  # an entry names an employer record
    ok(data, "hours", "add", "--date", "2025-03-03", "--hours", "8", "--employer", "Mercy")
    ok(data, "hours", "add", "--date", "2025-03-04", "--hours", "6.5", "--notes", "intake")
    ok(data, "ce", "add", "--date", "2025-02-01", "--hours", "3", "--topic", "ethics",
       "--title", "Ethics 101")  # fmt: skip
    ok(data, "goal", "add", "ccm", "--target", "2027-04-01")


def test_json_export_then_import_reproduces_the_plan(tmp_path: Path) -> None:
    source, copy, out = tmp_path / "a", tmp_path / "b", tmp_path / "plan.json"
    _filled(source)
    said = ok(source, "export", "--json", str(out))
    assert said == f"Wrote the whole plan to {out}: 2 hours entries, 1 CE activity.\n"
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [e["hours"] for e in written["entries"]] == [8.0, 6.5]
    said = ok(copy, "import", "--json", str(out))
    assert said == f"Imported the plan into {copy}: 2 hours entries, 1 CE activity.\n"
    for listing in (
        ["hours", "list", "--json"],
        ["ce", "list", "--json"],
        ["goal", "list", "--json"],
    ):
        assert json.loads(ok(copy, *listing)) == json.loads(ok(source, *listing))
    assert json.loads(ok(copy, "profile", "show", "--json"))["name"] == "Maya"


def test_import_into_a_folder_with_data_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    source, out = tmp_path / "a", tmp_path / "plan.json"
    _filled(source)
    ok(source, "export", "--json", str(out))
    before = dump(source)
    line = refused(source, "import", "--json", str(out))
    assert "only into an empty data folder" in line
    assert dump(source) == before
    missing = tmp_path / "no"
    assert (
        refused(tmp_path / "c", "import", "--json", str(missing))
        == f"error: there is no file {missing}"
    )


def test_an_existing_export_file_is_kept_without_force(tmp_path: Path) -> None:
    data, out = tmp_path / "a", tmp_path / "plan.json"
    _filled(data)
    out.write_text("mine", encoding="utf-8")
    assert refused(data, "export", "--json", str(out)).startswith("error: --json: ")
    assert out.read_text(encoding="utf-8") == "mine"
    ok(data, "export", "--json", str(out), "--force")
    assert json.loads(out.read_text(encoding="utf-8"))["entries"]


def test_archive_export_then_import(tmp_path: Path) -> None:
    source, copy, out = tmp_path / "a", tmp_path / "b", tmp_path / "plan.careerplanner"
    _filled(source)
    said = ok(source, "export", "--archive", str(out))
    assert said == (
        f"Wrote the whole plan to {out}: 2 hours entries, 1 CE activity, 0 certificate files.\n"
    )
    said = ok(copy, "import", "--archive", str(out))
    assert said == f"Imported the plan into {copy}: 2 hours entries, 1 CE activity.\n"
    assert json.loads(ok(copy, "hours", "list", "--json")) == json.loads(
        ok(source, "hours", "list", "--json")
    )


def test_hours_csv_export_to_a_file_and_to_the_terminal(tmp_path: Path) -> None:
    data, out = tmp_path / "a", tmp_path / "hours.csv"
    _filled(data)
    assert ok(data, "hours", "export", "--out", str(out)) == f"Wrote 2 rows to {out}\n"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 3  # the header and two entries
    printed = ok(data, "hours", "export", "--from", "2025-03-04", "--codes")
    lines = printed.strip().splitlines()
    assert len(lines) == 2 and "intake" in lines[1] and "Mercy" not in printed
    line = refused(data, "hours", "export", "--from", "2025-03-04", "--to", "2025-03-03")
    assert line == "error: --to (2025-03-03) is before --from (2025-03-04)"
    said = ok(data, "ce", "export", "--out", str(tmp_path / "ce.csv"))
    assert said == f"Wrote 1 row to {tmp_path / 'ce.csv'}\n"
