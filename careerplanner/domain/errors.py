"""Errors the user can cause, carrying a message in their words and the field it concerns."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input: nothing was written. `field` names the input ("hours", "--date", "end")."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFoundError(ValidationError):
    """An id that names no record."""
