"""The command line, black-box: `python -m careerplanner --data-dir TMP ...` in a subprocess.

Every command runs here at least once, with exit codes, stdout and stderr as a user sees them;
the data folder refusals, the environment variable, and a sample of the bad inputs (all of
them run in-process in test_cli_inprocess.py, which is much faster).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_cases import BAD_INPUT, CERT_IDS, DB_NAME, FILL, TODAY, YESTERDAY, dump

from careerplanner.cli import run


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k != "CAREERPLANNER_DATA_DIR"}
    return base | {"QT_QPA_PLATFORM": "offscreen"} | extra


def cli(data_dir: Path | None, *args: str, environ: dict[str, str] | None = None) -> Result:
    prefix = ["--data-dir", str(data_dir)] if data_dir is not None else []
    done = subprocess.run(
        [sys.executable, "-m", "careerplanner", *prefix, *args],
        capture_output=True,
        text=True,
        env=environ or env(),
        timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def ok(data_dir: Path, *args: str) -> Result:
    result = cli(data_dir, *args)
    assert result.code == 0, result.err
    assert result.err == ""
    return result


def assert_one_error(result: Result, code: int) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.err
    assert "Traceback" not in result.err


def test_every_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(data, "profile", "set", "--name", "Maya", "--track", "social-work", "--state", "ny",
       "--weekly-hours", "30", "--current-salary", "52,000")  # fmt: skip
    assert ok(data, "profile", "show", "--json").json()["state"] == "NY"
    added = [
        ok(data, "degree", "add", "--level", "bachelor", "--field", "social-work", "--status",
           "completed", "--end", "2022-05-15", "--accredited", "--field-experience"),
        ok(data, "license", "add", "--type", "LBSW", "--issued", "2022-08-01"),
        ok(data, "exam", "add", "--type", "ASWB-BACHELORS", "--passed", "2022-07-05"),
        ok(data, "hours", "add", "--date", "2023-01-02", "--end", "2023-12-29", "--hours",
           "1500", "--setting", "hospital", "--supervision", "licensed-sw"),
        ok(data, "ce", "add", "--date", str(YESTERDAY), "--hours", "3", "--topic", "ethics"),
        ok(data, "goal", "add", "C-SWCM", "--target", "2027-06-01"),
    ]  # fmt: skip
    assert all(r.out.strip().isdigit() and r.out.count("\n") == 1 for r in added)
    (degree,) = ok(data, "degree", "list", "--json").json()
    assert degree["id"] == int(added[0].out) and degree["field"] == "social-work"
    table = ok(data, "hours", "list").out
    assert "2023-01-02 … 2023-12-29" in table and "1,500 h logged" in table
    removed = ok(data, "goal", "remove", added[5].out.strip())
    assert removed.out == f"removed goal {int(added[5].out)}\n"

    data_json = ok(data, "eligibility", "--as-of", "2024-01-01", "--json").json()
    assert data_json["as_of"] == "2024-01-01" and data_json["weekly_hours"] == 30.0
    assert [c["id"] for c in data_json["certifications"]] == CERT_IDS

    catalog = ok(tmp_path / "unused", "catalog").out
    assert all(f"{cert_id} — " in catalog for cert_id in CERT_IDS)
    assert not (tmp_path / "unused").exists()
    assert ok(data, "check").out.startswith("ok: ")


def test_demo_fills_an_empty_folder_only(tmp_path: Path) -> None:
    assert "sample plan" in ok(tmp_path, "demo").out
    before = dump(tmp_path)
    assert sum(len(rows) for rows in before.values()) > 150
    assert_one_error(cli(tmp_path, "demo"), 1)
    assert dump(tmp_path) == before
    data = ok(tmp_path, "eligibility", "--json").json()
    assert data["as_of"] == TODAY.isoformat()
    assert next(c for c in data["certifications"] if c["id"] == "ACM-RN")["eligible"]


def test_help_and_version(tmp_path: Path) -> None:
    helped = ok(tmp_path, "--help").out
    assert "eligibility" in helped and "--data-dir" in helped
    assert ok(tmp_path, "--version").out.startswith("careerplanner ")


def test_environment_variable_names_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "from-env"
    environ = env(CAREERPLANNER_DATA_DIR=str(data))
    result = cli(None, "profile", "set", "--name", "Env", environ=environ)
    assert result.code == 0, result.err
    assert any("Env" in row for rows in dump(data).values() for row in rows)


SAMPLE = [
    "over 24 h with the day's other entries",
    "date that does not exist",
    "unknown setting",
    "hours nan",
    "remove unknown id",
    "missing required option",
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Filled in-process (the same code, faster); the cases below run as subprocesses."""
    data = tmp_path_factory.mktemp("filled")
    for args in FILL:
        assert run(["--data-dir", str(data), *args]) == 0
    return data


@pytest.mark.parametrize("name", SAMPLE)
def test_bad_input_is_refused_and_changes_nothing(filled: Path, name: str) -> None:
    before = dump(filled)
    result = cli(filled, *BAD_INPUT[name])
    assert_one_error(result, 2)
    assert result.out == ""
    assert dump(filled) == before


# --- data folders that are not ours are refused, untouched ----------------------------------------


def _refused_untouched(data_dir: Path, victim: Path) -> None:
    """Bad input (exit 2) for a command; a failed check (exit 1) for `check`."""
    before = victim.read_bytes()
    for args, code in (
        (["hours", "add", "--date", str(YESTERDAY), "--hours", "1"], 2),
        (["check"], 1),
    ):
        assert_one_error(cli(data_dir, *args), code)
        assert victim.read_bytes() == before
    assert sorted(p.name for p in victim.parent.iterdir()) == [victim.name]


def test_data_dir_pointing_at_a_plain_file(tmp_path: Path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("my notes\n" * 50)
    _refused_untouched(victim, victim)


def test_a_database_file_that_is_not_careerplanners(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    victim = data / DB_NAME
    connection = sqlite3.connect(victim)
    connection.execute("CREATE TABLE other (x)")
    connection.execute("INSERT INTO other VALUES (1)")
    connection.commit()
    connection.close()
    _refused_untouched(data, victim)


def test_a_text_file_in_place_of_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    victim = data / DB_NAME
    victim.write_text("not a database at all\n" * 100)
    _refused_untouched(data, victim)


def test_a_corrupted_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(data, "demo")
    victim = data / DB_NAME
    raw = bytearray(victim.read_bytes())
    assert len(raw) > 3 * 4096
    raw[4096 + 200 : 4096 * 3] = b"\xa5" * (4096 * 2 - 200)
    victim.write_bytes(bytes(raw))
    for leftover in data.iterdir():
        if leftover.name != DB_NAME and leftover.is_file():
            leftover.unlink()
    before = victim.read_bytes()
    for args, code in ((["hours", "list"], 2), (["check"], 1)):
        assert_one_error(cli(data, *args), code)
        assert victim.read_bytes() == before
