"""Persistence: the SQLite database, its rows, migrations and the repositories over them."""

from careerplanner.storage.database import Database
from careerplanner.storage.errors import DatabaseError, UnusableFileError

__all__ = ["Database", "DatabaseError", "UnusableFileError"]
