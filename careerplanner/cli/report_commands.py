"""Commands for records kept safe and shown to others: PDF reports, backups, restore, reminders."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps, jsonable, table
from careerplanner.domain.errors import ValidationError
from careerplanner.io.export_file import ExportTarget
from careerplanner.services.errors import UnusableFileError


def _pdf_path(args: argparse.Namespace, ctx: cx.Context) -> ExportTarget:
    """The report's file, checked as every export is, before the database is opened."""
    out = Path(args.out).expanduser()
    try:
        target = ExportTarget.check(out, ctx.data_dir, args.force)
    except ValidationError as error:
        raise ValidationError(f"--out: {error.message}", "--out") from None
    if out.suffix.lower() != ".pdf":
        raise ValidationError(f"--out: {args.out} should end in .pdf", "--out")
    return target


def report_hours(args: argparse.Namespace, ctx: cx.Context) -> int:
    first = cx.day(args.from_, "--from")
    last = cx.day(args.to, "--to")
    assert first is not None and last is not None  # required options
    if last < first:
        raise ValidationError("--to must be on or after --from", "--to")
    employer = cx.text(args.employer, "--employer")
    out = _pdf_path(args, ctx)
    known = ctx.catalog().ids
    certs = [c.strip().upper() for c in args.cert or []]
    for cert in certs:
        if cert not in known:
            raise ValidationError(
                f"--cert: unknown certification {cert}; one of {', '.join(known)}"
            )
    job = ctx.services().reports.hours(first, last, employer or None, certs)
    pages = job.write(out)
    print(f"wrote {out.path} ({pages} page{'s' if pages != 1 else ''}, {job.count} entries)")
    return 0


def report_ce(args: argparse.Namespace, ctx: cx.Context) -> int:
    out = _pdf_path(args, ctx)
    job = ctx.services().reports.ce()
    pages = job.write(out)
    print(f"wrote {out.path} ({pages} page{'s' if pages != 1 else ''}, {job.count} CE activities)")
    return 0


def backup(args: argparse.Namespace, ctx: cx.Context) -> int:
    out = Path(args.out).expanduser() if args.out else None
    info = ctx.services(daily_backup=False).backups.backup(out)
    print(f"backed up to {info.path} ({info.entries:,} entries, {info.ce:,} CE activities)")
    return 0


def backups(args: argparse.Namespace, ctx: cx.Context) -> int:
    from careerplanner.services.backup_files import list_backups

    found = list_backups(ctx.data_dir)
    if args.json:
        print(dumps([{**jsonable(b), "path": str(b.path), "sound": b.sound} for b in found]))
        return 0
    if not found:
        print(f"no backups yet in {ctx.data_dir / 'backups'}")
        return 0
    rows = [
        [
            f"{b.made_at:%Y-%m-%d %H:%M}",
            b.kind,
            "" if b.entries is None else b.entries,
            "" if b.ce is None else b.ce,
            "yes" if b.sound else f"no: {b.problem}",
            str(b.path),
        ]
        for b in found
    ]
    print(table(["made", "kind", "entries", "CE", "sound", "file"], rows, max_width=80))
    return 0


def restore(args: argparse.Namespace, ctx: cx.Context) -> int:
    """Restore over the data; over a damaged or otherwise unusable file too (kept as a copy)."""
    from careerplanner.services.recovery import damage, database_path, replace_damaged

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise ValidationError(f"{source} is not a file", "FILE")
    try:
        backups = ctx.services(daily_backup=False).backups  # restore backs up first itself
    except UnusableFileError:  # damaged, or a file this version cannot open: not busy or full
        if not database_path(ctx.data_dir).is_file():
            raise
        what = "damaged" if damage(ctx.data_dir) is not None else "unusable"
        moved = replace_damaged(ctx.data_dir, source)
        print(f"the {what} database was kept as {moved}; restored {source}")
        return 0
    safety = backups.restore(source)
    print(f"restored {source}; the data as it was before is in {safety.path}")
    return 0


def reminders(args: argparse.Namespace, ctx: cx.Context) -> int:
    service = ctx.services().reminders
    if args.dismiss:
        keys = {r.key for r in service.all()}
        if args.dismiss not in keys:
            raise ValidationError(f"no reminder is due with the key {args.dismiss}", "--dismiss")
        service.dismiss(args.dismiss)
        print(f"dismissed {args.dismiss}")
        return 0
    due = service.list()
    today = ctx.services().today()
    if args.json:
        rows = [{**jsonable(r), "overdue": r.overdue(today)} for r in due]
        print(dumps(rows))
    elif not due:
        print("nothing is due in the next 90 days")
    else:
        for r in due:
            print(f"{r.due.isoformat()}  {r.text}\n            key: {r.key}")
    return 0


def register(subparsers: Any) -> None:
    report = cx.command(subparsers, "report")
    kinds = report.add_subparsers(dest="report", metavar="KIND", required=True)
    p = kinds.add_parser("hours", help="hours-verification report with signature lines")
    p.add_argument("--from", dest="from_", metavar="DATE", required=True)
    p.add_argument("--to", metavar="DATE", required=True)
    p.add_argument("--employer", metavar="NAME")
    p.add_argument("--cert", metavar="ID", nargs="+", help="show countable hours for these")
    p.add_argument("--out", metavar="FILE.pdf", required=True)
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.set_defaults(handler=report_hours)
    p = kinds.add_parser("ce", help="CE transcript for each held credential's renewal cycle")
    p.add_argument("--out", metavar="FILE.pdf", required=True)
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.set_defaults(handler=report_ce)
    p = cx.command(subparsers, "backup")
    p.add_argument("--out", metavar="FILE", help="a new file (default: the backups folder)")
    p.set_defaults(handler=backup)
    p = cx.command(subparsers, "backups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=backups)
    p = cx.command(subparsers, "restore")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=restore)
    p = cx.command(subparsers, "reminders")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dismiss", metavar="KEY", help="hide one reminder for good")
    p.set_defaults(handler=reminders)
