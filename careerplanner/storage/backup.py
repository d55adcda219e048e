"""Copies a live SQLite database with SQLite's own backup API into a private file."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PAGES_PER_STEP = 1024  # with a progress callback, copy in steps of 4 MiB (at 4 KiB pages)

Progress = Callable[[int, int], None]
"""Told (pages copied, pages in all) after each step; raising aborts the copy."""


def make_private_dir(folder: Path) -> None:
    """Create a folder (and parents) readable only by the user, if it is missing."""
    if folder.is_dir():
        return
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    folder.chmod(PRIVATE_DIR)


def copy_database(
    source: sqlite3.Connection, target: Path, progress: Progress | None = None
) -> Path:
    """Write a consistent copy of `source` to `target` (mode 0600), replacing it atomically.

    `progress` hears about each step; if it raises, the copy is abandoned and `target` is
    left as it was.
    """
    make_private_dir(target.parent)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".backup-", suffix=".tmp")
    os.close(handle)  # mkstemp made it 0600 and empty: a valid place for a new database
    temp = Path(temp_name)
    try:
        destination = sqlite3.connect(temp)
        try:
            if progress is None:
                source.backup(destination)
            else:
                source.backup(destination, pages=PAGES_PER_STEP, progress=_steps(progress))
        finally:
            destination.close()
        temp.chmod(PRIVATE_FILE)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _steps(progress: Progress) -> Callable[[int, int, int], None]:
    def step(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)

    return step


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
