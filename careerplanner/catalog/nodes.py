"""Typed, located access to a parsed TOML file, for the catalog loader's error messages.

A `Node` is one TOML table together with the file name and the path to it
("certification[2].requirements[1]"); every accessor checks the value's type and raises
`CatalogError` with a message such as
"catalog.toml: certification[2].requirements[1].hours: expected a positive number".
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn, TypeVar

E = TypeVar("E", bound=StrEnum)

_REQUIRED: Any = object()


class CatalogError(Exception):
    """The bundled data is broken; the message names the file and the field."""


def read_toml(folder: Path, name: str) -> dict[str, Any]:
    """The parsed file `folder/name`, or a CatalogError naming it."""
    path = folder / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise CatalogError(f"{name}: missing from {folder}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{name}: not valid TOML: {exc}") from None


class Node:
    """One TOML table with its location; refuses keys outside `allowed`."""

    def __init__(self, file: str, path: str, data: Any, allowed: Iterable[str]) -> None:
        self.file, self.path, self.data = file, path, data
        if not isinstance(data, dict):
            self.fail("", "expected a table")
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            self.fail(unknown[0], "unknown field")

    def fail(self, key: str, problem: str) -> NoReturn:
        where = f"{self.path}.{key}" if self.path and key else self.path or key
        raise CatalogError(f"{self.file}: {where}: {problem}")

    def has(self, key: str) -> bool:
        return key in self.data

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, default: Any = _REQUIRED) -> Any:
        if key not in self.data:
            if default is _REQUIRED:
                self.fail(key, "missing")
            return default
        return self.data[key]

    def child(self, key: str, allowed: Iterable[str]) -> Node:
        return Node(self.file, self.at(key), self.get(key), allowed)

    def children(self, key: str, allowed: Iterable[str], *, required: bool = True) -> list[Node]:
        items = self.get(key, _REQUIRED if required else [])
        if not isinstance(items, list) or (required and not items):
            self.fail(key, "expected a non-empty list of tables")
        return [Node(self.file, f"{self.at(key)}[{i}]", v, allowed) for i, v in enumerate(items)]

    def text(self, key: str, default: str | None = None) -> str:
        value = self.get(key, _REQUIRED if default is None else default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            self.fail(key, "expected text")
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def number(self, key: str) -> float:
        """A finite number above zero."""
        value = self.get(key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value <= 0
        ):
            self.fail(key, "expected a positive number")
        return float(value)

    def integer(self, key: str) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.fail(key, "expected a positive whole number")
        return value

    def optional_integer(self, key: str) -> int | None:
        return self.integer(key) if key in self.data else None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, "expected true or false")
        return value

    def day(self, key: str) -> date:
        value = self.get(key)
        if not isinstance(value, date) or isinstance(value, datetime):
            self.fail(key, "expected a date (YYYY-MM-DD)")
        return value

    def choice(self, key: str, enum: type[E]) -> E:
        return self.choice_of(key, self.get(key), enum)

    def choice_of(self, key: str, value: Any, enum: type[E]) -> E:
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            self.fail(key, f"unknown value {value!r} (choose {allowed})")

    def choices(
        self, key: str, enum: type[E], shorthands: Mapping[str, tuple[E, ...]] | None = None
    ) -> tuple[E, ...]:
        """A non-empty list of enum values without repeats, or one of the named shorthands."""
        value = self.get(key)
        if isinstance(value, str) and shorthands and value in shorthands:
            return shorthands[value]
        if not isinstance(value, list) or not value:
            self.fail(key, f"expected a list of {enum.__name__} values")
        result = tuple(self.choice_of(key, v, enum) for v in value)
        if len(set(result)) != len(result):
            self.fail(key, "a value is repeated")
        return result

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list) or not value:
            self.fail(key, "expected a non-empty list of texts")
        if not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "expected a non-empty list of texts")
        return tuple(value)

    def url(self, key: str) -> str:
        value = self.text(key)
        if not value.startswith(("https://", "http://")):
            self.fail(key, "expected a web address (http:// or https://)")
        return value


def check_unique(node: Node, key: str, ids: list[str]) -> None:
    """Refuse the second use of an id in the list `key` of `node`."""
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            node.fail(f"{key}[{index}].id", f"duplicate id {item_id!r}")
        seen.add(item_id)
