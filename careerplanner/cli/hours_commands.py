"""`hours add` (a number of hours, or clock times and a break), `hours edit ID` (any field)
and `hours history ID [--json]`; `hours list` and `remove` come with the other record kinds.

A named supervisor or employer must exist (exit 2 otherwise): the entry's supervision then
follows the supervisor's credential, and its setting the employer's unless `--setting` is
given. The services refuse an end time before the start, and an overlap.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import time
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps
from careerplanner.domain.clock import parse_hhmm
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision, WorkEntry
from careerplanner.domain.validation import validate_entry

if TYPE_CHECKING:
    from careerplanner.services import Services

OPTIONS = {
    "start": "--date",
    "end": "--end",
    "hours": "--hours",
    "start time": "--start-time",
    "end time": "--end-time",
    "break minutes": "--break-minutes",
    "supervisor": "--supervisor",
    "employer": "--employer",
    "notes": "--notes",
}


def clock(text: str | None, option: str) -> time | None:
    if text is None:
        return None
    try:
        return parse_hhmm(text, option)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error.message}", option) from None


def minutes(text: str | None) -> int | None:
    if text is None:
        return None
    value = cx.number(text, "--break-minutes")
    if value is None or value != int(value) or value < 0:
        raise ValidationError("--break-minutes: give whole minutes, 0 or more", "--break-minutes")
    return int(value)


def _given(args: argparse.Namespace) -> dict[str, Any]:
    """The fields the options give (only those given), parsed and checked."""
    fields: dict[str, Any] = {
        "start": cx.day(args.date, "--date"),
        "end": cx.day(args.end, "--end"),
        "hours": cx.number(args.hours, "--hours"),
        "start_time": clock(args.start_time, "--start-time"),
        "end_time": clock(args.end_time, "--end-time"),
        "break_minutes": minutes(args.break_minutes),
        "activity": cx.choice(args.activity, Activity, "--activity"),
        "setting": cx.choice(args.setting, Setting, "--setting"),
        "supervision": cx.choice(args.supervision, Supervision, "--supervision"),
        "paid": args.paid,
        "notes": cx.text(args.notes, "--notes"),
    }
    if fields["hours"] is not None and (args.start_time or args.end_time):
        raise ValidationError("give --hours or --start-time and --end-time, not both", "--hours")
    return {k: v for k, v in fields.items() if v is not None}


def _names(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The supervisor's and employer's names given, checked as text."""
    return cx.text(args.supervisor, "--supervisor"), cx.text(args.employer, "--employer")


def _links(args: argparse.Namespace, services: Services) -> dict[str, Any]:
    """The supervisor and employer records the names given name (exit 2 for an unknown one)."""
    out: dict[str, Any] = {}
    supervisor, employer_name = _names(args)
    if supervisor is not None:
        out["supervisor_id"] = services.supervisors.named(supervisor).id
    if employer_name is not None:
        employer = services.employers.named(employer_name)
        out.update(employer_id=employer.id, employer=employer.name)
        if args.paid is None:
            out["paid"] = employer.paid
    return out


def hours_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    fields = _given(args)
    if "hours" not in fields and "start_time" not in fields:
        raise ValidationError("give --hours, or --start-time and --end-time", "--hours")
    fields.setdefault("hours", 0.0)  # computed from the clock times
    _names(args)
    try:
        entry = validate_entry(WorkEntry(**fields), ctx.today)  # before the database opens
        services = ctx.services()
        print(services.hours.add(replace(entry, **_links(args, services))).id)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    return 0


def hours_edit(args: argparse.Namespace, ctx: cx.Context) -> int:
    ident = cx.record_id(args.id)
    fields = _given(args)
    _names(args)
    services = ctx.services()
    old = services.hours.get(ident)
    if "hours" in fields:  # a number of hours replaces the clock times
        fields.update(start_time=None, end_time=None, break_minutes=0)
    new = replace(old, **fields, **_links(args, services))
    try:
        stored = services.hours.update(new)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    print(f"updated hours entry {stored.id}: {stored.hours:g} h on {stored.start}")
    return 0


def hours_history(args: argparse.Namespace, ctx: cx.Context) -> int:
    ident = cx.record_id(args.id)
    services = ctx.services()
    events = services.hours.events(ident)
    if not events:
        services.hours.get(ident)  # an unknown id is an error, not an empty history
    rows = [
        {
            "at": e.at.isoformat(),
            "action": e.action,
            "fields": e.fields,
            "detail": e.detail,
            "source": e.source,
        }
        for e in events
    ]
    if args.json:
        print(dumps(rows))
        return 0
    for r in rows:  # one line each, never cut short
        at = str(r["at"]).replace("T", " ")
        print(f"{at}  {r['action']:<7} {_what(r)}")
    return 0


def _what(event: dict[str, Any]) -> str:
    parts = [
        f"{name}: {_shown(old)} → {_shown(new)}" for name, (old, new) in event["fields"].items()
    ]
    if event["detail"]:
        parts.append(event["detail"])
    if event["source"]:
        parts.append(f"from {event['source']}")
    return "; ".join(parts)


def _shown(value: Any) -> str:
    return (
        "(none)"
        if value in ("", None)
        else f"{value:g}"
        if isinstance(value, float)
        else str(value)
    )


def _options(p: argparse.ArgumentParser, *, edit: bool) -> None:
    p.add_argument("--date", required=not edit, metavar="DATE")
    p.add_argument("--end", metavar="DATE", help="the last day of a span")
    p.add_argument("--hours", metavar="H")
    p.add_argument("--start-time", metavar="HH:MM")
    p.add_argument("--end-time", metavar="HH:MM")
    p.add_argument("--break-minutes", metavar="M")
    p.add_argument("--activity", metavar="|".join(a.value for a in Activity))
    p.add_argument("--setting", metavar="SETTING")
    p.add_argument("--supervision", metavar="|".join(s.value for s in Supervision))
    p.add_argument("--supervisor", metavar="NAME", help="a supervisor record (by name)")
    p.add_argument("--employer", metavar="NAME", help="an employer record (by name)")
    paid = p.add_mutually_exclusive_group()
    paid.add_argument("--paid", dest="paid", action="store_true", default=None)
    paid.add_argument("--unpaid", dest="paid", action="store_false")
    p.add_argument("--notes", metavar="S")


def register(subparsers: Any) -> None:
    """Adds `add`, `edit` and `history` to the `hours` command that plan_commands made."""
    actions = cx.actions(subparsers, "hours")
    p = actions.add_parser("add", help="log hours (one day, a span, or clock times); prints the id")
    _options(p, edit=False)
    p.set_defaults(handler=hours_add)
    p = actions.add_parser("edit", help="change the fields given of one entry")
    p.add_argument("id", metavar="ID")
    _options(p, edit=True)
    p.set_defaults(handler=hours_edit)
    p = actions.add_parser("history", help="every change to one entry, oldest first")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=hours_history)
