"""The errors raised for a database file that CareerPlanner cannot or must not use.

`classify` tells the causes apart that are not damage: a file held by another program, a
folder that cannot be written to, and a full disk. Only an integrity check of the file itself
proves damage (see `fileguard`).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path


class DatabaseError(Exception):
    """The database cannot be used as it is; the message says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnusableFileError(DatabaseError):
    """The data folder holds (or is) a file that is not a sound CareerPlanner database:
    a foreign or damaged file, or a file where the folder should be. Bad input, not a bug."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the database; trying again later will work."""


class NotWritableError(DatabaseError):
    """The data folder (or the file) cannot be written to; nothing was changed."""


class DiskFullError(DatabaseError):
    """The disk has no room left; the write was rolled back, nothing was changed."""


DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
_NOT_WRITABLE = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")
_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_NOT_WRITABLE_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)
LOW_SPACE_BYTES = 1 << 20  # an I/O error with less room than this left is a full disk


def busy(path: Path) -> DatabaseBusyError:
    return DatabaseBusyError(
        f"{path} is in use by another program; nothing was changed. "
        "Try again once that program is done with it."
    )


def not_writable(folder: Path) -> NotWritableError:
    return NotWritableError(
        f"cannot write to {folder}; nothing was changed. Check that the folder is writable "
        "and not on a read-only disk."
    )


def disk_full(folder: Path) -> DiskFullError:
    return DiskFullError(f"the disk is full; nothing was changed (the data folder is {folder})")


def sqlite_code(error: BaseException) -> str:
    """SQLite's name for the error ("SQLITE_BUSY"), or "" for an error from elsewhere."""
    return str(getattr(error, "sqlite_errorname", "") or "")


def is_damage(error: BaseException) -> bool:
    """True when SQLite itself found the file malformed (not busy, read-only or full)."""
    return sqlite_code(error).startswith(DAMAGE_CODES)


def _no_room(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def classify(error: BaseException, path: Path) -> DatabaseError | None:
    """A busy, not-writable or disk-full error for `path` in the user's words; else None."""
    folder = path.parent
    if isinstance(error, sqlite3.Error):
        code = sqlite_code(error)
        if code.startswith(_BUSY):
            return busy(path)
        if code.startswith(_NOT_WRITABLE):
            return not_writable(folder)
        if code.startswith("SQLITE_FULL"):
            return disk_full(folder)
        if code.startswith("SQLITE_IOERR") and _no_room(folder):  # e.g. no room for the -shm
            return disk_full(folder)
        return None
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS:
            return disk_full(folder)
        if error.errno in _NOT_WRITABLE_ERRNOS:
            return not_writable(Path(error.filename).parent if error.filename else folder)
    return None
