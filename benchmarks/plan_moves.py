"""Moving a plan of 100,000 entries: JSON and archive export and import, and the export check.

The JSON and archive exports check the plan as an import would (so no file is made that the
new computer refuses); `check (hard link)` is the export check's worst case, a target with a
second link, which compares its inode with every file of the data folder.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.fixtures import large_entries
from careerplanner.catalog import load_catalog
from careerplanner.io.export_file import ExportTarget
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo

ROWS = 100_000
TODAY = date(2026, 11, 26)


def _report(name: str, seconds: float, detail: str = "") -> None:
    print(f"  {name:<18} {seconds * 1000:8.0f} ms {detail}", flush=True)


def _timed(name: str, detail: str, action: Callable[[], object]) -> None:
    began = time.perf_counter()
    action()
    _report(name, time.perf_counter() - began, detail)


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with Database.open(root / "old") as db:
            with db.session() as session:
                repo.add_many(session, repo.ENTRIES, large_entries(ROWS, 35, TODAY))
            services = Services(db, catalog, today=lambda: TODAY)
            plan_json, archive = root / "plan.json", root / "plan.careerplanner"
            _timed(
                "export --json",
                f"({ROWS:,} entries)",
                lambda: services.records.export_json(plan_json),
            )
            _timed("export --archive", "", lambda: services.archive.export(archive))
            sizes = plan_json.stat().st_size, archive.stat().st_size
            print(f"  sizes: JSON {sizes[0]:,} B, archive {sizes[1]:,} B")
            linked = root / "linked.csv"
            os.link(plan_json, linked)
            _timed("check (hard link)", "(inode compared with the data folder's files)",
                   lambda: ExportTarget.check(linked, db.data_dir, force=True))  # fmt: skip
        for name, source in (("import --json", plan_json), ("import --archive", archive)):
            with Database.open(root / name.replace(" ", "")) as db:
                fresh = Services(db, catalog, today=lambda: TODAY)
                importer = (
                    fresh.records.import_json if source == plan_json else fresh.archive.import_
                )
                _timed(name, "", lambda importer=importer, source=source: importer(source))


if __name__ == "__main__":
    main()
