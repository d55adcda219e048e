"""Start-up damage check: a damaged database is moved aside and the newest sound backup restored.

Nothing is ever overwritten: the damaged file (with its -wal and -shm companions) is renamed
`careerplanner.sqlite3.damaged-YYYYMMDDTHHMMSS`, and the backup is copied into a new file.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from careerplanner.domain.errors import ValidationError
from careerplanner.paths import DATABASE_NAME
from careerplanner.services.backup_files import STAMP, BackupInfo, inspect, list_backups
from careerplanner.storage import fileguard
from careerplanner.storage.backup import copy_database

COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Recovery:
    """What recovery did: where the damaged file went, and which backup replaced it (if any)."""

    moved_to: Path
    restored: BackupInfo | None

    def describe(self) -> str:
        text = f"The damaged file was kept as {self.moved_to.name}."
        if self.restored is None:
            return text + " No sound backup was found, so CareerPlanner starts with empty data."
        return text + f" Your data was restored from the backup of {self.restored.describe()}."


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def damage(data_dir: Path) -> str | None:
    """What is wrong with the data folder's database when it is damaged; None otherwise.

    A file that is not a CareerPlanner database, or one from a newer version, is not damaged:
    it is left for the storage layer to refuse.
    """
    path = database_path(data_dir)
    if not path.is_file() or not fileguard.is_careerplanner_file(path):
        return None
    try:
        connection = fileguard.read_only(path)
        try:
            problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return None if problems == ["ok"] else "; ".join(problems[:3])


def newest_sound_backup(data_dir: Path) -> BackupInfo | None:
    return next((b for b in list_backups(data_dir) if b.sound), None)


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the database and its companions to a `.damaged-<time>` name no file has."""
    base = f"{path.name}.damaged-{now.strftime(STAMP)}"
    target, counter = path.with_name(base), 1
    while any(Path(f"{target}{c}").exists() for c in ("", *COMPANIONS)):
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    for companion in COMPANIONS:
        side = Path(f"{path}{companion}")
        if side.exists():
            os.rename(side, f"{target}{companion}")
    os.rename(path, target)
    return target


def recover(data_dir: Path, now: datetime | None = None) -> Recovery:
    """Move the damaged database aside and put the newest sound backup in its place."""
    path = database_path(data_dir)
    backup = newest_sound_backup(data_dir)
    moved = move_aside(path, now or datetime.now())
    if backup is not None:
        _copy_in(backup.path, path)
    return Recovery(moved, backup)


def replace_damaged(data_dir: Path, source: Path, now: datetime | None = None) -> Path:
    """Move the damaged database aside and copy the chosen backup in; where the damaged went."""
    info = inspect(source)
    if info.problem is not None:
        raise ValidationError(f"{source} cannot be restored: {info.problem}", "FILE")
    moved = move_aside(database_path(data_dir), now or datetime.now())
    _copy_in(source, database_path(data_dir))
    return moved


def _copy_in(source: Path, path: Path) -> None:
    reader = fileguard.read_only(source)
    try:
        copy_database(reader, path)
    finally:
        reader.close()
