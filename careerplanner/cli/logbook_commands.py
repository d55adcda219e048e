"""`supervisor add/edit`, `employer add/edit`, `schedule add` and `schedule fill`; their
`list` and `remove` come with the other record kinds (listing.py).

Editing a supervisor's credential says how many unverified entries now count differently;
`schedule fill --through DATE [--dry-run] [--skip DATE ...]` says what it logged (or would).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from careerplanner.cli import context as cx
from careerplanner.cli.hours_commands import clock, minutes
from careerplanner.cli.output import fmt_number
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import Activity, Setting

OPTIONS = {
    "weekdays": "--weekdays",
    "from": "--from",
    "until": "--until",
    "end time": "--end-time",
    "start time": "--start-time",
    "break minutes": "--break-minutes",
    "through": "--through",
    "skip": "--skip",
    "state": "--state",
    "name": "NAME",
}
CREDENTIALS = "|".join(c.value for c in Credential)


def _supervisor_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {
        "name": cx.text(getattr(args, "name", None), "NAME"),
        "credential": cx.choice(args.credential, Credential, "--credential"),
        "license_number": cx.text(args.license_number, "--license-number"),
        "state": cx.state(args.state, "--state"),
        "email": cx.text(args.email, "--email"),
        "active_from": cx.day(args.active_from, "--active-from"),
        "active_to": cx.day(args.active_to, "--active-to"),
    }
    return {k: v for k, v in fields.items() if v is not None}


def supervisor_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    fields = _supervisor_fields(args)
    fields["state"] = fields.get("state") or None
    try:
        print(ctx.services().supervisors.add(Supervisor(**fields)).id)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    return 0


def supervisor_edit(args: argparse.Namespace, ctx: cx.Context) -> int:
    fields = _supervisor_fields(args)
    if "state" in fields:
        fields["state"] = fields["state"] or None
    services = ctx.services()
    old = services.supervisors.get(cx.record_id(args.id))
    try:
        result = services.supervisors.update(replace(old, **fields))
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    s = result.supervisor
    print(f"updated supervisor {s.id} ({s.name}, {s.credential.value})")
    if result.updated:
        verb = "counts" if result.updated == 1 else "count"
        print(f"{_entries(result.updated)} now {verb} as supervised ({s.supervision.value})")
    if result.kept:
        verb = "keeps" if result.kept == 1 else "keep"
        print(f"{_entries(result.kept)} verified before {verb} what was verified")
    return 0


def _entries(n: int) -> str:
    return f"{n:,} entr{'y' if n == 1 else 'ies'}"


def employer_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    employer = Employer(
        name=cx.text(args.name, "NAME") or "",
        setting=cx.choice(args.setting, Setting, "--setting"),
        paid=not args.unpaid,
        start=cx.day(args.start, "--start"),
        end=cx.day(args.end, "--end"),
    )
    try:
        print(ctx.services().employers.add(employer).id)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    return 0


def employer_edit(args: argparse.Namespace, ctx: cx.Context) -> int:
    fields: dict[str, Any] = {
        "name": cx.text(args.name, "--name"),
        "setting": cx.choice(args.setting, Setting, "--setting"),
        "paid": args.paid,
        "start": cx.day(args.start, "--start"),
        "end": cx.day(args.end, "--end"),
    }
    services = ctx.services()
    old = services.employers.get(cx.record_id(args.id))
    try:
        new = services.employers.update(
            replace(old, **{k: v for k, v in fields.items() if v is not None})
        )
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    setting = new.setting.value if new.setting else "entries keep their own setting"
    print(f"updated employer {new.id} ({new.name}, {setting}, {'paid' if new.paid else 'unpaid'})")
    return 0


def schedule_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    start_time, end_time = (
        clock(args.start_time, "--start-time"),
        clock(args.end_time, "--end-time"),
    )
    start = cx.day(args.from_date, "--from")
    assert start_time is not None and end_time is not None and start is not None  # required
    services = ctx.services()
    schedule = Schedule(
        weekdays=args.weekdays,
        start_time=start_time,
        end_time=end_time,
        start=start,
        end=cx.day(args.until, "--until"),
        break_minutes=minutes(args.break_minutes) or 0,
        activity=cx.choice(args.activity, Activity, "--activity") or Activity.CASE_MANAGEMENT,
        setting=cx.choice(args.setting, Setting, "--setting"),
        supervisor_id=services.supervisors.named(args.supervisor).id if args.supervisor else None,
        employer_id=services.employers.named(args.employer).id if args.employer else None,
    )
    try:
        print(services.schedules.add(schedule).id)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    return 0


def schedule_fill(args: argparse.Namespace, ctx: cx.Context) -> int:
    through = cx.day(args.through, "--through")
    assert through is not None  # argparse requires it
    skip = [cx.day(d, "--skip") for d in args.skip or []]
    try:
        result = ctx.services().schedules.fill(
            through, [d for d in skip if d is not None], dry_run=args.dry_run
        )
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    verb = "would log" if args.dry_run else "logged"
    days = len(result.entries)
    print(f"{verb} {days} day{'' if days == 1 else 's'}, {fmt_number(result.hours)} h")
    for entry in result.entries:
        print(f"  {entry.start} {entry.hours:g} h")
    if result.skipped:
        print("skipped: " + ", ".join(d.isoformat() for d in result.skipped))
    if result.logged:
        print("already logged: " + ", ".join(d.isoformat() for d in result.logged))
    return 0


def _supervisor_options(p: argparse.ArgumentParser, *, edit: bool) -> None:
    p.add_argument("--credential", required=not edit, metavar=CREDENTIALS)
    p.add_argument("--license-number", metavar="S")
    p.add_argument("--state", metavar="XX")
    p.add_argument("--email", metavar="S")
    p.add_argument("--active-from", metavar="DATE")
    p.add_argument("--active-to", metavar="DATE")


def register(subparsers: Any) -> None:
    p = cx.actions(subparsers, "supervisor").add_parser("add", help="add a supervisor")
    p.add_argument("name", metavar="NAME")
    _supervisor_options(p, edit=False)
    p.set_defaults(handler=supervisor_add)
    p = cx.actions(subparsers, "supervisor").add_parser("edit", help="change a supervisor")
    p.add_argument("id", metavar="ID")
    p.add_argument("--name", metavar="NAME")
    _supervisor_options(p, edit=True)
    p.set_defaults(handler=supervisor_edit)
    p = cx.actions(subparsers, "employer").add_parser("add", help="add an employer")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--setting", metavar="SETTING", help="the setting of its entries")
    p.add_argument("--unpaid", action="store_true", help="its entries are unpaid by default")
    p.add_argument("--start", metavar="DATE")
    p.add_argument("--end", metavar="DATE")
    p.set_defaults(handler=employer_add)
    p = cx.actions(subparsers, "employer").add_parser("edit", help="change an employer")
    p.add_argument("id", metavar="ID")
    p.add_argument("--name", metavar="NAME")
    p.add_argument("--setting", metavar="SETTING", help="the setting of its entries")
    pay = p.add_mutually_exclusive_group()
    pay.add_argument("--paid", dest="paid", action="store_const", const=True)
    pay.add_argument("--unpaid", dest="paid", action="store_const", const=False)
    p.add_argument("--start", metavar="DATE")
    p.add_argument("--end", metavar="DATE")
    p.set_defaults(handler=employer_edit)
    _register_schedule(cx.actions(subparsers, "schedule"))


def _register_schedule(actions: Any) -> None:
    p = actions.add_parser("add", help="a regular week of work; prints its id")
    p.add_argument("--weekdays", required=True, metavar="mon,tue,...")
    p.add_argument("--start-time", required=True, metavar="HH:MM")
    p.add_argument("--end-time", required=True, metavar="HH:MM")
    p.add_argument("--break-minutes", metavar="M")
    p.add_argument("--from", dest="from_date", required=True, metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--supervisor", metavar="NAME")
    p.add_argument("--employer", metavar="NAME")
    p.add_argument("--activity", metavar="|".join(a.value for a in Activity))
    p.add_argument("--setting", metavar="SETTING")
    p.set_defaults(handler=schedule_add)
    p = actions.add_parser("fill", help="log the scheduled days that have no hours yet")
    p.add_argument("--through", required=True, metavar="DATE")
    p.add_argument("--dry-run", action="store_true", help="say what would be logged")
    p.add_argument("--skip", nargs="+", metavar="DATE", help="days not worked (sick, holiday)")
    p.set_defaults(handler=schedule_fill)
