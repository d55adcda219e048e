"""Checks every value the user can type, and every record before it is stored, in their words."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from enum import Enum
from itertools import pairwise
from operator import attrgetter
from typing import TypeVar

from careerplanner.domain.clock import with_clock_hours
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    GoalStatus,
    License,
    LicenseType,
    Profile,
    Setting,
    Supervision,
    Track,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.unsafe_text import unsafe_in

E = TypeVar("E", bound=Enum)

MAX_TEXT = 2_000
MAX_DAY_HOURS = 24.0
MAX_WEEKLY_HOURS = 168.0  # every hour of a week
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
        raise ValidationError(f"'{_clip(cleaned)}' is not a number", field)
    value = float(cleaned.replace(",", ""))
    if not math.isfinite(value):
        raise ValidationError(f"'{_clip(cleaned)}' is too large a number", field)
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
    raise ValidationError(f"unknown {field} '{_clip(str(text).strip())}' (choose {choices})", field)


def parse_state(text: str, field: str = "state") -> str:
    """A US state (or territory) postal code, upper-cased."""
    code = text.strip().upper()
    if code not in US_STATES:
        raise ValidationError(
            f"unknown {field} '{_clip(text.strip())}' (use a two-letter code such as CA, NY or TX)",
            field,
        )
    return code


def _choice_key(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return text if _DATE_SHAPE.fullmatch(text) else f"'{_clip(text)}'"


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


# --- whole records ---------------------------------------------------------------------


def validate_profile(p: Profile) -> Profile:
    state = None if p.state is None or not p.state.strip() else parse_state(p.state)
    salary = p.current_salary
    if salary is not None:
        salary = check_range(salary, "salary", 0, 10_000_000, "$")
    return replace(
        p,
        name=parse_text(p.name, "name"),
        track=parse_choice(p.track, Track, "track"),
        state=state,
        weekly_hours=check_range(p.weekly_hours, "weekly hours", 0, MAX_WEEKLY_HOURS, "h"),
        ce_hours_per_year=check_range(p.ce_hours_per_year, "CE hours per year", 0, 2000, "h"),
        current_salary=salary,
        raise_percent=check_range(p.raise_percent, "raise percent", -50, 100, "%"),
    )


def validate_degree(d: Degree) -> Degree:
    status = parse_choice(d.status, DegreeStatus, "status")
    check_date(d.start, "start")
    check_date(d.end, "end")
    check_order(d.start, d.end)
    if status is DegreeStatus.COMPLETED and d.end is None:
        raise ValidationError("a completed degree needs its completion date", "end")
    return replace(
        d,
        level=parse_choice(d.level, DegreeLevel, "level"),
        field=parse_choice(d.field, DegreeField, "field"),
        status=status,
        accredited=bool(d.accredited),
        field_experience=bool(d.field_experience),
        institution=parse_text(d.institution, "institution"),
    )


def validate_license(lic: License) -> License:
    check_date(lic.issued, "issued")
    check_date(lic.expires, "expires")
    if lic.expires is not None and lic.expires < lic.issued:
        raise ValidationError("the license expires before it was issued", "expires")
    state = None if lic.state is None or not lic.state.strip() else parse_state(lic.state)
    return replace(
        lic,
        type=parse_choice(lic.type, LicenseType, "license type"),
        state=state,
        number=parse_text(lic.number, "number"),
        renewal_assumed=bool(lic.renewal_assumed),
    )


def validate_exam(e: Exam, today: date) -> Exam:
    """A pass date may be planned ahead (projections count it), but not beyond 20 years."""
    check_date(e.passed, "passed")
    _check_plan_ahead(e.passed, today, "the pass date", "passed")
    return replace(e, type=parse_choice(e.type, ExamType, "exam"))


def validate_entry(e: WorkEntry, today: date) -> WorkEntry:
    check_date(e.start, "start")
    e = with_clock_hours(e)
    check_date(e.end, "end")
    check_order(e.start, e.end)
    hours = check_hours(e.hours)
    days = e.span_days
    if hours > MAX_DAY_HOURS * days + EPSILON:
        day_word = "day" if days == 1 else "days"
        raise ValidationError(
            f"{fmt_number(hours)} h over {days:,} {day_word} is more than 24 h a day", "hours"
        )
    check_not_after_today(e.last_day, today, "hours can't be logged", "end" if e.end else "start")
    verified_on = e.verified_on
    check_date(verified_on, "verified on")
    if verified_on is not None:
        check_not_after_today(verified_on, today, "an entry can't be verified", "verified on")
    cleaned = (
        None if e.end == e.start else e.end,
        hours,
        parse_text(e.employer, "employer"),
        parse_text(e.notes, "notes"),
        parse_text(e.verified_by, "verified by"),
        parse_text(e.verified_credential, "credential"),
        bool(e.paid),
    )
    if cleaned == _ENTRY_CLEANED(e) and type(e.hours) is float and type(e.paid) is bool:
        return e  # already clean (the common case of an import): no copy
    end, hours, employer, notes, verified_by, credential, paid = cleaned
    return replace(
        e,
        end=end,
        hours=hours,
        employer=employer,
        notes=notes,
        verified_by=verified_by,
        verified_credential=credential,
        paid=paid,
    )


_ENTRY_CLEANED = attrgetter(
    "end", "hours", "employer", "notes", "verified_by", "verified_credential", "paid"
)


def validate_ce(c: CeActivity, today: date) -> CeActivity:
    check_date(c.date, "date")
    check_not_after_today(c.date, today, "CE can't be recorded", "date")
    hours = check_hours(c.hours)
    check_range(hours, "hours", 0, 2000, "h")
    certificate = parse_text(c.certificate, "certificate")
    if any(sep in certificate for sep in ("/", "\\")) or certificate in (".", ".."):
        raise ValidationError("certificate must be a file name, not a path", "certificate")
    return replace(
        c,
        hours=hours,
        topic=parse_choice(c.topic, CeTopic, "topic"),
        title=parse_text(c.title, "title"),
        provider=parse_text(c.provider, "provider"),
        certificate=certificate,
    )


def validate_goal(g: Goal, cert_ids: Iterable[str]) -> Goal:
    ids = tuple(cert_ids)
    wanted = g.cert_id.strip().upper()
    cert_id = next((i for i in ids if i.upper() == wanted), None)
    if cert_id is None:
        raise ValidationError(
            f"unknown certification '{_clip(g.cert_id.strip())}' (choose {', '.join(ids)})",
            "certification",
        )
    for value, name in (
        (g.target, "target"),
        (g.earned_on, "earned on"),
        (g.expires_on, "expires"),
    ):
        check_date(value, name)
    if g.earned_on is not None and g.expires_on is not None and g.expires_on < g.earned_on:
        raise ValidationError("the certification expires before it was earned", "expires")
    return replace(g, cert_id=cert_id, status=parse_choice(g.status, GoalStatus, "status"))


def validate_work_period(p: WorkPeriod) -> WorkPeriod:
    """A planned work period: more than 0 and at most 168 h a week, its last day not before its
    first. It may lie in the past, the present or the future."""
    check_date(p.start, "from")
    check_date(p.end, "until")
    if p.end is not None and p.end < p.start:
        raise ValidationError(
            f"the until date ({p.end.isoformat()}) is before the from date ({p.start.isoformat()})",
            "until",
        )
    hours = check_positive(p.weekly_hours, "weekly hours")
    check_range(hours, "weekly hours", 0, MAX_WEEKLY_HOURS, "h")
    return replace(
        p,
        weekly_hours=hours,
        activity=parse_choice(p.activity, Activity, "activity"),
        setting=parse_choice(p.setting, Setting, "setting"),
        supervision=parse_choice(p.supervision, Supervision, "supervision"),
        paid=bool(p.paid),
        employer=parse_text(p.employer, "employer"),
    )


def describe_period(p: WorkPeriod) -> str:
    """'the period from 2027-01-01 until 2027-06-30' (or '... from 2027-01-01 on')."""
    if p.end is None:
        return f"the period from {p.start.isoformat()} on"
    return f"the period from {p.start.isoformat()} until {p.end.isoformat()}"


def check_no_overlap(periods: Iterable[WorkPeriod]) -> tuple[WorkPeriod, ...]:
    """The periods by first day, or ValidationError naming the first two that overlap."""
    ordered = tuple(sorted(periods, key=lambda p: (p.start, p.id)))
    for before, after in pairwise(ordered):
        if before.end is None or before.end >= after.start:
            raise ValidationError(
                f"{describe_period(after)} overlaps {describe_period(before)}"
                " (work periods cannot overlap)",
                "from",
            )
    return ordered


def check_one_goal_per_cert(goals: Iterable[Goal]) -> None:
    """At most one goal for each certification."""
    seen: set[str] = set()
    for goal in goals:
        if goal.cert_id in seen:
            raise ValidationError(f"there is already a goal for {goal.cert_id}", "certification")
        seen.add(goal.cert_id)


def _check_plan_ahead(value: date, today: date, what: str, field: str) -> None:
    limit = date(min(today.year + PLAN_AHEAD_YEARS, LATEST.year), 12, 31)
    if value > limit:
        raise ValidationError(
            f"{what} {value.isoformat()} is more than {PLAN_AHEAD_YEARS} years ahead", field
        )


# --- no day over 24 h ----------------------------------------------------------------------

Span = tuple[date, date, float]  # first day, last day, hours spread evenly over the days


SMALL_DAY_CHECK = 4_096  # spans x days up to which plain Python is cheaper than importing numpy


def validate_day_totals(spans: Sequence[Span], touched: Iterable[tuple[date, date]]) -> None:
    """Refuse when any day covered by `touched` gets more than 24 h from all of `spans`."""
    ranges = list(touched)
    if not ranges or not spans:
        return
    origin = min(first for first, _ in ranges).toordinal()
    size = max(last for _, last in ranges).toordinal() - origin + 1
    small = len(spans) * size <= SMALL_DAY_CHECK
    over = (_first_over_small if small else _first_over_numpy)(spans, ranges, origin, size)
    if over is not None:
        day, total = over
        raise ValidationError(
            f"{day.isoformat()} would have {fmt_number(total)} h (more than 24 h in a day)", "hours"
        )


def _first_over_small(
    spans: Sequence[Span], ranges: list[tuple[date, date]], origin: int, size: int
) -> tuple[date, float] | None:
    """A single hour entry's check (a few spans over a few days), without numpy."""
    checked = sorted({d for a, b in ranges for d in range(a.toordinal(), b.toordinal() + 1)})
    for day in checked:
        total = 0.0
        for first, last, hours in spans:
            lo, hi = first.toordinal(), last.toordinal()
            if lo <= day <= hi:
                total += hours / (hi - lo + 1)
        if total > MAX_DAY_HOURS + 1e-6:
            return date.fromordinal(day), total
    return None


