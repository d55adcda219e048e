"""Writers at the same time, in real processes: none fails, none loses another's change."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from cli_process import cli, listing, query, start

from careerplanner.paths import DATABASE_NAME

ROUNDS = 3  # the code before the fix lost a change in about 6 rounds of 10
ROWS = 3_000
LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA locking_mode=EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
"""


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=120)
    return process.returncode, err


def test_profile_changes_at_once_keep_every_change(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert cli(data_dir, "profile", "set", "--name", "start").returncode == 0
    for n in range(ROUNDS):
        changes = [
            ("--name", f"Name {n}"),
            ("--weekly-hours", str(10 + n)),
            ("--raise-percent", str(n + 1)),
            ("--ce-hours-per-year", str(20 + n)),
        ]
        writers = [start(data_dir, "profile", "set", *change) for change in changes]
        assert [_finish(writer) for writer in writers] == [(0, "")] * len(changes)
        stored = query(
            data_dir, "SELECT name, weekly_hours, raise_percent, ce_hours_per_year FROM profile"
        )
        assert stored == [(f"Name {n}", 10.0 + n, n + 1.0, 20.0 + n)]


def _csv(path: Path, first: date) -> Path:
    lines = ["date,hours,setting,employer,notes"]
    lines += [f"{first + timedelta(days=i)},2.5,hospital,Mercy,shift {i}" for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_two_csv_imports_at_once_both_land(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert cli(data_dir, "profile", "set", "--name", "start").returncode == 0
    one = _csv(tmp_path / "one.csv", date(1995, 1, 1))
    two = _csv(tmp_path / "two.csv", date(2005, 1, 1))
    first = start(data_dir, "hours", "import", str(one))
    second = start(data_dir, "hours", "import", str(two))
    assert _finish(first)[0] == 0 and _finish(second)[0] == 0
    assert query(data_dir, "SELECT count(*), sum(hours) FROM work_entry") == [
        (2 * ROWS, 2 * ROWS * 2.5)
    ]


def test_scenarios_are_added_while_an_import_writes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert cli(data_dir, "profile", "set", "--name", "start").returncode == 0
    rows = _csv(tmp_path / "rows.csv", date(1990, 1, 1))
    writers = [start(data_dir, "hours", "import", str(rows))]
    writers += [
        start(data_dir, "scenario", "add", f"Plan {n}", "--weekly-hours", "20") for n in range(3)
    ]
    assert [_finish(writer)[0] for writer in writers] == [0, 0, 0, 0]
    assert query(data_dir, "SELECT count(*) FROM work_entry") == [(ROWS,)]
    assert query(data_dir, "SELECT name FROM scenario ORDER BY name") == [
        ("Plan 0",),
        ("Plan 1",),
        ("Plan 2",),
    ]


def test_a_database_held_by_another_program_is_busy_not_damaged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert cli(data_dir, "profile", "set", "--name", "mine").returncode == 0
    assert cli(data_dir, "backup").returncode == 0
    backup = next((data_dir / "backups").glob("*-manual.sqlite3"))
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(data_dir / DATABASE_NAME)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline() == "locked\n"
        before = listing(data_dir)
        for args in (("profile", "set", "--name", "other"), ("restore", str(backup))):
            done = cli(data_dir, *args)
            assert done.returncode == 1, done.stderr
            assert "is in use by another program; nothing was changed" in done.stderr
            assert "damaged" not in done.stderr
            assert listing(data_dir) == before  # nothing moved aside, nothing written
    finally:
        locker.communicate("\n", timeout=30)
    assert cli(data_dir, "profile", "set", "--name", "other").returncode == 0
    assert query(data_dir, "SELECT name FROM profile") == [("other",)]
