"""Commands for the career picture: `timeline`, and `scenario` what-ifs (add, list, compare…)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps, fmt_number, table
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.validation import MAX_CE_HOURS, MAX_WEEKLY_HOURS

if TYPE_CHECKING:
    from careerplanner.domain.scenarios import ComparisonRow, Scenario
    from careerplanner.domain.timeline import TimelineData

MAX_YEARS = 15


# --- timeline ------------------------------------------------------------------------------


def timeline(args: argparse.Namespace, ctx: cx.Context) -> int:
    as_of = cx.day(args.as_of, "--as-of")
    years = cx.in_range(args.years, "--years", 1, MAX_YEARS)
    if years is not None and years != int(years):
        raise ValidationError("--years must be a whole number of years", "--years")
    cert = args.cert.strip().upper() if args.cert else None
    if cert is not None and cert not in ctx.catalog().ids:
        ids = ", ".join(ctx.catalog().ids)
        raise ValidationError(f"--cert: unknown certification '{cert}' (choose {ids})", "--cert")
    data = ctx.services().scenarios.timeline(
        args.scenario, as_of=as_of, years=int(years or 10), cert_id=cert
    )
    print(dumps(timeline_json(data)) if args.json else timeline_text(data))
    return 0


def timeline_json(data: TimelineData) -> dict[str, Any]:
    return {
        "as_of": data.as_of.isoformat(),
        "milestones": [
            {"date": m.day.isoformat(), "kind": m.kind, "label": m.label, "cert": m.cert}
            for m in data.milestones
        ],
        "hours": [
            {
                "date": p.day.isoformat(),
                "cumulative": round(p.cumulative, 2),
                "projected": p.projected,
            }
            for p in data.hours
        ],
        "salary": [
            {
                "date": p.day.isoformat(),
                "salary": round(p.salary, 2),
                "low": round(p.low, 2),
                "high": round(p.high, 2),
            }
            for p in data.salary
        ],
    }


def timeline_text(data: TimelineData) -> str:
    lines = [f"Timeline from {data.start} to {data.end} (as of {data.as_of})"]
    req = data.requirement
    if data.cert_id and req is not None:
        when = f"reached {req.projected_date}" if req.projected_date else "not reached"
        lines.append(
            f"Hours for {data.cert_id} — {req.label}: {fmt_number(req.current)} of "
            f"{fmt_number(req.required)} h now, {when}"
        )
    lines += ["", "Milestones:"]
    lines += [f"  {m.day}  {m.label}" for m in data.milestones] or ["  (none)"]
    lines += ["", "Projected salary:"]
    lines += [
        f"  {p.day}  ${p.salary:,.0f} (${p.low:,.0f}–${p.high:,.0f}), {p.stage.value}"
        for p in data.salary
    ]
    return "\n".join(lines)


# --- scenarios -----------------------------------------------------------------------------


def scenario_add(args: argparse.Namespace, ctx: cx.Context) -> int:
    from careerplanner.domain.scenarios import Scenario

    draft = Scenario(
        name=cx.text(args.name, "NAME") or "",
        weekly_hours=cx.in_range(args.weekly_hours, "--weekly-hours", 0, MAX_WEEKLY_HOURS),
        ce_hours_per_year=cx.in_range(
            args.ce_hours_per_year, "--ce-hours-per-year", 0, MAX_CE_HOURS
        ),
        state=cx.state(args.state, "--state") or None,
        raise_percent=cx.in_range(args.raise_percent, "--raise-percent", -50, 100),
        degree_dates=_degree_dates(args.degree_date or []),
    )
    created = ctx.services().scenarios.create(draft)
    print(f"added scenario '{created.name}' (id {created.id})")
    return 0


def _degree_dates(values: list[str]) -> dict[int, date]:
    dates: dict[int, date] = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep:
            raise ValidationError(
                f"--degree-date: '{value}' is not ID=DATE (e.g. 3=2027-05-15)", "--degree-date"
            )
        day = cx.day(text, "--degree-date")
        assert day is not None
        dates[cx.record_id(key)] = day
    return dates


def scenario_list(args: argparse.Namespace, ctx: cx.Context) -> int:
    scenarios = ctx.services().scenarios.list()
    if args.json:
        print(dumps([scenario_json(s) for s in scenarios]))
    elif not scenarios:
        print("no scenarios yet (add one: careerplanner scenario add NAME --weekly-hours H)")
    else:
        rows = [
            [s.name, s.weekly_hours, s.ce_hours_per_year, s.state, s.raise_percent, _saved(s)]
            for s in scenarios
        ]
        print(table(["name", "h/week", "CE h/year", "state", "raise %", "saved"], rows))
    return 0


def scenario_json(s: Scenario) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "weekly_hours": s.weekly_hours,
        "ce_hours_per_year": s.ce_hours_per_year,
        "state": s.state,
        "raise_percent": s.raise_percent,
        "degree_dates": {str(k): v.isoformat() for k, v in s.degree_dates.items()},
        "saved_at": s.saved_at.isoformat() if s.saved_at else None,
    }


def _saved(s: Scenario) -> str:
    return s.saved_at.isoformat(sep=" ", timespec="minutes") if s.saved_at else ""


def scenario_remove(args: argparse.Namespace, ctx: cx.Context) -> int:
    removed = ctx.services().scenarios.delete(args.name)
    print(f"removed scenario '{removed.name}'")
    return 0


def scenario_copy(args: argparse.Namespace, ctx: cx.Context) -> int:
    created = ctx.services().scenarios.copy(args.name, cx.text(args.new, "NEW") or "")
    print(f"copied '{args.name.strip()}' to '{created.name}'")
    return 0


def scenario_rename(args: argparse.Namespace, ctx: cx.Context) -> int:
    renamed = ctx.services().scenarios.rename(args.name, cx.text(args.new, "NEW") or "")
    print(f"renamed '{args.name.strip()}' to '{renamed.name}'")
    return 0


def scenario_compare(args: argparse.Namespace, ctx: cx.Context) -> int:
    result = ctx.services().scenarios.compare(args.a, args.b)
    if args.json:
        rows = [_row_json(r) for r in result.rows]
        print(
            dumps(
                {
                    "as_of": result.a.as_of.isoformat(),
                    "a": result.a_name,
                    "b": result.b_name,
                    "rows": rows,
                }
            )
        )
        return 0
    body = [[r.label, _cell(r.a), _cell(r.b), _difference(r)] for r in result.rows]
    print(f"{result.a_name} (A) vs {result.b_name} (B), as of {result.a.as_of}")
    print(table(["", "A", "B", "B − A"], body))
    return 0


def _row_json(r: ComparisonRow) -> dict[str, Any]:
    def value(v: date | float | None) -> Any:
        return v.isoformat() if isinstance(v, date) else None if v is None else round(v, 2)

    diff = None if r.difference is None else round(r.difference, 2)
    return {"key": r.key, "label": r.label, "a": value(r.a), "b": value(r.b), "difference": diff}


def _cell(v: date | float | None) -> str:
    if v is None:
        return "—"
    return v.isoformat() if isinstance(v, date) else f"${v:,.0f}"


def _difference(r: ComparisonRow) -> str:
    if r.difference is None:
        return "—"
    if r.key.startswith("salary"):
        return f"{'+' if r.difference >= 0 else '−'}${abs(r.difference):,.0f}"
    return f"{r.difference:+,.0f} days"


# --- registration --------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    p = cx.command(subparsers, "timeline")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--years", metavar="N", help="years ahead (1–15, default 10)")
    p.add_argument("--scenario", metavar="NAME", help="as a saved scenario imagines it")
    p.add_argument("--cert", metavar="ID", help="whose hours to draw (default: the first goal)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=timeline)
    scenario = cx.command(subparsers, "scenario")
    commands = scenario.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    p = commands.add_parser("add", help="save a what-if")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--weekly-hours", metavar="H")
    p.add_argument("--ce-hours-per-year", metavar="H")
    p.add_argument("--state", metavar="XX")
    p.add_argument("--raise-percent", metavar="P")
    p.add_argument("--degree-date", metavar="ID=DATE", action="append")
    p.set_defaults(handler=scenario_add)
    p = commands.add_parser("list", help="every saved scenario")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=scenario_list)
    p = commands.add_parser("remove", help="delete a scenario")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=scenario_remove)
    for action, handler, text in (
        ("copy", scenario_copy, "copy a scenario under a new name"),
        ("rename", scenario_rename, "give a scenario a new name"),
    ):
        p = commands.add_parser(action, help=text)
        p.add_argument("name", metavar="NAME")
        p.add_argument("new", metavar="NEW")
        p.set_defaults(handler=handler)
    p = commands.add_parser("compare", help="two scenarios side by side")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=scenario_compare)
