"""Reads the values other tools write: dates in several orders, date-times, clock times and
durations (decimal point or comma, H:MM[:SS], minutes or seconds).

A slash date is read in one order for the whole file (`DateFormat`): the order is found from
the values themselves (a first part over 12 is a day), and when every value fits both orders
the caller is told so (`ambiguous_orders`) rather than a guess being made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.validation import parse_date, parse_number


class DateFormat(Enum):
    """The date formats a user can choose (`--date-format`, the preview's choice)."""

    ISO = "YYYY-MM-DD"
    US = "MM/DD/YYYY"
    EU = "DD/MM/YYYY"
    DOTTED = "DD.MM.YYYY"
    US_SHORT = "MM/DD/YY"
    EU_SHORT = "DD/MM/YY"

    @property
    def day_first(self) -> bool:
        return self in (DateFormat.EU, DateFormat.DOTTED, DateFormat.EU_SHORT)


DATE_FORMATS = tuple(f.value for f in DateFormat)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z)?")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?")
_SPAN = re.compile(r"(\d+):(\d{1,2})(?::(\d{1,2}))?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_ZONED = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")
DURATION_UNITS = {"hours": 1.0, "minutes": 60.0, "seconds": 3600.0}


def parse_format(text: str) -> DateFormat:
    """A `--date-format` value, in any case."""
    wanted = text.strip().upper()
    for member in DateFormat:
        if member.value == wanted:
            return member
    raise ValidationError(
        f"unknown date format '{text.strip()}' (choose {', '.join(DATE_FORMATS)})",
        "date format",
    )


def split_moment(raw: str) -> tuple[str, str]:
    """'2014-04-17 09:15' -> ('2014-04-17', '09:15'); a date alone -> (date, '')."""
    text = raw.strip()
    compact = _COMPACT.fullmatch(text)
    if compact:
        moment = _compact_moment(compact)
        return moment.date().isoformat(), moment.time().isoformat()
    zoned = _ZONED.search(text) if "T" in text else None
    if zoned and _ISO.match(text):
        try:
            local = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
        except ValueError:
            return text, ""
        return local.date().isoformat(), local.time().isoformat()
    head, sep, rest = text.replace("T", " ", 1).partition(" ")
    if sep and _CLOCK.fullmatch(rest.strip()):
        return head, rest.strip()
    return text, ""


def _compact_moment(found: re.Match[str]) -> datetime:
    """20240918T081500Z: in UTC when it ends in Z, shown in local time."""
    year, month, day, hour, minute = (int(found.group(i)) for i in range(1, 6))
    second = int(found.group(6) or 0)
    if found.group(7):
        utc = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        return utc.astimezone().replace(tzinfo=None)
    return datetime(year, month, day, hour, minute, second)


def slash_orders(values: Iterable[str]) -> set[DateFormat]:
    """The slash orders every slash date in `values` fits (both when none tells them apart)."""
    day_first = month_first = True
    seen = False
    for raw in values:
        found = _SLASH.fullmatch(split_moment(raw)[0])
        if not found or found.group(2) == ".":
            continue
        seen = True
        first, second = int(found.group(1)), int(found.group(3))
        day_first &= second <= 12
        month_first &= first <= 12
    if not seen:
        return set()
    orders = set()
    if month_first:
        orders.add(DateFormat.US)
    if day_first:
        orders.add(DateFormat.EU)
    return orders


def parse_day(raw: str, field: str, order: DateFormat | None) -> date:
    """The date of a cell: ISO, a compact or ISO date-time (its date), a dotted day first, or a
    slash date in `order` (None: the file has no slash dates, so one is an error)."""
    text = split_moment(raw)[0]
    iso = _ISO.fullmatch(text)
    if iso:
        return _day(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), raw, field)
    found = _SLASH.fullmatch(text)
    if found:
        first, second, year = int(found.group(1)), int(found.group(3)), found.group(4)
        day_first = found.group(2) == "." or (order is not None and order.day_first)
        if found.group(2) == "/" and order in (None, DateFormat.ISO):
            raise ValidationError(f"'{text}' needs a date format (choose one)", field)
        day, month = (first, second) if day_first else (second, first)
        return _day(_year(year), month, day, raw, field)
    return parse_date(text, field)  # the usual words for a value that is no date


def _year(text: str) -> int:
    """A two-digit year is in this century (22 -> 2022)."""
    return 2000 + int(text) if len(text) == 2 else int(text)


def _day(year: int, month: int, day: int, raw: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"'{raw.strip()}' is not a date (no such day)", field) from None


def is_clock(raw: str) -> bool:
    """A time of day: 09:15, 13:00:00, 1:00 PM."""
    return bool(_CLOCK.fullmatch(raw.strip()))


def is_moment(raw: str) -> bool:
    """A date with a time of day (2014-04-17 09:15, 2024-03-15T09:00:00, 20240918T081500Z)."""
    return bool(split_moment(raw)[1])


def parse_clock(raw: str, field: str) -> time:
    """A time of day, alone or as the time part of a date-time."""
    text = split_moment(raw)[1] or raw.strip()
    found = _CLOCK.fullmatch(text)
    if not found:
        raise ValidationError(f"'{text[:40]}' is not a time of day (use HH:MM)", field)
    hour, minute, second = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
    meridiem = (found.group(4) or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValidationError(f"'{text}' is not a time of day", field)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(f"'{text}' is not a time of day", field)
    return time(hour, minute, second)


def clock_hours(start: time, end: time, pause: float = 0.0) -> float:
    """Hours from a start to an end time of day (past midnight when the end is earlier)."""
    began = timedelta(hours=start.hour, minutes=start.minute, seconds=start.second)
    ended = timedelta(hours=end.hour, minutes=end.minute, seconds=end.second)
    if ended <= began:
        ended += timedelta(days=1)
    return (ended - began).total_seconds() / 3600 - pause


def parse_amount(raw: str, field: str, decimal_comma: bool) -> float:
    """A number; with `decimal_comma` (a `;` or tab file) '1,500' is one and a half."""
    text = raw.strip()
    if _DECIMAL_COMMA.fullmatch(text) and (decimal_comma or not _THOUSANDS.fullmatch(text)):
        text = text.replace(",", ".")
    return parse_number(text, field)


def parse_duration(raw: str, field: str, unit: str, decimal_comma: bool) -> float:
    """Hours from a duration cell: H:MM[:SS] always; a number in the column's unit."""
    text = raw.strip()
    span = _SPAN.fullmatch(text)
    if span:
        hours, minutes, seconds = (int(span.group(i) or 0) for i in (1, 2, 3))
        if minutes > 59 or seconds > 59:
            raise ValidationError(f"'{text}' is not a duration (use H:MM or H:MM:SS)", field)
        return hours + minutes / 60 + seconds / 3600
    return parse_amount(text, field, decimal_comma) / DURATION_UNITS[unit]
