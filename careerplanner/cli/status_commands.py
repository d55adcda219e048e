"""Commands that answer questions: catalog, eligibility; and demo and check for the data folder."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps, fmt_number, jsonable
from careerplanner.domain.pace import Pace, pace
from careerplanner.domain.validation import MAX_WEEKLY_HOURS
from careerplanner.services.errors import UnusableFileError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from careerplanner.domain.catalog import Certification, Requirement
    from careerplanner.domain.model import Goal
    from careerplanner.domain.results import (
        CertificationResult,
        Eligibility,
        RequirementResult,
    )

OK, NO = "✔", "✘"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# --- eligibility -----------------------------------------------------------------------------


def eligibility(args: argparse.Namespace, ctx: cx.Context) -> int:
    as_of = cx.day(args.as_of, "--as-of")
    weekly = cx.in_range(args.weekly_hours, "--weekly-hours", 0, MAX_WEEKLY_HOURS)
    services = ctx.services()
    result = services.plan.eligibility(as_of=as_of, weekly_hours=weekly)
    goals = {g.cert_id: g for g in services.plan.snapshot().goals}
    if args.json:
        print(dumps(eligibility_json(result, goals)))
    else:
        print(eligibility_text(result, goals))
    return 0


def eligibility_json(result: Eligibility, goals: Mapping[str, Goal]) -> dict[str, Any]:
    """The issue's shape (as_of, weekly_hours, certifications[...requirements[...deductions]]),
    plus every other field of the results; numbers rounded to two decimals. Each certification
    also says whether its goal is on track: `target` and `on_track` (null without a target)."""
    data: dict[str, Any] = jsonable(result, digits=2)
    for cert, shown in zip(result.certifications, data["certifications"], strict=True):
        verdict = _verdict(cert, goals)
        shown["target"] = None if verdict.target is None else verdict.target.isoformat()
        shown["on_track"] = verdict.on_track
        shown["months_late"] = verdict.months_late
    return data


def _verdict(cert: CertificationResult, goals: Mapping[str, Goal]) -> Pace:
    goal = goals.get(cert.id)
    return pace(goal, cert) if goal is not None else Pace(None, None, cert.projected_date)


def _pace_line(verdict: Pace) -> list[str]:
    """The goal's verdict in words, when it has one."""
    if verdict.on_track is None or verdict.target is None:
        return []
    target = verdict.target.isoformat()
    if verdict.on_track:
        return [f"  on track for your target of {target}"]
    late = verdict.months_late
    if late is None:
        return [f"  behind: not reachable by your target of {target} with the current plan"]
    return [f"  behind: about {late} month{'s' if late != 1 else ''} after your target of {target}"]


def eligibility_text(result: Eligibility, goals: Mapping[str, Goal]) -> str:
    lines = [
        f"Eligibility on {result.as_of}, {_pace(result)} and "
        f"{fmt_number(result.ce_hours_per_year)} CE h a year from now on"
    ]
    for cert in result.certifications:
        lines += ["", f"{cert.id} — {cert.name}", f"  {_status(cert, result)}"]
        lines += _pace_line(_verdict(cert, goals))
        lines += [f"    {assumption}" for assumption in cert.assumptions]
        seen_groups: set[str] = set()
        for req in cert.requirements:
            indent = "  "
            if req.group is not None:
                indent = "    "
                if req.group not in seen_groups:
                    seen_groups.add(req.group)
                    met = any(r.met for r in cert.requirements if r.group == req.group)
                    lines.append(f"  {OK if met else NO} any one of these ({req.group}):")
            lines += _requirement_lines(req, indent)
    return "\n".join(lines)


def _pace(result: Eligibility) -> str:
    count = result.planned_periods
    if not count:
        return f"at {fmt_number(result.weekly_hours)} h a week"
    periods = "your planned work period" if count == 1 else f"your {count} planned work periods"
    if result.weekly_override is None:
        return f"following {periods}"
    return f"following {periods} at {fmt_number(result.weekly_override)} h a week"


def _status(cert: CertificationResult, result: Eligibility) -> str:
    if cert.eligible:
        return f"{OK} eligible now"
    if cert.projected_date is not None:
        days = (cert.projected_date - result.as_of).days
        return f"{NO} not yet — projected {cert.projected_date} (in {days:,} days at this pace)"
    why = f": {cert.blocking}" if cert.blocking else ""
    return f"{NO} not within 15 years at this pace{why}"


def _requirement_lines(req: RequirementResult, indent: str) -> list[str]:
    mark = OK if req.met else NO
    unit = "CE h" if req.unit == "ce-hours" else "h"
    if req.unit == "credential":
        amount = ""
    elif req.unit == "hours":
        amount = f": {fmt_number(req.current)} of {fmt_number(req.required)} h"
    elif req.unit == "ce-hours":
        amount = f": {fmt_number(req.current)} of {fmt_number(req.required)} CE h"
    else:
        amount = f": {fmt_number(req.current)} of {fmt_number(req.required)} {req.unit}"
    when = ""
    if not req.met:
        when = f" — projected {req.projected_date}" if req.projected_date else " — not projected"
    lines = [f"{indent}{mark} {req.label}{amount}{when}"]
    if req.detail and req.unit not in ("hours", "ce-hours"):  # those say it in numbers below
        lines.append(f"{indent}    {req.detail}")
    if req.recorded is not None:
        recorded, countable = fmt_number(req.recorded), fmt_number(req.current)
        lines.append(f"{indent}    recorded {recorded} {unit}, countable {countable} {unit}")
    for deduction in req.deductions:
        lines.append(f"{indent}    − {fmt_number(deduction.hours)} {unit}: {deduction.reason}")
    if req.assumption:
        lines.append(f"{indent}    assumption: {req.assumption}")
    return lines


