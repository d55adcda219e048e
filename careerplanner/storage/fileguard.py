"""Inspects a database file without changing it: is it ours, is it intact, which revision."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from careerplanner.storage.errors import (
    DatabaseError,
    UnusableFileError,
    classify,
    is_damage,
    sqlite_code,
)
from careerplanner.storage.schema import (
    APPLICATION_ID,
    APPLICATION_ID_OFFSET,
    HEADER_SIZE,
    KNOWN_REVISIONS,
    SQLITE_MAGIC,
    VERSION_TABLE,
)

RESTORE_ADVICE = (
    "Restore a backup (the 'backups' folder beside it holds copies), "
    "or move the file away to start afresh."
)


def is_careerplanner_file(path: Path) -> bool:
    """True when the first 100 bytes are an SQLite header carrying CareerPlanner's id."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return False
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return False
    app_id = int.from_bytes(header[APPLICATION_ID_OFFSET : APPLICATION_ID_OFFSET + 4], "big")
    return app_id == APPLICATION_ID


def read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to the file. `immutable`: not even a -shm or -wal file
    beside it, for files nothing else writes to (backups, which are kept in rollback mode)."""
    flag = "&immutable=1" if immutable else ""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{flag}", uri=True)


def check_existing(path: Path, *, full: bool = True) -> str | None:
    """The file's schema revision (None: before the first), or DatabaseError.

    `full=False` leaves out SQLite's quick check of every page, which grows with the file:
    the caller runs `quick_check` before anything is written (see `deferred_check`).

    Never writes, except that a journal left beside the file by a program that stopped
    mid-transaction (or a stray one) is left to SQLite to roll back or discard, as any
    normal open of the file would; a read-only look cannot do that."""
    if not path.is_file():
        raise UnusableFileError(
            f"{path} is not a file; move it away so a database can be made there"
        )
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        raise DatabaseError(f"{path} cannot be read ({error.strerror})") from error
    if not is_careerplanner_file(path):
        raise UnusableFileError(
            f"{path} is not a CareerPlanner database; it was left untouched. "
            "Move it away, or choose another data folder."
        )
    try:
        return _probe(path, writable=False, full=full)
    except sqlite3.Error as error:
        if not sqlite_code(error).startswith(_NEEDS_RECOVERY):
            raise refusal(error, path) from error
    try:
        return _probe(path, writable=True, full=full)
    except sqlite3.Error as error:
        raise refusal(error, path) from error


_NEEDS_RECOVERY = ("SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY")


def _probe(path: Path, *, writable: bool, full: bool) -> str | None:
    """Quick-check the file (when `full`) and read its revision (read-only unless told)."""
    connection = sqlite3.connect(path) if writable else read_only(path)
    try:
        if full:
            _require_intact(connection, path)
        return read_revision(connection, path)
    finally:
        connection.close()


def _require_intact(connection: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise UnusableFileError(damaged(path, "; ".join(str(p) for p in problems[:3])))


def quick_check(path: Path) -> str | None:
    """SQLite's quick check of the file, read-only: the refusal's message ("… is damaged: …")
    when it found damage, else None. Busy or unreadable is not damage: `DatabaseError`."""
    try:
        connection = read_only(path)
        try:
            _require_intact(connection, path)
        finally:
            connection.close()
    except UnusableFileError as error:
        return error.message
    except sqlite3.Error as error:
        refused = refusal(error, path)
        if isinstance(refused, UnusableFileError):
            return refused.message
        raise refused from error
    return None


def refusal(error: sqlite3.Error, path: Path) -> DatabaseError:
    """Why `path` cannot be opened: busy, not writable or full; damaged only when SQLite said
    the file itself is malformed; otherwise a plain "cannot be read" that moves nothing."""
    known = classify(error, path)
    if known is not None:
        return known
    if is_damage(error):
        return UnusableFileError(damaged(path, str(error)))
    return DatabaseError(f"{path} cannot be read ({error}); it was left untouched")


def damaged(path: Path, detail: str) -> str:
    return f"{path} is damaged: {detail}. {RESTORE_ADVICE}"


def read_revision(connection: sqlite3.Connection, path: Path) -> str | None:
    """The revision recorded in the file; refuses one this version does not know."""
    has_table = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
    ).fetchone()[0]
    if not has_table:
        return None
    rows = [row[0] for row in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
    if not rows:
        return None
    if len(rows) > 1:
        raise UnusableFileError(damaged(path, f"it records several schema revisions ({rows})"))
    if rows[0] not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"{path} was written by a newer version of CareerPlanner (schema {rows[0]}); "
            "it was left untouched. Install the newer version to open it."
        )
    return str(rows[0])


def folder_is_file_message(data_dir: Path) -> str:
    message = f"{data_dir} is a file, not a folder"
    if is_careerplanner_file(data_dir):
        message += (
            f": it is a CareerPlanner database, so pass the folder containing it "
            f"({data_dir.parent})"
        )
    return message


def proven_damage(path: Path) -> str | None:
    """What SQLite's full integrity check of the file found wrong; None when it found nothing
    or could not run for another reason (busy, unreadable): then the file is not damaged."""
    if not path.is_file() or not is_careerplanner_file(path):
        return None
    try:
        connection = read_only(path)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error) if is_damage(error) else None
    return None if rows == ["ok"] else "; ".join(rows[:3])


def reason(message: str, path: Path) -> str:
    """A refusal's message without the path in front and the advice behind:
    "is not a CareerPlanner database", "is damaged: …"."""
    text = message.removeprefix(str(path)).strip()
    text = text.split(RESTORE_ADVICE)[0].split("; it was left untouched")[0]
    return text.strip().rstrip(".")
