"""kill -9 during an export that replaces a file: the file is whole, old or new, never half.

A real `careerplanner export --force` runs in a subprocess and is killed as soon as its
temporary file exists (that is, while it writes); the target then holds its old bytes (or,
had the rename just won the race with the kill, the complete new export).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from careerplanner.domain.model import WorkEntry
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo

ENTRIES = 20_000


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "data"
    first = date(1960, 1, 1).toordinal()
    entries = [
        WorkEntry(date.fromordinal(first + i // 3), 8.0, notes=f"note {i}") for i in range(ENTRIES)
    ]
    with Database.open(folder) as db, db.session() as session:
        repo.add_many(session, repo.ENTRIES, entries)
    return folder


OLD = b"the previous export, which must survive"


def _wait_for(
    condition: Callable[[], bool], process: subprocess.Popen[bytes], limit: float = 60
) -> bool:
    """Poll until `condition()` holds or the process ends (no fixed sleep)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if condition():
            return True
        time.sleep(0.001)
    return False


def _complete(target: Path, option: str) -> bool:
    if option == "--json":
        return len(json.loads(target.read_text(encoding="utf-8"))["entries"]) == ENTRIES
    with zipfile.ZipFile(target) as archive:
        plan = json.loads(archive.read("plan.json"))
    return len(plan["entries"]) == ENTRIES


@pytest.mark.parametrize("option", ["--json", "--archive"])
def test_a_killed_export_leaves_the_old_file_whole(data: Path, tmp_path: Path, option: str) -> None:
    target = tmp_path / "plan.out"
    argv = [sys.executable, "-m", "careerplanner", "--data-dir", str(data), "export", option]
    survived = 0
    for _ in range(3):
        target.write_bytes(OLD)
        process = subprocess.Popen([*argv, str(target), "--force"], stderr=subprocess.DEVNULL)
        assert _wait_for(lambda: any(tmp_path.glob(".plan.out.*.tmp")), process)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if target.read_bytes() == OLD:
            survived += 1
        else:
            assert _complete(target, option)
        for stale in tmp_path.glob(".plan.out.*.tmp"):
            stale.unlink()
    assert survived >= 1  # killed while writing at least once, as the export is not instant
    done = subprocess.run([*argv, str(target), "--force"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert _complete(target, option)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.out"]
