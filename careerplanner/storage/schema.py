"""Facts about the database file that need no Alembic: its revision chain and its identity."""

from __future__ import annotations

HEAD_REVISION = "0005"
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
)  # oldest first; the last one is HEAD_REVISION

APPLICATION_ID = 0x43504C31  # "CPL1": PRAGMA application_id of every CareerPlanner database
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
APPLICATION_ID_OFFSET = 68
VERSION_TABLE = "alembic_version"

# The stored copy of the entries' number columns (storage/entry_columns.py) and the triggers
# that delete it whenever one of the work_entry columns it is made from changes.
ENTRY_COLUMNS_TABLE = "entry_columns"
ENTRY_SOURCE_COLUMNS = ("id", "start", "end", "hours", "activity", "setting", "supervision", "paid")
_UPDATED = ", ".join(f'"{name}"' for name in ENTRY_SOURCE_COLUMNS)
ENTRY_COLUMNS_TRIGGERS = {
    "work_entry_insert_drops_columns": "AFTER INSERT ON work_entry",
    "work_entry_update_drops_columns": f"AFTER UPDATE OF {_UPDATED} ON work_entry",
    "work_entry_delete_drops_columns": "AFTER DELETE ON work_entry",
}
# The row by its id: a third of the cost a bare DELETE (a table scan) adds to each insert.
ENTRY_COLUMNS_TRIGGER_SQL = tuple(
    f'CREATE TRIGGER "{name}" {when} BEGIN DELETE FROM "{ENTRY_COLUMNS_TABLE}" WHERE "id" = 1; END'
    for name, when in ENTRY_COLUMNS_TRIGGERS.items()
)
