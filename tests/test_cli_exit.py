"""A command run as the program (`python -m careerplanner`) ends with all of its output written
and its data closed: `__main__` leaves the last objects to the system at exit instead of to
the collector, so nothing may depend on the collector tearing them down."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from careerplanner.paths import DATABASE_NAME


def _program(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, its output a buffered pipe (no PYTHONUNBUFFERED)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "careerplanner", "--data-dir", str(data), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_a_long_output_arrives_whole_through_a_buffered_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _program(data, "demo").returncode == 0
    done = _program(data, "hours", "list", "--json")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 65_536  # several pipe buffers' worth
    entries = json.loads(done.stdout)
    assert len(entries) == 156
    assert done.stderr == ""


def test_a_write_is_stored_and_the_file_left_closed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _program(data, "demo").returncode == 0
    done = _program(data, "hours", "add", "--date", "2026-01-05", "--hours", "1.25")
    assert done.returncode == 0, done.stderr
    new_id = int(done.stdout)
    assert sorted(p.name for p in data.iterdir()) == ["backups", DATABASE_NAME]  # no -wal left
    with sqlite3.connect(data / DATABASE_NAME) as connection:
        row = connection.execute(
            "SELECT start, hours FROM work_entry WHERE id = ?", (new_id,)
        ).fetchone()
    assert row == ("2026-01-05", 1.25)
