"""Single values as the user types them: parsing, the limits, and checks in their words."""

from __future__ import annotations

import math
import re
from datetime import date
from enum import Enum
from typing import TypeVar

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.unsafe_text import unsafe_in

E = TypeVar("E", bound=Enum)

MAX_TEXT = 2_000
MAX_DAY_HOURS = 24.0
MAX_WEEKLY_HOURS = 168.0  # every hour of a week
MAX_CE_HOURS = 2_000.0  # of one CE activity, and planned CE hours in a year
MAX_SALARY = 10_000_000.0
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
PLAN_AHEAD_YEARS = 20
EPSILON = 1e-9
MIN_HOURS = 0.01  # 36 seconds: anything less is a typing slip, and rounds to 0 when shown
MAX_ID = 2**63 - 1  # the largest id SQLite stores
MAX_NUMBER_CHARS = 40  # a longer number is a typing slip (or an attack on the parser)

_STATE_CODES = """
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP
"""
US_STATES = frozenset(_STATE_CODES.split())

_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER_SHAPE = re.compile(r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def fmt_number(value: float) -> str:
    """1234.5 -> '1,234.5'; 40.0 -> '40' (at most two decimals, as the user reads hours)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- single values -----------------------------------------------------------------------


def parse_date(text: str, field: str) -> date:
    """An ISO calendar date, YYYY-MM-DD."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"{field} is empty (use YYYY-MM-DD)", field)
    if _DATE_SHAPE.fullmatch(cleaned):
        try:
            value = date.fromisoformat(cleaned)
        except ValueError:
            pass
        else:
            check_date(value, field)
            return value
    raise ValidationError(f"{_quote(cleaned)} is not a date (use YYYY-MM-DD)", field)


def parse_number(text: str, field: str) -> float:
    """A finite decimal number; thousands may be separated by commas ("2,080")."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"{field} is empty (type a number)", field)
    if len(cleaned) > MAX_NUMBER_CHARS or not _NUMBER_SHAPE.fullmatch(cleaned):
        raise ValidationError(f"'{clip_text(cleaned)}' is not a number", field)
    value = float(cleaned.replace(",", ""))
    if not math.isfinite(value):
        raise ValidationError(f"'{clip_text(cleaned)}' is too large a number", field)
    return value


def parse_text(text: str, field: str) -> str:
    """Free text: surrounding spaces removed, at most 2,000 characters, no control character
    but tab and line breaks (ESC, BEL, NUL... would drive the terminal that shows it), and no
    broken characters (bytes that were not UTF-8)."""
    if not isinstance(text, str):
        raise ValidationError(f"{field} must be text", field)
    unsafe = unsafe_in(text)
    if unsafe is not None:
        raise ValidationError(f"{field} contains {unsafe}; remove it", field)
    cleaned = text.strip()
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(
            f"{field} is longer than {MAX_TEXT:,} characters ({len(cleaned):,})", field
        )
    return cleaned


def parse_choice(text: str | E, enum_cls: type[E], field: str) -> E:
    """One of an enum's values, ignoring case, surrounding spaces, and '_' or ' ' for '-'."""
    if isinstance(text, enum_cls):
        return text
    wanted = _choice_key(str(text))
    for member in enum_cls:
        if _choice_key(str(member.value)) == wanted:
            return member
    choices = ", ".join(str(m.value) for m in enum_cls)
    raise ValidationError(
        f"unknown {field} '{clip_text(str(text).strip())}' (choose {choices})", field
    )


def parse_state(text: str, field: str = "state") -> str:
    """A US state (or territory) postal code, upper-cased."""
    code = text.strip().upper()
    if code not in US_STATES:
        unknown = clip_text(text.strip())
        raise ValidationError(
            f"unknown {field} '{unknown}' (use a two-letter code such as CA, NY or TX)", field
        )
    return code


def _choice_key(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def name_key(name: str) -> str:
    """What makes two names (of a scenario, a supervisor, an employer) the same: case, in
    every alphabet, and surrounding spaces are ignored, so "Über plan" and "über PLAN " are one
    name. Compared in Python: SQLite's lower() folds only A-Z."""
    return name.strip().casefold()


def clip_text(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return text if _DATE_SHAPE.fullmatch(text) else f"'{clip_text(text)}'"


# --- checks on values already parsed -------------------------------------------------------


def check_range(value: float, field: str, low: float, high: float, unit: str = "") -> float:
    """A finite number within low..high (inclusive)."""
    suffix = f" {unit}" if unit else ""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ValidationError(f"{field} must be a number", field)
    if value < low or value > high:
        raise ValidationError(
            f"{field} must be between {fmt_number(low)} and {fmt_number(high)}{suffix}"
            f" (not {fmt_number(value)})",
            field,
        )
    return float(value)


def check_positive(value: float, field: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ValidationError(f"{field} must be a number", field)
    if value <= 0:
        raise ValidationError(f"{field} must be more than 0", field)
    return float(value)


def check_hours(value: float, field: str = "hours") -> float:
    """Hours worked or earned: at least 0.01 h (36 seconds)."""
    hours = check_positive(value, field)
    if hours < MIN_HOURS - EPSILON:
        raise ValidationError(
            f"{field} must be at least {MIN_HOURS} h (36 seconds), not {value:g}", field
        )
    return hours


def check_date(value: date | None, field: str) -> None:
    if value is None:
        return
    if not isinstance(value, date):
        raise ValidationError(f"{field} must be a date", field)
    if value < EARLIEST or value > LATEST:
        raise ValidationError(
            f"{field} {value.isoformat()} is out of range ({EARLIEST.year}–{LATEST.year})", field
        )


def check_not_after_today(value: date, today: date, what: str, field: str) -> None:
    if value > today:
        raise ValidationError(f"{what} for a day after today ({today.isoformat()})", field)


def check_order(start: date | None, end: date | None, field: str = "end") -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"the end ({end.isoformat()}) is before the start ({start.isoformat()})", field
        )
