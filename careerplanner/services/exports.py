"""Exports of the user's records: hours and CE as CSV, and the whole plan as JSON.

Every file is written through `io.export_file.ExportTarget`, the one way every export
writes: checked before any work (never a file of the data folder; an existing file only with
`force`), written to a temporary file beside the target and renamed into place, so a failed
export never leaves half a file. A stream (the terminal) is written as is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO

from careerplanner.domain.catalog import Catalog
from careerplanner.domain.errors import ValidationError
from careerplanner.io import csv_export, json_io
from careerplanner.io.export_file import ExportTarget
from careerplanner.services.base import ServiceBase, Today
from careerplanner.services.bus import ChangeBus
from careerplanner.services.plan_file import read_plan_file, validate_plan_file
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo

Target = Path | IO[str]


class RecordExports(ServiceBase):
    """The export half of the records service (`ImportExportService` adds the imports)."""

    def __init__(
        self, db: Database, bus: ChangeBus, today: Today, catalog: Catalog | None = None
    ) -> None:
        super().__init__(db, bus, today)
        self._catalog = catalog

    def validated(self, plan: json_io.PlanFile) -> json_io.PlanFile:
        """The plan checked as a whole, as an import checks it (ValidationError if not)."""
        cert_ids = self._catalog.ids if self._catalog is not None else None
        return validate_plan_file(plan, self._today(), cert_ids)

    def importable_plan(self) -> json_io.PlanFile:
        """Everything stored, refused when an import could not take it back (a record kept
        from before a check was added, say), so no export is made that cannot be imported."""
        plan = self.read_plan()
        try:
            self.validated(plan)
        except ValidationError as error:
            raise ValidationError(
                f"the plan was not exported, because it could not be imported again: "
                f"{error.message}; correct that record, then export again",
                error.field,
            ) from None
        return plan

    def export_target(self, path: Path, force: bool = False) -> ExportTarget:
        """`path` checked as a place to export to (never a file of this data folder)."""
        return ExportTarget.check(path, self._db.data_dir, force)

    def export_hours_csv(
        self,
        target: Target,
        start: date | None = None,
        end: date | None = None,
        codes: bool = False,
        *,
        force: bool = False,
    ) -> int:
        """Every entry touching start..end (either may be open), every column; returns rows.
        Headers and choices as people read them, or `codes` as the machine form."""
        checked = self._checked(target, force)
        with self._db.session() as session:
            entries = repo.list_all(session, repo.ENTRIES)
            names = {s.id: s.name for s in repo.list_all(session, repo.SUPERVISORS)}
        chosen = [
            e
            for e in entries
            if (start is None or e.last_day >= start) and (end is None or e.start <= end)
        ]
        with _writing(checked) as stream:
            return csv_export.write_hours(stream, chosen, codes, names)

    def export_ce_csv(
        self,
        target: Target,
        start: date | None = None,
        end: date | None = None,
        codes: bool = False,
        *,
        force: bool = False,
    ) -> int:
        checked = self._checked(target, force)
        with self._db.session() as session:
            items = repo.list_all(session, repo.CE)
        chosen = [
            c
            for c in items
            if (start is None or c.date >= start) and (end is None or c.date <= end)
        ]
        with _writing(checked) as stream:
            return csv_export.write_ce(stream, chosen, codes)

    def _checked(self, target: Target, force: bool) -> ExportTarget | IO[str]:
        return self.export_target(target, force) if isinstance(target, Path) else target

    def export_json(self, target: Target, *, force: bool = False) -> json_io.PlanFile:
        """The whole plan, with ids, as one JSON document."""
        checked = self._checked(target, force)
        plan = self.importable_plan()
        with _writing(checked, bom=False) as stream:
            stream.write(json_io.dumps(plan))
        return plan

    def read_plan(self) -> json_io.PlanFile:
        """Everything stored, as one consistent read."""
        with self._db.session() as session:
            return read_plan_file(session)


@contextmanager
def _writing(target: ExportTarget | IO[str], bom: bool = True) -> Iterator[IO[str]]:
    """A text stream to the target: a stream as is, a path through `ExportTarget`."""
    if isinstance(target, ExportTarget):
        with target.text(bom=bom) as stream:
            yield stream
    else:
        yield target
