"""An entry's edit history: which fields changed, old → new, as plain values for files."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, time
from enum import Enum
from typing import Any

from careerplanner.domain.model import WorkEntry

_SKIPPED = frozenset({"id"})


def plain(value: object) -> Any:
    """A field's value as JSON holds it: dates ISO, times HH:MM, choices by their value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return value


def changed_fields(old: WorkEntry, new: WorkEntry) -> dict[str, list[Any]]:
    """{field: [old, new]} of every field that differs (the id aside)."""
    out: dict[str, list[Any]] = {}
    for f in fields(WorkEntry):
        if f.name in _SKIPPED:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before != after:
            out[f.name] = [plain(before), plain(after)]
    return out
