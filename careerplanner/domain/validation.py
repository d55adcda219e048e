"""Checks every record before it is stored, in the user's words (single values: `values`).

The value parsers and limits are re-exported here, so callers have one place to import from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import pairwise
from operator import attrgetter

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
from careerplanner.domain.values import (
    EARLIEST,
    EPSILON,
    LATEST,
    MAX_CE_HOURS,
    MAX_DAY_HOURS,
    MAX_ID,
    MAX_NUMBER_CHARS,
    MAX_SALARY,
    MAX_TEXT,
    MAX_WEEKLY_HOURS,
    MIN_HOURS,
    PLAN_AHEAD_YEARS,
    US_STATES,
    check_date,
    check_hours,
    check_not_after_today,
    check_order,
    check_positive,
    check_range,
    clip_text,
    fmt_number,
    parse_choice,
    parse_date,
    parse_number,
    parse_state,
    parse_text,
)

__all__ = [  # the record checks, and the value parsers and limits re-exported with them
    "EARLIEST",
    "EPSILON",
    "LATEST",
    "MAX_CE_HOURS",
    "MAX_DAY_HOURS",
    "MAX_ID",
    "MAX_NUMBER_CHARS",
    "MAX_SALARY",
    "MAX_TEXT",
    "MAX_WEEKLY_HOURS",
    "MIN_HOURS",
    "PLAN_AHEAD_YEARS",
    "US_STATES",
    "check_date",
    "check_hours",
    "check_no_overlap",
    "check_not_after_today",
    "check_one_goal_per_cert",
    "check_order",
    "check_positive",
    "check_range",
    "describe_period",
    "fmt_number",
    "parse_choice",
    "parse_date",
    "parse_number",
    "parse_state",
    "parse_text",
    "validate_ce",
    "validate_degree",
    "validate_entry",
    "validate_exam",
    "validate_goal",
    "validate_license",
    "validate_profile",
    "validate_work_period",
]

# --- whole records ---------------------------------------------------------------------


def validate_profile(p: Profile) -> Profile:
    state = None if p.state is None or not p.state.strip() else parse_state(p.state)
    salary = p.current_salary
    if salary is not None:
        salary = check_range(salary, "salary", 0, MAX_SALARY, "$")
    return replace(
        p,
        name=parse_text(p.name, "name"),
        track=parse_choice(p.track, Track, "track"),
        state=state,
        weekly_hours=check_range(p.weekly_hours, "weekly hours", 0, MAX_WEEKLY_HOURS, "h"),
        ce_hours_per_year=check_range(
            p.ce_hours_per_year, "CE hours per year", 0, MAX_CE_HOURS, "h"
        ),
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
    check_range(hours, "hours", 0, MAX_CE_HOURS, "h")
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
            f"unknown certification '{clip_text(g.cert_id.strip())}' (choose {', '.join(ids)})",
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
