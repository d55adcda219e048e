"""Commands that keep the plan: profile, degrees, licenses, exams, hours, CE and goals.

Every `add` parses and validates all of its options before the database is opened, stores
one record in one transaction, and prints the new id. `list` prints a table (or `--json`, an
array with every field); `remove ID` deletes one record.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli import listing
from careerplanner.cli.output import dumps, fmt_number, jsonable
from careerplanner.domain import validation as v
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    CeActivity,
    CeTopic,
    Degree,
    DegreeField,
    DegreeLevel,
    DegreeStatus,
    Exam,
    ExamType,
    Goal,
    License,
    LicenseType,
    Profile,
    Track,
)

if TYPE_CHECKING:
    pass

Handler = Callable[[argparse.Namespace, cx.Context], int]


def _values(enum_cls: Any) -> str:
    return "|".join(str(m.value) for m in enum_cls)


# --- profile ---------------------------------------------------------------------------------


def profile_set(args: argparse.Namespace, ctx: cx.Context) -> int:
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = cx.text(args.name, "--name")
    if args.track is not None:
        changes["track"] = cx.choice(args.track, Track, "--track")
    if args.state is not None:
        changes["state"] = cx.state(args.state, "--state") or None
    if args.weekly_hours is not None:
        changes["weekly_hours"] = cx.in_range(
            args.weekly_hours, "--weekly-hours", 0, v.MAX_WEEKLY_HOURS
        )
    if args.ce_hours_per_year is not None:
        changes["ce_hours_per_year"] = cx.in_range(
            args.ce_hours_per_year, "--ce-hours-per-year", 0, v.MAX_CE_HOURS
        )
    if args.current_salary is not None:
        salary = args.current_salary.strip()
        changes["current_salary"] = (
            None
            if salary.lower() in ("", "none")
            else cx.in_range(salary.lstrip("$"), "--current-salary", 0, v.MAX_SALARY)
        )
    if args.raise_percent is not None:
        changes["raise_percent"] = cx.in_range(
            args.raise_percent.rstrip("%"), "--raise-percent", -50, 100
        )
    if not changes:
        raise ValidationError(
            "nothing to change: give one or more of --name, --track, --state, --weekly-hours, "
            "--ce-hours-per-year, --current-salary, --raise-percent"
        )
    v.validate_profile(replace(Profile(), **changes))  # every value checked before opening
    ctx.services().profile.change(**changes)  # only these fields, in one write transaction
    print("profile saved")
    return 0


def profile_show(args: argparse.Namespace, ctx: cx.Context) -> int:
    profile = ctx.services().profile.get()
    if args.json:
        print(dumps(jsonable(profile)))
        return 0
    salary = (
        "not set" if profile.current_salary is None else f"${fmt_number(profile.current_salary)}"
    )
    rows = [
        ("Name", profile.name or "(not set)"),
        ("Track", profile.track.value),
        ("State", profile.state or "(not set)"),
        ("Weekly hours", f"{fmt_number(profile.weekly_hours)} h"),
        ("CE hours per year", f"{fmt_number(profile.ce_hours_per_year)} h"),
        ("Current salary", salary),
        ("Raise per year", f"{fmt_number(profile.raise_percent)} %"),
    ]
    for label, value in rows:
        print(f"{label + ':':<19} {value}")
    return 0


# --- add -------------------------------------------------------------------------------------


def degree_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    degree = v.validate_degree(
        Degree(
            level=_req(cx.choice(args.level, DegreeLevel, "--level")),
            field=_req(cx.choice(args.field, DegreeField, "--field")),
            status=_req(cx.choice(args.status, DegreeStatus, "--status")),
            start=cx.day(args.start, "--start"),
            end=cx.day(args.end, "--end"),
            accredited=args.accredited,
            field_experience=args.field_experience,
            institution=cx.text(args.institution, "--institution") or "",
        )
    )
    print(ctx.services().education.add_degree(degree).id)
    return 0


def license_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    lic = v.validate_license(
        License(
            type=_req(cx.choice(args.type, LicenseType, "--type")),
            issued=_req(cx.day(args.issued, "--issued")),
            expires=cx.day(args.expires, "--expires"),
            state=cx.state(args.state, "--state") or None,
            number=cx.text(args.number, "--number") or "",
            renewal_assumed=not args.no_renew,
        )
    )
    print(ctx.services().education.add_license(lic).id)
    return 0


def exam_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    exam = Exam(
        type=_req(cx.choice(args.type, ExamType, "--type")),
        passed=_req(cx.day(args.passed, "--passed")),
    )
    exam = v.validate_exam(exam, ctx.today)
    print(ctx.services().education.add_exam(exam).id)
    return 0


def ce_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    activity = CeActivity(
        date=_req(cx.day(args.date, "--date")),
        hours=_req(cx.number(args.hours, "--hours")),
        topic=_req(cx.choice(args.topic, CeTopic, "--topic")),
        title=cx.text(args.title, "--title") or "",
        provider=cx.text(args.provider, "--provider") or "",
    )
    activity = v.validate_ce(activity, ctx.today)
    print(ctx.services().ce.add(activity).id)
    return 0


def goal_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    goal = Goal(
        cert_id=cx.text(args.cert_id, "CERT_ID") or "", target=cx.day(args.target, "--target")
    )
    goal = v.validate_goal(goal, ctx.catalog().ids)
    print(ctx.services().goals.add(goal).id)
    return 0


def _req(value: Any) -> Any:
    """argparse already insists on required options; this narrows the type."""
    if value is None:
        raise ValidationError("a required option is missing")
    return value


# --- the parser --------------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    actions = cx.actions(subparsers, "profile")
    p = actions.add_parser("set", help="change the options given, keep the rest")
    p.add_argument("--name", metavar="S")
    p.add_argument("--track", metavar=_values(Track))
    p.add_argument("--state", metavar="XX")
    p.add_argument("--weekly-hours", metavar="H")
    p.add_argument("--ce-hours-per-year", metavar="H")
    p.add_argument("--current-salary", metavar="USD")
    p.add_argument("--raise-percent", metavar="P")
    p.set_defaults(handler=profile_set)
    p = actions.add_parser("show", help="print the profile")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=profile_show)

    groups = {kind.command: cx.actions(subparsers, kind.command) for kind in listing.KINDS}

    p = groups["degree"].add_parser("add", help="add a degree; prints its id")
    p.add_argument("--level", required=True, metavar=_values(DegreeLevel))
    p.add_argument("--field", required=True, metavar="FIELD")
    p.add_argument("--status", required=True, metavar=_values(DegreeStatus))
    p.add_argument("--start", metavar="DATE")
    p.add_argument("--end", metavar="DATE")
    p.add_argument("--accredited", action="store_true")
    p.add_argument("--field-experience", action="store_true")
    p.add_argument("--institution", metavar="S")
    p.set_defaults(handler=degree_add)

    p = groups["license"].add_parser("add", help="add a license; prints its id")
    p.add_argument("--type", required=True, metavar=_values(LicenseType))
    p.add_argument("--issued", required=True, metavar="DATE")
    p.add_argument("--expires", metavar="DATE")
    p.add_argument("--state", metavar="XX")
    p.add_argument("--number", metavar="S")
    p.add_argument(
        "--no-renew",
        action="store_true",
        help="you will not renew it: projections stop counting it at its expiry "
        "(default: assumed renewed on time)",
    )
    p.set_defaults(handler=license_add)

    p = groups["exam"].add_parser("add", help="add a passed exam; prints its id")
    p.add_argument("--type", required=True, metavar=_values(ExamType))
    p.add_argument("--passed", required=True, metavar="DATE")
    p.set_defaults(handler=exam_add)

    p = groups["ce"].add_parser("add", help="record a CE activity; prints its id")
    p.add_argument("--date", required=True, metavar="DATE")
    p.add_argument("--hours", required=True, metavar="H")
    p.add_argument("--topic", required=True, metavar=_values(CeTopic))
    p.add_argument("--title", metavar="S")
    p.add_argument("--provider", metavar="S")
    p.set_defaults(handler=ce_add)

    p = groups["goal"].add_parser("add", help="aim for a certification; prints the goal's id")
    p.add_argument("cert_id", metavar="CERT_ID")
    p.add_argument("--target", metavar="DATE")
    p.set_defaults(handler=goal_add)

    for kind in listing.KINDS:
        listing.register(groups[kind.command], kind)
