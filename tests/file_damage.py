"""Damage the tests make: one index page, which the plan's read never touches, overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

UNREAD_INDEX = "ix_entry_event_entry_id"  # the entries' audit log: nothing reads it at start


def damage_an_unread_index(path: Path) -> bytes:
    """Overwrite the root page of an index the snapshot does not read; the file's new bytes.
    Its header and revision still read, and so does the plan: only the quick check finds it."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (UNREAD_INDEX,)
        ).fetchone()
    finally:
        connection.close()
    content = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    content[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(content))
    return bytes(content)
