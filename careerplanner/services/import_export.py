"""Import and export of the user's records: CSV hours and CE, and the whole plan as JSON.

An import is previewed first (every bad row with its line, every duplicate), then stored all
together in one transaction or not at all. The exports are inherited from `RecordExports`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from careerplanner.bulk import bulk_work
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import CeActivity, Plan, WorkEntry
from careerplanner.io import json_io
from careerplanner.io.csv_import import (
    ImportOptions,
    ImportPreview,
    Problem,
    Progress,
    parse_ce,
    parse_hours,
)
from careerplanner.io.csv_read import read_csv
from careerplanner.io.import_checks import ce_key, day_overruns, entry_key, split_duplicates
from careerplanner.services.bus import KINDS, Change, ChangeKind
from careerplanner.services.exports import RecordExports
from careerplanner.services.import_links import link_supervisors
from careerplanner.services.plan_file import store_plan_file
from careerplanner.storage import repositories as repo

T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    """What an import stored (ids in file order), and what it skipped as already there."""

    ids: range
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (line, stored id)
    hours: float = 0.0  # the total of the rows stored
    left_out: int = 0  # rows with a problem, left out on request

    @property
    def added(self) -> int:
        return len(self.ids)

    @property
    def skipped(self) -> int:
        return len(self.duplicates)


class ImportExportService(RecordExports):
    # --- CSV import ---------------------------------------------------------------------

    def csv_columns(self, path: Path) -> list[str]:
        """The header of a CSV file, as the file names its columns."""
        return list(read_csv(path).columns)

    def preview_hours_csv(
        self,
        path: Path,
        options: ImportOptions | None = None,
        on_progress: Progress | None = None,
    ) -> ImportPreview[WorkEntry]:
        """Read the file and say what importing it would do; nothing is written."""
        with bulk_work():
            preview = parse_hours(read_csv(path), self._today(), options, on_progress)
            preview.source = Path(path).name
            with self._db.session() as session:
                self._screen_hours(session, preview)
        return preview

    def preview_ce_csv(
        self,
        path: Path,
        options: ImportOptions | None = None,
        on_progress: Progress | None = None,
    ) -> ImportPreview[CeActivity]:
        with bulk_work():
            preview = parse_ce(read_csv(path), self._today(), options, on_progress)
            with self._db.session() as session:
                _screen(preview, _stored_ce(session, preview.rows), ce_key)
        return preview

    def import_hours(
        self, preview: ImportPreview[WorkEntry], on_progress: Progress | None = None
    ) -> ImportResult:
        """Store every new row of a ready preview in one transaction, or none of them."""
        _refuse(preview)
        work = _copy(preview)
        with bulk_work(), self._db.session() as session:
            self._screen_hours(session, work)
            _refuse(work)
            work.rows = link_supervisors(session, work.rows)
            ids = repo.insert_many(session, repo.ENTRIES, work.rows, on_progress)
            repo.link_employers(session, ids)
            repo.record_imported(session, ids, datetime.now().replace(microsecond=0), work.source)
        self._publish(ChangeKind.ENTRIES, ChangeKind.EMPLOYERS)
        return ImportResult(ids, work.duplicates, work.hours, len(work.problems))

    def import_ce(
        self, preview: ImportPreview[CeActivity], on_progress: Progress | None = None
    ) -> ImportResult:
        _refuse(preview)
        work = _copy(preview)
        with bulk_work(), self._db.session() as session:
            _screen(work, _stored_ce(session, work.rows), ce_key)
            ids = repo.insert_many(session, repo.CE, work.rows, on_progress)
        self._publish(ChangeKind.CE)
        return ImportResult(ids, work.duplicates, work.hours, len(work.problems))

    def _screen_hours(self, session: Session, preview: ImportPreview[WorkEntry]) -> None:
        """Drop the rows already stored; a day over 24 h becomes a problem of its rows."""
        stored = _stored_entries(session, preview.rows)
        _screen(preview, stored, entry_key)
        if not preview.rows:
            return
        spans = [(e.start, e.last_day, e.hours) for e in stored]
        overruns = day_overruns(spans, preview.rows, preview.lines)
        if overruns:
            bad = {line for line, _ in overruns}
            kept = [
                (e, n) for e, n in zip(preview.rows, preview.lines, strict=True) if n not in bad
            ]
            preview.rows, preview.lines = [e for e, _ in kept], [n for _, n in kept]
            column = preview.mapping.get("hours", "Hours")
            found = [Problem(line, column, message) for line, message in overruns]
            preview.problems = sorted(preview.problems + found, key=lambda p: p.line)

    # --- JSON plan import ---------------------------------------------------------------

    def import_json(self, path: Path) -> Plan:
        """Reproduce an exported plan in this (empty) database, ids and all."""
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ValidationError(f"cannot read {path}: {error}", "file") from error
        return self.import_plan(self.checked_plan(text))

    def checked_plan(self, text: str) -> json_io.PlanFile:
        """A plan document read and checked as a whole, as every other path checks it."""
        return self.validated(json_io.loads(text))

    def import_plan(
        self,
        plan: json_io.PlanFile,
        prepare: Callable[[json_io.PlanFile], json_io.PlanFile] | None = None,
    ) -> Plan:
        """Store a checked plan in this empty database in one transaction; `prepare` runs
        inside it once the database is known to be empty, and may adjust the plan."""
        with self._db.session() as session:
            if not repo.is_empty(session):
                raise ValidationError(
                    "a plan is imported only into an empty data folder, and this one already "
                    "holds data; choose a new folder (--data-dir) or restore a backup instead",
                    "file",
                )
            store_plan_file(session, prepare(plan) if prepare is not None else plan)
            snapshot = repo.load_plan(session)
        self._bus.publish(Change(KINDS))
        return snapshot


# --- helpers -------------------------------------------------------------------------------


def _refuse(preview: ImportPreview[T]) -> None:
    """Nothing is stored while a choice is open, or a row has a problem (unless asked)."""
    if preview.needs:
        raise ValidationError(f"choose the {preview.needs} first; nothing was imported", "file")
    if not preview.problems or preview.skip_invalid:
        return
    count = len(preview.problems)
    line, message = preview.errors[0]
    rows = "1 row has a problem" if count == 1 else f"{count:,} rows have problems"
    raise ValidationError(f"{rows} (first: line {line}: {message}); nothing was imported", "file")


def _copy(preview: ImportPreview[T]) -> ImportPreview[T]:
    return replace(
        preview,
        rows=list(preview.rows),
        lines=list(preview.lines),
        problems=list(preview.problems),
        duplicates=list(preview.duplicates),
    )


def _screen(preview: ImportPreview[T], stored: Sequence[T], key: Callable[[T], Hashable]) -> None:
    rows, lines, duplicates = split_duplicates(preview.rows, preview.lines, stored, key)
    preview.rows, preview.lines = rows, lines
    preview.duplicates = sorted(preview.duplicates + duplicates)


def _stored_entries(session: Session, rows: Sequence[WorkEntry]) -> list[WorkEntry]:
    """Stored entries touching any day from the first start to the last day of `rows`."""
    if not rows:
        return []
    first, last = min(e.start for e in rows), max(e.last_day for e in rows)
    return repo.entries_touching(session, first, last)


def _stored_ce(session: Session, rows: Sequence[CeActivity]) -> list[CeActivity]:
    if not rows:
        return []
    return repo.ce_between(session, min(c.date for c in rows), max(c.date for c in rows))
