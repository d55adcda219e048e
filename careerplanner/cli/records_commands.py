"""Commands that move records in and out: `hours import/export`, `ce import/export`, and
`export --json FILE` / `import --json FILE` for the whole plan.

`import` reads the whole file first and writes nothing when any row is wrong: every bad row is
listed with its line number. Rows already stored are reported and skipped, so importing the
same file twice adds nothing. `--dry-run` reports without writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerplanner.cli import context as cx
from careerplanner.domain.errors import ValidationError

if TYPE_CHECKING:
    from careerplanner.io.csv_import import ImportPreview

SHOWN_PROBLEMS = 50  # rows listed on the terminal; the count says how many there are


def _file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise ValidationError(f"there is no file {path}", "FILE")
    return path


def _mapping(pairs: list[str] | None) -> dict[str, str | int] | None:
    """`--map field=column` options as a mapping; None when none were given."""
    if not pairs:
        return None
    found: dict[str, str | int] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise ValidationError(f"--map takes FIELD=COLUMN (not '{pair}')", "--map")
        found[name.strip()] = column.strip()
    return found


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _report(preview: ImportPreview[Any], path: Path, noun: tuple[str, str]) -> None:
    delimiter = "semicolon" if preview.delimiter == ";" else "comma"
    print(
        f"Read {_count(preview.read, 'row', 'rows')} from {path.name} "
        f"({preview.encoding}, {delimiter}-separated)."
    )
    for column in preview.ignored_columns:
        print(f"note: column '{column}' is not imported (no field reads it; see --map)")
    for line, stored_id in preview.duplicates[:SHOWN_PROBLEMS]:
        print(f"line {line}: already stored (id {stored_id}), skipped")
    for line, earlier in preview.repeats[:SHOWN_PROBLEMS]:
        print(f"line {line}: the same as line {earlier}, skipped")
    hidden = len(preview.duplicates) + len(preview.repeats) - 2 * SHOWN_PROBLEMS
    if hidden > 0:
        print(f"… and {hidden:,} more already stored or repeated")
    for line, message in preview.errors[:SHOWN_PROBLEMS]:
        print(f"line {line}: {message}", file=sys.stderr)
    if len(preview.errors) > SHOWN_PROBLEMS:
        print(f"… and {len(preview.errors) - SHOWN_PROBLEMS:,} more problems", file=sys.stderr)
    skipped = len(preview.duplicates) + len(preview.repeats)
    print(
        f"{_count(len(preview.rows), noun[0], noun[1])} to add, "
        f"{_count(skipped, 'row', 'rows')} already there, "
        f"{_count(len(preview.errors), 'row', 'rows')} with problems."
    )


def _import(args: argparse.Namespace, ctx: cx.Context, kind: str) -> int:
    path = _file(args.file)
    mapping = _mapping(args.map)
    records = ctx.services().records
    noun = ("entry", "entries") if kind == "hours" else ("activity", "activities")
    if kind == "hours":
        preview: ImportPreview[Any] = records.preview_hours_csv(path, mapping)
    else:
        preview = records.preview_ce_csv(path, mapping)
    _report(preview, path, noun)
    if preview.errors:
        rows = _count(len(preview.errors), "row has a problem", "rows have problems")
        raise ValidationError(f"{rows} (listed above); nothing was imported")
    if args.dry_run:
        print("Dry run: nothing was written.")
        return 0
    importer = records.import_hours if kind == "hours" else records.import_ce
    result = importer(preview)
    print(f"Imported {_count(result.added, *noun)}.")
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
    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.is_dir():
        raise ValidationError(f"--out {out} is a folder; name a file", "--out")
    records = ctx.services().records
    export = records.export_hours_csv if kind == "hours" else records.export_ce_csv
    count = export(out if out is not None else sys.stdout, start, end)
    if out is not None:
        print(f"Wrote {_count(count, 'row', 'rows')} to {out}")
    return 0


def hours_export(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _export(args, ctx, "hours")


def ce_export(args: argparse.Namespace, ctx: cx.Context) -> int:
    return _export(args, ctx, "ce")


def export_json(args: argparse.Namespace, ctx: cx.Context) -> int:
    out = Path(args.json).expanduser()
    if out.is_dir():
        raise ValidationError(f"--json {out} is a folder; name a file", "--json")
    plan = ctx.services().records.export_json(out)
    entries = _count(len(plan.entries), "hours entry", "hours entries")
    ce = _count(len(plan.ce), "CE activity", "CE activities")
    print(f"Wrote the whole plan to {out}: {entries}, {ce}.")
    return 0


def import_json(args: argparse.Namespace, ctx: cx.Context) -> int:
    path = _file(args.json)
    plan = ctx.services().records.import_json(path)
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
        p.add_argument(
            "--map",
            action="append",
            metavar="FIELD=COLUMN",
            help="read FIELD from the column named COLUMN (repeatable)",
        )
        p.set_defaults(handler=on_import)
        p = actions.add_parser("export", help=f"write {noun} as CSV (every column, ISO dates)")
        p.add_argument("--from", dest="from_date", metavar="DATE")
        p.add_argument("--to", dest="to_date", metavar="DATE")
        p.add_argument("--out", metavar="FILE", help="the file to write (default: the terminal)")
        p.set_defaults(handler=on_export)
    p = subparsers.add_parser("export", help="write the whole plan to a JSON file")
    p.add_argument("--json", required=True, metavar="FILE")
    p.set_defaults(handler=export_json)
    p = subparsers.add_parser("import", help="load a JSON plan into an empty data folder")
    p.add_argument("--json", required=True, metavar="FILE")
    p.set_defaults(handler=import_json)
