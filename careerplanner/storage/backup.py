"""Copies a live SQLite database with SQLite's own backup API into a private file.

Copies are kept in rollback-journal mode, so reading one later (even read-only) leaves no
-wal or -shm file beside it. A copy is written to a hidden `.backup-*.tmp` file first and
renamed into place; `remove_stale_temps` clears those a killed copy left behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME
from careerplanner.storage import fileguard
from careerplanner.storage.errors import UnusableFileError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
TEMP_PREFIX = ".backup-"
TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 6 * 3600  # a copy still being written is never this old
PAGES_PER_STEP = 1024  # with a progress callback, copy in steps of 4 MiB (at 4 KiB pages)

Progress = Callable[[int, int], None]
"""Told (pages copied, pages in all) after each step; raising aborts the copy."""


def make_private_dir(folder: Path) -> None:
    """Create a folder (and parents) readable only by the user, if it is missing; an existing
    folder is left as it is (it may be one the user chose, such as a backup's target)."""
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        folder.chmod(PRIVATE_DIR)


def tighten_data_dir(folder: Path) -> None:
    """Make the data folder the user's alone (0700), creating it when missing."""
    make_private_dir(folder)
    if folder.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # not ours to change (read-only): use it as it is
            folder.chmod(PRIVATE_DIR)


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Delete the hidden temporary copies a killed backup left in `folder`; what was removed."""
    if not folder.is_dir():
        return []
    limit = (time.time() if now is None else now) - STALE_AFTER_S
    removed = []
    for path in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def copy_database(
    source: sqlite3.Connection, target: Path, progress: Progress | None = None
) -> Path:
    """Write a consistent copy of `source` to `target` (mode 0600), replacing it atomically.

    `progress` hears about each step; if it raises, the copy is abandoned and `target` is
    left as it was.
    """
    make_private_dir(target.parent)
    temp = write_copy(source, target.parent, progress)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _steps(progress: Progress) -> Callable[[int, int, int], None]:
    def step(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    return step


def write_copy(source: sqlite3.Connection, folder: Path, progress: Progress | None = None) -> Path:
    """A consistent copy of `source` in a new hidden temporary file in `folder` (0600, synced)."""
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    os.close(handle)  # mkstemp made it 0600 and empty: a valid place for a new database
    temp = Path(temp_name)
    try:
        destination = sqlite3.connect(temp)
        try:
            if progress is None:
                source.backup(destination)
            else:
                source.backup(destination, pages=PAGES_PER_STEP, progress=_steps(progress))
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        temp.chmod(PRIVATE_FILE)
        fsync(temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def backup_before_upgrade(database: Path, revision: str | None, now: datetime) -> Path:
    """Copy a database about to be migrated into `backups/` beside it."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    stem = DATABASE_NAME.removesuffix(".sqlite3")
    base = f"{stem}-before-upgrade-{revision or 'base'}-{stamp}"
    folder = database.parent / BACKUP_DIR_NAME
    target, counter = folder / f"{base}.sqlite3", 1
    while target.exists():
        counter += 1
        target = folder / f"{base}-{counter}.sqlite3"
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return copy_database(source, target)
    finally:
        source.close()


def read_summary(path: Path) -> tuple[int, float, int, set[str]]:
    """What a backup holds, read without writing anything beside it: entries, their hours,
    CE activities, and the certificate file names its CE activities refer to.

    Cheap on purpose (no integrity check; `restore.checked_copy` runs the full one). Raises
    `DatabaseError` for a file that is not a CareerPlanner database or cannot be read."""
    if not fileguard.is_careerplanner_file(path):
        raise UnusableFileError(f"{path} is not a CareerPlanner database")
    try:
        connection = fileguard.read_only(path, immutable=True)
        try:
            if fileguard.read_revision(connection, path) is None:
                raise UnusableFileError(f"{path} records no schema revision")
            entries, hours = connection.execute(
                "SELECT count(*), coalesce(sum(hours), 0) FROM work_entry"
            ).fetchone()
            ce = connection.execute("SELECT count(*) FROM ce_activity").fetchone()[0]
            names = {
                str(row[0])
                for row in connection.execute(
                    "SELECT DISTINCT certificate FROM ce_activity WHERE certificate <> ''"
                )
            }
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise fileguard.refusal(error, path) from error
    return int(entries), float(hours), int(ce), names
