"""Bringing a backup's data in: copy it beside the database, prove the copy sound, then swap.

The order never changes: (1) copy the source into a hidden temporary file in the data folder,
(2) upgrade the copy if it is from an older schema, (3) run `verify.problems` on the copy (the
full integrity and foreign key checks, the schema against the models, the revision, every
stored value), drop its stored entry columns and put their triggers in place as this version
makes them (`entry_columns.rearm`), and only then (4) put it in place. Until step 4 the live
data is not touched; a refused file leaves nothing behind.

Step 4 has two forms. Over a live database, `install` copies the checked file in with SQLite's
backup API inside one write transaction: atomic, and correct even while the window has the
database open (a rename under an open WAL database would pair the new file with the old
`-wal`). For a missing or damaged database, which nothing has open, `replace_file` renames
the checked copy over it: copy first, then rename, never the other way round.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from careerplanner.storage import fileguard
from careerplanner.storage.backup import fsync, write_copy
from careerplanner.storage.errors import DatabaseError, UnusableFileError, classify
from careerplanner.storage.schema import HEAD_REVISION

MAX_LISTED = 3


def checked_copy(source: Path, folder: Path, page_size: int | None = None) -> Path:
    """A temporary copy of `source` in `folder`, upgraded and proven sound; else raises.

    `page_size`: the live database's, so that the copy can be installed into it.
    """
    try:
        revision = fileguard.check_existing(source)
    except UnusableFileError as error:
        message = f"{source} cannot be restored: it {fileguard.reason(error.message, source)}"
        raise UnusableFileError(message) from error
    if revision is None:
        raise UnusableFileError(f"{source} cannot be restored: it records no schema revision")
    temp = _copy(source, folder)
    try:
        if page_size is not None:
            _match_page_size(temp, page_size)
        if revision != HEAD_REVISION:
            _upgrade(temp, source, revision)
        found = _problems(temp)
        if found:
            listed = "; ".join(found[:MAX_LISTED])
            raise UnusableFileError(f"{source} cannot be restored: {listed}")
        _rearm(temp, source)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def install(checked: Path, live: sqlite3.Connection) -> None:
    """Replace the live database's content with the checked copy's, in one transaction."""
    reader = fileguard.read_only(checked, immutable=True)
    try:
        reader.backup(live)
    finally:
        reader.close()


def replace_file(checked: Path, path: Path) -> None:
    """Rename the checked copy over `path` (missing or damaged, open nowhere), durably."""
    fsync(checked)
    os.replace(checked, path)
    descriptor = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def page_size(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA page_size").fetchone()[0])


def _copy(source: Path, folder: Path) -> Path:
    reader = fileguard.read_only(source)
    try:
        return write_copy(reader, folder)
    except sqlite3.Error as error:
        raise _refusal(error, source, folder) from error
    finally:
        reader.close()


def _refusal(error: sqlite3.Error, source: Path, folder: Path) -> DatabaseError:
    known = classify(error, folder / source.name)
    return known or UnusableFileError(f"{source} cannot be restored: it cannot be read ({error})")


def _match_page_size(temp: Path, size: int) -> None:
    connection = sqlite3.connect(temp)
    try:
        if page_size(connection) != size:
            connection.execute(f"PRAGMA page_size={int(size)}")
            connection.execute("VACUUM")
    finally:
        connection.close()


def _upgrade(temp: Path, source: Path, revision: str) -> None:
    from careerplanner.storage.migrate import upgrade

    try:
        upgrade(temp)
    except Exception as error:  # a forged or damaged file the migrations cannot read
        raise UnusableFileError(
            f"{source} cannot be restored: it says it has schema {revision}, but its upgrade "
            f"failed ({type(error).__name__}: {error})"
        ) from error


def _rearm(temp: Path, source: Path) -> None:
    """The copy's stored entry columns dropped and its triggers made as this version makes
    them: a file from elsewhere may carry a copy its triggers no longer guard."""
    from careerplanner.storage.entry_columns import rearm

    connection = sqlite3.connect(temp)
    try:
        rearm(connection)
    except sqlite3.Error as error:
        raise _refusal(error, source, temp.parent) from error
    finally:
        connection.close()


def _problems(temp: Path) -> list[str]:
    from careerplanner.storage.verify import problems  # the models: only for a restore

    connection = fileguard.read_only(temp, immutable=True)
    try:
        return problems(connection)
    finally:
        connection.close()


COMPANIONS = ("-wal", "-shm", "-journal")


def keep_damaged(path: Path, target: Path) -> Path:
    """Copy a damaged database and its companions, byte for byte, to `target` (+ companion
    suffixes), then delete the companions: the damaged file itself stays until it is replaced,
    so a database file is always in place. `target` must be a name no file has."""
    for suffix in ("", *COMPANIONS):
        side = Path(f"{path}{suffix}")
        if side.is_file():
            _byte_copy(side, Path(f"{target}{suffix}"))
    for suffix in COMPANIONS:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return target


def _byte_copy(source: Path, target: Path) -> None:
    import shutil
    import tempfile

    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".damaged-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as reader:
            shutil.copyfileobj(reader, out)
        os.chmod(name, 0o600)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
