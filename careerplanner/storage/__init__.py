"""Persistence: the SQLite database, its rows, migrations and the repositories over them.

`Database` (and with it SQLAlchemy) is imported on first use, so importing the errors or the
file checks stays cheap for the command line and the window's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerplanner.storage.errors import DatabaseError, UnusableFileError

if TYPE_CHECKING:
    from careerplanner.storage.database import Database

__all__ = ["Database", "DatabaseError", "UnusableFileError"]


def __getattr__(name: str) -> Any:
    if name == "Database":
        from careerplanner.storage.database import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