def _first_over_numpy(
    spans: Sequence[Span], ranges: list[tuple[date, date]], origin: int, size: int
) -> tuple[date, float] | None:
    """The same check for many spans at once (imports, schedules), as prefix sums."""
    import numpy as np  # only large writes of hours need it: keeps every other import light

    first = np.array([s[0].toordinal() for s in spans], dtype=np.int64) - origin
    last = np.array([s[1].toordinal() for s in spans], dtype=np.int64) - origin
    hours = np.array([s[2] for s in spans], dtype=np.float64)
    rate = hours / (last - first + 1)
    lo, hi = np.clip(first, 0, size), np.clip(last + 1, 0, size)
    diff = np.zeros(size + 1, dtype=np.float64)
    np.add.at(diff, lo, rate)
    np.add.at(diff, hi, -rate)
    totals = np.cumsum(diff)[:size]
    mask = np.zeros(size + 1, dtype=np.int64)
    np.add.at(mask, np.array([a.toordinal() for a, _ in ranges]) - origin, 1)
    np.add.at(mask, np.array([b.toordinal() for _, b in ranges]) - origin + 1, -1)
    over = np.flatnonzero((np.cumsum(mask)[:size] > 0) & (totals > MAX_DAY_HOURS + 1e-6))
    if not over.size:
        return None
    return date.fromordinal(origin + int(over[0])), float(totals[over[0]])
