"""The error raised for a database file that CareerPlanner cannot or must not use."""

from __future__ import annotations


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
