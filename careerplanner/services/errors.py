"""The storage errors that callers of the services catch, re-exported from here so the UI and
the CLI need not import `storage` to name them."""

from careerplanner.storage.errors import (
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    NotWritableError,
    UnusableFileError,
)

__all__ = [
    "DatabaseBusyError",
    "DatabaseError",
    "DiskFullError",
    "NotWritableError",
    "UnusableFileError",
]
