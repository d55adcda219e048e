"""Commands that move records in and out: `hours import/export`, `ce import/export`, and
`export --json FILE|--archive FILE` / `import --json FILE|--archive FILE` for the whole plan.

Every export goes through `ExportTarget`: it refuses the files of the data folder, replaces an
existing file only with `--force`, and writes a temporary file that is renamed into place.

`import` reads the whole file first and writes nothing when any row is wrong (unless
`--skip-invalid`): every problem is listed with its line and column, a repeated one once with
a count. Rows already stored are reported and skipped, so importing the same file twice adds
nothing. A team export needs `--person`, slash dates that fit both orders `--date-format`.
`--dry-run` reports without writing; `--json` prints the outcome as one object.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.cli.output import dumps, fmt_number
from careerplanner.domain.errors import ValidationError

if TYPE_CHECKING:
    from careerplanner.io.csv_import import ImportOptions, ImportPreview

SHOWN_PROBLEMS = 50  # rows listed on the terminal; the count says how many there are
DELIMITER_WORDS = {",": "comma", ";": "semicolon", "\t": "tab"}
DATE_FORMATS = ("YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "DD.MM.YYYY", "MM/DD/YY", "DD/MM/YY")


def _file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise ValidationError(f"there is no file {path}", "FILE")
    return path


def _mapping(pairs: list[str] | None) -> dict[str, str | int | None] | None:
    """`--map field=column` options as a mapping (`field=` leaves the field out); None: none."""
    if not pairs:
        return None
    found: dict[str, str | int | None] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip():
            raise ValidationError(f"--map takes FIELD=COLUMN or FIELD= (not '{pair}')", "--map")
        found[name.strip()] = column.strip() or None
    return found


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _options(args: argparse.Namespace) -> ImportOptions:
    from careerplanner.io.csv_import import ImportOptions
    from careerplanner.io.csv_values import parse_format

    return ImportOptions(
        mapping=_mapping(args.map),
        person=args.person,
        date_format=parse_format(args.date_format) if args.date_format else None,
        skip_invalid=args.skip_invalid,
    )


def _report(preview: ImportPreview[Any], path: Path, noun: tuple[str, str]) -> None:
    from careerplanner.io.csv_headers import FIELD_LABELS
    from careerplanner.io.import_checks import group_problems

    delimiter = DELIMITER_WORDS.get(preview.delimiter, repr(preview.delimiter))
    tool = f", written by {preview.tool}" if preview.tool else ""
    print(
        f"Read {_count(preview.read, 'row', 'rows')} from {path.name} "
        f"({preview.encoding}, {delimiter}-separated{tool})."
    )
    used = ", ".join(f"{FIELD_LABELS[f]} ← '{c}'" for f, c in preview.mapping.items())
    print(f"Columns: {used}.")
    if preview.date_format:
        print(f"Dates read as {preview.date_format}.")
    if preview.person:
        print(f"Rows of {preview.person} only.")
    for note in preview.notes:
        print(f"note: {note}")
    if preview.person_columns:
        print(f"Person: {' + '.join(preview.person_columns)} ({', '.join(preview.people)}).")
    ignored = ", ".join(f"'{c}'" for c in preview.ignored_columns)
    if ignored:
        print(f"note: not imported (no field reads them; see --map): {ignored}")
    for line, why in preview.skipped[:SHOWN_PROBLEMS]:
        print(f"line {line}: skipped, {why}")
    for line, stored_id in preview.duplicates[:SHOWN_PROBLEMS]:
        print(f"line {line}: already stored (id {stored_id}), skipped")
    hidden = len(preview.duplicates) + len(preview.skipped) - 2 * SHOWN_PROBLEMS
    if hidden > 0:
        print(f"… and {hidden:,} more skipped or already stored")
    triples = ((p.line, p.column, p.message) for p in preview.problems)
    for text, count, lines in group_problems(triples)[:SHOWN_PROBLEMS]:
        where = f"line {lines[0]}" if count == 1 else _lines(count, lines)
        print(f"{where}: {text}", file=sys.stderr)
    print(
        f"{_count(len(preview.rows), noun[0], noun[1])} ({fmt_number(preview.hours)} h) to add, "
        f"{_count(len(preview.duplicates), 'row', 'rows')} already there, "
        f"{_count(len(preview.skipped), 'row', 'rows')} skipped, "
        f"{_count(len(preview.problems), 'row', 'rows')} with problems."
    )


def _lines(count: int, lines: list[int]) -> str:
    more = " …" if count > len(lines) else ""
    return f"{count:,} rows (lines {', '.join(map(str, lines))}{more})"


def _json(preview: ImportPreview[Any]) -> str:
    return dumps(
        {
            "accepted": len(preview.rows),
            "hours": round(preview.hours, 4),
            "skipped": [{"line": n, "why": why} for n, why in preview.skipped],
            "duplicates": len(preview.duplicates),
            "problems": [
                {"line": p.line, "column": p.column, "message": p.message} for p in preview.problems
            ],
            "people": preview.people,
        }
    )


def _refusal(preview: ImportPreview[Any]) -> str:
    """The one line naming the choice to make ('' when the preview can be imported)."""
    if preview.needs == "person":
        people = ", ".join(preview.people)
        return (
            f"the file holds the hours of {len(preview.people)} people ({people}); "
            "choose whose rows to import with --person NAME"
        )
    if preview.needs == "date format":
        return (
            "every date in the file fits both MM/DD and DD/MM (no day is over 12); "
            "choose the order with --date-format MM/DD/YYYY or --date-format DD/MM/YYYY"
        )
    if preview.problems and not preview.skip_invalid:
        rows = _count(len(preview.problems), "row has a problem", "rows have problems")
        return f"{rows} (listed above); nothing was imported (--skip-invalid imports the others)"
    return ""


def _import(args: argparse.Namespace, ctx: cx.Context, kind: str) -> int:
    path = _file(args.file)
    options = _options(args)
    records = ctx.services().records
    noun = ("entry", "entries") if kind == "hours" else ("activity", "activities")
    if kind == "hours":
        preview: ImportPreview[Any] = records.preview_hours_csv(path, options)
    else:
        preview = records.preview_ce_csv(path, options)
    refusal = _refusal(preview)
    if args.json:
        print(_json(preview))
    else:
        _report(preview, path, noun)
    if refusal:
        raise ValidationError(refusal)
    if args.dry_run:
        if not args.json:
            print("Dry run: nothing was written.")
        return 0
    importer = records.import_hours if kind == "hours" else records.import_ce
    result = importer(preview)
    if not args.json:
        left = f", {_count(result.left_out, 'row', 'rows')} with problems left out"
        print(
            f"Imported {_count(result.added, *noun)} ({fmt_number(result.hours)} h)"
            f"{left if result.left_out else ''}."
        )
    return 0


def hours_import(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _import(args, ctx, "hours")


def ce_import(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _import(args, ctx, "ce")


def _export(args: argparse.Namespace, ctx: cx.Context, kind: str) -> int:
    start = cx.day(args.from_date, "--from")
    end = cx.day(args.to_date, "--to")
    if start and end and end < start:
        raise ValidationError(f"--to ({end}) is before --from ({start})", "--to")
    out = _target(args.out, ctx, args.force, "--out") if args.out else None
    records = ctx.services().records
    export = records.export_hours_csv if kind == "hours" else records.export_ce_csv
    target = out if out is not None else sys.stdout
    count = export(target, start, end, args.codes, force=args.force)
    if out is not None:
        print(f"Wrote {_count(count, 'row', 'rows')} to {out}")
    return 0


def hours_export(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _export(args, ctx, "hours")


def ce_export(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _export(args, ctx, "ce")


def _target(text: str, ctx: cx.Context, force: bool, option: str) -> Path:
    """The export file, checked before the database is opened."""
    from careerplanner.io.export_file import ExportTarget

    path = Path(text).expanduser()
    try:
        ExportTarget.check(path, ctx.data_dir, force)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error.message}", option) from None
    return path


def export_plan(args: argparse.Namespace, ctx: cx.Context) -> int:
    option = "--archive" if args.archive else "--json"
    out = _target(args.archive or args.json, ctx, args.force, option)
    services = ctx.services()
    if args.archive:
        plan = services.archive.export(out, force=args.force)
    else:
        plan = services.records.export_json(out, force=args.force)
    entries = _count(len(plan.entries), "hours entry", "hours entries")
    ce = _count(len(plan.ce), "CE activity", "CE activities")
    files = sum(1 for c in plan.ce if c.certificate) if args.archive else 0
    extra = f", {_count(files, 'certificate file', 'certificate files')}" if args.archive else ""
    print(f"Wrote the whole plan to {out}: {entries}, {ce}{extra}.")
    return 0


def import_plan(args: argparse.Namespace, ctx: cx.Context) -> int:
    path = _file(args.archive or args.json)
    services = ctx.services()
    importer = services.archive.import_ if args.archive else services.records.import_json
    plan = importer(path)
    print(
        f"Imported the plan into {ctx.data_dir}: "
        f"{_count(len(plan.entries), 'hours entry', 'hours entries')}, "
        f"{_count(len(plan.ce), 'CE activity', 'CE activities')}."
    )
    return 0


def register(subparsers: Any) -> None:
    for command, noun, on_import, on_export in (
        ("hours", "hours entries", hours_import, hours_export),
        ("ce", "CE activities", ce_import, ce_export),
    ):
        actions = cx.actions(subparsers, command)
        p = actions.add_parser("import", help=f"add {noun} from a CSV file (all or nothing)")
        p.add_argument("file", metavar="FILE")
        p.add_argument("--dry-run", action="store_true", help="report without writing")
        p.add_argument("--json", action="store_true", help="print the outcome as one JSON object")
        p.add_argument("--person", metavar="NAME", help="whose rows of a team export to import")
        p.add_argument(
            "--date-format",
            metavar="FORMAT",
            help=f"how to read slash dates ({', '.join(DATE_FORMATS)})",
        )
        p.add_argument(
            "--map",
            action="append",
            metavar="FIELD=COLUMN",
            help="read FIELD (start, hours, … or its label, e.g. 'Date (first day)') from "
            "the column named COLUMN; FIELD= leaves it out (repeatable)",
        )
        p.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and leave the rows with problems (default: all or none)",
        )
        p.set_defaults(handler=on_import)
        p = actions.add_parser("export", help=f"write {noun} as CSV (every column, ISO dates)")
        p.add_argument("--from", dest="from_date", metavar="DATE")
        p.add_argument("--to", dest="to_date", metavar="DATE")
        p.add_argument("--out", metavar="FILE", help="the file to write (default: the terminal)")
        p.add_argument("--force", action="store_true", help="replace FILE if it exists")
        p.add_argument(
            "--codes",
            action="store_true",
            help="write the machine form (start, hospital, ccm) instead of the labels",
        )
        p.set_defaults(handler=on_export)
    p = cx.command(subparsers, "export")
    _plan_file_options(p, "write")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=export_plan)
    p = cx.command(subparsers, "import")
    _plan_file_options(p, "read")
    p.set_defaults(handler=import_plan)


def _plan_file_options(parser: Any, verb: str) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--json", metavar="FILE", help=f"{verb} the plan as JSON (no certificates)")
    group.add_argument(
        "--archive",
        metavar="FILE",
        help=f"{verb} a .careerplanner archive: the plan and its certificate files, "
        "to move to another computer",
    )
