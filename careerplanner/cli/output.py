"""Turning domain objects into what the terminal shows: aligned tables, and JSON."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from careerplanner.domain.unsafe_text import printable
from careerplanner.domain.validation import fmt_number

__all__ = ["dumps", "fmt_number", "jsonable", "record", "table", "yes_no"]


def jsonable(value: Any, digits: int | None = None) -> Any:
    """Plain JSON values: dataclasses as objects (every field), enums as their values,
    dates as ISO text, tuples as arrays; floats rounded to `digits` decimals when given."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), digits) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return round(value, digits) if digits is not None else value
    if isinstance(value, Mapping):
        return {str(jsonable(k)): jsonable(v, digits) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [jsonable(v, digits) for v in value]
    return str(value)


def record(obj: Any) -> dict[str, Any]:
    """One stored record as a JSON object: its id first, then every other field."""
    data = jsonable(obj)
    return {"id": data.pop("id"), **data}


_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")  # json escapes C0 itself


def dumps(value: Any) -> str:
    """Indented JSON; every control character escaped, so a terminal shows it as text."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int):
        return fmt_number(value)
    return printable(" ".join(str(value).split()))


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], max_width: int = 40) -> str:
    """An aligned text table; numeric columns right-aligned, long cells clipped."""
    raw = [list(r) for r in rows]
    numeric = [
        all(isinstance(r[i], int | float) and not isinstance(r[i], bool) for r in raw if r[i] != "")
        for i in range(len(headers))
    ]
    text_rows = [[_clip(cell(v), max_width) for v in r] for r in raw]
    widths = [max([len(h)] + [len(r[i]) for r in text_rows]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if numeric[i] else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out += [line(r) for r in text_rows]
    return "\n".join(out)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
