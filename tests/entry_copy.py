"""Whether a data folder's database holds the stored copy of the entry columns."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def stored_copies(folder: Path) -> int:
    """How many copies the file holds (0 or 1), read by a connection of its own."""
    connection = sqlite3.connect(folder / "careerplanner.sqlite3")
    try:
        return int(connection.execute("SELECT count(*) FROM entry_columns").fetchone()[0])
    finally:
        connection.close()
