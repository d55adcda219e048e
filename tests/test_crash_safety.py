"""kill -9 during a CSV import: the database stays sound and holds all of the rows or none."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from careerplanner.cli import run
from careerplanner.paths import DATABASE_NAME
from careerplanner.storage import Database

ROWS = 10_000
TRIALS = 20
SEED = 20261126


def _write_csv(path: Path) -> None:
    first = date(2000, 1, 1)
    lines = ["date,hours,setting,employer,notes"]
    lines += [
        f'{first + timedelta(days=i // 4)},2.5,hospital,Mercy,"shift {i}, ward {i % 7}"'
        for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n")


def _entries(data_dir: Path) -> int:
    path = data_dir / DATABASE_NAME
    if not path.exists():
        return 0
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM work_entry").fetchone()[0])
    finally:
        connection.close()


def _start(data_dir: Path, csv_path: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "careerplanner", "--data-dir", str(data_dir)]
    return subprocess.Popen(
        [*command, "hours", "import", str(csv_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _read_line(process: subprocess.Popen[bytes]) -> bytes:
    """The first line printed: the preview is done and the write is about to start."""
    assert process.stdout is not None
    return process.stdout.readline()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_kill_9_during_import_keeps_all_or_none(tmp_path: Path) -> None:
    csv_path = tmp_path / "big.csv"
    _write_csv(csv_path)
    template = tmp_path / "template"
    Database.open(template).close()

    full = tmp_path / "full"
    shutil.copytree(template, full)
    began = time.monotonic()
    done = _start(full, csv_path)
    assert _read_line(done).startswith(b"Read ")
    previewed = time.monotonic()
    _, err = done.communicate(timeout=60)
    duration, writing = time.monotonic() - began, time.monotonic() - previewed
    assert done.returncode == 0, err.decode()
    assert _entries(full) == ROWS

    rng = random.Random(SEED)
    outcomes = []
    for trial in range(TRIALS):
        data_dir = tmp_path / f"trial{trial}"
        shutil.copytree(template, data_dir)
        process = _start(data_dir, csv_path)
        if trial % 2:  # any moment from the start
            time.sleep(rng.uniform(0.1, 1.05) * duration)
        else:  # a moment while the rows are being written
            _read_line(process)
            time.sleep(rng.uniform(0.0, 1.1) * writing)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        assert run(["--data-dir", str(data_dir), "check"]) == 0
        count = _entries(data_dir)
        assert count in (0, ROWS), f"trial {trial}: {count} of {ROWS} rows"
        outcomes.append(count)
        shutil.rmtree(data_dir)
    print("rows after each kill:", outcomes)
    assert 0 in outcomes  # some kills landed before the commit
