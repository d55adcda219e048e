"""Opening the data folder's database, and replacing it only when it is proven damaged.

A file is damaged only when SQLite's integrity check of the file itself says so: a busy,
read-only or full-disk failure is never damage, and such a file is never touched. Replacing a
damaged file never loses it and never leaves the folder without a database: the replacement
is copied and proven sound first, the damaged file (with its -wal and -shm companions) is
copied to `careerplanner.sqlite3.damaged-YYYYMMDDTHHMMSS`, and only then is the replacement
renamed over it.

The window opens its database with the quick check left for later (`open_database(data_dir,
check_later=True)`), runs it with `found_damage` once the plan shows, and, when it finds damage,
offers `recover_open`. Until the check has passed nothing is written to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from careerplanner.paths import DATABASE_NAME
from careerplanner.services import backup_certificates as certificates
from careerplanner.services.backup_files import STAMP, BackupInfo, list_backups
from careerplanner.services.backups import refused_as_input
from careerplanner.services.bus import KINDS, Change, ChangeBus
from careerplanner.services.ce_files import CertificateStore
from careerplanner.storage import Database, UnusableFileError, fileguard
from careerplanner.storage.backup import read_summary
from careerplanner.storage.database import create_file
from careerplanner.storage.restore import COMPANIONS, checked_copy, keep_damaged, replace_file


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


def open_database(data_dir: Path, *, check_later: bool = False) -> Database:
    """Open (making, checking or upgrading) the data folder's database; see `Database.open`."""
    return Database.open(data_dir, check_later=check_later)


def found_damage(db: Database) -> str | None:
    """Run the quick check left for later (any thread): None when the file is sound, else
    what the full integrity check found, worded as `damage` words it; from then on every
    write to `db` is refused. Busy or unreadable raises `DatabaseError` (not damage)."""
    problem = db.check_integrity()
    if problem is None:
        return None
    return damage(db.data_dir) or fileguard.reason(problem, db.path).removeprefix("is damaged: ")


def recover_open(db: Database, bus: ChangeBus, now: datetime | None = None) -> Recovery:
    """`recover` the open, damaged database; `db` then uses the replacement, and every part
    of the plan is read again."""
    db.file_replaced()
    done = recover(db.data_dir, now)
    bus.publish(Change(KINDS))
    return done


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def damage(data_dir: Path) -> str | None:
    """What the integrity check found wrong with the data folder's database; None when it is
    sound, missing, not a CareerPlanner file, or only busy or unreadable (not damage)."""
    return fileguard.proven_damage(database_path(data_dir))


def newest_sound_backup(data_dir: Path) -> BackupInfo | None:
    return next((b for b in list_backups(data_dir) if b.sound), None)


def damaged_name(path: Path, now: datetime) -> Path:
    """A `.damaged-<time>` name beside `path` that no file (or companion) has."""
    base = f"{path.name}.damaged-{now.strftime(STAMP)}"
    target, counter = path.with_name(base), 1
    while any(Path(f"{target}{c}").exists() for c in ("", *COMPANIONS)):
        counter += 1
        target = path.with_name(f"{base}-{counter}")
    return target


def recover(data_dir: Path, now: datetime | None = None) -> Recovery:
    """Replace the damaged database with the newest backup that proves sound (else empty data)."""
    path = database_path(data_dir)
    for backup in (b for b in list_backups(data_dir) if b.sound):
        try:
            moved = _replace(path, backup.path, now)
        except UnusableFileError:
            continue  # that backup failed the full check: try the next older one
        return Recovery(moved, backup)
    moved = keep_damaged(path, damaged_name(path, now or datetime.now()))
    create_file(path)
    return Recovery(moved, None)


def replace_damaged(data_dir: Path, source: Path, now: datetime | None = None) -> Path:
    """Replace the damaged database with the chosen backup; where the damaged file was kept."""
    source = Path(source).expanduser()
    checked = refused_as_input(checked_copy, source, data_dir)
    return _replace(database_path(data_dir), source, now, checked)


def _replace(path: Path, source: Path, now: datetime | None, checked: Path | None = None) -> Path:
    """Put a checked copy of `source` in place of the damaged `path`; where that was kept."""
    checked = checked or checked_copy(source, path.parent)
    try:
        names = read_summary(checked)[3]
        moved = keep_damaged(path, damaged_name(path, now or datetime.now()))
        replace_file(checked, path)
    finally:
        checked.unlink(missing_ok=True)
    certificates.bring_back(source, names, CertificateStore(path.parent))
    return moved
