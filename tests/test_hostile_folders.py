"""A read-only folder, a full disk and a stray journal are told apart from damage; nothing moves.

The read-only folder is read by the user nobody (`setpriv`), since root may write anywhere;
the full disk is a small tmpfs mounted for the test (it needs the right to mount).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import cli, listing, query

from careerplanner.paths import DATABASE_NAME


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A data folder with the sample plan and one manual backup."""
    data_dir = tmp_path / "data"
    assert cli(data_dir, "demo").returncode == 0
    assert cli(data_dir, "backup").returncode == 0
    return data_dir


def _backup(data_dir: Path) -> Path:
    return next((data_dir / "backups").glob("*-manual.sqlite3"))


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder the user nobody may enter (pytest's own temporary folders are private)."""
    probe = cli(Path("/nonexistent"), "--version", as_nobody=True)
    if probe.returncode != 0:
        pytest.skip(f"the user nobody cannot run this Python: {probe.stderr.strip()[:200]}")
    folder = Path(tempfile.mkdtemp(prefix="careerplanner-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root")
def test_a_read_only_folder_says_so_and_changes_nothing(filled: Path, public_dir: Path) -> None:
    data_dir = public_dir / "data"
    shutil.copytree(filled, data_dir)
    for path in (data_dir, data_dir / "backups"):
        path.chmod(0o755)  # readable by nobody, writable by root alone
    for path in data_dir.rglob("*.sqlite3"):
        path.chmod(0o644)
    before = listing(data_dir)
    for args in (("profile", "set", "--name", "X"), ("restore", str(_backup(data_dir)))):
        done = cli(data_dir, *args, as_nobody=True)
        assert done.returncode == 1, done.stderr
        assert f"error: cannot write to {data_dir}; nothing was changed" in done.stderr
        assert "damaged" not in done.stderr
        assert listing(data_dir) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB filesystem of its own (tmpfs), unmounted afterwards."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def _fill(disk: Path, leave: int) -> None:
    """Write a filler file until at most `leave` bytes are free."""
    free = shutil.disk_usage(disk).free
    with (disk / "filler").open("wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * max(0, free - leave))
    assert shutil.disk_usage(disk).free <= leave + 4096


@pytest.mark.parametrize("leave", [0, 32 * 1024])
def test_a_full_disk_says_so_and_changes_nothing(
    filled: Path, small_disk: Path, leave: int
) -> None:
    data_dir = small_disk / "data"
    shutil.copytree(filled, data_dir)
    _fill(small_disk, leave)
    before = _lasting(data_dir)
    commands = [
        ("profile", "set", "--name", "X"),
        ("backup",),
        ("restore", str(_backup(data_dir))),
    ]
    for args in commands:
        done = cli(data_dir, *args)
        assert done.returncode == 1, done.stderr
        assert "error: the disk is full; nothing was changed" in done.stderr
        assert _lasting(data_dir) == before
    (small_disk / "filler").unlink()
    assert query(data_dir, "SELECT name FROM profile") == [("Jordan Rivera (sample)",)]
    assert not list(data_dir.glob("*.damaged-*"))


def _lasting(data_dir: Path) -> dict[str, str]:
    """The files and their bytes, leaving out SQLite's -wal and -shm (no committed data)."""
    return {k: v for k, v in listing(data_dir).items() if not k.endswith(("-wal", "-shm"))}


@pytest.mark.parametrize("first", [0, 1])  # 1: SQLite takes it for a journal to roll back
def test_a_stray_journal_is_not_damage(filled: Path, first: int) -> None:
    before = query(filled, "SELECT count(*), sum(hours) FROM work_entry")
    journal = filled / f"{DATABASE_NAME}-journal"
    journal.write_bytes(bytes(range(first, 256)) * 20)  # not a journal SQLite wrote
    done = cli(filled, "profile", "set", "--name", "After")
    assert done.returncode == 0, done.stderr
    assert query(filled, "SELECT name FROM profile") == [("After",)]
    assert query(filled, "SELECT count(*), sum(hours) FROM work_entry") == before
    assert cli(filled, "check").returncode == 0
    assert not list(filled.glob("*.damaged-*"))
