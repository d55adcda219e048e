"""`list` and `remove`, the same for every kind of record: degrees, licenses, exams, hours,
planned work periods, CE, goals. `list` prints an aligned table with totals (or `--json`: an
array, one object per record with its id and every field); `remove ID` deletes one record and
says so.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps, fmt_number, record, table
from careerplanner.domain.history import plain
from careerplanner.domain.model import CeTopic, WorkEntry

if TYPE_CHECKING:
    from careerplanner.services import Services

Handler = Callable[[argparse.Namespace, cx.Context], int]


@dataclass(frozen=True)
class Kind:
    command: str  # "hours"
    noun: str  # "hours entry", as in "removed hours entry 12"
    items: Callable[[Services], Sequence[Any]]
    remove: Callable[[Services, int], Any]
    headers: tuple[str, ...]
    row: Callable[[Any], Sequence[Any]]
    empty: str
    total: Callable[[Sequence[Any]], str] | None = None
    # the JSON objects of `list --json` (default: every field of each record)
    as_json: Callable[[Services, Sequence[Any]], list[dict[str, Any]]] | None = None


def _span(e: WorkEntry) -> str:
    return e.start.isoformat() if e.end is None else f"{e.start} … {e.end}"


def _hours_total(entries: Sequence[Any]) -> str:
    total = sum(e.hours for e in entries)
    count = f"{len(entries):,} entr{'y' if len(entries) == 1 else 'ies'}"
    return f"{count}, {fmt_number(total)} h logged"


def _hours_json(services: Services, entries: Sequence[Any]) -> list[dict[str, Any]]:
    """Every field, clock times as HH:MM, and the supervisor by name."""
    names = {s.id: s.name for s in services.supervisors.list()}
    out = []
    for e in entries:
        data = record(e)
        data["start_time"] = plain(e.start_time) if e.start_time else None
        data["end_time"] = plain(e.end_time) if e.end_time else None
        data["supervisor"] = names.get(e.supervisor_id) if e.supervisor_id else None
        out.append(data)
    return out


def _schedule_json(services: Services, items: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for s in items:
        data = record(s)
        data["start_time"], data["end_time"] = plain(s.start_time), plain(s.end_time)
        out.append(data)
    return out


def _ce_total(items: Sequence[Any]) -> str:
    ethics = sum(c.hours for c in items if c.topic is CeTopic.ETHICS)
    total = sum(c.hours for c in items)
    count = f"{len(items):,} activit{'y' if len(items) == 1 else 'ies'}"
    return f"{count}, {fmt_number(total)} CE h ({fmt_number(ethics)} h ethics)"


KINDS: tuple[Kind, ...] = (
    Kind(
        "degree",
        "degree",
        lambda s: s.education.degrees(),
        lambda s, i: s.education.remove_degree(i),
        ("ID", "Level", "Field", "Status", "Start", "End", "Accredited", "Field exp.",
         "Institution"),
        lambda d: (d.id, d.level, d.field, d.status, d.start, d.end, d.accredited,
                   d.field_experience, d.institution),
        "No degrees yet. Add one with: careerplanner degree add --level bachelor "
        "--field nursing --status completed --end 2020-05-15",
    ),
    Kind(
        "license",
        "license",
        lambda s: s.education.licenses(),
        lambda s, i: s.education.remove_license(i),
        ("ID", "Type", "State", "Issued", "Expires", "Renewal", "Number"),
        lambda lic: (lic.id, lic.type, lic.state, lic.issued, lic.expires,
                     "assumed" if lic.renewal_assumed else "not renewed", lic.number),
        "No licenses yet. Add one with: careerplanner license add --type RN --issued 2021-08-01",
    ),
    Kind(
        "exam",
        "exam",
        lambda s: s.education.exams(),
        lambda s, i: s.education.remove_exam(i),
        ("ID", "Exam", "Passed"),
        lambda e: (e.id, e.type, e.passed),
        "No exams yet. Add one with: careerplanner exam add --type ASWB-BACHELORS --passed DATE",
    ),
    Kind(
        "hours",
        "hours entry",
        lambda s: s.hours.list(),
        lambda s, i: s.hours.remove(i),
        ("ID", "Date", "Hours", "Activity", "Setting", "Supervision", "Paid", "Employer",
         "Verified"),
        lambda e: (e.id, _span(e), e.hours, e.activity, e.setting, e.supervision, e.paid,
                   e.employer, e.verified_on),
        "No hours logged yet. Add some with: careerplanner hours add --date YYYY-MM-DD --hours H",
        _hours_total,
        _hours_json,
    ),
    Kind(
        "work",
        "work period",
        lambda s: s.work.list(),
        lambda s, i: s.work.remove(i),
        ("ID", "From", "Until", "Weekly h", "Activity", "Setting", "Supervision", "Paid",
         "Employer"),
        lambda p: (p.id, p.start, p.end or "open", p.weekly_hours, p.activity, p.setting,
                   p.supervision, p.paid, p.employer),
        "No planned work yet. Add a period with: careerplanner work add --from YYYY-MM-DD "
        "--weekly-hours H --setting hospital --supervision rn",
    ),
    Kind(
        "ce",
        "CE activity",
        lambda s: s.ce.list(),
        lambda s, i: s.ce_files.remove(i),
        ("ID", "Date", "Hours", "Topic", "Title", "Provider"),
        lambda c: (c.id, c.date, c.hours, c.topic, c.title, c.provider),
        "No CE recorded yet. Add some with: careerplanner ce add --date YYYY-MM-DD --hours H "
        "--topic ethics",
        _ce_total,
    ),
    Kind(
        "supervisor",
        "supervisor",
        lambda s: s.supervisors.list(),
        lambda s, i: s.supervisors.remove(i),
        ("ID", "Name", "Credential", "License no.", "State", "Email", "From", "To"),
        lambda p: (p.id, p.name, p.credential, p.license_number, p.state, p.email,
                   p.active_from, p.active_to),
        "No supervisors yet. Add one with: careerplanner supervisor add NAME --credential CCM",
    ),
    Kind(
        "employer",
        "employer",
        lambda s: s.employers.list(),
        lambda s, i: s.employers.remove(i),
        ("ID", "Name", "Setting", "Paid", "Start", "End"),
        lambda e: (e.id, e.name, e.setting, e.paid, e.start, e.end),
        "No employers yet. Add one with: careerplanner employer add NAME --setting hospital",
    ),
    Kind(
        "schedule",
        "schedule",
        lambda s: s.schedules.list(),
        lambda s, i: s.schedules.remove(i),
        ("ID", "Days", "Times", "Break", "From", "Until", "Activity", "Setting"),
        lambda s: (s.id, s.weekdays, f"{plain(s.start_time)}–{plain(s.end_time)}",
                   f"{s.break_minutes} min", s.start, s.end or "open", s.activity, s.setting),
        "No schedule yet. Add one with: careerplanner schedule add --weekdays mon,tue,wed,thu "
        "--start-time 08:00 --end-time 16:30 --from YYYY-MM-DD",
        None,
        _schedule_json,
    ),
    Kind(
        "goal",
        "goal",
        lambda s: s.goals.list(),
        lambda s, i: s.goals.remove(i),
        ("ID", "Certification", "Target", "Status"),
        lambda g: (g.id, g.cert_id, g.target, g.status),
        "No goals yet. Add one with: careerplanner goal add CCM --target YYYY-MM-DD",
    ),
)  # fmt: skip


def _list_handler(kind: Kind) -> Handler:
    def handler(args: argparse.Namespace, ctx: cx.Context) -> int:
        items = list(kind.items(ctx.services()))
        if args.json:
            services = ctx.services()
            shown = kind.as_json(services, items) if kind.as_json else list(map(record, items))
            print(dumps(shown))
        elif not items:
            print(kind.empty)
        else:
            print(table(kind.headers, [kind.row(item) for item in items]))
            if kind.total is not None:
                print(f"\nTotal: {kind.total(items)}")
        return 0

    return handler


def _remove_handler(kind: Kind) -> Handler:
    def handler(args: argparse.Namespace, ctx: cx.Context) -> int:
        ident = cx.record_id(args.id)
        kind.remove(ctx.services(), ident)
        print(f"removed {kind.noun} {ident}")
        return 0

    return handler


def register(actions: Any, kind: Kind) -> None:
    """Add `list` and `remove` for one kind of record to its command's actions."""
    p = actions.add_parser("list", help=f"list every {kind.noun}")
    p.add_argument("--json", action="store_true", help="a JSON array, every field")
    p.set_defaults(handler=_list_handler(kind))
    p = actions.add_parser("remove", help=f"remove one {kind.noun}")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=_remove_handler(kind))
