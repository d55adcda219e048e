"""Facts about the database file that need no Alembic: its revision chain and its identity."""

from __future__ import annotations

HEAD_REVISION = "0004"
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
)  # oldest first; the last one is HEAD_REVISION

APPLICATION_ID = 0x43504C31  # "CPL1": PRAGMA application_id of every CareerPlanner database
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
APPLICATION_ID_OFFSET = 68
VERSION_TABLE = "alembic_version"