# --- catalog ---------------------------------------------------------------------------------

_KINDS = {
    "CredentialRequirement": "credential",
    "LicenseYearsRequirement": "license-years",
    "HoursRequirement": "hours",
    "CeRequirement": "ce",
}


def catalog(args: argparse.Namespace, ctx: cx.Context) -> int:
    cat = ctx.catalog()
    if args.json:
        certs = [_certification_json(c) for c in cat.certifications]
        print(dumps({"version": cat.version, "certifications": certs}))
        return 0
    blocks = [_certification_text(c) for c in cat.certifications]
    print(f"Certification catalog, version {cat.version}\n\n" + "\n\n".join(blocks))
    return 0


def _certification_json(cert: Certification) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(cert)
    data["requirements"] = [
        {"kind": _KINDS.get(type(r).__name__, type(r).__name__), **jsonable(r)}
        for r in cert.requirements
    ]
    return data


def _certification_text(cert: Certification) -> str:
    lines = [f"{cert.id} — {cert.name}", f"  Issuer: {cert.issuer}"]
    if cert.summary:
        lines.append(f"  {cert.summary}")
    lines.append(f"  Last checked: {cert.last_checked}")
    lines.append("  Requirements:")
    for req in cert.requirements:
        lines.append(f"    - {_requirement_label(req)}")
        if req.assumption:
            lines.append(f"      assumption: {req.assumption}")
    lines.append(f"  Renewal: {_renewal(cert)}")
    lines.append(f"  Exam: {_exam(cert)}")
    if cert.assumptions:
        lines.append("  Assumptions:")
        lines += [f"    - {a}" for a in cert.assumptions]
    lines.append("  Sources:")
    lines += [f"    - {s.title} [{s.tag}] {s.url}" for s in cert.sources]
    return "\n".join(lines)


def _requirement_label(req: Requirement) -> str:
    group = f" (alternative: any one of '{req.group}')" if req.group else ""
    return f"{req.label}{group}"


def _renewal(cert: Certification) -> str:
    renewal = cert.renewal
    text = f"every {renewal.years} years, {fmt_number(renewal.ce_hours)} CE h"
    if renewal.buckets:
        inside = ", ".join(f"{fmt_number(b.hours)} h {b.topic.value}" for b in renewal.buckets)
        text += f" (of which {inside})"
    if renewal.fees:
        text += "; " + ", ".join(f"{f.label} ${fmt_number(f.usd)}" for f in renewal.fees)
    if renewal.assumption:
        text += f"; assumption: {renewal.assumption}"
    return text


def _exam(cert: Certification) -> str:
    exam = cert.exam
    parts = [exam.summary.rstrip(". ")] if exam.summary else []
    if exam.questions:
        scored = f" ({exam.scored} scored)" if exam.scored else ""
        parts.append(f"{exam.questions} questions{scored}")
    if exam.minutes:
        parts.append(f"{fmt_number(exam.minutes / 60)} hours")
    if exam.fees:
        parts.append("fees: " + ", ".join(f"{f.label} ${fmt_number(f.usd)}" for f in exam.fees))
    if exam.windows:
        parts.append("testing windows: " + ", ".join(MONTHS[w.month - 1] for w in exam.windows))
    if exam.assumption:
        parts.append(f"assumption: {exam.assumption}")
    return "; ".join(parts) or "no exam facts recorded"


# --- demo and check --------------------------------------------------------------------------


def demo(args: argparse.Namespace, ctx: cx.Context) -> int:
    services = ctx.services()
    if not services.plan.is_empty():
        raise cx.CommandError(
            f"the data folder {ctx.data_dir} already holds a plan; demo only fills an empty "
            "one (try --data-dir with a new folder)"
        )
    plan = services.plan.load_demo()
    counts = ", ".join(
        _count(n, word)
        for n, word in (
            (len(plan.degrees), "degree"),
            (len(plan.licenses), "license"),
            (len(plan.entries), "hours entry"),
            (len(plan.ce), "CE activity"),
            (len(plan.goals), "goal"),
        )
    )
    print(
        f"Loaded a sample plan into {ctx.data_dir}: {counts}.\n"
        "See where it stands with: careerplanner eligibility"
    )
    return 0


def _count(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{n:,} {plural}"


def check(args: argparse.Namespace, ctx: cx.Context) -> int:
    if not ctx.data_dir.exists():
        print(f"ok: no data folder yet at {ctx.data_dir} (nothing to check)")
        return 0
    try:
        db = ctx.services(daily_backup=False).db
    except UnusableFileError as error:  # not sound: a failed check, not bad input
        raise cx.CommandError(error.message, 1) from error
    problems = db.integrity_problems()
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise cx.CommandError(f"{db.path} failed the integrity check ({count}): {problems[0]}")
    print(f"ok: {db.path} passed the integrity check")
    return 0


def register(subparsers: Any) -> None:
    p = cx.command(subparsers, "catalog")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=catalog)
    p = cx.command(subparsers, "eligibility")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--weekly-hours", metavar="H")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=eligibility)
    p = cx.command(subparsers, "demo")
    p.set_defaults(handler=demo)
    p = cx.command(subparsers, "check")
    p.set_defaults(handler=check)
