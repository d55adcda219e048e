"""What every command handler gets: the data folder, lazily opened services, and argument parsers.

Handlers parse and validate all of their arguments with the helpers here before they open the
database, so bad input never touches it. Every helper raises `ValidationError` with a message
that names the option.

Opening the services takes the daily automatic backup first, when none was made today and the
data changed since the newest backup, so the command line keeps the same daily backups as the
window. A backup that cannot be made is a warning, not a failure: the command still runs.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from careerplanner.domain import validation
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.unsafe_text import printable

if TYPE_CHECKING:
    from careerplanner.domain.catalog import Catalog
    from careerplanner.services import Services

E = TypeVar("E", bound=Enum)


@dataclass
class Context:
    """The data folder and, once a handler asks for them, the catalog, database and services."""

    data_dir_option: str | None
    today: date = field(default_factory=date.today)
    _catalog: Catalog | None = None
    _services: Services | None = None

    @property
    def data_dir(self) -> Path:
        from careerplanner.paths import resolve_data_dir

        return resolve_data_dir(self.data_dir_option)

    def catalog(self) -> Catalog:
        if self._catalog is None:
            from careerplanner.catalog import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    def services(self, *, daily_backup: bool = True) -> Services:
        """The services; opened with the daily automatic backup unless the command makes its
        own copy of the data first (`backup`, `restore`)."""
        if self._services is None:
            from careerplanner.services import Services

            self._services = Services.open(self.data_dir, self.catalog)  # loaded when needed
            if daily_backup:
                _daily_backup(self._services)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None


def _daily_backup(services: Services) -> None:
    """The automatic backup, before the command's first write of the day; warn if it fails."""
    from careerplanner.services.errors import DatabaseError

    try:
        services.backups.auto_backup()
    except (DatabaseError, OSError) as error:
        print(f"warning: the automatic backup could not be made: {error}", file=sys.stderr)


# --- argument parsers: text from the command line to checked values -------------------------


def _named(error: ValidationError, option: str) -> ValidationError:
    """The error with the option's name in front, unless the message already names it."""
    if option in error.message:
        return error
    return ValidationError(f"{option}: {error.message}", option)


def named(error: ValidationError, options: dict[str, str]) -> ValidationError:
    """The error with the option of its field (by the field's name) in front."""
    option = options.get(error.field or "")
    return _named(error, option) if option else error


def number(text: str | None, option: str) -> float | None:
    if text is None:
        return None
    try:
        return validation.parse_number(text, option)
    except ValidationError as error:
        raise _named(error, option) from None
    except ValueError:  # a shape the number parser let through but float() refuses
        shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:39] + "…"
        raise ValidationError(f"{option}: '{shown}' is not a number", option) from None


def in_range(text: str | None, option: str, low: float, high: float) -> float | None:
    value = number(text, option)
    if value is None:
        return None
    return validation.check_range(value, option, low, high)


def day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return validation.parse_date(text, option)
    except ValidationError as error:
        raise _named(error, option) from None


def text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return validation.parse_text(value, option)
    except ValidationError as error:
        raise _named(error, option) from None


def choice(value: str | None, enum_cls: type[E], option: str) -> E | None:
    if value is None:
        return None
    try:
        return validation.parse_choice(value, enum_cls, option)
    except ValidationError as error:
        raise _named(error, option) from None


def state(value: str | None, option: str) -> str | None:
    """A state code; None when not given. An empty string clears it (returns '')."""
    if value is None:
        return None
    if not value.strip():
        return ""
    try:
        return validation.parse_state(value, option)
    except ValidationError as error:
        raise _named(error, option) from None


def record_id(value: str) -> int:
    """A record id from 1 to 2^63 - 1 (the largest SQLite stores)."""
    cleaned = value.strip()
    shown = printable(cleaned if len(cleaned) <= 40 else cleaned[:39] + "…")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValidationError(f"'{shown}' is not a record id (a whole number such as 12)", "ID")
    if len(cleaned) > 19 or not 0 < int(cleaned) <= validation.MAX_ID:
        raise ValidationError(
            f"'{shown}' is not a record id (a whole number from 1 to {validation.MAX_ID:,})", "ID"
        )
    return int(cleaned)


def required(value: object | None, option: str) -> None:
    if value is None:
        raise ValidationError(f"{option} is required", option)


def command(subparsers: Any, name: str) -> Any:
    """The parser of a command of the table (`commands.COMMANDS`), for its module to fill."""
    return subparsers.choices[name]


def actions(subparsers: Any, name: str) -> Any:
    """The ACTION subparsers of a command (`hours`, `work`), made by the first module to add
    one, so that each module adds its actions to the same list."""
    parser = command(subparsers, name)
    made = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return next(made, None) or parser.add_subparsers(dest="action", metavar="ACTION", required=True)


class CommandError(Exception):
    """A failure that is not bad input (exit 1 unless told): the message is printed as is."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
