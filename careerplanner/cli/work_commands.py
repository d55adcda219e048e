"""`work add`: plan a work period (how you work now, or will work next); `work list` and
`work remove ID` come with the other record kinds (listing.py).

The period is checked in full before the database is opened; an overlap with a stored period
is refused by the service. Either way the error is one line and the exit code is 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from careerplanner.cli import context as cx
from careerplanner.domain import validation as v
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Activity, Setting, Supervision, WorkPeriod

OPTIONS = {
    "from": "--from",
    "until": "--until",
    "weekly hours": "--weekly-hours",
    "employer": "--employer",
}


def work_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    start = cx.day(args.from_date, "--from")
    weekly = cx.number(args.weekly_hours, "--weekly-hours")
    assert start is not None and weekly is not None  # argparse requires both
    period = WorkPeriod(
        id=0,
        start=start,
        end=cx.day(args.until, "--until"),
        weekly_hours=weekly,
        activity=cx.choice(args.activity, Activity, "--activity") or Activity.CASE_MANAGEMENT,
        setting=cx.choice(args.setting, Setting, "--setting") or Setting.OTHER,
        supervision=cx.choice(args.supervision, Supervision, "--supervision") or Supervision.NONE,
        paid=args.paid,
        employer=cx.text(args.employer, "--employer") or "",
    )
    try:
        clean = v.validate_work_period(period)
    except ValidationError as error:
        raise cx.named(error, OPTIONS) from None
    print(ctx.services().work.add(clean).id)
    return 0


def register(subparsers: Any) -> None:
    """Adds `work add` to the `work` command that plan_commands made with list and remove."""
    p = cx.actions(subparsers, "work").add_parser(
        "add", help="plan a work period (how you work now or will next); prints its id"
    )
    p.add_argument("--from", dest="from_date", required=True, metavar="DATE")
    p.add_argument("--until", metavar="DATE", help="the last day (default: open-ended)")
    p.add_argument("--weekly-hours", required=True, metavar="H")
    p.add_argument("--activity", metavar="|".join(a.value for a in Activity))
    p.add_argument("--setting", metavar="SETTING")
    p.add_argument("--supervision", metavar="|".join(s.value for s in Supervision))
    paid = p.add_mutually_exclusive_group()
    paid.add_argument("--paid", dest="paid", action="store_true", default=True)
    paid.add_argument("--unpaid", dest="paid", action="store_false")
    p.add_argument("--employer", metavar="S")
    p.set_defaults(handler=work_add)
