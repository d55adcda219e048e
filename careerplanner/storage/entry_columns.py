"""A stored copy of the rule engine's entry columns: one BLOB, read at start-up in a few ms.

The table `entry_columns` holds at most one row: the number columns of every work entry
(`encoding.EncodedEntries`, in the (start, id) order the snapshot reads entries in), packed
little-endian one column after another as `FIELDS` says. It is a copy, never the truth:
triggers on `work_entry` delete the row in the same transaction as any insert, delete or
change of a column it holds, whoever writes (this process, the command line, another program,
an import, a restore). `read` also refuses a row whose layout number is not `LAYOUT`, whose size
does not fit its count, or whose count or greatest id differs from the table's, so a changed
layout or a file whose triggers were lost is never misread: the rows are read instead.

`store` writes the row on the snapshot reader's own connection, under `BEGIN IMMEDIATE` and only
when the caller's check (that its snapshot is still the file's) passes once the write lock is
held.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import numpy as np

from careerplanner.domain.encoding import ACTIVITIES, SETTINGS, SUPERVISIONS, EncodedEntries
from careerplanner.storage import schema

TABLE = schema.ENTRY_COLUMNS_TABLE
COLUMNS = ("id", "layout", "count", "data")  # the model's (checked by tests/test_reader.py)
ROW_ID = 1
LAYOUT = 1  # bump with any change to FIELDS, and give the migration that drops the old row
# (EncodedEntries field, stored dtype, dtype in memory), 8-byte columns first (aligned).
FIELDS: tuple[tuple[str, str, type], ...] = (
    ("hours", "<f8", np.float64),
    ("ids", "<i8", np.int64),
    ("start", "<i4", np.int64),
    ("end", "<i4", np.int64),
    ("activity", "u1", np.int64),
    ("setting", "u1", np.int64),
    ("supervision", "u1", np.int64),
    ("paid", "u1", np.bool_),
)
ROW_BYTES = sum(np.dtype(stored).itemsize for _, stored, _ in FIELDS)
_CODES = {"activity": len(ACTIVITIES), "setting": len(SETTINGS), "supervision": len(SUPERVISIONS)}
# SQLite's primary result codes for a write that cannot happen now; the copy then waits.
_CANNOT_WRITE = {
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CANTOPEN,
}
Arrays = dict[str, np.ndarray]


def pack(columns: EncodedEntries) -> bytes:
    """The columns as the row's BLOB."""
    return b"".join(getattr(columns, name).astype(stored).tobytes() for name, stored, _ in FIELDS)


def unpack(data: bytes, count: int) -> Arrays | None:
    """The columns of a BLOB of `count` entries, or None when it cannot be theirs."""
    if count < 0 or len(data) != count * ROW_BYTES:
        return None
    arrays: Arrays = {}
    offset = 0
    for name, stored, memory in FIELDS:
        column = np.frombuffer(data, stored, count, offset)
        offset += column.nbytes
        arrays[name] = column.astype(memory)  # a writable copy, in the engine's dtype
    if count and not _plausible(arrays):
        return None
    return arrays


def _plausible(arrays: Arrays) -> bool:
    """Codes inside their enums, spans that end on or after their start."""
    if any(int(arrays[name].max()) >= size for name, size in _CODES.items()):
        return False
    return bool(np.all(arrays["end"] >= arrays["start"]))


def read(connection: sqlite3.Connection) -> Arrays | None:
    """The stored columns, when the row is there, of this layout and of this table's entries."""
    names = ", ".join(f'"{name}"' for name in COLUMNS[1:])
    row = connection.execute(f'SELECT {names} FROM "{TABLE}" WHERE "id" = ?', (ROW_ID,)).fetchone()
    if row is None or row[0] != LAYOUT or not isinstance(row[2], bytes):
        return None
    arrays = unpack(row[2], int(row[1]))
    if arrays is None:
        return None
    count, greatest = connection.execute('SELECT count(*), max("id") FROM work_entry').fetchone()
    top = int(arrays["ids"].max()) if arrays["ids"].size else None
    return arrays if (count, greatest) == (arrays["ids"].size, top) else None


def store(
    connection: sqlite3.Connection, columns: EncodedEntries, current: Callable[[], bool]
) -> bool:
    """Write the copy of `columns` on the snapshot reader's connection, in its own write
    transaction, if `current()` still holds once the write lock is taken; False when it does
    not, or when the file cannot be written now (busy, read-only, full): the copy waits."""
    data = pack(columns)
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout=0")  # never make the window wait for it
    connection.execute("PRAGMA query_only=OFF")
    try:
        return _write(connection, data, len(columns.ids), current)
    except sqlite3.Error as error:
        if error.sqlite_errorcode & 0xFF not in _CANNOT_WRITE:
            raise
        return False
    finally:
        connection.execute("PRAGMA query_only=ON")
        connection.execute(f"PRAGMA busy_timeout={int(timeout)}")


def _write(
    connection: sqlite3.Connection, data: bytes, count: int, current: Callable[[], bool]
) -> bool:
    connection.execute("BEGIN IMMEDIATE")
    try:
        if not current():
            connection.execute("ROLLBACK")
            return False
        names = ", ".join(f'"{name}"' for name in COLUMNS)
        connection.execute(
            f'INSERT OR REPLACE INTO "{TABLE}" ({names}) VALUES (?, ?, ?, ?)',
            (ROW_ID, LAYOUT, count, data),
        )
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return True


def rearm(connection: sqlite3.Connection) -> None:
    """Drop the stored copy and put the triggers (back) in place, as this version makes them:
    for a file from elsewhere (a restore), whose copy and triggers are not to be trusted."""
    drops = [f'DROP TRIGGER IF EXISTS "{name}"' for name in schema.ENTRY_COLUMNS_TRIGGERS]
    statements = [
        "BEGIN IMMEDIATE",
        *drops,
        *schema.ENTRY_COLUMNS_TRIGGER_SQL,
        f'DELETE FROM "{TABLE}"',
        "COMMIT",
    ]
    connection.executescript(";\n".join(statements) + ";")
