"""The backups folder: file names, what each backup holds, and whether it can be restored.

A backup `careerplanner-<time>[-manual|-before-restore].sqlite3` may have a folder
`careerplanner-<time>….certificates/` beside it with the certificate files its CE activities
refer to. Listing reads each file without writing anything beside it and without the full
integrity check (restoring runs that on a copy).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME
from careerplanner.storage import fileguard
from careerplanner.storage.backup import read_summary
from careerplanner.storage.errors import DatabaseError

STEM = DATABASE_NAME.removesuffix(".sqlite3")
STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    rf"^{STEM}-(\d{{8}}T\d{{6}})(?:-(before-restore|before-start-over|manual|\d+))*\.sqlite3$"
)
_UPGRADE = re.compile(rf"^{STEM}-before-upgrade-.*-(\d{{8}}-\d{{6}})(?:-\d+)?\.sqlite3$")
AUTOMATIC, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_START_OVER, OTHER = (
    "automatic",
    "manual",
    "before restore",
    "before upgrade",
    "before starting over",
    "other",
)
MANUAL_SUFFIX, BEFORE_RESTORE_SUFFIX = "-manual", "-before-restore"
BEFORE_START_OVER_SUFFIX = "-before-start-over"
CERTIFICATES_SUFFIX = ".certificates"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: when it was made, why, and how much it holds."""

    path: Path
    made_at: datetime
    kind: str  # AUTOMATIC, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_START_OVER or OTHER
    entries: int | None = None  # None when the file cannot be read
    ce: int | None = None
    hours: float | None = None
    problem: str | None = None  # why it cannot be restored; None: it is sound

    @property
    def sound(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        """ "November 26, 2026 10:15 — 1,204 entries, 12 CE activities" in the user's words."""
        when = f"{self.made_at:%B} {self.made_at.day}, {self.made_at:%Y %H:%M}"
        if self.problem is not None:
            return f"{when} — cannot be restored: {self.problem}"
        return f"{when} — {self.entries:,} entries ({self.hours:,.1f} h), {self.ce:,} CE activities"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def backup_name(made_at: datetime, suffix: str = "") -> str:
    return f"{STEM}-{made_at.strftime(STAMP)}{suffix}.sqlite3"


def free_path(folder: Path, made_at: datetime, suffix: str = "") -> Path:
    """A backup path for `made_at` that no file uses yet."""
    target, counter = folder / backup_name(made_at, suffix), 1
    while target.exists():
        counter += 1
        target = folder / backup_name(made_at, f"{suffix}-{counter}")
    return target


def kind_and_time(path: Path) -> tuple[str, datetime]:
    """What kind of backup a file name says it is, and when it was made (else: its mtime)."""
    match = _NAME.match(path.name)
    if match:
        kind = AUTOMATIC
        if BEFORE_RESTORE_SUFFIX in path.name:
            kind = BEFORE_RESTORE
        elif BEFORE_START_OVER_SUFFIX in path.name:
            kind = BEFORE_START_OVER
        elif MANUAL_SUFFIX in path.name:
            kind = MANUAL
        return kind, datetime.strptime(match.group(1), STAMP)
    match = _UPGRADE.match(path.name)
    if match:
        return BEFORE_UPGRADE, datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return OTHER, datetime.fromtimestamp(path.stat().st_mtime)


def inspect(path: Path) -> BackupInfo:
    """Read a backup without changing it: what it holds, or why it cannot be restored."""
    kind, made_at = kind_and_time(path)
    try:
        entries, hours, ce, _ = read_summary(path)
    except DatabaseError as error:
        return BackupInfo(path, made_at, kind, problem=fileguard.reason(error.message, path))
    return BackupInfo(path, made_at, kind, entries, ce, hours)


def certificates_dir(backup: Path) -> Path:
    """Where the certificate files kept with a backup are."""
    return backup.with_name(backup.name.removesuffix(".sqlite3") + CERTIFICATES_SUFFIX)


def backup_files(data_dir: Path) -> list[Path]:
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return [p for p in folder.glob("*.sqlite3") if p.is_file() and not p.name.startswith(".")]


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data folder's backups/, newest first."""
    infos = [inspect(p) for p in backup_files(data_dir)]
    return sorted(infos, key=lambda b: (b.made_at, b.path.name), reverse=True)


def file_digest(path: Path) -> str | None:
    """A fingerprint of a backup file's pages; None when it cannot be read.

    Copies made with the backup API of unchanged data are byte-identical, except perhaps the
    header's change counters, which are left out.
    """
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            header = bytearray(handle.read(100))
            header[24:28] = bytes(len(header[24:28]))  # file change counter
            header[92:100] = bytes(len(header[92:100]))  # version-valid-for, SQLite version
            digest.update(header)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
