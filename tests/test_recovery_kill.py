"""kill -9 while a damaged database is replaced by a backup: a database file is always there,
either the damaged one untouched or the backup's data, and the damaged bytes are never lost."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from cli_process import cli, digest, start

from careerplanner.paths import DATABASE_NAME

TRIALS = 12
SEED = 20261201


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def _entries(path: Path) -> int | None:
    """The entry count of a sound database; None when it cannot be read."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            return None
        return int(connection.execute("SELECT count(*) FROM work_entry").fetchone()[0])
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder with the sample plan, damaged, and a sound backup file beside it."""
    folder = tmp_path / "template"
    assert cli(folder, "demo").returncode == 0
    backup = tmp_path / "sound.sqlite3"
    assert cli(folder, "backup", "--out", str(backup)).returncode == 0
    _corrupt(folder / DATABASE_NAME)
    return folder, backup


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_kill_9_while_replacing_a_damaged_database(
    tmp_path: Path, template: tuple[Path, Path]
) -> None:
    folder, backup = template
    damaged = digest(folder / DATABASE_NAME)
    sound = _entries(backup)
    trial_dir = tmp_path / "timed"
    shutil.copytree(folder, trial_dir)
    began = time.monotonic()
    finished = cli(trial_dir, "restore", str(backup))
    duration = time.monotonic() - began
    assert finished.returncode == 0, finished.stderr
    assert _entries(trial_dir / DATABASE_NAME) == sound
    rng = random.Random(SEED)
    for trial in range(TRIALS):
        data_dir = tmp_path / f"trial-{trial}"
        shutil.copytree(folder, data_dir)
        process = start(data_dir, "restore", str(backup))
        time.sleep(rng.uniform(0.2, 1.0) * duration)  # where to cut: spread over the run
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        path = data_dir / DATABASE_NAME
        assert path.is_file()  # never without a database
        if digest(path) != damaged:  # else: killed before the swap, the file is untouched
            assert _entries(path) == sound
            kept = [p for p in data_dir.glob(f"{DATABASE_NAME}.damaged-*") if p.suffix != ".tmp"]
            assert [digest(p) for p in kept if not p.name.endswith(("-wal", "-shm"))] == [damaged]
